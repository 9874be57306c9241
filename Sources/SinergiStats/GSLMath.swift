internal import CGSL

/// The GSL special functions and inverse CDFs Sinergi uses, with GSL status codes turned
/// into thrown ``GSLError``s where GSL reports one.
public enum GSLMath {
    /// ln B(a, b), the logarithm of the beta function (`gsl_sf_lnbeta_e`).
    /// Throws ``GSLError/domain`` unless a > 0 and b > 0.
    public static func logBeta(_ a: Double, _ b: Double) throws(GSLError) -> Double {
        GSLRuntime.configure()
        var result = gsl_sf_result()
        try GSLError.check(gsl_sf_lnbeta_e(a, b, &result))
        return result.val
    }

    /// ln x (`gsl_sf_log_e`). Throws ``GSLError/domain`` for x ≤ 0.
    public static func log(_ x: Double) throws(GSLError) -> Double {
        GSLRuntime.configure()
        var result = gsl_sf_result()
        try GSLError.check(gsl_sf_log_e(x, &result))
        return result.val
    }

    /// Inverse CDF of Beta(a, b) at p (`gsl_cdf_beta_Pinv`).
    @inlinable
    public static func betaQuantile(_ p: Double, _ a: Double, _ b: Double) -> Double {
        cdfBetaPinv(p, a, b)
    }

    /// Inverse CDF of Normal(0, sd) at p (`gsl_cdf_gaussian_Pinv`).
    @inlinable
    public static func gaussianQuantile(_ p: Double, _ sd: Double) -> Double {
        cdfGaussianPinv(p, sd)
    }

    /// CDF of Normal(0, sd) at x (`gsl_cdf_gaussian_P`).
    @inlinable
    public static func gaussianCDF(_ x: Double, _ sd: Double) -> Double {
        cdfGaussianP(x, sd)
    }

    /// Inverse CDF of the lognormal with log-mean mu and log-sd sigma (`gsl_cdf_lognormal_Pinv`).
    @inlinable
    public static func lognormalQuantile(_ p: Double, _ mu: Double, _ sigma: Double) -> Double {
        cdfLognormalPinv(p, mu, sigma)
    }

    /// The upper quantile of Student's t with `dof` degrees of freedom at p (`gsl_cdf_tdist_Pinv`).
    public static func studentTQuantile(_ p: Double, degreesOfFreedom dof: Double) -> Double {
        gsl_cdf_tdist_Pinv(p, dof)
    }

    // Non-inlinable trampolines keep the C module out of the public inlinable surface.
    @usableFromInline static func cdfBetaPinv(_ p: Double, _ a: Double, _ b: Double) -> Double {
        // gsl_cdf_beta_Pinv reports non-convergence through GSL's error handler, which aborts
        // unless it has been switched off; a quantile may be the first GSL call of a process.
        GSLRuntime.configure()
        let x = gsl_cdf_beta_Pinv(p, a, b)
        guard x.isNaN, p > 0, p < 1, a > 0, b > 0, a.isFinite, b.isFinite else { return x }
        return bisectBetaQuantile(p, a, b)
    }

    /// The smallest double x in [0, 1] with F(x) ≥ p for Beta(a, b), by bisection on the bit
    /// patterns of the doubles: at most 62 evaluations of `gsl_cdf_beta_P`, and the result is
    /// the double next to the crossing of GSL's computed CDF.
    ///
    /// GSL's Newton iteration in `gsl_cdf_beta_Pinv` fails to converge, returning NaN, for
    /// extreme but valid shapes (e.g. a ≤ 0.05, or a = 1 and b = 1000); only then is this used.
    static func bisectBetaQuantile(_ p: Double, _ a: Double, _ b: Double) -> Double {
        var low: UInt64 = 0  // F(0) = 0 < p
        var high = (1.0).bitPattern  // F(1) = 1 ≥ p
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if gsl_cdf_beta_P(Double(bitPattern: middle), a, b) < p { low = middle } else { high = middle }
        }
        return Double(bitPattern: high)
    }
    @usableFromInline static func cdfGaussianPinv(_ p: Double, _ sd: Double) -> Double {
        gsl_cdf_gaussian_Pinv(p, sd)
    }
    @usableFromInline static func cdfGaussianP(_ x: Double, _ sd: Double) -> Double {
        gsl_cdf_gaussian_P(x, sd)
    }
    @usableFromInline static func cdfLognormalPinv(_ p: Double, _ mu: Double, _ sigma: Double) -> Double {
        gsl_cdf_lognormal_Pinv(p, mu, sigma)
    }
}

import RealModule

extension Distribution {
    /// One sample for the initial state (the `init` stream, MODEL.md §6).
    ///
    /// Beta is drawn exactly from two Gamma variates (``Gamma``), which takes a variable
    /// number of uniforms and costs a few hundred instructions where the inverse CDF costs
    /// thousands; every other distribution is the inverse CDF of one uniform, as in
    /// ``sample(_:)``. Redraws during the months (a new head of government, a new agency
    /// head) always use ``sample(_:)``, so they cost one uniform whatever the distribution.
    @inlinable
    public func initialSample(_ stream: RandomStream) -> Double {
        guard case .beta(let alpha, let beta) = self else { return sample(stream) }
        return Gamma.beta(alpha, beta, stream)
    }
}

/// Exact samplers of the Gamma and Beta distributions that take a variable number of
/// uniforms; only the initial state uses them.
public enum Gamma {
    /// A standard normal variate, the inverse CDF of one uniform (`gsl_cdf_gaussian_Pinv`,
    /// exact to double precision).
    @inlinable
    static func normal(_ stream: RandomStream) -> Double {
        GSLMath.gaussianQuantile(stream.uniform(), 1)
    }

    /// ln X for X ~ Gamma(shape, 1), shape > 0.
    ///
    /// Marsaglia & Tsang (2000), "A simple method for generating gamma variables", ACM TOMS
    /// 26(3): for shape a ≥ 1, d = a − 1/3, c = 1/√(9d); draw a normal x until
    /// v = (1 + cx)³ > 0 and a uniform u passes the squeeze u < 1 − 0.0331x⁴ or
    /// ln u < x²/2 + d(1 − v + ln v); then X = dv. For a < 1 their boost:
    /// X = Y · U^(1/a) with Y ~ Gamma(a + 1), returned as a logarithm so that tiny shapes do
    /// not underflow to 0.
    @inlinable
    public static func logVariate(shape: Double, _ stream: RandomStream) -> Double {
        guard shape < 1 else { return Double.log(variate(atLeastOne: shape, stream)) }
        let boost = Double.log(stream.uniform()) / shape
        return Double.log(variate(atLeastOne: shape + 1, stream)) + boost
    }

    /// X ~ Gamma(shape, 1) for shape ≥ 1 (Marsaglia & Tsang), without logarithms on the
    /// accepted path.
    @inlinable
    static func variate(atLeastOne shape: Double, _ stream: RandomStream) -> Double {
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = normal(stream)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = stream.uniform()
            let x2 = x * x
            if u < 1 - 0.0331 * x2 * x2 { return d * v }
            if Double.log(u) < 0.5 * x2 + d * (1 - v + Double.log(v)) { return d * v }
        }
    }

    /// B ~ Beta(α, β) as X / (X + Y) with X ~ Gamma(α) and Y ~ Gamma(β) drawn in that order
    /// (e.g. Devroye 1986, §IX.4); through logarithms, 1 / (1 + e^(ln Y − ln X)), when a
    /// shape is below 1.
    @inlinable
    public static func beta(_ alpha: Double, _ beta: Double, _ stream: RandomStream) -> Double {
        if alpha >= 1 && beta >= 1 {
            let x = variate(atLeastOne: alpha, stream)
            let y = variate(atLeastOne: beta, stream)
            return x / (x + y)
        }
        let lx = logVariate(shape: alpha, stream)
        let ly = logVariate(shape: beta, stream)
        return 1 / (1 + Double.exp(ly - lx))
    }
}

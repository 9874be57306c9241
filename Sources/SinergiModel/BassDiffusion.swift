import RealModule

/// Aggregate citizen adoption as the Bass (1969) diffusion model, stepped with its exact
/// solution over one month (MODEL.md §3, aggregate mode).
public enum BassDiffusion {
    /// One month, Δ = 1/12 year.
    public static let monthInYears = 1.0 / 12.0

    /// The adopter fraction F of the potential after `years`, from F with innovation `p`
    /// and imitation `q` per year held constant over the step.
    ///
    /// With p > 0 the quantity K = (p + qF)/(1 − F) grows as K·e^((p+q)Δt), so
    /// F′ = (K′ − p)/(q + K′); with p = 0 the logistic F′ = F·e^(qΔt)/(1 − F + F·e^(qΔt)).
    /// F ≥ 1 stays at 1.
    @inlinable
    public static func step(
        fraction F: Double, innovation p: Double, imitation q: Double,
        years dt: Double = monthInYears
    ) -> Double {
        if F >= 1 { return 1 }
        if p > 0 {
            let k = (p + q * F) / (1 - F) * Double.exp((p + q) * dt)
            return Swift.min(1, Swift.max(0, (k - p) / (q + k)))
        }
        if q <= 0 || F <= 0 { return F }
        let growth = Double.exp(q * dt)
        return F * growth / (1 - F + F * growth)
    }

    /// The closed form F(t) = (1 − e^(−(p+q)t)) / (1 + (q/p)·e^(−(p+q)t)) from F(0) = 0.
    public static func closedForm(years t: Double, innovation p: Double, imitation q: Double) -> Double {
        let decay = Double.exp(-(p + q) * t)
        return (1 - decay) / (1 + (q / p) * decay)
    }
}

/// The distance between a simulation's outputs and the observations: the Euclidean norm of
/// the standardised residuals,
///
///     r_i = (simulated_i − observed_i) / sd_i,    d = √(Σ_i r_i²).
///
/// Each observation counts in units of its own sd, so targets on different scales (an index
/// on 1–5, an adoption share near 0.02) weigh alike, and d = k means "k sd away" when
/// there is one target. A simulation with a missing or non-finite output is infinitely far
/// and never accepted.
public struct StandardisedDistance: Sendable, Hashable {
    public let observations: [Observation]

    public init(observations: [Observation]) { self.observations = observations }

    /// The standardised residuals r_i, one per observation, in the observations' order.
    public func residuals(_ simulated: [Double]) -> [Double] {
        precondition(simulated.count == observations.count, "one simulated value per observation")
        return zip(simulated, observations).map { ($0 - $1.value) / $1.sd }
    }

    /// The distance d of `simulated` from the observations (+∞ when an output is not finite).
    public func distance(_ simulated: [Double]) -> Double { Self.norm(residuals(simulated)) }

    /// √(Σ r_i²) of standardised residuals (+∞ when one is not finite).
    public static func norm(_ residuals: [Double]) -> Double {
        var sum = 0.0
        for r in residuals {
            guard r.isFinite else { return .infinity }
            sum += r * r
        }
        return sum.squareRoot()
    }
}

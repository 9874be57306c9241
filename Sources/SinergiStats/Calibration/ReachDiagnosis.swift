/// Which targets a calibration cannot bring the model near.
///
/// When the tolerance stops falling, the population is as close as the model gets. The
/// diagnosis names every observation that no particle of the last generation came within a
/// threshold of (3 sds by default): the smallest |standardised residual| any particle had
/// for it is larger. The best compromise the prior allows leaves that target beyond the
/// noise of its observation. Targets are listed from the farthest.
///
/// Looking at each target's best particle, rather than at the one closest particle, keeps a
/// reachable target from being named when the closest particle traded it off against an
/// unreachable one.
public struct ReachDiagnosis: Sendable, Hashable {
    /// One target out of reach.
    public struct Target: Sendable, Hashable {
        public var observation: Observation
        /// The simulated value nearest to it among the particles.
        public var nearestSimulated: Double
        /// (nearestSimulated − value) / sd: positive when the model overshoots.
        public var residual: Double
    }

    /// The targets out of reach, largest |residual| first (ties in observation order).
    public let unreachable: [Target]
    /// The distance of the closest particle.
    public let closestDistance: Double
    /// The threshold, in sds.
    public let threshold: Double
    /// Whether the distances had stopped falling (the targets are out of reach within the
    /// priors), rather than the run stopping at its generation cap.
    public let settled: Bool

    public init(generation: ABCGeneration, observations: [Observation], threshold: Double, settled: Bool = true) {
        precondition(generation.smallestResiduals.count == observations.count)
        var targets: [(order: Int, target: Target)] = []
        for (order, (observation, residual)) in zip(observations, generation.smallestResiduals).enumerated()
        where Swift.abs(residual) > threshold {
            let simulated = observation.value + residual * observation.sd
            targets.append(
                (order, Target(observation: observation, nearestSimulated: simulated, residual: residual)))
        }
        targets.sort { a, b in
            let (x, y) = (Swift.abs(a.target.residual), Swift.abs(b.target.residual))
            return x > y || (x == y && a.order < b.order)
        }
        unreachable = targets.map(\.target)
        closestDistance = generation.closestDistance
        self.threshold = threshold
        self.settled = settled
    }

}

/// The settings of one ABC-SMC calibration: what is fitted, to what, and when to stop.
public struct ABCConfiguration: Sendable, Hashable, Codable {
    /// The factors and their priors.
    public var prior: Prior
    /// The targets, in the order the engine returns simulated outputs.
    public var observations: [Observation]
    /// N, the particles accepted in each generation.
    public var populationSize: Int
    /// G, the most generations (generation 0, the prior sample, counts as one).
    public var maximumGenerations: Int
    /// A, the acceptance floor: a generation that would need more than ⌊N / A⌋ simulations
    /// is abandoned and the run stops. 0 means no floor.
    public var minimumAcceptanceRate: Double
    /// α, the quantile of the previous generation's distances that becomes the next
    /// tolerance (0.5: the median).
    public var toleranceQuantile: Double
    /// The run stops when the next tolerance would fall by less than this fraction of the
    /// current one (0.01: less than 1%).
    public var minimumToleranceDecrease: Double
    /// A target that no particle of the last generation comes within this many sds of, when
    /// the distances stop falling, is reported as out of reach (``ReachDiagnosis``).
    public var unreachableResidual: Double
    /// The master seed.
    public var seed: UInt64

    public init(
        prior: Prior, observations: [Observation], populationSize: Int = 1000, maximumGenerations: Int = 10,
        minimumAcceptanceRate: Double = 0.01, toleranceQuantile: Double = 0.5, minimumToleranceDecrease: Double = 0.01,
        unreachableResidual: Double = 3, seed: UInt64
    ) {
        self.prior = prior
        self.observations = observations
        self.populationSize = populationSize
        self.maximumGenerations = maximumGenerations
        self.minimumAcceptanceRate = minimumAcceptanceRate
        self.toleranceQuantile = toleranceQuantile
        self.minimumToleranceDecrease = minimumToleranceDecrease
        self.unreachableResidual = unreachableResidual
        self.seed = seed
    }

    /// Checks every setting; throws the first problem in words.
    public func validate() throws(CalibrationError) {
        try prior.validate()
        guard !observations.isEmpty else {
            throw CalibrationError(message: "a calibration needs at least one observation")
        }
        var names = Set<String>()
        for observation in observations {
            try observation.validate()
            guard names.insert(observation.name).inserted else {
                throw CalibrationError(message: "observation '\(observation.name)' is given twice")
            }
        }
        guard populationSize >= 2 else {
            throw CalibrationError(message: "a population needs at least 2 particles, got \(populationSize)")
        }
        guard maximumGenerations >= 1 else {
            throw CalibrationError(message: "a calibration needs at least 1 generation, got \(maximumGenerations)")
        }
        guard minimumAcceptanceRate >= 0, minimumAcceptanceRate < 1 else {
            throw CalibrationError(message: "the acceptance floor must lie in [0, 1), got \(minimumAcceptanceRate)")
        }
        guard toleranceQuantile > 0, toleranceQuantile < 1 else {
            throw CalibrationError(message: "the tolerance quantile must lie in (0, 1), got \(toleranceQuantile)")
        }
        guard minimumToleranceDecrease >= 0, minimumToleranceDecrease < 1 else {
            throw CalibrationError(
                message: "the minimum tolerance decrease must lie in [0, 1), got \(minimumToleranceDecrease)")
        }
        guard unreachableResidual > 0, unreachableResidual.isFinite else {
            throw CalibrationError(message: "the unreachable residual must be positive, got \(unreachableResidual)")
        }
    }

    /// The most candidates one generation may simulate, ⌊N / A⌋: with more, its acceptance
    /// rate N / simulations would fall below A. `Int.max` without a floor.
    public var simulationBudget: Int {
        guard minimumAcceptanceRate > 0 else { return Int.max }
        let budget = (Double(populationSize) / minimumAcceptanceRate).rounded(.down)
        return budget >= Double(Int.max) ? Int.max : Int(budget)
    }
}

/// One complete generation of an ABC-SMC run: its tolerance, its N accepted particles with
/// their importance weights and distances, and what it cost. It is all the state the next
/// generation needs, so the engine commits it to the store and can resume from it
/// (``ABCSMC/init(configuration:resumingAfter:)``).
///
/// In JSON the infinite tolerance of generation 0 is written as `null`.
public struct ABCGeneration: Sendable, Hashable, Codable {
    /// t, from 0.
    public var index: Int
    /// ε_t: a candidate was accepted when its distance was at most this (+∞ in generation 0).
    public var tolerance: Double
    /// The accepted parameter vectors, one per particle, on the factors' own scale.
    public var particles: [[Double]]
    /// The normalised importance weights (sum 1).
    public var weights: [Double]
    /// Each particle's distance from the observations.
    public var distances: [Double]
    /// Each particle's candidate index in this generation.
    public var candidates: [Int]
    /// The candidates simulated to reach N acceptances: the last accepted index + 1.
    public var simulations: Int
    /// The standardised residuals of the particle closest to the observations (the smallest
    /// distance; the earliest candidate on a tie), one per observation.
    public var closestResiduals: [Double]
    /// For each observation, the standardised residual of smallest magnitude among the
    /// particles: how near the population came to that target at best.
    public var smallestResiduals: [Double]

    public init(
        index: Int, tolerance: Double, particles: [[Double]], weights: [Double], distances: [Double],
        candidates: [Int], simulations: Int, closestResiduals: [Double], smallestResiduals: [Double]
    ) {
        self.index = index
        self.tolerance = tolerance
        self.particles = particles
        self.weights = weights
        self.distances = distances
        self.candidates = candidates
        self.simulations = simulations
        self.closestResiduals = closestResiduals
        self.smallestResiduals = smallestResiduals
    }

    /// N, the number of particles.
    public var populationSize: Int { particles.count }

    /// N / simulations.
    public var acceptanceRate: Double { Double(populationSize) / Double(simulations) }

    /// 1 / Σ w², between 1 and N.
    public var effectiveSampleSize: Double { WeightedStatistics.effectiveSampleSize(weights) }

    /// The smallest distance in the population.
    public var closestDistance: Double { StandardisedDistance.norm(closestResiduals) }

    /// The values of factor `factor` across the particles.
    public func values(ofFactor factor: Int) -> [Double] { particles.map { $0[factor] } }

    private enum CodingKeys: String, CodingKey {
        case index, tolerance, particles, weights, distances, candidates, simulations, closestResiduals
        case smallestResiduals
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        index = try container.decode(Int.self, forKey: .index)
        tolerance = try container.decodeIfPresent(Double.self, forKey: .tolerance) ?? .infinity
        particles = try container.decode([[Double]].self, forKey: .particles)
        weights = try container.decode([Double].self, forKey: .weights)
        distances = try container.decode([Double].self, forKey: .distances)
        candidates = try container.decode([Int].self, forKey: .candidates)
        simulations = try container.decode(Int.self, forKey: .simulations)
        closestResiduals = try container.decode([Double].self, forKey: .closestResiduals)
        smallestResiduals = try container.decode([Double].self, forKey: .smallestResiduals)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(index, forKey: .index)
        if tolerance.isFinite {
            try container.encode(tolerance, forKey: .tolerance)
        } else {
            try container.encodeNil(forKey: .tolerance)
        }
        try container.encode(particles, forKey: .particles)
        try container.encode(weights, forKey: .weights)
        try container.encode(distances, forKey: .distances)
        try container.encode(candidates, forKey: .candidates)
        try container.encode(simulations, forKey: .simulations)
        try container.encode(closestResiduals, forKey: .closestResiduals)
        try container.encode(smallestResiduals, forKey: .smallestResiduals)
    }
}

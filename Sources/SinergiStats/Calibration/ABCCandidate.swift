/// One proposed parameter vector for the engine to simulate.
///
/// Candidates are numbered from 0 within a generation; candidate i depends only on (seed,
/// generation, i) and the previous population, so the engine may simulate any range of
/// them, in any order, on any thread or shard.
public struct ABCCandidate: Sendable, Hashable, Codable {
    public var generation: Int
    public var index: Int
    /// One value per factor, in the prior's factor order, on the factors' own scale.
    public var parameters: [Double]
    /// The seed of the model run that simulates this candidate.
    public var simulationSeed: UInt64
    /// The particle of the previous population it was perturbed from (nil in generation 0).
    public var ancestor: Int?
    /// How many proposals fell outside the prior's support and were drawn again.
    public var redraws: Int

    public init(
        generation: Int, index: Int, parameters: [Double], simulationSeed: UInt64, ancestor: Int?, redraws: Int
    ) {
        self.generation = generation
        self.index = index
        self.parameters = parameters
        self.simulationSeed = simulationSeed
        self.ancestor = ancestor
        self.redraws = redraws
    }
}

/// What the engine reports for one simulated candidate: its simulated outputs, one per
/// observation, in the observations' order (NaN when a run gave no value).
public struct ABCOutcome: Sendable, Hashable, Codable {
    public var index: Int
    public var outputs: [Double]

    public init(index: Int, outputs: [Double]) {
        self.index = index
        self.outputs = outputs
    }
}

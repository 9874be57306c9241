/// How ``MorrisAnalysis`` estimates the intervals.
public struct MorrisOptions: Sendable, Equatable {
    /// The number of bootstrap resamples of the trajectories (SALib's `num_resamples`).
    public var bootstrapResamples: Int
    /// The seed of the bootstrap resamples.
    public var bootstrapSeed: UInt64

    public init(bootstrapResamples: Int = 1000, bootstrapSeed: UInt64 = 0) {
        self.bootstrapResamples = bootstrapResamples
        self.bootstrapSeed = bootstrapSeed
    }
}

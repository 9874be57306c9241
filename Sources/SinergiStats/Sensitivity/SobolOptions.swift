/// How ``SobolAnalysis`` estimates the indices and their intervals.
public struct SobolOptions: Sendable, Equatable {
    /// The number of bootstrap resamples of the base rows B (SALib's `num_resamples`).
    public var bootstrapResamples: Int
    /// The seed of the bootstrap resamples.
    public var bootstrapSeed: UInt64
    /// Whether the seed's noise is removed from the estimators (needs R ≥ 2 replicates per
    /// point); without it the estimators see only the replicate means, as SALib would.
    public var noiseCorrection: Bool

    public init(bootstrapResamples: Int = 1000, bootstrapSeed: UInt64 = 0, noiseCorrection: Bool = true) {
        self.bootstrapResamples = bootstrapResamples
        self.bootstrapSeed = bootstrapSeed
        self.noiseCorrection = noiseCorrection
    }
}

/// The resamples of a bootstrap over the units of a sensitivity sample: the base rows of a
/// Sobol' sample, or the trajectories of a Morris sample (Efron & Tibshirani 1993).
///
/// Resample b draws `size` units with replacement from a stream seeded with
/// mix(mix(seed) ⊕ b) (``SeedDerivation/mix(_:)``), unit ⌊u · size⌋ for each uniform u, so
/// every resample can be rebuilt on its own and the intervals depend only on the seed.
public struct BootstrapResampling: Sendable, Equatable {
    /// The number of units in the sample (and in each resample).
    public let size: Int
    /// The number of resamples B.
    public let resamples: Int
    /// The seed of every resample.
    public let seed: UInt64

    public init(size: Int, resamples: Int, seed: UInt64) throws(SensitivityError) {
        guard resamples >= 2 else { throw .tooFewResamples(resamples) }
        self.size = size
        self.resamples = resamples
        self.seed = seed
    }

    /// The units drawn in resample `b` (0-based), in draw order.
    public func units(ofResample b: Int) -> [Int] {
        let stream = RandomStream(algorithm: .mt19937, seed: SeedDerivation.mix(SeedDerivation.mix(seed) ^ UInt64(b)))
        return (0..<size).map { _ in min(Int(stream.uniform() * Double(size)), size - 1) }
    }

    /// How often each unit is drawn in resample `b`: the weights of the resampled estimate.
    func counts(ofResample b: Int) -> [Double] {
        var counts = [Double](repeating: 0, count: size)
        for unit in units(ofResample: b) { counts[unit] += 1 }
        return counts
    }
}

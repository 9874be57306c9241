import SinergiStats

/// `n` samples of `distribution` from a fresh stream seeded with `seed`.
func samples(
    of distribution: Distribution, count n: Int, seed: UInt64, algorithm: RandomAlgorithm = .mt19937
) -> [Double] {
    let stream = RandomStream(algorithm: algorithm, seed: seed)
    return (0..<n).map { _ in distribution.sample(stream) }
}

/// The arithmetic mean of `values`.
func average(_ values: [Double]) -> Double {
    values.reduce(0, +) / Double(values.count)
}

/// Standard error of the mean of `n` draws from a distribution with variance `variance`.
func standardError(variance: Double, n: Int) -> Double {
    (variance / Double(n)).squareRoot()
}

/// Standard error of an observed proportion when the true probability is `p`.
func proportionStandardError(p: Double, n: Int) -> Double {
    (p * (1 - p) / Double(n)).squareRoot()
}

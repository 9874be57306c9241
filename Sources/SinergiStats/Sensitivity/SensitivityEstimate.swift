/// A sensitivity index (or the noise share) with its bootstrap uncertainty.
public struct SensitivityEstimate: Sendable, Equatable {
    /// The estimate from the whole sample.
    public var estimate: Double
    /// The 2.5 % and 97.5 % quantiles of the bootstrap estimates (percentile interval; NumPy's
    /// default linear interpolation between order statistics).
    public var ci95Low: Double
    public var ci95High: Double
    /// The standard deviation of the bootstrap estimates (n − 1): SALib's `conf` is
    /// z(0.975) times this, a normal-approximation half-width.
    public var standardError: Double

    public init(estimate: Double, ci95Low: Double, ci95High: Double, standardError: Double) {
        self.estimate = estimate
        self.ci95Low = ci95Low
        self.ci95High = ci95High
        self.standardError = standardError
    }

    /// An estimate and the bootstrap distribution of its resampled values, NaN ones left out.
    init(estimate: Double, resampled: [Double]) {
        var data = ContiguousArray(resampled.filter { !$0.isNaN })
        let summary = Summary(summarising: &data)
        self.init(
            estimate: estimate, ci95Low: Self.quantile(data, 0.025), ci95High: Self.quantile(data, 0.975),
            standardError: summary.standardDeviation)
    }

    /// The p-quantile of sorted `data` by linear interpolation between the order statistics
    /// at ⌊p(n − 1)⌋ and ⌈p(n − 1)⌉ (R's type 7, NumPy's default); NaN when empty.
    static func quantile(_ sorted: ContiguousArray<Double>, _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let position = p * Double(sorted.count - 1)
        let low = Int(position.rounded(.down))
        let high = min(low + 1, sorted.count - 1)
        let fraction = position - Double(low)
        return sorted[low] + fraction * (sorted[high] - sorted[low])
    }
}

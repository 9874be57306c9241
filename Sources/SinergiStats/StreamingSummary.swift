/// Summary statistics of a stream of values in bounded memory.
///
/// Mean and variance use Welford's (1962) update and are exact up to rounding; they
/// depend on the order of the values, so callers feed values in a fixed order (Sinergi
/// feeds replicates in replicate order). Quantiles are exact — computed with GSL from the
/// stored values — while at most `exactCapacity` values have been seen; past that the
/// values move into a ``QuantileSketch`` of relative accuracy 0.5% and memory stops growing.
public struct StreamingSummary: Sendable {
    public let exactCapacity: Int
    public private(set) var count = 0
    private var mean = 0.0
    private var sumOfSquares = 0.0
    private var exact: ContiguousArray<Double>? = []
    private var sketch: QuantileSketch? = nil

    public init(exactCapacity: Int) {
        self.exactCapacity = exactCapacity
    }

    /// Whether quantiles are still exact.
    public var quantilesAreExact: Bool { exact != nil }

    /// Values (exact) or non-empty sketch buckets held for the quantiles, 8 bytes each: at
    /// most `exactCapacity` while exact, then the sketch's buckets.
    public var retainedEntries: Int { exact?.count ?? sketch?.bucketCount ?? 0 }

    /// Adds one value; NaN counts as missing and is ignored.
    public mutating func add(_ x: Double) {
        if x.isNaN { return }
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        sumOfSquares += delta * (x - mean)
        if exact != nil {
            if count <= exactCapacity {
                exact!.append(x)
                return
            }
            var newSketch = QuantileSketch()
            for value in exact! { newSketch.insert(value) }
            exact = nil
            sketch = newSketch
        }
        sketch!.insert(x)
    }

    /// The summary so far (the same fields as ``Summary``).
    public func summary() -> Summary {
        if var values = exact {
            var result = Summary(summarising: &values)
            result.replaceMoments(count: count, mean: mean, sumOfSquares: sumOfSquares)
            return result
        }
        let quantiles =
            sketch.map { s in [0.05, 0.25, 0.5, 0.75, 0.95].map { s.quantile($0) } }
            ?? Array(repeating: .nan, count: 5)
        return Summary(count: count, mean: mean, sumOfSquares: sumOfSquares, quantiles: quantiles)
    }
}

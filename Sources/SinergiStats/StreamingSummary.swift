/// Summary statistics of a stream of values in bounded memory.
///
/// Mean and variance use Welford's (1962) update and are exact up to rounding; they
/// depend on the order of the values, so callers feed values in a fixed order (Sinergi
/// feeds replicates in replicate order). Quantiles are exact while the values fit:
/// - up to `exactCapacity` values, GSL computes them from the stored values;
/// - past that, while the stream has at most `exactCapacity / 2` distinct values (a
///   constant, a 0/1 indicator, a count), from the distinct values and their counts, by
///   the same interpolation rule;
/// - otherwise from a ``QuantileSketch`` of relative accuracy 0.5%, clamped to the smallest
///   and largest value seen, so a quantile never lies outside the observed range.
/// Memory stops growing at `exactCapacity` entries of 8 bytes (a distinct value and its
/// count take two), or the sketch's buckets.
public struct StreamingSummary: Sendable {
    public let exactCapacity: Int
    public private(set) var count = 0
    private var mean = 0.0
    private var sumOfSquares = 0.0
    private var minimum = Double.infinity
    private var maximum = -Double.infinity
    private var exact: ContiguousArray<Double>? = []
    private var distinct: DistinctValues? = nil
    private var sketch: QuantileSketch? = nil

    public init(exactCapacity: Int) {
        self.exactCapacity = exactCapacity
    }

    /// Whether quantiles are still exact (stored values, or distinct values and counts).
    public var quantilesAreExact: Bool { sketch == nil }

    /// Entries of 8 bytes held for the quantiles: at most `exactCapacity` values, then two
    /// per distinct value, then the sketch's non-empty buckets.
    public var retainedEntries: Int { exact?.count ?? distinct.map { 2 * $0.count } ?? sketch?.bucketCount ?? 0 }

    /// The most distinct values kept exactly once `exactCapacity` values have been seen.
    var distinctCapacity: Int { exactCapacity / 2 }

    /// Adds one value; NaN counts as missing and is ignored.
    public mutating func add(_ x: Double) {
        if x.isNaN { return }
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        sumOfSquares += delta * (x - mean)
        if x < minimum { minimum = x }
        if x > maximum { maximum = x }
        if exact != nil {
            if count <= exactCapacity {
                exact!.append(x)
                return
            }
            var values = DistinctValues()
            for value in exact! { values.add(value) }
            exact = nil
            distinct = values
        }
        if distinct != nil {
            if distinct!.contains(x) || distinct!.count < distinctCapacity {
                distinct!.add(x)
                return
            }
            var newSketch = QuantileSketch()
            distinct!.forEach { value, n in for _ in 0..<n { newSketch.insert(value) } }
            distinct = nil
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
        let probabilities = [0.05, 0.25, 0.5, 0.75, 0.95]
        let quantiles: [Double]
        if let distinct {
            quantiles = probabilities.map { distinct.quantile($0) }
        } else if let sketch {
            quantiles = probabilities.map { Swift.min(maximum, Swift.max(minimum, sketch.quantile($0))) }
        } else {
            quantiles = Array(repeating: .nan, count: 5)
        }
        return Summary(count: count, mean: mean, sumOfSquares: sumOfSquares, quantiles: quantiles)
    }
}

/// Distinct values with their counts, sorted by value.
struct DistinctValues: Sendable {
    private var values: [Double] = []
    private var counts: [Int] = []
    private(set) var total = 0

    var count: Int { values.count }

    private func position(_ x: Double) -> Int {
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < x { low = middle + 1 } else { high = middle }
        }
        return low
    }

    func contains(_ x: Double) -> Bool {
        let i = position(x)
        return i < values.count && values[i] == x
    }

    mutating func add(_ x: Double) {
        let i = position(x)
        if i < values.count && values[i] == x {
            counts[i] += 1
        } else {
            values.insert(x, at: i)
            counts.insert(1, at: i)
        }
        total += 1
    }

    func forEach(_ body: (Double, Int) -> Void) {
        for i in values.indices { body(values[i], counts[i]) }
    }

    /// The k-th smallest value (0-based).
    func orderStatistic(_ k: Int) -> Double {
        var seen = 0
        for i in values.indices {
            seen += counts[i]
            if seen > k { return values[i] }
        }
        return values[values.count - 1]
    }

    /// GSL's rule (`gsl_stats_quantile_from_sorted_data`) on the sorted values these
    /// counts stand for: (1 − δ)·x₍ₗ₎ + δ·x₍ₗ₊₁₎ at l = ⌊p(n − 1)⌋, δ = p(n − 1) − l; a
    /// quantile between two equal values is that value.
    func quantile(_ p: Double) -> Double {
        guard total > 0 else { return .nan }
        let index = p * Double(total - 1)
        let low = Int(index)
        let delta = index - Double(low)
        let lower = orderStatistic(low)
        if low == total - 1 { return lower }
        let upper = orderStatistic(low + 1)
        return lower == upper ? lower : (1 - delta) * lower + delta * upper
    }
}

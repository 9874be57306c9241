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
    /// Which of the three stores holds the quantiles' values. The stores are plain stored
    /// properties rather than optionals: mutating an optional through `!` moved the whole
    /// sketch out and back for every value.
    private var stage = Stage.exact
    private var exact: ContiguousArray<Double> = []
    private var distinct = DistinctValues()
    private var sketch = QuantileSketch()

    private enum Stage: UInt8, Sendable { case exact, distinct, sketch }

    public init(exactCapacity: Int) {
        self.exactCapacity = exactCapacity
    }

    /// Whether quantiles are still exact (stored values, or distinct values and counts).
    public var quantilesAreExact: Bool { stage != .sketch }

    /// Entries of 8 bytes held for the quantiles: at most `exactCapacity` values, then two
    /// per distinct value, then the sketch's non-empty buckets.
    public var retainedEntries: Int {
        switch stage {
        case .exact: return exact.count
        case .distinct: return 2 * distinct.count
        case .sketch: return sketch.bucketCount
        }
    }

    /// The most distinct values kept exactly once `exactCapacity` values have been seen.
    var distinctCapacity: Int { exactCapacity / 2 }

    /// Adds one value; NaN counts as missing and is ignored.
    public mutating func add(_ x: Double) {
        if x.isNaN { return }
        addMoments(x)
        switch stage {
        case .exact:
            if count <= exactCapacity {
                exact.append(x)
                return
            }
            distinct = DistinctValues(exact)
            exact = []
            stage = .distinct
            fallthrough
        case .distinct:
            if distinct.add(x, capacity: distinctCapacity) { return }
            distinct.forEach { value, n in sketch.insert(value, count: n) }
            distinct = DistinctValues()
            stage = .sketch
            fallthrough
        case .sketch:
            sketch.insert(x)
        }
    }

    /// Count, mean and sum of squared deviations (Welford), minimum and maximum.
    @inline(__always)
    private mutating func addMoments(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        sumOfSquares += delta * (x - mean)
        if x < minimum { minimum = x }
        if x > maximum { maximum = x }
    }

    /// Adds the values of `values` in order: the same summary as adding them one by one,
    /// with the sketch's buckets found once per call (``QuantileSketch/insert(contentsOf:)``).
    public mutating func add(contentsOf values: UnsafeBufferPointer<Double>) {
        var i = values.startIndex
        while i < values.endIndex && stage != .sketch {
            switch stage {
            case .exact where count < exactCapacity:
                // Up to the capacity: stored as they come.
                let end = Swift.min(values.endIndex, i + (exactCapacity - count))
                for x in values[i..<end] where !x.isNaN {
                    addMoments(x)
                    exact.append(x)
                }
                i = end
            case .distinct:
                // Values already held (or new ones while there is room) in one pass; the
                // first that is not stops it and goes through `add`, which moves to the sketch.
                let taken = distinct.add(
                    contentsOf: UnsafeBufferPointer(rebasing: values[i...]), capacity: distinctCapacity)
                for x in values[i..<(i + taken)] where !x.isNaN { addMoments(x) }
                i += taken
                if i < values.endIndex {
                    add(values[i])
                    i += 1
                }
            default:
                add(values[i])
                i += 1
            }
        }
        guard i < values.endIndex else { return }
        for x in values[i...] where !x.isNaN { addMoments(x) }
        sketch.insert(contentsOf: UnsafeBufferPointer(rebasing: values[i...]))
    }

    /// The summary so far (the same fields as ``Summary``).
    public func summary() -> Summary {
        let probabilities = [0.05, 0.25, 0.5, 0.75, 0.95]
        let quantiles: [Double]
        switch stage {
        case .exact:
            var values = exact
            var result = Summary(summarising: &values)
            result.replaceMoments(count: count, mean: mean, sumOfSquares: sumOfSquares)
            return result
        case .distinct:
            quantiles = probabilities.map { distinct.quantile($0) }
        case .sketch:
            quantiles = probabilities.map { Swift.min(maximum, Swift.max(minimum, sketch.quantile($0))) }
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

    init() {}

    /// The distinct values of `values` and their counts. A zero is kept with the sign of the
    /// first zero in `values` (0.0 and −0.0 are equal), as adding them one by one would.
    init(_ values: some Collection<Double>) {
        var sorted = Array(values)
        sorted.sort()
        let firstZero = values.first { $0 == 0 }
        for x in sorted {
            if let last = self.values.last, last == x {
                counts[counts.count - 1] += 1
            } else {
                self.values.append(x == 0 ? firstZero ?? x : x)
                counts.append(1)
            }
        }
        total = sorted.count
    }

    /// Counts `x` unless it is a new value and `capacity` distinct values are already held;
    /// returns whether it was counted. One search either way.
    mutating func add(_ x: Double, capacity: Int) -> Bool {
        let i = position(x)
        if i < values.count && values[i] == x {
            counts[i] += 1
        } else {
            guard values.count < capacity else { return false }
            values.insert(x, at: i)
            counts.insert(1, at: i)
        }
        total += 1
        return true
    }

    /// Counts the values of `batch` in order, skipping NaN, until one is new and
    /// `capacity` distinct values are already held; returns how many it took (NaN
    /// included). One search per value, through unsafe buffers.
    mutating func add(contentsOf batch: UnsafeBufferPointer<Double>, capacity: Int) -> Int {
        var taken = 0
        while taken < batch.count {
            var counted = 0
            let stop = values.withUnsafeBufferPointer { values in
                counts.withUnsafeMutableBufferPointer { counts in
                    var k = taken
                    while k < batch.count {
                        let x = batch[batch.startIndex + k]
                        if x.isNaN {
                            k += 1
                            continue
                        }
                        var low = 0, high = values.count
                        while low < high {
                            let middle = (low + high) / 2
                            if values[middle] < x { low = middle + 1 } else { high = middle }
                        }
                        guard low < values.count && values[low] == x else { break }
                        counts[low] += 1
                        counted += 1
                        k += 1
                    }
                    return k
                }
            }
            total += counted
            taken = stop
            guard taken < batch.count, add(batch[batch.startIndex + taken], capacity: capacity) else { break }
            taken += 1
        }
        return taken
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

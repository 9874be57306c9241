import RealModule

/// A quantile sketch with relative accuracy α (Masson, Rim & Lee 2019, "DDSketch").
///
/// A value x > 0 goes to bucket i = ⌈log_γ x⌉ with γ = (1 + α)/(1 − α); every value of
/// bucket i lies in (γ^(i−1), γ^i], and the bucket's representative 2γ^i/(γ + 1) is within a
/// relative error α of each of them. Negative values use a mirrored store, and values with
/// |x| below `minimumMagnitude` count as zero. The sketch holds only counts, so its
/// content — and every quantile it reports — does not depend on the order of insertion.
///
/// - Complexity: O(1) amortised per insertion; memory proportional to the number of
///   buckets between the smallest and largest magnitude seen (about ln(max/min)/(2α)).
public struct QuantileSketch: Sendable, Equatable {
    /// The relative accuracy α of every reported order statistic.
    public let relativeAccuracy: Double
    /// Magnitudes below this count as zero (absolute accuracy there).
    public let minimumMagnitude: Double
    @usableFromInline let logGamma: Double
    @usableFromInline var positive = DenseCounts()
    @usableFromInline var negative = DenseCounts()
    @usableFromInline var zeroCount = 0
    /// Number of values inserted.
    public private(set) var count = 0

    public init(relativeAccuracy: Double = 0.005, minimumMagnitude: Double = 1e-9) {
        precondition(relativeAccuracy > 0 && relativeAccuracy < 1)
        self.relativeAccuracy = relativeAccuracy
        self.minimumMagnitude = minimumMagnitude
        logGamma = Double.log((1 + relativeAccuracy) / (1 - relativeAccuracy))
    }

    /// Adds one value (NaN is ignored).
    public mutating func insert(_ x: Double) {
        if x.isNaN { return }
        count += 1
        let magnitude = Swift.abs(x)
        if magnitude < minimumMagnitude { zeroCount += 1; return }
        let index = Int((Double.log(magnitude) / logGamma).rounded(.up))
        if x > 0 { positive.add(index) } else { negative.add(index) }
    }

    /// The representative value of bucket `index`: 2γ^i/(γ + 1).
    func representative(_ index: Int) -> Double {
        let gamma = Double.exp(logGamma)
        return 2 * Double.exp(Double(index) * logGamma) / (gamma + 1)
    }

    /// The k-th smallest value (0-based) within relative accuracy α.
    public func orderStatistic(_ k: Int) -> Double {
        precondition(k >= 0 && k < count)
        var remaining = k
        // Negative values, most negative first: the largest magnitude index first.
        if remaining < negative.total {
            let index = negative.indexOfRank(negative.total - 1 - remaining)
            return -representative(index)
        }
        remaining -= negative.total
        if remaining < zeroCount { return 0 }
        remaining -= zeroCount
        return representative(positive.indexOfRank(remaining))
    }

    /// The quantile at p ∈ [0, 1] with GSL's rule: the order statistics at ⌊p(n − 1)⌋ and
    /// ⌈p(n − 1)⌉, linearly interpolated; NaN for an empty sketch.
    public func quantile(_ p: Double) -> Double {
        guard count > 0 else { return .nan }
        let position = p * Double(count - 1)
        let low = Int(position.rounded(.down))
        let high = Swift.min(count - 1, low + 1)
        let fraction = position - Double(low)
        let lower = orderStatistic(low)
        if fraction == 0 || high == low { return lower }
        return lower + fraction * (orderStatistic(high) - lower)
    }
}

/// Bucket counts over a contiguous index range that grows as needed.
@usableFromInline
struct DenseCounts: Sendable, Equatable {
    var offset = 0
    var counts: ContiguousArray<Int> = []
    var total = 0

    @usableFromInline
    mutating func add(_ index: Int) {
        var position = index - offset
        if counts.isEmpty {
            // Start with room on both sides: neighbouring values fall in nearby buckets.
            counts = ContiguousArray(repeating: 0, count: 64)
            offset = index - 32
            position = 32
        } else if position < 0 {
            // Grow to the left by at least the current size, so that a run of new minima
            // costs amortised O(1).
            let grow = Swift.max(-position, counts.count)
            counts.insert(contentsOf: repeatElement(0, count: grow), at: 0)
            offset -= grow
            position += grow
        } else if position >= counts.count {
            let grow = Swift.max(position - counts.count + 1, counts.count)
            counts.append(contentsOf: repeatElement(0, count: grow))
        }
        counts[position] += 1
        total += 1
    }

    /// The bucket index holding the value of rank `rank` (0-based, ascending index).
    func indexOfRank(_ rank: Int) -> Int {
        var seen = 0
        for (position, count) in counts.enumerated() {
            seen += count
            if seen > rank { return offset + position }
        }
        return offset + counts.count - 1
    }
}

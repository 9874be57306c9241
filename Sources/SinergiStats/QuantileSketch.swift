import RealModule

/// A quantile sketch with relative accuracy α (Masson, Rim & Lee 2019, "DDSketch").
///
/// A value x > 0 goes to bucket i = ⌈log_γ x⌉ with γ = (1 + α)/(1 − α); every value of
/// bucket i lies in (γ^(i−1), γ^i], and the bucket's representative 2γ^i/(γ + 1) is within a
/// relative error α of each of them. Negative values use a mirrored store, and values with
/// |x| below `minimumMagnitude` count as zero. The sketch holds only counts, so its
/// content — and every quantile it reports — does not depend on the order of insertion.
///
/// - Complexity: O(log b) per insertion into an existing bucket and O(b) for a new one, b
///   the number of non-empty buckets; memory 8 bytes per non-empty bucket. b is at most the
///   number of values inserted and at most the number of buckets between the smallest and
///   largest magnitude seen (about ln(max/min)/(2α)), so a sketch is never larger than the
///   values it summarises and stops growing once its range is covered.
public struct QuantileSketch: Sendable, Equatable {
    /// The relative accuracy α of every reported order statistic.
    public let relativeAccuracy: Double
    /// Magnitudes below this count as zero (absolute accuracy there).
    public let minimumMagnitude: Double
    @usableFromInline let logGamma: Double
    @usableFromInline var positive = SparseCounts()
    @usableFromInline var negative = SparseCounts()
    @usableFromInline var zeroCount = 0
    /// Number of values inserted.
    public private(set) var count = 0
    /// Number of non-empty buckets (each takes 8 bytes).
    public var bucketCount: Int { positive.count + negative.count }

    public init(relativeAccuracy: Double = 0.005, minimumMagnitude: Double = 1e-9) {
        precondition(relativeAccuracy > 0 && relativeAccuracy < 1)
        self.relativeAccuracy = relativeAccuracy
        self.minimumMagnitude = minimumMagnitude
        logGamma = Double.log((1 + relativeAccuracy) / (1 - relativeAccuracy))
    }

    /// Adds one value (NaN is ignored).
    public mutating func insert(_ x: Double) {
        insert(x, count: 1)
    }

    /// Adds `n` copies of `x` (NaN is ignored).
    public mutating func insert(_ x: Double, count n: Int) {
        if x.isNaN || n <= 0 { return }
        count += n
        let magnitude = Swift.abs(x)
        if magnitude < minimumMagnitude { zeroCount += n; return }
        let index = Int((Double.log(magnitude) / logGamma).rounded(.up))
        if x > 0 { positive.add(index, count: n) } else { negative.add(index, count: n) }
    }

    /// Adds every value of `values` (NaN is ignored): the same content as inserting them one
    /// by one, with each bucket found once per call instead of once per value.
    public mutating func insert(contentsOf values: UnsafeBufferPointer<Double>) {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: values.count) { positives in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: values.count) { negatives in
                var p = 0, n = 0
                for x in values where !x.isNaN {
                    count += 1
                    let magnitude = Swift.abs(x)
                    if magnitude < minimumMagnitude {
                        zeroCount += 1
                        continue
                    }
                    let index = Int((Double.log(magnitude) / logGamma).rounded(.up))
                    if x > 0 {
                        positives[p] = index
                        p += 1
                    } else {
                        negatives[n] = index
                        n += 1
                    }
                }
                positive.add(indices: UnsafeBufferPointer(rebasing: positives[..<p]))
                negative.add(indices: UnsafeBufferPointer(rebasing: negatives[..<n]))
            }
        }
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

/// Counts of the non-empty buckets only, sorted by bucket index. Each entry packs the
/// index (offset by 2³¹, so unsigned order is index order) in the high 32 bits and the count
/// in the low 32 bits. Storing only non-empty buckets keeps a sketch no larger than the
/// values it has seen: a time-series cell of a few hundred replicates whose values span many
/// orders of magnitude (adoption, initiative progress near zero) occupies a few dozen
/// entries instead of a dense range of hundreds of buckets. The content depends only on the
/// multiset of buckets, not on the insertion order.
@usableFromInline
struct SparseCounts: Sendable, Equatable {
    @usableFromInline var entries: ContiguousArray<UInt64> = []
    @usableFromInline var total = 0

    static let countMask: UInt64 = 0xFFFF_FFFF

    static func key(_ index: Int) -> UInt64 {
        precondition(index > Int(Int32.min) && index < Int(Int32.max), "bucket index out of range")
        return UInt64(index + (1 << 31)) << 32
    }

    @usableFromInline
    mutating func add(_ index: Int, count n: Int = 1) {
        let key = Self.key(index)
        let increment = UInt64(n)
        let count = entries.count
        // Once a cell's values have filled their range, its buckets are consecutive, so the
        // bucket of index i sits i − (first index) entries in: try there first.
        if count > 0 {
            let guess = Int(truncatingIfNeeded: (key &- (entries[0] & ~Self.countMask)) >> 32)
            if guess >= 0 && guess < count && entries[guess] & ~Self.countMask == key {
                precondition(
                    (entries[guess] & Self.countMask) + increment <= Self.countMask, "bucket count overflow")
                entries[guess] += increment
                total += n
                return
            }
        }
        // The first entry whose key is at least `key`.
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle] & ~Self.countMask < key { low = middle + 1 } else { high = middle }
        }
        if low < count && entries[low] & ~Self.countMask == key {
            precondition((entries[low] & Self.countMask) + increment <= Self.countMask, "bucket count overflow")
            entries[low] += increment
        } else {
            // Grow by a quarter rather than the standard doubling: a run holds hundreds of
            // thousands of sketches, and their spare capacity is memory that does nothing.
            if entries.count == entries.capacity { entries.reserveCapacity(entries.count + entries.count / 4 + 4) }
            precondition(increment <= Self.countMask, "bucket count overflow")
            entries.insert(key | increment, at: low)
        }
        total += n
    }

    /// Counts one value in each of the buckets `indices` (any order, repeats allowed).
    ///
    /// The indices are counted in a dense scratch range first, then merged with the sorted
    /// entries in one pass: a batch of a cell's values costs a linear walk instead of one
    /// binary search per value. Indices spread far wider than the batch and the sketch
    /// (a rare tail value) go one at a time.
    @usableFromInline
    mutating func add(indices: UnsafeBufferPointer<Int>) {
        guard indices.count > 1 else {
            if let index = indices.first { add(index) }
            return
        }
        var low = Int.max, high = Int.min
        for index in indices {
            low = Swift.min(low, index)
            high = Swift.max(high, index)
        }
        _ = Self.key(low)
        _ = Self.key(high)
        let range = high - low + 1
        guard range <= 4 * (indices.count + entries.count) + 64 else {
            for index in indices { add(index) }
            return
        }
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: range) { dense in
            dense.initialize(repeating: 0)
            for index in indices { dense[index - low] += 1 }
            merge(dense: UnsafeBufferPointer(dense), low: low)
        }
        total += indices.count
    }

    /// Adds `dense[d]` to the count of bucket `low + d` for every d.
    private mutating func merge(dense: UnsafeBufferPointer<UInt64>, low: Int) {
        let lowKey = Self.key(low)
        // The first entry at or above the range.
        var start = 0, end = entries.count
        while start < end {
            let middle = (start + end) / 2
            if entries[middle] & ~Self.countMask < lowKey { start = middle + 1 } else { end = middle }
        }
        // Pass 1: how many of the batch's buckets are new.
        var fresh = 0
        entries.withUnsafeBufferPointer { old in
            var e = start
            for d in dense.indices where dense[d] != 0 {
                let key = lowKey &+ (UInt64(d) << 32)
                while e < old.count && old[e] & ~Self.countMask < key { e += 1 }
                if e == old.count || old[e] & ~Self.countMask != key { fresh += 1 }
            }
        }
        if fresh == 0 {
            entries.withUnsafeMutableBufferPointer { buffer in
                var e = start
                for d in dense.indices where dense[d] != 0 {
                    let key = lowKey &+ (UInt64(d) << 32)
                    while buffer[e] & ~Self.countMask < key { e += 1 }
                    precondition((buffer[e] & Self.countMask) + dense[d] <= Self.countMask, "bucket count overflow")
                    buffer[e] += dense[d]
                }
            }
            return
        }
        let needed = entries.count + fresh
        var merged = ContiguousArray<UInt64>()
        // The same spare capacity as one-by-one insertion: a quarter, not a doubling.
        merged.reserveCapacity(needed <= entries.capacity ? entries.capacity : needed + needed / 4 + 4)
        entries.withUnsafeBufferPointer { old in
            merged.append(contentsOf: old[..<start])
            var e = start
            for d in dense.indices where dense[d] != 0 {
                let key = lowKey &+ (UInt64(d) << 32)
                while e < old.count && old[e] & ~Self.countMask < key {
                    merged.append(old[e])
                    e += 1
                }
                if e < old.count && old[e] & ~Self.countMask == key {
                    precondition((old[e] & Self.countMask) + dense[d] <= Self.countMask, "bucket count overflow")
                    merged.append(old[e] + dense[d])
                    e += 1
                } else {
                    merged.append(key | dense[d])
                }
            }
            merged.append(contentsOf: old[e...])
        }
        entries = merged
    }

    /// The bucket index holding the value of rank `rank` (0-based, ascending index).
    func indexOfRank(_ rank: Int) -> Int {
        var seen = 0
        for entry in entries {
            seen += Int(entry & Self.countMask)
            if seen > rank { return Int(entry >> 32) - (1 << 31) }
        }
        return Int(entries[entries.count - 1] >> 32) - (1 << 31)
    }

    /// Non-empty buckets.
    var count: Int { entries.count }
}

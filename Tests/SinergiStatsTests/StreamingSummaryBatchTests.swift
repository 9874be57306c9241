import SinergiStats
import Testing

/// A run folds each cell's values a batch at a time (`add(contentsOf:)`); the summary must
/// be exactly what adding the same values one by one gives, through every stage (exact
/// values, distinct values, sketch) and whatever the batch sizes.
@Suite("StreamingSummary in batches")
struct StreamingSummaryBatchTests {
    /// Value streams that exercise each stage and the sketch's slow paths.
    static let streams: [(label: String, values: @Sendable (RandomStream) -> Double)] = [
        ("continuous", { 1 + 4 * $0.uniform() }),
        ("indicator", { $0.uniform() < 0.3 ? 1 : 0 }),
        ("few counts", { Double(Int($0.uniform() * 7)) }),
        (
            "signed zeros and negatives",
            { u in u.uniform() < 0.2 ? (u.uniform() < 0.5 ? 0.0 : -0.0) : u.uniform() - 0.7 }
        ),
        ("heavy tail with NaN", { u in u.uniform() < 0.01 ? .nan : Double.exp(12 * u.uniform() - 8) }),
        ("counts then continuous", { u in u.uniform() < 0.97 ? Double(Int(u.uniform() * 3)) : u.uniform() }),
    ]

    @Test("batches give the one-by-one summary", arguments: 0..<streams.count, [8, 256])
    func batchesMatchOneByOne(stream index: Int, capacity: Int) {
        let source = RandomStream(algorithm: .xoshiro256pp, seed: UInt64(40 + index))
        let values = (0..<6_000).map { _ in Self.streams[index].values(source) }
        var single = StreamingSummary(exactCapacity: capacity)
        for x in values { single.add(x) }

        // Batches of 1 to 300 values, drawn from a second stream.
        let sizes = RandomStream(algorithm: .xoshiro256pp, seed: 99)
        var batched = StreamingSummary(exactCapacity: capacity)
        var start = 0
        values.withUnsafeBufferPointer { buffer in
            while start < buffer.count {
                let size = Swift.min(buffer.count - start, 1 + Int(sizes.uniform() * 300))
                batched.add(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<(start + size)]))
                start += size
            }
        }
        let a = single.summary(), b = batched.summary()
        #expect(a.count == b.count)
        #expect(a.mean.bitPattern == b.mean.bitPattern)
        #expect(a.standardDeviation.bitPattern == b.standardDeviation.bitPattern)
        let quantiles = { (s: Summary) in [s.q05, s.q25, s.q50, s.q75, s.q95].map(\.bitPattern) }
        #expect(quantiles(a) == quantiles(b), "\(a) vs \(b)")
        #expect(single.retainedEntries == batched.retainedEntries)
        #expect(single.quantilesAreExact == batched.quantilesAreExact)
    }

    @Test("a sketch filled in batches equals one filled value by value", arguments: [1, 7, 128, 1000])
    func sketchBatches(batch: Int) {
        let source = RandomStream(algorithm: .xoshiro256pp, seed: 7)
        // Wide magnitudes, both signs and zeros: new buckets, far tails and the zero count.
        let values = (0..<20_000).map { _ -> Double in
            let u = source.uniform()
            if u < 0.05 { return 0 }
            let magnitude = Double.exp(30 * source.uniform() - 15)
            return u < 0.3 ? -magnitude : magnitude
        }
        var one = QuantileSketch()
        for x in values { one.insert(x) }
        var many = QuantileSketch()
        values.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                let end = Swift.min(buffer.count, start + batch)
                many.insert(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<end]))
                start = end
            }
        }
        #expect(one == many)
        #expect(one.bucketCount == many.bucketCount)
    }

    @Test("past the exact values, a zero keeps the sign of the first zero seen", arguments: [-0.0, 0.0])
    func firstZeroSign(first: Double) {
        var summary = StreamingSummary(exactCapacity: 8)
        for x in [first, 1.0] + Array(repeating: -first, count: 9) { summary.add(x) }
        #expect(summary.quantilesAreExact && summary.retainedEntries == 4)  // two distinct values, counted
        #expect(summary.summary().q05.bitPattern == first.bitPattern)
    }

    @Test("n copies at once equal n single insertions")
    func repeatedInsert() {
        var one = QuantileSketch()
        var many = QuantileSketch()
        for (x, n) in [(0.5, 3), (-2.0, 1), (0.0, 4), (0.5, 2), (1e6, 7)] {
            for _ in 0..<n { one.insert(x) }
            many.insert(x, count: n)
        }
        #expect(one == many)
        #expect(many.count == 17)
    }
}

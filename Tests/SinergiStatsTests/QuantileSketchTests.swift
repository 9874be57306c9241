import Foundation
import SinergiStats
import Testing

/// The sketch's guarantee: every reported quantile is within relative accuracy α of the
/// exact quantile (GSL's interpolation between order statistics), whatever the
/// distribution, and its content does not depend on the order of insertion.
@Suite struct QuantileSketchTests {
    static let alpha = 0.005
    static let probabilities = [0.0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1.0]

    /// Exact quantile with GSL's rule on sorted data: linear between ⌊p(n−1)⌋ and ⌈p(n−1)⌉.
    static func exactQuantile(_ sorted: [Double], _ p: Double) -> Double {
        let position = p * Double(sorted.count - 1)
        let low = Int(position.rounded(.down))
        let high = min(sorted.count - 1, low + 1)
        return sorted[low] + (position - Double(low)) * (sorted[high] - sorted[low])
    }

    static let cases: [(String, Distribution, Double)] = [
        ("uniform SPBE scale", .uniform(low: 1, high: 5), 0),
        ("beta trust", .beta(alpha: 2, beta: 5), 0),
        ("lognormal small adoption", .lognormal(mu: -6, sigma: 1.5, clip: nil), 0),
        ("normal with negatives", .normal(mean: 0.05, sd: 0.1, clip: nil), 0),
        ("atom at zero plus a tail", .beta(alpha: 0.5, beta: 20), 0.6),
    ]

    @Test(arguments: 0..<cases.count)
    func quantilesAreWithinRelativeAccuracy(_ index: Int) {
        let (name, distribution, zeroShare) = Self.cases[index]
        let stream = RandomStream(seed: UInt64(100 + index))
        var values: [Double] = []
        var sketch = QuantileSketch(relativeAccuracy: Self.alpha)
        for _ in 0..<50_000 {
            let x = stream.uniform() < zeroShare ? 0 : distribution.sample(stream)
            values.append(x)
            sketch.insert(x)
        }
        let sorted = values.sorted()
        for p in Self.probabilities {
            let exact = Self.exactQuantile(sorted, p)
            // Both neighbouring order statistics are within α of their magnitude; so is any
            // point between them, relative to the larger magnitude.
            let position = p * Double(sorted.count - 1)
            let low = sorted[Int(position.rounded(.down))],
                high = sorted[min(sorted.count - 1, Int(position.rounded(.up)))]
            let bound = Self.alpha * max(abs(low), abs(high)) + 1e-9
            #expect(abs(sketch.quantile(p) - exact) <= bound, "\(name) p=\(p): \(sketch.quantile(p)) vs \(exact)")
        }
    }

    @Test func insertionOrderDoesNotMatter() {
        let stream = RandomStream(seed: 9)
        let values = (0..<5_000).map { _ in Distribution.lognormal(mu: 0, sigma: 1, clip: nil).sample(stream) - 1 }
        var forward = QuantileSketch(), backward = QuantileSketch(), shuffled = QuantileSketch()
        for x in values { forward.insert(x) }
        for x in values.reversed() { backward.insert(x) }
        var order = Array(values.indices)
        for i in stride(from: order.count - 1, to: 0, by: -1) {  // Fisher–Yates with the fixed stream
            order.swapAt(i, Int(stream.uniform() * Double(i + 1)))
        }
        for i in order { shuffled.insert(values[i]) }
        for p in Self.probabilities {
            #expect(forward.quantile(p) == backward.quantile(p))
            #expect(forward.quantile(p) == shuffled.quantile(p))
        }
        #expect(forward == backward && forward == shuffled, "the same buckets, stored the same way")
    }

    @Test func constantsAndEdgeCases() {
        var sketch = QuantileSketch()
        #expect(sketch.quantile(0.5).isNaN)
        for _ in 0..<100 { sketch.insert(0.4) }
        #expect(abs(sketch.quantile(0.05) - 0.4) <= 0.4 * Self.alpha)
        #expect(sketch.quantile(0.05) == sketch.quantile(0.95))
        sketch.insert(.nan)
        #expect(sketch.count == 100)
        var zeros = QuantileSketch()
        for _ in 0..<10 { zeros.insert(0) }
        #expect(zeros.quantile(0.5) == 0)
    }

    @Test func streamingSummaryIsExactUpToCapacityThenSketched() {
        let stream = RandomStream(seed: 77)
        let values = (0..<3_000).map { _ in Distribution.beta(alpha: 2, beta: 2).sample(stream) }
        var streaming = StreamingSummary(exactCapacity: 1_000)
        for x in values.prefix(1_000) { streaming.add(x) }
        #expect(streaming.quantilesAreExact)
        let exact = Summary(values.prefix(1_000))
        let small = streaming.summary()
        #expect(small.q05 == exact.q05 && small.q50 == exact.q50 && small.q95 == exact.q95)
        #expect(abs(small.mean - exact.mean) < 1e-12)
        #expect(abs(small.standardDeviation - exact.standardDeviation) < 1e-12)

        for x in values.dropFirst(1_000) { streaming.add(x) }
        #expect(!streaming.quantilesAreExact)
        let all = Summary(values)
        let large = streaming.summary()
        #expect(large.count == 3_000)
        #expect(abs(large.mean - all.mean) < 1e-12, "Welford's mean is exact up to rounding")
        #expect(abs(large.ci95High - all.ci95High) < 1e-12)
        for (estimate, truth) in [(large.q05, all.q05), (large.q50, all.q50), (large.q95, all.q95)] {
            #expect(abs(estimate - truth) <= Self.alpha * truth + 1e-3, "\(estimate) vs \(truth)")
        }
    }

    /// A sketch keeps one entry per non-empty bucket: never more than the values it has
    /// seen, and no more than the buckets of their range.
    @Test func sketchHoldsOnlyNonEmptyBuckets() {
        var sketch = QuantileSketch()
        for i in 0..<10 { sketch.insert(1e-6 * pow(10, Double(i) / 2)) }
        #expect(sketch.bucketCount == 10, "ten values five orders of magnitude apart: ten entries")
        let stream = RandomStream(seed: 3)
        var spbe = QuantileSketch()
        for _ in 0..<20_000 { spbe.insert(1 + 4 * stream.uniform()) }
        #expect(spbe.bucketCount <= Int((log(5) / log(1.005 / 0.995)).rounded(.up)) + 1)
    }

    /// A constant outcome and a 0/1 share keep exact quantiles however many values arrive
    /// (a government fixed at 1.79 reports 1.79, a share of replicates 0 or 1), since
    /// their distinct values fit; the same holds for any stream of few distinct values.
    @Test func fewDistinctValuesStayExactPastTheCapacity() {
        let stream = RandomStream(seed: 12)
        let constant = Array(repeating: 1.79, count: 5_000)
        let indicator = (0..<5_000).map { _ in stream.uniform() < 0.7 ? 1.0 : 0.0 }
        let counts = (0..<5_000).map { _ in Double(Int(stream.uniform() * 9)) }
        for values in [constant, indicator, counts] {
            var streaming = StreamingSummary(exactCapacity: 256)
            for x in values { streaming.add(x) }
            #expect(streaming.quantilesAreExact)
            #expect(streaming.retainedEntries <= 256)
            let summary = streaming.summary(), truth = Summary(values)
            for (estimate, exact) in [
                (summary.q05, truth.q05), (summary.q25, truth.q25), (summary.q50, truth.q50),
                (summary.q75, truth.q75), (summary.q95, truth.q95),
            ] {
                #expect(abs(estimate - exact) <= 1e-15 * abs(exact), "\(estimate) vs \(exact)")
            }
        }
        var fixed = StreamingSummary(exactCapacity: 256)
        for x in constant { fixed.add(x) }
        let summary = fixed.summary()
        #expect([summary.q05, summary.q25, summary.q50, summary.q75, summary.q95].allSatisfy { $0 == 1.79 })
        var share = StreamingSummary(exactCapacity: 256)
        for x in indicator { share.add(x) }
        #expect(share.summary().q50 == 1 && share.summary().q05 == 0, "a 0/1 share reports 0 or 1")
    }

    /// Past the distinct values a summary can hold, the sketch's quantiles are clamped to the
    /// observed range: values spread within one bucket cannot report a quantile outside it.
    @Test func sketchedQuantilesStayWithinTheObservedRange() {
        let stream = RandomStream(seed: 13)
        // 2,000 distinct values in [1.7900, 1.7901]: one or two buckets of relative width 1%.
        let values = (0..<2_000).map { _ in 1.79 + 1e-4 * stream.uniform() }
        var streaming = StreamingSummary(exactCapacity: 256)
        for x in values { streaming.add(x) }
        #expect(!streaming.quantilesAreExact)
        let s = streaming.summary()
        let low = values.min()!, high = values.max()!
        for q in [s.q05, s.q25, s.q50, s.q75, s.q95] {
            #expect(q >= low && q <= high, "\(q) outside [\(low), \(high)]")
        }
        #expect(s.q05 <= s.q25 && s.q25 <= s.q50 && s.q50 <= s.q75 && s.q75 <= s.q95)
    }
}

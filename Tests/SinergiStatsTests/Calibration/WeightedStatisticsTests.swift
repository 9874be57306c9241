import SinergiStats
import Testing

@Suite("WeightedStatistics")
struct WeightedStatisticsTests {
    @Test("effective sample size: N for equal weights, 1 for one, (Σw)²/Σw² between")
    func effectiveSampleSize() {
        #expect(WeightedStatistics.effectiveSampleSize([Double](repeating: 0.25, count: 4)) == 4)
        #expect(WeightedStatistics.effectiveSampleSize([0, 0, 1, 0]) == 1)
        // (1 + 1 + 2)² / (1 + 1 + 4) = 16/6, whatever the normalisation.
        #expect(abs(WeightedStatistics.effectiveSampleSize([1, 1, 2]) - 16.0 / 6) < 1e-15)
        #expect(abs(WeightedStatistics.effectiveSampleSize([0.25, 0.25, 0.5]) - 16.0 / 6) < 1e-15)
    }

    @Test("weighted mean and sd of a small example, by hand")
    func meanAndSD() {
        // Mean (1 + 2 + 8)/4 = 2.75; variance (3.0625 + 0.5625 + 2 · 1.5625)/4 = 1.6875.
        #expect(WeightedStatistics.mean([1, 2, 4], weights: [1, 1, 2]) == 2.75)
        #expect(
            abs(WeightedStatistics.standardDeviation([1, 2, 4], weights: [1, 1, 2]) - 1.6875.squareRoot()) < 1e-15)
        #expect(WeightedStatistics.normalised([1, 1, 2]) == [0.25, 0.25, 0.5])
    }

    @Test("quantile with equal weights is Hazen's rule: value k at (k + ½)/n")
    func equalWeightQuantiles() {
        let values = [3.0, 1, 4, 2]
        let weights = [Double](repeating: 1, count: 4)
        // Sorted 1, 2, 3, 4 at 0.125, 0.375, 0.625, 0.875.
        #expect(WeightedStatistics.quantile(values, weights: weights, p: 0.5) == 2.5)
        #expect(WeightedStatistics.quantile(values, weights: weights, p: 0.25) == 1.5)
        #expect(WeightedStatistics.quantile(values, weights: weights, p: 0.05) == 1)
        #expect(WeightedStatistics.quantile(values, weights: weights, p: 0.95) == 4)
        #expect(WeightedStatistics.quantile(values, weights: weights, p: 0.375) == 2)
    }

    @Test("quantile: weights move the midpoints; zero weights do not count; order does not matter")
    func weightedQuantiles() {
        // Weights 1, 3 on 0, 10: midpoints 0.125 and 0.625; the median is 0 + (0.5 − 0.125)/0.5 · 10.
        #expect(WeightedStatistics.quantile([0, 10], weights: [1, 3], p: 0.5) == 7.5)
        #expect(
            WeightedStatistics.quantile([0, 10, -5], weights: [1, 3, 0], p: 0.5)
                == WeightedStatistics.quantile([0, 10], weights: [1, 3], p: 0.5))
        #expect(WeightedStatistics.quantile([0, 10, -5], weights: [1, 3, 0], p: 0.01) == 0)
        let values = [0.3, 0.9, 0.1, 0.5, 0.7]
        let weights = [0.1, 0.4, 0.2, 0.2, 0.1]
        let permutation = [3, 0, 4, 2, 1]
        for p in [0.05, 0.3, 0.5, 0.77, 0.95] {
            #expect(
                WeightedStatistics.quantile(values, weights: weights, p: p)
                    == WeightedStatistics.quantile(
                        permutation.map { values[$0] }, weights: permutation.map { weights[$0] }, p: p))
        }
    }

    @Test("importance-weighted quantiles estimate the target's: uniform draws weighted 2x are Beta(2, 1)")
    func importanceWeightedQuantiles() {
        let stream = RandomStream(seed: 11)
        let values = (0..<20_000).map { _ in stream.uniform() }
        let weights = values.map { 2 * $0 }
        // Beta(2, 1) has CDF x², so its p-quantile is √p. The SE of a quantile here is below 0.005.
        for p in [0.05, 0.5, 0.95] {
            #expect(abs(WeightedStatistics.quantile(values, weights: weights, p: p) - p.squareRoot()) < 0.02)
        }
        #expect(abs(WeightedStatistics.mean(values, weights: weights) - 2.0 / 3) < 0.01)
    }

    @Test("weighted covariance of a small example, by hand")
    func covariance() {
        let points: [[Double]] = [[0, 0], [2, 1], [4, 5]]
        let weights = [0.5, 0.25, 0.25]
        let (mean, covariance) = WeightedStatistics.covariance(points, weights: weights)
        // m = (0·0.5 + 2·0.25 + 4·0.25, 0 + 0.25 + 1.25) = (1.5, 1.5).
        #expect(mean == [1.5, 1.5])
        // Σxx = 0.5·2.25 + 0.25·0.25 + 0.25·6.25 = 2.75; Σyy = 0.5·2.25 + 0.25·0.25 + 0.25·12.25 = 4.25;
        // Σxy = 0.5·2.25 + 0.25·(0.5·−0.5) + 0.25·(2.5·3.5) = 3.25.
        #expect(abs(covariance[0][0] - 2.75) < 1e-15)
        #expect(abs(covariance[1][1] - 4.25) < 1e-15)
        #expect(abs(covariance[0][1] - 3.25) < 1e-15 && covariance[0][1] == covariance[1][0])
    }
}

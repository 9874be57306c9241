import SinergiStats
import Testing

@Suite("Summary")
struct SummaryTests {
    @Test("mean, sample SD and t-based 95% CI of 1…10, computed by hand")
    func oneToTen() {
        let summary = Summary((1...10).map(Double.init))
        // Mean 55/10; Σ(x − 5.5)² = 82.5, so s = √(82.5/9).
        let sd = 3.0276503540974917
        #expect(isClose(sd, (82.5 / 9).squareRoot()))
        // t(0.975, 9) = 2.2621571627982055 (mpmath, 30 digits; scipy agrees).
        let half = 2.2621571627982055 * sd / 10.0.squareRoot()
        #expect(summary.count == 10)
        #expect(isClose(summary.mean, 5.5))
        #expect(isClose(summary.standardDeviation, sd))
        #expect(isClose(summary.ci95Low, 5.5 - half))
        #expect(isClose(summary.ci95High, 5.5 + half))
        #expect(isClose(summary.ci95HalfWidth, half))
    }

    @Test("quantiles use GSL's rule: position f·(n − 1), linear between neighbours")
    func quantilesFourValues() {
        // Sorted 10, 20, 30, 40 (n = 4): positions 0.15, 0.75, 1.5, 2.25, 2.85 give
        // 10 + 0.15·10, 10 + 0.75·10, 20 + 0.5·10, 30 + 0.25·10, 30 + 0.85·10.
        let summary = Summary([40, 10, 30, 20])
        #expect(isClose(summary.q05, 11.5))
        #expect(isClose(summary.q25, 17.5))
        #expect(isClose(summary.q50, 25))
        #expect(isClose(summary.q75, 32.5))
        #expect(isClose(summary.q95, 38.5))
    }

    @Test("quantiles with ties and an odd count")
    func quantilesFiveValues() {
        // Sorted 1, 1, 3, 4, 5 (n = 5): positions 0.2, 1, 2, 3, 3.8.
        let summary = Summary([3, 1, 4, 1, 5])
        #expect(isClose(summary.q05, 1))
        #expect(isClose(summary.q25, 1))
        #expect(isClose(summary.q50, 3))
        #expect(isClose(summary.q75, 4))
        #expect(isClose(summary.q95, 4.8))
        #expect(isClose(summary.mean, 2.8))
    }

    @Test("NaN values are left out")
    func missingValues() {
        // Left: 2, 4, 9. Mean 5; deviations −3, −1, 4, so s² = 26/2.
        let summary = Summary([2, .nan, 4, .nan, 9])
        #expect(summary.count == 3)
        #expect(isClose(summary.mean, 5))
        #expect(isClose(summary.standardDeviation, 13.0.squareRoot()))
        #expect(isClose(summary.q05, 2.2))  // position 0.1
        #expect(isClose(summary.q25, 3))  // position 0.5
        #expect(isClose(summary.q50, 4))
        #expect(isClose(summary.q75, 6.5))  // position 1.5
        #expect(isClose(summary.q95, 8.5))  // position 1.9
        #expect(summary.ci95Low.isFinite && summary.ci95High.isFinite)
    }

    @Test("empty input (or only NaN) gives count 0 and NaN everywhere", arguments: [[], [Double.nan, .nan]])
    func empty(_ values: [Double]) {
        let summary = Summary(values)
        #expect(summary.count == 0)
        for statistic in [
            summary.mean, summary.standardDeviation, summary.ci95Low, summary.ci95High,
            summary.q05, summary.q25, summary.q50, summary.q75, summary.q95,
        ] {
            #expect(statistic.isNaN)
        }
    }

    @Test("one value: that value as mean and quantiles, NaN SD and CI")
    func oneValue() {
        let summary = Summary([7.25])
        #expect(summary.count == 1)
        #expect(summary.mean == 7.25)
        #expect(summary.standardDeviation.isNaN)
        #expect(summary.ci95Low.isNaN && summary.ci95High.isNaN)
        #expect([summary.q05, summary.q25, summary.q50, summary.q75, summary.q95].allSatisfy { $0 == 7.25 })
    }

    @Test("two equal values: zero SD and a zero-width CI")
    func constantValues() {
        let summary = Summary([3, 3])
        #expect(summary.standardDeviation == 0)
        #expect(summary.ci95Low == 3 && summary.ci95High == 3)
    }

    @Test("two values: t(0.975, 1) = tan(0.475π) = 12.706…")
    func twoValues() {
        // Values 1, 3: mean 2, s = √2, half-width tan(0.475π)·√2/√2.
        let summary = Summary([1, 3])
        let t = 12.706204736174696
        #expect(isClose(summary.standardDeviation, 2.0.squareRoot()))
        #expect(isClose(summary.ci95HalfWidth, t, tolerance: 1e-9))
    }

    @Test("any collection of doubles can be summarised; the input order does not matter")
    func collections() {
        let values: [Double] = [0.5, 2.5, -1, 8, 3]
        let slice = Summary(values[1...])
        let reversed = Summary(values[1...].reversed())
        #expect(slice.count == 4)
        #expect(isClose(slice.mean, 3.125))
        #expect(slice.q50 == reversed.q50 && slice.q05 == reversed.q05 && slice.q95 == reversed.q95)
        #expect(isClose(slice.mean, reversed.mean) && isClose(slice.standardDeviation, reversed.standardDeviation))
    }
}

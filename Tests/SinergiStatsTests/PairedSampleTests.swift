import SinergiStats
import Testing

@Suite("PairedSample")
struct PairedSampleTests {
    /// Baseline 1…5, policy = baseline + (0.1, 0.3, 0.2, 0.4, 0.5): the differences' mean
    /// 0.3 and SD √(0.1/4) by hand; the interval uses t(0.975, 4) = 2.7764451051977987.
    @Test("paired mean, SD and t interval of the differences, computed by hand")
    func pairedByHand() {
        let x: [Double] = [1, 2, 3, 4, 5]
        let shifts = [0.1, 0.3, 0.2, 0.4, 0.5]
        var sample = PairedSample()
        for (a, d) in zip(x, shifts) { sample.add(baseline: a, policy: a + d) }
        let s = sample.statistics
        #expect(s.count == 5)
        #expect(isClose(s.baselineMean, 3))
        #expect(isClose(s.policyMean, 3.3))
        #expect(isClose(s.difference, 0.3))
        let sd = (0.1 / 4).squareRoot()  // Σ(d − 0.3)² = 0.04 + 0 + 0.01 + 0.01 + 0.04
        #expect(isClose(s.differenceSD, sd))
        let half = 2.7764451051977987 * sd / 5.0.squareRoot()
        #expect(isClose(s.ci95Low, 0.3 - half))
        #expect(isClose(s.ci95High, 0.3 + half))
        #expect(s.shareIncreased == 1 && s.shareDecreased == 0)
    }

    /// Welch: equal group sizes n, ν = (a + b)² / ((a² + b²)/(n − 1)) with a = s_x²/n,
    /// b = s_y²/n; checked against GSL's t quantile at that ν.
    @Test("the unpaired interval is Welch's, and the ratio compares the two widths")
    func welch() {
        let x: [Double] = [2.0, 2.5, 1.5, 3.0, 2.2, 1.8]
        let y: [Double] = [2.9, 2.6, 2.4, 3.9, 2.7, 2.6]
        var sample = PairedSample()
        for (a, b) in zip(x, y) { sample.add(baseline: a, policy: b) }
        let s = sample.statistics
        let n = 6.0
        let sx = Summary(x).standardDeviation, sy = Summary(y).standardDeviation
        let a = sx * sx / n, b = sy * sy / n
        let nu = (a + b) * (a + b) / ((a * a + b * b) / (n - 1))
        let half = GSLMath.studentTQuantile(0.975, degreesOfFreedom: nu) * (a + b).squareRoot()
        #expect(isClose(s.unpairedCI95High - s.difference, half))
        #expect(isClose(s.difference - s.unpairedCI95Low, half))
        #expect(isClose(s.baselineSD, sx) && isClose(s.policySD, sy))
        let paired = Summary(zip(y, x).map { $0 - $1 })
        #expect(isClose(s.ci95High - s.ci95Low, paired.ci95High - paired.ci95Low))
        #expect(isClose(s.ciWidthRatio, 2 * half / (paired.ci95High - paired.ci95Low)))
    }

    @Test("a pair with a missing value is skipped; ties count as neither better nor worse")
    func missingAndTies() {
        var sample = PairedSample()
        sample.add(baseline: .nan, policy: 1)
        sample.add(baseline: 1, policy: .nan)
        sample.add(baseline: 1, policy: 1)
        sample.add(baseline: 1, policy: 2)
        sample.add(baseline: 3, policy: 2)
        let s = sample.statistics
        #expect(s.count == 3)
        #expect(isClose(s.shareIncreased, 1.0 / 3) && isClose(s.shareDecreased, 1.0 / 3))
    }

    @Test("the width ratio is ∞ for a constant shift and undefined when nothing varies")
    func ratioEdges() {
        var shift = PairedSample(), still = PairedSample(), one = PairedSample()
        for x in [1.0, 2, 4] {
            shift.add(baseline: x, policy: x + 0.5)
            still.add(baseline: 2, policy: 2)
        }
        one.add(baseline: 1, policy: 2)
        #expect(shift.statistics.ciWidthRatio == .infinity)
        #expect(isClose(shift.statistics.difference, 0.5))
        #expect(still.statistics.ciWidthRatio.isNaN)
        #expect(one.statistics.ci95Low.isNaN && one.statistics.ciWidthRatio.isNaN)
        #expect(isClose(one.statistics.difference, 1))
    }
}

import Testing

@testable import SinergiEngine

/// The progress line's text from given numbers: no clock, no terminal.
@Suite struct ProgressLineTests {
    @Test func aRunShowsReplicatesPerSecondAndTimeLeft() {
        // 500 of 1,000 replicates in 5 s: 100/s, 5 s left, half the bar.
        let line = ProgressLine(done: 500, planned: 1_000, seconds: 5).text
        let bar = String(repeating: "█", count: 12) + String(repeating: "·", count: 12)
        #expect(line == "  500/1000 replicates ▕\(bar)▏ 50%  100 rep/s  0:05 left")
    }

    @Test func aSweepCountsPointsTimesReplicatesAndShowsPointsPerSecond() {
        // 4,000 points × 10 replicates; 1,200 replicates (120 points) in 12 s: 100
        // replicates/s = 10 points/s, and 38,800 replicates left take 388 s = 6:28.
        let line = ProgressLine(done: 1_200, planned: 40_000, seconds: 12, replicatesPerPoint: 10).text
        #expect(line.hasPrefix("  1200/40000 replicates (120/4000 points) ▕"), "\(line)")
        #expect(line.hasSuffix("▏ 3%  10 points/s  6:28 left"), "\(line)")
        // 3% of 24 characters is less than one.
        #expect(!line.contains("█"))
        // Fewer than ten points a second keep a decimal: 50 replicates in 10 s at 10 a
        // point is 0.5 points/s, and 950 replicates left at 5/s take 190 s.
        let slow = ProgressLine(done: 50, planned: 1_000, seconds: 10, replicatesPerPoint: 10).text
        #expect(slow.contains("(5/100 points)"), "\(slow)")
        #expect(slow.hasSuffix(" 0.5 points/s  3:10 left"), "\(slow)")
    }

    @Test func aFullBarThenWhatFollows() {
        let done = ProgressLine(
            done: 80, planned: 80, seconds: 2, replicatesPerPoint: 8, activity: "writing points.csv and replicates.csv"
        ).text
        #expect(
            done
                == "  80/80 replicates (10/10 points) ▕\(String(repeating: "█", count: 24))▏ 100%  writing points.csv and replicates.csv…"
        )
    }

    @Test func aPrecisionTargetShowsTheHalfWidthInsteadOfTimeLeft() {
        let before = ProgressLine(done: 0, planned: 100, seconds: 0, precisionTarget: 0.01).text
        #expect(before.hasSuffix("0 rep/s  half-width –"), "\(before)")
        let later = ProgressLine(done: 50, planned: 100, seconds: 1, precisionTarget: 0.01, halfWidth: 0.02).text
        #expect(later.hasSuffix("50 rep/s  half-width 0.0200 → 0.0100"), "\(later)")
    }
}

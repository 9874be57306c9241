import SinergiEngine
import Testing

/// The governments a large run shows in its console table and report: every one up to the
/// limit, else a sample spread evenly over the ranks of the mean final index.
@Suite struct GovernmentSampleTests {
    @Test func sampleSpreadsOverTheRanks() {
        let few = (0..<24).map { "G\($0)" }
        #expect(GovernmentSample.select(few) { _ in 1 } == few, "up to the limit, every government in order")
        let many = (0..<100).map { "G\($0)" }
        let sample = GovernmentSample.select(many) { Double(100 - Int($0.dropFirst())!) }
        #expect(sample.count == GovernmentSample.size)
        #expect(sample.first == "G99" && sample.last == "G0", "lowest final index first, highest last")
        #expect(sample == (0..<12).map { "G\(99 - Int((Double($0) * 99 / 11).rounded()))" })
        #expect(GovernmentSample.note(shown: 24, total: 24) == nil)
    }
}

import Testing

@testable import SinergiModel

/// MODEL.md §4: the cost of an entry is one-off + cost per month × active months (nothing
/// if it starts at or after the horizon), split equally among its target governments.
@Suite struct LeverCostTests {
    static func entry(start: Int, duration: Int?, targets: [Int] = [0]) -> Intervention {
        Intervention(
            lever: .training, targets: targets.map { InterventionTarget(government: $0, agencies: [0]) },
            start: start, duration: duration, intensity: 0.5, costPerMonth: 10, oneOffCost: 100)
    }

    @Test func totalCostOfOneEntry() {
        #expect(Self.entry(start: 0, duration: nil).totalCost(horizon: 60) == 100 + 10 * 60)
        #expect(Self.entry(start: 12, duration: nil).totalCost(horizon: 60) == 100 + 10 * 48)
        #expect(Self.entry(start: 12, duration: 6).totalCost(horizon: 60) == 100 + 10 * 6)
        // A duration reaching past the horizon is cut at the horizon.
        #expect(Self.entry(start: 50, duration: 24).totalCost(horizon: 60) == 100 + 10 * 10)
        #expect(Self.entry(start: 59, duration: nil).totalCost(horizon: 60) == 100 + 10)
        // Starting at or after the horizon costs nothing, the one-off included.
        #expect(Self.entry(start: 60, duration: nil).totalCost(horizon: 60) == 0)
        #expect(Self.entry(start: 75, duration: 3).totalCost(horizon: 60) == 0)
        #expect(Self.entry(start: 60, duration: nil).activeMonths(horizon: 60) == 0)
        #expect(Self.entry(start: 12, duration: 6).activeMonths(horizon: 60) == 6)
    }

    @Test func activeMonthsMatchIsActive() {
        for e in [
            Self.entry(start: 0, duration: nil), Self.entry(start: 7, duration: 5), Self.entry(start: 55, duration: 30),
        ] {
            let counted = (0..<60).filter { e.isActive(at: $0) }.count
            #expect(counted == e.activeMonths(horizon: 60))
        }
    }

    /// The government outcome carries its share: an entry on two governments is split in
    /// halves; entries add; an entry not targeting a government costs it nothing.
    @Test func leverCostOutcomeIsSplitAmongTargetGovernments() throws {
        var input = classroomInput(months: 24)
        var second = input.governments[0]
        second.name = "Kota Kedua"
        input.governments.append(second)
        input.interventions = [
            Self.entry(start: 0, duration: nil, targets: [0, 1]),  // 100 + 240 = 340, half each
            Self.entry(start: 20, duration: 2, targets: [1]),  // 100 + 20 = 120 to government 1
            Self.entry(start: 24, duration: nil, targets: [0]),  // at the horizon: nothing
        ]
        let simulator = Simulator(input: input)
        var record = simulator.makeRecord()
        try simulator.run(replicateSeed: 5, into: &record)
        #expect(abs(record.outcomes[0].leverCost - 170) <= 1e-12)
        #expect(abs(record.outcomes[1].leverCost - (170 + 120)) <= 1e-12)

        input.interventions = []
        let none = Simulator(input: input)
        try none.run(replicateSeed: 5, into: &record)
        #expect(record.outcomes.map(\.leverCost) == [0, 0])
    }
}

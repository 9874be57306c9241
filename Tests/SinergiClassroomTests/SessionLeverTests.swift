import SinergiClassroom
import SinergiModel
import SinergiScenario
import Testing

/// Levers switched in a session act as the same interventions listed in a scenario.
@Suite struct SessionLeverTests {
    static let atStartLevers: [Lever] = [.coordinationTeam, .regulationIntegration, .infrastructure]

    func everyone(_ input: ModelInput) -> [InterventionTarget] {
        input.governments.indices.map {
            InterventionTarget(government: $0, agencies: Array(input.governments[$0].agencies.indices))
        }
    }

    @Test func leversOnFromMonthZeroEqualTheScenarioListingThem() throws {
        let classroom = try Fixtures.classroom()
        let settings = ClassroomSettings(
            seed: 11, constructs: ["ego": 0.7],
            levers: [
                "coordination_team": LeverSetting(intensity: 0.5),
                "regulation_integration": LeverSetting(intensity: 0.8),
                "infrastructure": LeverSetting(intensity: 0.3), "training": LeverSetting(intensity: 0.6),
                "budget_ringfence": LeverSetting(),
            ])
        let session = try ClassroomSession(id: "LEVERS", scenario: classroom, settings: settings)
        _ = try session.step(months: 12)
        _ = try session.step(months: 12)
        while !session.isFinished { _ = try session.step(months: 12) }
        let frames = session.frames
        #expect(frames.count == 61)

        var input = classroom.scenario.input
        let withConstructs = try classroom.input(for: ClassroomSettings(constructs: ["ego": 0.7]))
        input.governments = withConstructs.governments
        let ordered: [(Lever, Double)] = [
            (.coordinationTeam, 0.5), (.budgetRingfence, LeverInfo.of(.budgetRingfence).defaultIntensity),
            (.training, 0.6), (.regulationIntegration, 0.8), (.infrastructure, 0.3),
        ]
        input.interventions += ordered.map { Intervention(lever: $0.0, targets: everyone(input), intensity: $0.1) }
        #expect(try classroom.input(for: settings) == input, "the settings' levers are the scenario's interventions")
        #expect(try Fixtures.framesMatch(frames, input, replicateSeed: Fixtures.firstReplicateSeed(11)))
    }

    @Test(arguments: [
        Lever.coordinationTeam, .regulationIntegration, .infrastructure, .training, .champion, .budgetRingfence,
    ])
    func aLeverOnAtTwelveAndOffAtThirtyEqualsAnInterventionOfEighteenMonths(_ lever: Lever) throws {
        let classroom = try Fixtures.classroom()
        let session = try ClassroomSession(id: "MIDRUN", scenario: classroom, settings: ClassroomSettings(seed: 4))
        _ = try session.step(months: 12)
        try session.setLever(lever.rawValue, on: true, intensity: 0.7)
        _ = try session.step(months: 12)
        _ = try session.step(months: 6)
        try session.setLever(lever.rawValue, on: false)
        while !session.isFinished { _ = try session.step(months: 7) }
        #expect(session.schedule == [ScheduleEntry(lever: lever.rawValue, intensity: 0.7, start: 12, end: 30)])

        var input = classroom.scenario.input
        input.interventions.append(
            Intervention(lever: lever, targets: everyone(input), start: 12, duration: 18, intensity: 0.7))
        #expect(try Fixtures.framesMatch(session.frames, input, replicateSeed: Fixtures.firstReplicateSeed(4)))
        // And the lever made a difference (or, for an at-start lever, at least did not break anything).
        let plain = try ClassroomSession(id: "PLAIN", scenario: classroom, settings: ClassroomSettings(seed: 4))
        while !plain.isFinished { _ = try plain.step(months: 12) }
        #expect(plain.frames.last! != session.frames.last!)
    }

    @Test func switchingALeverAtMonthZeroChangesTheSettings() throws {
        let session = try ClassroomSession(id: "ZERO", scenario: Fixtures.classroom())
        try session.setLever("champion", on: true, intensity: 0.4)
        #expect(session.settings.levers == ["champion": LeverSetting(intensity: 0.4)])
        #expect(session.schedule == [ScheduleEntry(lever: "champion", intensity: 0.4, start: 0, end: nil)])
        try session.setLever("champion", on: false)
        #expect(session.settings.levers.isEmpty)
        #expect(session.schedule.isEmpty)
    }

    @Test func aLeverSwitchedOnAndOffInOneMonthLeavesNoEntry() throws {
        let session = try ClassroomSession(id: "FLICK", scenario: Fixtures.classroom())
        _ = try session.step(months: 3)
        try session.setLever("training", on: true, intensity: 0.5)
        try session.setLever("training", on: true, intensity: 0.8)
        #expect(session.schedule == [ScheduleEntry(lever: "training", intensity: 0.8, start: 3, end: nil)])
        try session.setLever("training", on: false)
        #expect(session.schedule.isEmpty)
        #expect(throws: ClassroomError.self) { try session.setLever("trainning", on: true) }
        #expect(throws: ClassroomError.self) {
            try session.setLever("training", on: true, intensity: 2)
        }
    }

    @Test func everyLeverHasALectureNoteAndASource() {
        let theory = ["Linden 2010", "Ansell & Gash 2008", "Anderson et al. 2015", "Bass 1969"]
        #expect(LeverInfo.all.map(\.lever) == Lever.allCases)
        for info in LeverInfo.all {
            let sentences = info.note.split(separator: ".").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            #expect((2...3).contains(sentences.count), "\(info.lever): \(info.note)")
            let citesSeed = ["000", "001", "002", "003", "004"].contains {
                info.source.contains("eed \($0)") || info.source.contains("eeds \($0)")
                    || info.source.contains(" \($0)")
            }
            let citesTheory = theory.contains { info.source.contains($0) }
            #expect(citesSeed || citesTheory, "\(info.lever): \(info.source)")
            #expect(!info.label.isEmpty && (0...1).contains(info.defaultIntensity))
        }
    }
}

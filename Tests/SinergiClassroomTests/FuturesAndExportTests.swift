import Foundation
import SinergiClassroom
import SinergiModel
import SinergiScenario
import Testing

/// Futures and the exported scenario agree with the live run.
@Suite struct FuturesAndExportTests {
    @Test func futureZeroIsTheLiveRunAndTheStatisticsAreConsistent() throws {
        let session = try ClassroomSession(
            id: "FUTURE", scenario: Fixtures.classroom(),
            settings: ClassroomSettings(
                seed: 17, constructs: ["budget": 1.1], levers: ["champion": LeverSetting(intensity: 0.5)]))
        _ = try session.step(months: 10)
        try session.setLever("training", on: true, intensity: 0.6)
        while !session.isFinished { _ = try session.step(months: 12) }
        let frames = session.frames

        let one = try session.futuresJob(count: 1).run()
        let government = one.governments[0]
        #expect(government.bands.spbe.p50 == frames.map { $0.governments[0].spbe }, "future 0 is the live run")
        #expect(government.bands.adoption.p50 == frames.map { $0.governments[0].adoption })

        let job = try session.futuresJob(count: 200)
        let futures = try job.run()
        #expect(futures.count == 200 && futures.seed == 17)
        let many = futures.governments[0]
        #expect(many.finalSpbe.histogram.counts.reduce(0, +) == 200)
        #expect(many.finalSpbe.histogram.counts.count == 40)
        #expect(Set(many.predicateShares.keys) == Set(SPBEPredicate.allCases))
        #expect(abs(many.predicateShares.values.reduce(0, +) - 1) < 1e-12)
        for band in [many.bands.spbe, many.bands.adoption] {
            #expect(band.p5.count == 61 && band.p50.count == 61 && band.p95.count == 61)
            for m in 0...60 { #expect(band.p5[m] <= band.p50[m] && band.p50[m] <= band.p95[m]) }
        }
        let s = many.finalSpbe
        #expect(s.p5 <= s.p25 && s.p25 <= s.p50 && s.p50 <= s.p75 && s.p75 <= s.p95)
        #expect(many.adoption.p5 <= many.adoption.p50 && many.adoption.p50 <= many.adoption.p95)
        #expect(try job.run() == futures, "the same request gives the same futures")
    }

    @Test func futuresLeaveStancesOut() throws {
        let session = try ClassroomSession(
            id: "STANCE", scenario: Fixtures.classroom(),
            settings: ClassroomSettings(seed: 2, participation: true))
        let token = try session.addPlayer(government: 0, agency: 0, name: "Ani")
        try session.setStance(token: token, month: 0, Stance(shareData: false, training: true))
        _ = try session.step(months: 1)
        let plain = try ClassroomSession(
            id: "PLAIN", scenario: Fixtures.classroom(), settings: ClassroomSettings(seed: 2))
        #expect(try session.futuresJob(count: 3).run() == plain.futuresJob(count: 3).run())
    }

    @Test func theExportLoadsBackToTheSessionsTrajectory() throws {
        let classroom = try Fixtures.classroom()
        let session = try ClassroomSession(
            id: "EXPORT", scenario: classroom,
            settings: ClassroomSettings(
                seed: 5, constructs: ["ego": 0.8, "politicalWill": 0.3, "budget": 1.2, "legacyLockIn": 0.4],
                levers: ["neutral_mediator": LeverSetting(intensity: 0.4)], participation: true))
        let a = try session.addPlayer(government: 0, agency: 2, name: "Ani")
        let b = try session.addPlayer(government: 0, agency: 5, name: "Budi")
        _ = try session.step(months: 4)
        try session.setStance(token: a, month: 4, Stance(training: true))
        try session.setStance(token: b, month: 4, Stance(commitBudget: true))
        try session.setLever("coordination_team", on: true, intensity: 0.5)
        _ = try session.step(months: 8)
        try session.setLever("neutral_mediator", on: false)
        _ = try session.step(months: 12)

        let yaml = session.exportYAML()
        #expect(!yaml.contains("NOT REPRODUCIBLE"))
        let exported = try ScenarioLoader.parse(text: yaml, path: "export.yaml")
        #expect(exported.seed == 5 && exported.replicates == 1)
        #expect(exported.input == session.currentInput)
        #expect(
            try Fixtures.framesMatch(
                session.frames, exported.input,
                replicateSeed: Fixtures.firstReplicateSeed(exported.seed)))

        let guarded = try ClassroomSession(
            id: "GUARD", scenario: classroom, settings: ClassroomSettings(participation: true))
        let c = try guarded.addPlayer(government: 0, agency: 2, name: "Citra")
        try guarded.setStance(token: c, month: 0, Stance(shareData: false))
        _ = try guarded.step(months: 1)
        #expect(guarded.exportYAML().contains("NOT REPRODUCIBLE WITH sinergi run"))
    }
}

import SinergiClassroom
import SinergiModel
import Testing

/// Players, stances and how they act.
@Suite struct ParticipationTests {
    func session(_ id: String = "PLAY", seed: UInt64 = 21) throws -> ClassroomSession {
        try ClassroomSession(
            id: id, scenario: Fixtures.classroom(), settings: ClassroomSettings(seed: seed, participation: true))
    }

    /// One player per agency of government 0, all with `stance`, stepped one month.
    func playedMonth(_ stance: Stance, seed: UInt64 = 21) throws -> ClassroomSession {
        let session = try session(seed: seed)
        let agencies = session.scenario.scenario.input.governments[0].agencies.count
        for a in 0..<agencies {
            let token = try session.addPlayer(government: 0, agency: a, name: "P\(a)")
            try session.setStance(token: token, month: 0, stance)
        }
        _ = try session.step(months: 1)
        return session
    }

    @Test func guardingLowersAndSharingRaisesTheMonthsIntendedEffort() throws {
        // Sharing cannot lower anyone's effort; it raises the mean whenever some agency is
        // selfish or conditional on low effort, which happens for some of these seeds.
        var raised = 0
        for seed in [21, 22, 23, 24] as [UInt64] {
            let plain = try session(seed: seed)
            _ = try plain.step(months: 1)
            let base = plain.snapshot().governments[0].agencies
            let guarded = try playedMonth(Stance(shareData: false), seed: seed).snapshot().governments[0].agencies
            let shared = try playedMonth(Stance(shareData: true), seed: seed).snapshot().governments[0].agencies
            func mean(_ a: [AgencySnapshot]) -> Double { a.map(\.intendedEffort).reduce(0, +) / Double(a.count) }
            #expect(mean(guarded) < mean(base))
            #expect(mean(shared) >= mean(base))
            if mean(shared) > mean(base) { raised += 1 }
            for i in base.indices {
                #expect(shared[i].intendedEffort == shared[i].commitment, "share: d = C")
                #expect(base[i].commitment == guarded[i].commitment, "the stance acts on effort only, in its month")
            }
        }
        #expect(raised > 0)
    }

    @Test func aTrainingStanceRaisesTheAgencysStaffAndABudgetStanceItsBudget() throws {
        let seed: UInt64 = 31
        let plain = try session(seed: seed)
        _ = try plain.step(months: 1)
        let played = try session(seed: seed)
        let trainee = try played.addPlayer(government: 0, agency: 1, name: "Ani")
        let treasurer = try played.addPlayer(government: 0, agency: 3, name: "Budi")
        try played.setStance(token: trainee, month: 0, Stance(training: true))
        try played.setStance(token: treasurer, month: 0, Stance(commitBudget: true))
        let frame = try played.step(months: 1)[0]
        let before = plain.snapshot().governments[0].agencies
        let after = played.snapshot().governments[0].agencies
        #expect(after[1].hr > before[1].hr)
        #expect(after[3].budget >= 1)
        #expect(after[0].hr == before[0].hr, "other agencies' staff are untouched in the month")
        #expect(frame.played[0][1] && frame.played[0][3])
        #expect(!frame.played[0][0])
        #expect(played.choices.count == 2)
        #expect(played.choices.allSatisfy { $0.month == 0 && $0.players == 1 })
        #expect(played.players.allSatisfy { $0.stance == nil }, "stances are cleared once the month is stepped")
        #expect(played.frames[0].played.allSatisfy { !$0.contains(true) }, "frame 0 has no played agency")
        // The budget floor lasts one month only.
        _ = try played.step(months: 1)
        _ = try plain.step(months: 1)
        #expect(
            played.snapshot().governments[0].agencies[3].budget == plain.snapshot().governments[0].agencies[3].budget)
    }

    @Test func eachItemTakesTheMajorityOfTheTeamAndATieLeavesItToTheModel() throws {
        #expect(
            Stance.majority([Stance(shareData: true), Stance(shareData: true), Stance(shareData: false)]).shareData
                == true)
        #expect(Stance.majority([Stance(shareData: true), Stance(shareData: false)]).shareData == nil)
        #expect(
            Stance.majority([Stance(training: true), Stance(commitBudget: false)])
                == Stance(training: true, commitBudget: false))
        #expect(Stance.majority([]) == Stance())

        let session = try session()
        var tokens: [String] = []
        for name in ["A", "B", "C", "D"] {
            tokens.append(try session.addPlayer(government: 0, agency: 2, name: name))
        }
        try session.setStance(token: tokens[0], month: 0, Stance(shareData: true, training: true))
        try session.setStance(token: tokens[1], month: 0, Stance(shareData: false, training: true))
        try session.setStance(token: tokens[2], month: 0, Stance(training: false, commitBudget: true))
        _ = try session.step(months: 1)
        let choice = try #require(session.choices.first)
        #expect(choice.stance == Stance(shareData: nil, training: true, commitBudget: true))
        #expect(choice.players == 3)
        #expect(session.choices.count == 1)
    }

    @Test func aStanceForAnotherMonthIsAConflictAndAnUnknownTokenIsNotFound() throws {
        let session = try session()
        let token = try session.addPlayer(government: 0, agency: 0, name: "Ani")
        _ = try session.step(months: 2)
        let over = ClassroomError.conflict(
            .init(.monthOver, ["month": "1", "current": "2"], message: "month 1 is over; the session is at month 2"))
        #expect(throws: over) {
            try session.setStance(token: token, month: 1, Stance(shareData: true))
        }
        let early = ClassroomError.conflict(
            .init(
                .monthNotStarted, ["month": "3", "current": "2"],
                message: "month 3 has not started; the session is at month 2"))
        #expect(throws: early) {
            try session.setStance(token: token, month: 3, Stance(shareData: true))
        }
        try session.setStance(token: token, month: 2, Stance())
        #expect(session.players[0].stance == Stance())
        let unknown = ClassroomError.notFound(
            .init(.playerNotFound, ["session": "PLAY"], message: "no player with this token in session PLAY"))
        #expect(throws: unknown) {
            try session.setStance(token: "nope", month: 2, Stance())
        }
    }

    @Test func playersStepsAndFuturesHaveBounds() throws {
        let session = try session()
        func status(_ body: () throws -> Void) -> Fixtures.Refusal? {
            do { try body(); return nil } catch let error as ClassroomError { return error.refusal } catch {
                return .other
            }
        }
        #expect(status { _ = try session.addPlayer(government: 1, agency: 0, name: "X") } == .badRequest)
        #expect(status { _ = try session.addPlayer(government: 0, agency: 7, name: "X") } == .badRequest)
        #expect(status { _ = try session.addPlayer(government: 0, agency: 0, name: "  ") } == .badRequest)
        #expect(
            status {
                _ = try session.addPlayer(government: 0, agency: 0, name: String(repeating: "x", count: 41))
            } == .badRequest)
        for k in 0..<ClassroomSession.maximumPlayers {
            _ = try session.addPlayer(government: 0, agency: k % 7, name: "P\(k)")
        }
        #expect(status { _ = try session.addPlayer(government: 0, agency: 0, name: "one more") } == .conflict)
        #expect(status { _ = try session.step(months: 0) } == .badRequest)
        #expect(status { _ = try session.step(months: 13) } == .badRequest)
        #expect(status { _ = try session.futuresJob(count: 0) } == .badRequest)
        #expect(status { _ = try session.futuresJob(count: 1001) } == .badRequest)
        #expect(try session.step(months: 12).count == 12)
        for _ in 0..<4 { _ = try session.step(months: 12) }
        #expect(session.isFinished && session.month == 60)
        #expect(status { _ = try session.step(months: 1) } == .conflict)
        #expect(session.frames.count == 61, "one frame per month and the initial state")
        #expect(session.frames.map(\.month) == Array(0...60))
        #expect(session.frames[12].date == CalendarMonth(year: 2019, month: 1))

        let closed = try ClassroomSession(id: "SOLO", scenario: Fixtures.classroom())
        #expect(status { _ = try closed.addPlayer(government: 0, agency: 0, name: "X") } == .conflict)
    }

    @Test func setupStartsAgainKeepingPlayersAndClearingTheirStances() throws {
        let session = try session()
        let token = try session.addPlayer(government: 0, agency: 0, name: "Ani")
        _ = try session.step(months: 5)
        try session.setStance(token: token, month: 5, Stance(shareData: true))
        try session.setup(ClassroomSettings(seed: 9, constructs: ["champion": 0.8], participation: true))
        #expect(session.month == 0 && session.frames.count == 1 && session.seed == 9)
        #expect(session.players.count == 1 && session.players[0].stance == nil)
        #expect(session.choices.isEmpty)
        #expect(throws: ClassroomError.self) { try session.setup(ClassroomSettings(constructs: ["charisma": 0.5])) }
        #expect(session.seed == 9, "a rejected setup changes nothing")
    }
}

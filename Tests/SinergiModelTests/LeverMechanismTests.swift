import Testing

@testable import SinergiModel

/// The exact effect of each lever while active, month by month, against the formulas of
/// MODEL.md §4 evaluated here from the state (activity window [start, start + duration)).
@Suite struct LeverMechanismTests {
    static let start = 6, duration = 12, months = 30
    static func active(_ t: Int) -> Bool { t >= start && t < start + duration }

    static func entry(
        _ lever: Lever, _ intensity: Double, agencies: [Int] = Array(0..<7),
        start: Int = start, duration: Int? = duration
    ) -> Intervention {
        Intervention(
            lever: lever, targets: [InterventionTarget(government: 0, agencies: agencies)],
            start: start, duration: duration, intensity: intensity)
    }

    /// Runs one replicate with `interventions`, no election, and calls `check(t, before, after)`.
    static func run(
        _ interventions: [Intervention], seed: UInt64 = 3,
        check: (Int, GovernmentState, GovernmentState) -> Void
    ) throws {
        var input = classroomInput(months: months, interventions: interventions)
        input.parameters.politics.firstElection = 1_000
        _ = try Driver(input).run(seed: seed, observe: check)
    }

    @Test func governmentLevelEffectiveValues() throws {
        let x = 0.6
        try Self.run([
            Self.entry(.politicalWill, x), Self.entry(.champion, x), Self.entry(.neutralMediator, x),
            Self.entry(.externalMandate, x),
        ]) { t, _, s in
            let on = Self.active(t)
            let w = s.politicalWill, l = s.champion, i = s.mandate
            #expect(abs(s.effectiveWill - (on ? w + x * (1 - w) : w)) <= 1e-15)
            #expect(abs(s.effectiveChampion - (on ? l + x * (1 - l) : l)) <= 1e-15)
            #expect(s.effectiveMediation == (on ? max(s.mediation, x) : s.mediation))
            #expect(abs(s.effectiveMandate - (on ? i + x * (1 - i) : i)) <= 1e-15)
        }
    }

    /// Several entries of one lever compound in the order listed.
    @Test func entriesCompoundInOrder() throws {
        try Self.run([Self.entry(.politicalWill, 0.5), Self.entry(.politicalWill, 0.2, start: 0, duration: nil)]) {
            t, _, s in
            let w = s.politicalWill
            var expected = w
            if Self.active(t) { expected += 0.5 * (1 - expected) }
            expected += 0.2 * (1 - expected)
            #expect(abs(s.effectiveWill - expected) <= 1e-15)
        }
    }

    /// coordination_team, regulation_integration and infrastructure's ceiling act once, at
    /// the start, and stay after the entry ends.
    @Test func oneOffLeversActOnceAndPersist() throws {
        let x = 0.5
        var initialEgo: [Double] = []
        try Self.run([
            Self.entry(.coordinationTeam, x), Self.entry(.regulationIntegration, x, agencies: [1, 2]),
            Self.entry(.infrastructure, x),
        ]) { t, before, s in
            if t == 0 { initialEgo = Array(before.ego.prefix(7)) }
            #expect(abs(s.design - (t < Self.start ? 0.3 : 0.3 + x * 0.7)) <= 1e-15)
            #expect(abs(s.internetCeiling - (t < Self.start ? 0.9 : 0.9 + x * 0.1)) <= 1e-15)
            #expect(abs(s.effectiveGrowth - (Self.active(t) ? 0.02 * (1 + x) : 0.02)) <= 1e-15)
            for i in 0..<7 {
                let factor = t >= Self.start && [1, 2].contains(i) ? 1 - 0.5 * x : 1
                #expect(abs(s.ego[i] - initialEgo[i] * factor) <= 1e-15)
            }
        }
    }

    /// Monthly state levers: legacy_migration, culture_change, citizen_outreach (largest o).
    @Test func monthlyStateLevers() throws {
        let x = 0.7
        try Self.run([
            Self.entry(.legacyMigration, x), Self.entry(.cultureChange, x, agencies: [0, 3]),
            Self.entry(.citizenOutreach, 0.3), Self.entry(.citizenOutreach, x),
        ]) { t, b, s in
            let on = Self.active(t)
            for i in 0..<7 {
                #expect(abs(s.legacyLockIn[i] - b.legacyLockIn[i] * (on ? 1 - 0.1 * x : 1)) <= 1e-15)
                let u = b.culture[i]
                #expect(abs(s.culture[i] - (on && [0, 3].contains(i) ? u + 0.02 * x * (1 - u) : u)) <= 1e-15)
            }
            var readiness = b.readiness
            if on {
                readiness += 0.01 * 0.3 * (1 - readiness)
                readiness += 0.01 * x * (1 - readiness)
            }
            #expect(abs(s.readiness - readiness) <= 1e-15)
            #expect(abs(s.outreach - (on ? 1 + 2 * x : 1)) <= 1e-15)
        }
    }

    /// Both budget levers: B_eff = min(1.5, max(B, ring-fence floor) + 0.2·Σ partnership).
    @Test func budgetLeversCombine() throws {
        try Self.run([
            Self.entry(.budgetRingfence, 0.9, agencies: [0, 1]), Self.entry(.budgetRingfence, 0.5, agencies: [1]),
            Self.entry(.partnership, 0.5, agencies: [1, 2]), Self.entry(.partnership, 0.4, agencies: [2]),
        ]) { t, _, s in
            let on = Self.active(t)
            let none = -Double.infinity
            let activeFloors: [Double] = [0.9, 0.9, none, none, none, none, none]
            let activeBoosts: [Double] = [0, 0.1, 0.18, 0, 0, 0, 0]
            let floors = on ? activeFloors : [Double](repeating: none, count: 7)
            let boosts = on ? activeBoosts : [Double](repeating: 0, count: 7)
            for i in 0..<7 {
                #expect(abs(s.effectiveBudget[i] - min(1.5, max(s.budget[i], floors[i]) + boosts[i])) <= 1e-12)
            }
        }
    }

    /// training: the trainer cascade multiplies r_H of targets by 1 + x from the start, for
    /// good; staff_retention scales μ_rot by 1 − x while active.
    @Test func hrLevers() throws {
        let x = 0.4
        try Self.run([Self.entry(.training, x, agencies: [2]), Self.entry(.staffRetention, x, agencies: [4])]) {
            t, _, s in
            for i in 0..<7 {
                #expect(s.learningMultiplier[i] == (i == 2 && t >= Self.start ? 1 + x : 1))
                #expect(s.rotationMultiplier[i] == (i == 4 && Self.active(t) ? 1 - x : 1))
            }
        }
    }

    /// Elections (MODEL.md §2 step 1): at firstElection and every termMonths after, with
    /// π_change = 1 W is redrawn and I counts half in that month and the five after it;
    /// external_mandate then acts on the halved value.
    @Test func electionsHalveTheMandate() throws {
        var input = classroomInput(
            months: 40, interventions: [Self.entry(.externalMandate, 0.5, start: 0, duration: nil)])
        input.parameters.politics.firstElection = 10
        input.parameters.politics.termMonths = 12
        input.parameters.politics.changeProbability = 1
        let elections = [10, 22, 34]
        var willChanges: [Int] = []
        _ = try Driver(input).run(seed: 8) { t, b, s in
            if s.politicalWill != b.politicalWill { willChanges.append(t) }
            let reduced = elections.contains { t >= $0 && t < $0 + 6 }
            let i = reduced ? 0.25 : 0.5
            #expect(abs(s.effectiveMandate - (i + 0.5 * (1 - i))) <= 1e-15, "month \(t)")
        }
        #expect(willChanges == elections)
    }
}

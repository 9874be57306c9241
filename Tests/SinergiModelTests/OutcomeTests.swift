import Testing

@testable import SinergiModel

/// MODEL.md §5: the outcomes of a replicate, recomputed here from the states the run went
/// through (a champion and a coordination team make launches and wins common).
@Suite struct OutcomeTests {
    static func input(stallMonths: Int?) -> ModelInput {
        let all = [InterventionTarget(government: 0, agencies: [])]
        var input = classroomInput(
            months: 60,
            interventions: [
                Intervention(lever: .champion, targets: all, intensity: 0.8),
                Intervention(lever: .coordinationTeam, targets: all, start: 6, intensity: 0.8),
            ])
        if let stallMonths { input.parameters.initiatives.stallMonths = stallMonths }
        return input
    }

    @Test(arguments: [nil, 3])
    func outcomesFollowFromTheStates(stallMonths: Int?) throws {
        let input = Self.input(stallMonths: stallMonths)
        let stallLimit = stallMonths ?? 12
        let driver = Driver(input)
        let n = driver.agencyCount
        let specs = input.governments[0].initiatives
        var sawLaunch = false, sawIntegration = false, sawStall = false
        // Stalls are rare with these levers (a few in a thousand replicates).
        for seed in replicateSeeds(1000) {
            var firstLaunch: Int?, firstWin: Int?
            var slow = [Int](repeating: 0, count: specs.count)
            var initial = 0.0
            let outcome = try driver.run(seed: seed) { t, b, s in
                if t == 0 { initial = Self.index(b, specs, n) }
                var win = false
                for k in specs.indices where b.status[k] != .integrated {
                    let (before, after) = (b.progress[k], s.progress[k])
                    for threshold in [0.25, 0.5, 0.75, 0.99] where before < threshold && after >= threshold {
                        win = true
                    }
                    if b.status[k] == .active && s.status[k] != .active {
                        win = true
                        if firstLaunch == nil { firstLaunch = t + 1 }
                    }
                    slow[k] = after - before < 0.001 ? slow[k] + 1 : 0
                }
                if win && firstWin == nil { firstWin = t + 1 }
            }
            let s = driver.state
            #expect(outcome.monthsToFirstLaunch == firstLaunch)
            #expect(outcome.monthsToFirstWin == firstWin)
            let launched = specs.indices.filter { s.status[$0] != .active }.count
            let integrated = specs.indices.filter { s.status[$0] == .integrated }.count
            let stalled = specs.indices.filter { s.status[$0] != .integrated && slow[$0] >= stallLimit }.count
            #expect(outcome.initiativesLaunched == launched)
            #expect(outcome.initiativesIntegrated == integrated)
            #expect(outcome.initiativesStalled == stalled, "stall limit \(stallLimit), slow months \(slow)")
            sawLaunch = sawLaunch || launched > 0
            sawIntegration = sawIntegration || integrated > 0
            sawStall = sawStall || stalled > 0

            let final = Self.index(s, specs, n)
            #expect(abs(outcome.initialSpbe - initial) <= 1e-12)
            #expect(abs(outcome.finalSpbe - final) <= 1e-12)
            #expect(abs(outcome.gainPerYear - (final - initial) / 5) <= 1e-12)
            #expect(outcome.adoption == s.adoption && outcome.internetAccess == s.internetAccess)
            #expect(abs(outcome.meanTrust - agencyMean(s.trust, n)) <= 1e-15)
            #expect(abs(outcome.meanCommitment - agencyMean(s.commitment, n)) <= 1e-15)
            let selfish = (0..<n).filter { s.motivation[$0] == .selfish }.count
            #expect(outcome.selfishShare == Double(selfish) / Double(n))
            let m = agencyMean(s.maturity, n)
            let sd = ((0..<n).reduce(0) { $0 + (s.maturity[$1] - m) * (s.maturity[$1] - m) } / Double(n)).squareRoot()
            #expect(abs(outcome.equity - sd) <= 1e-12)
        }
        // The replicates exercised what they check.
        #expect(sawLaunch && sawIntegration && sawStall)
    }

    /// MODEL.md §2 step 17 computed here: policy 1 + 4D, governance 1 + 4·(U + Π̄)/2,
    /// management m̄, services 0.6·m̄ + 0.4·(1 + 4Q), Q the mean over citizen-facing
    /// initiatives of π when launched.
    static func index(_ s: GovernmentState, _ specs: [InitiativeSpec], _ n: Int) -> Double {
        let m = agencyMean(s.maturity, n)
        let meanProgress = specs.indices.reduce(0) { $0 + s.progress[$1] } / Double(specs.count)
        let facing = specs.indices.filter { specs[$0].citizenFacing }
        let q = facing.reduce(0) { $0 + (s.status[$1] != .active ? s.progress[$1] : 0) } / Double(facing.count)
        return 0.13 * (1 + 4 * s.design) + 0.25 * (1 + 4 * (s.understanding + meanProgress) / 2) + 0.165 * m
            + 0.455 * (0.6 * m + 0.4 * (1 + 4 * q))
    }
}

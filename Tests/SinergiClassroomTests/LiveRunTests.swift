import SinergiModel
import SinergiScenario
import SinergiStats
import Testing

/// A live run follows exactly the simulator's path.
@Suite struct LiveRunTests {
    @Test(arguments: ["classroom.yaml", "jambi-province-2018.yaml"])
    func steppedMonthByMonthEqualsTheSimulatorBitForBit(_ file: String) throws {
        let input = try Fixtures.scenario(file).input
        for master in [1, 7, 2018] as [UInt64] {
            let seed = Fixtures.firstReplicateSeed(master)
            let (record, layout) = try Fixtures.simulate(input, replicateSeed: seed)
            let live = try LiveRun(input: input, replicateSeed: seed)
            for month in 0...input.months {
                if month > 0 { #expect(live.step()) }
                for g in input.governments.indices {
                    let expected = Fixtures.row(record, layout, government: g, month: month)
                    #expect(
                        Fixtures.bits(live.seriesRow(government: g)) == Fixtures.bits(expected),
                        "\(file) seed \(master) government \(g) month \(month)")
                }
            }
            #expect(live.isFinished)
            #expect(!live.step(), "a finished run does not step")
            let snapshot = live.snapshot()
            for g in input.governments.indices {
                #expect(snapshot.governments[g].spbe.bitPattern == record.outcomes[g].finalSpbe.bitPattern)
                #expect(snapshot.governments[g].meanTrust.bitPattern == record.outcomes[g].meanTrust.bitPattern)
            }
        }
    }

    @Test func interventionsSetBeforeTheirStartActAsIfListedFromTheBeginning() throws {
        var input = try Fixtures.scenario("classroom.yaml").input
        let all = InterventionTarget(government: 0, agencies: Array(input.governments[0].agencies.indices))
        let levers: [Intervention] = [
            Intervention(lever: .coordinationTeam, targets: [all], start: 12, intensity: 0.6),
            Intervention(lever: .training, targets: [all], start: 12, duration: 18, intensity: 0.5),
            Intervention(lever: .infrastructure, targets: [all], start: 20, duration: 5, intensity: 0.4),
        ]
        let seed = Fixtures.firstReplicateSeed(3)
        let live = try LiveRun(input: input, replicateSeed: seed)
        for _ in 0..<12 { live.step() }
        live.setInterventions(Array(levers[0...1]))
        for _ in 12..<20 { live.step() }
        live.setInterventions(levers)
        while live.step() {}

        input.interventions = levers
        let (record, layout) = try Fixtures.simulate(input, replicateSeed: seed)
        let expected = Fixtures.row(record, layout, government: 0, month: input.months)
        #expect(Fixtures.bits(live.seriesRow(government: 0)) == Fixtures.bits(expected))
    }

    @Test func aShareStanceUsesTheProsocialRuleAndAGuardStanceTheSelfishRule() throws {
        let input = try Fixtures.scenario("classroom.yaml").input
        let seed = Fixtures.firstReplicateSeed(5)
        let n = input.governments[0].agencies.count
        let plain = try LiveRun(input: input, replicateSeed: seed)
        let shared = try LiveRun(input: input, replicateSeed: seed)
        let guarded = try LiveRun(input: input, replicateSeed: seed)
        plain.step()
        shared.step(stances: [Array(repeating: AgencyStance(shareData: true), count: n)])
        guarded.step(stances: [Array(repeating: AgencyStance(shareData: false), count: n)])
        let mandate = input.parameters.effort
        for i in 0..<n {
            let a = plain.snapshot().governments[0].agencies[i]
            let s = shared.snapshot().governments[0].agencies[i]
            let g = guarded.snapshot().governments[0].agencies[i]
            // Same luck: commitment is evaluated before effort, so it is the same in all three.
            #expect(a.commitment == s.commitment && a.commitment == g.commitment)
            #expect(s.intendedEffort == s.commitment)
            #expect(g.intendedEffort < g.commitment * (mandate.selfishBase + mandate.mandateCompliance) + 1e-12)
            #expect(g.intendedEffort <= a.intendedEffort + 1e-15)
            #expect(s.intendedEffort >= a.intendedEffort - 1e-15)
        }
        // The next month without stances follows each agency's own rule again.
        plain.step()
        shared.step()
        #expect(shared.snapshot().month == 2)
    }
}

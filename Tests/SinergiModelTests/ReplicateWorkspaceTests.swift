import SinergiStats
import Testing

@testable import SinergiModel

/// A study's worker runs many arms (a comparison's packages, a sweep's design points) on
/// one ``ReplicateWorkspace``. What it ran before must not show in any arm's numbers.
@Suite struct ReplicateWorkspaceTests {
    /// Arms that make a shared workspace grow (more agencies, more initiatives), switch
    /// generator, and initialise a citizen network.
    static func arms() -> [ModelInput] {
        let small = classroomInput(months: 24)
        var large = classroomInput(months: 24)
        var government = large.governments[0]
        let extra = government.agencies.map { agency in
            var copy = agency
            copy.name += " II"
            return copy
        }
        government.agencies += extra
        government.initiatives.append(InitiativeSpec(name: "e-archive", partners: [7, 8, 9, 10]))
        government.initiatives.append(InitiativeSpec(name: "e-procurement", partners: [6, 13, 2]))
        large.governments = [government]
        var taus = small
        taus.algorithm = .taus2
        var network = BassDiffusionTests.citizensOnlyInput(months: 24)
        network.citizens = .network(CitizenNetworkSpec(size: 2_000, graph: .wattsStrogatz(k: 6, beta: 0.1)))
        return [small, large, DeterminismTests.input(), taus, network]
    }

    static func run(_ runner: ReplicateRunner, _ workspace: ReplicateWorkspace, seed: UInt64) throws -> ReplicateRecord
    {
        var record = runner.makeRecord()
        try runner.run(replicateSeed: seed, in: workspace, into: &record)
        return record
    }

    @Test func aSharedWorkspaceGivesEveryArmTheNumbersOfItsOwnSimulator() throws {
        let runners = Self.arms().map(ReplicateRunner.init(input:))
        let seeds = replicateSeeds(3, master: 41)
        var expected: [[ReplicateRecord]] = []
        for runner in runners {
            let own = Simulator(input: runner.input)
            expected.append(try seeds.map { seed in try DeterminismTests.record(own, seed: seed) })
        }
        let shared = ReplicateWorkspace()
        // Replicate-major, as a study's workers take them, then arm by arm in reverse.
        for (r, seed) in seeds.enumerated() {
            for (a, runner) in runners.enumerated() {
                #expect(DeterminismTests.same(try Self.run(runner, shared, seed: seed), expected[a][r]), "arm \(a)")
            }
        }
        for (a, runner) in runners.enumerated().reversed() {
            for (r, seed) in seeds.enumerated() {
                #expect(DeterminismTests.same(try Self.run(runner, shared, seed: seed), expected[a][r]), "arm \(a)")
            }
        }
    }

    /// Replicate r of design point d under master m runs on the seed the documented
    /// derivation gives (MODEL.md §6).
    @Test func aReplicateByNumberRunsOnTheDerivedSeed() throws {
        let runner = ReplicateRunner(input: classroomInput(months: 12))
        let workspace = ReplicateWorkspace(for: runner)
        for (point, replicate) in [(0, 0), (0, 5), (3, 2)] {
            var byNumber = runner.makeRecord()
            try runner.run(replicate: replicate, masterSeed: 2018, designPoint: point, in: workspace, into: &byNumber)
            let seed = SeedDerivation.replicateSeed(master: 2018, designPoint: point, replicate: replicate)
            #expect(DeterminismTests.same(byNumber, try Self.run(runner, workspace, seed: seed)))
        }
    }
}

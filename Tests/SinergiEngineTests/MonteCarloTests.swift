import Foundation
import SinergiEngine
import SinergiModel
import SinergiStats
import Testing

/// MODEL.md §7 property 7 inside the engine: same scenario and seed, same records and the
/// same data files for any thread count.
@Suite struct MonteCarloTests {
    func bits(_ result: MonteCarlo.Result) -> [[UInt64]] {
        result.records.map { record in
            record.series.map(\.bitPattern)
                + record.outcomes.flatMap { [$0.finalSpbe.bitPattern, $0.adoption.bitPattern] }
        }
    }

    @Test(arguments: [2, 3, 8])
    func recordsDoNotDependOnThreads(threads: Int) async throws {
        let input = try EngineFixtures.scenario("jambi-province-2018").input
        let one = try await MonteCarlo.run(input: input, replicates: 17, masterSeed: 11, threads: 1)
        let many = try await MonteCarlo.run(input: input, replicates: 17, masterSeed: 11, threads: threads)
        #expect(one.seeds == many.seeds)
        #expect(bits(one) == bits(many))
    }

    /// Network citizens (every graph kind that draws) keep MODEL.md §7 property 7: the
    /// records do not depend on the thread count, and a worker's reused graph buffers
    /// give the same replicate as a fresh simulator.
    @Test(arguments: [
        CitizenGraphKind.wattsStrogatz(k: 6, beta: 0.2), .barabasiAlbert(m: 2), .erdosRenyi(meanDegree: 4),
    ])
    func networkRecordsDoNotDependOnThreads(graph: CitizenGraphKind) async throws {
        var input = try EngineFixtures.scenario("jambi-province-2018").input
        input.citizens = .network(CitizenNetworkSpec(size: 1_500, graph: graph))
        let one = try await MonteCarlo.run(input: input, replicates: 7, masterSeed: 5, threads: 1)
        let many = try await MonteCarlo.run(input: input, replicates: 7, masterSeed: 5, threads: 3)
        #expect(bits(one) == bits(many))
        let simulator = Simulator(input: input)
        var record = simulator.makeRecord()
        try simulator.run(replicateSeed: one.seeds[6], into: &record)
        #expect(record.series.map(\.bitPattern) == one.records[6].series.map(\.bitPattern))
        #expect(one.records.contains { $0.outcomes.contains { $0.adoption > 0 } })
    }

    @Test func replicateSeedsFollowTheDocumentedDerivation() async throws {
        let input = try EngineFixtures.scenario("classroom").input
        let result = try await MonteCarlo.run(input: input, replicates: 5, masterSeed: 42, threads: 2)
        #expect(result.seeds == (0..<5).map { SeedDerivation.replicateSeed(master: 42, designPoint: 0, replicate: $0) })
        // Replicate 3 alone, on a fresh simulator, gives the same record as inside the run.
        let simulator = Simulator(input: input)
        var record = simulator.makeRecord()
        try simulator.run(replicateSeed: result.seeds[3], into: &record)
        #expect(record.series.map(\.bitPattern) == result.records[3].series.map(\.bitPattern))
    }

    @Test func dataFilesAreByteIdenticalAcrossThreadCounts() async throws {
        let scenario = try EngineFixtures.scenario("jambi-province-2018")
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var files: [[Data]] = []
        for threads in [1, 4] {
            let out = root.appendingPathComponent("t\(threads)")
            let outcome = try await Study.run(
                EngineFixtures.request(scenario, replicates: 9, seed: 3, threads: threads, root: out))
            files.append(
                try ["replicates.csv", "timeseries.csv", "summary.csv"].map {
                    try Data(contentsOf: outcome.folder.appendingPathComponent($0))
                })
            #expect(outcome.manifest.files["summary.csv"] == Study.sha256(files.last![2]))
        }
        #expect(files[0] == files[1])
    }

    @Test func aFailingReplicateWritesNothing() async throws {
        var scenario = try EngineFixtures.scenario("classroom")
        scenario.input.governments[0].initialSpbe = 4.95
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        await #expect(throws: RunError.self) {
            _ = try await Study.run(EngineFixtures.request(scenario, replicates: 6, seed: 1, threads: 2, root: root))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
    }
}

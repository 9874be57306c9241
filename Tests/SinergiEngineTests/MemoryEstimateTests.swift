import Foundation
import SinergiModel
import Testing

@testable import SinergiEngine

/// The memory estimate a study is checked against before it runs (MemoryEstimate).
@Suite struct MemoryEstimateTests {
    static func network(size: Int, graph: CitizenGraphKind, months: Int = 12) -> ModelInput {
        var input = SeriesMemoryTests.manyGovernments(1, months: months)
        input.citizens = .network(CitizenNetworkSpec(size: size, graph: graph))
        return input
    }

    /// What one replicate leaves in the worker's citizen arrays is at most the estimate,
    /// which also counts the edge list the graph is compressed from and the rewiring's
    /// scratch: at most about twice the stored arrays.
    @Test(arguments: [
        CitizenGraphKind.wattsStrogatz(k: 10, beta: 0.1), .ringLattice(k: 6), .barabasiAlbert(m: 3),
        .erdosRenyi(meanDegree: 8),
    ])
    func coversTheCitizensAWorkerHolds(_ graph: CitizenGraphKind) throws {
        let input = Self.network(size: 20_000, graph: graph)
        let simulator = Simulator(input: input)
        var record = simulator.makeRecord()
        try simulator.run(replicateSeed: 1, into: &record)
        let footprint = simulator.footprint
        let stored =
            Double(footprint.citizens) * footprint.bytesPerCitizen
            + Double(footprint.neighbourEntries) * footprint.bytesPerNeighbourEntry
        let estimate = MemoryEstimate(input: input, threads: 1)
        #expect(estimate.citizensPerWorker >= stored, "\(graph.name): \(estimate.citizensPerWorker) < \(stored)")
        #expect(estimate.citizensPerWorker <= 2.5 * stored, "\(graph.name): \(estimate.citizensPerWorker) vs \(stored)")
    }

    @Test func eachThreadAddsAWorker() {
        let input = Self.network(size: 1_000_000, graph: .wattsStrogatz(k: 10, beta: 0.1))
        let one = MemoryEstimate(input: input, threads: 1), eight = MemoryEstimate(input: input, threads: 8)
        #expect(eight.total - one.total == 7 * (one.citizensPerWorker + one.agenciesPerWorker))
        // 10⁶ citizens on 5·10⁶ edges: 20 MB of citizens, 80 MB of edges, 12.6 MB of rewiring.
        #expect(abs(one.citizensPerWorker - 112.625e6) < 1)
    }

    @Test func refusesOnlyWhatDoesNotFit() throws {
        let estimate = MemoryEstimate(input: Self.network(size: 1_000_000, graph: .ringLattice(k: 10)), threads: 2)
        #expect(estimate.refusal(available: estimate.total) == nil)
        #expect(estimate.refusal(available: nil) == nil)
        let refusal = try #require(estimate.refusal(available: 50 * 1_048_576))
        #expect(refusal.hasPrefix("not enough memory: the scenario needs about 2"))
        #expect(refusal.contains("with 2 threads (citizens 95 MB per thread)"))
        #expect(refusal.contains("this machine has 50 MB available. Use fewer --threads, fewer citizens"))
    }

    @Test func readsMemAvailable() throws {
        let folder = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("meminfo")
        try "MemTotal:       24000000 kB\nMemFree:  1 kB\nMemAvailable:    2048 kB\n".write(
            to: file, atomically: true, encoding: .utf8)
        #expect(MemoryEstimate.available(meminfo: file.path) == 2_097_152.0)
        try "MemTotal:       24000000 kB\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(MemoryEstimate.available(meminfo: file.path) == nil)
        #expect(MemoryEstimate.available(meminfo: folder.appendingPathComponent("none").path) == nil)
    }

    @Test func sizesReadAsPeopleWriteThem() {
        #expect(MemoryEstimate.text(512) == "512 bytes")
        #expect(MemoryEstimate.text(1536) == "1.5 KB")
        #expect(MemoryEstimate.text(112.625e6) == "107 MB")
        #expect(MemoryEstimate.text(18.4 * 1_073_741_824) == "18 GB")
    }
}

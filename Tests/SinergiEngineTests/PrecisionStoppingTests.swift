import Foundation
import SinergiEngine
import SinergiModel
import Testing

/// `--precision`: batches until the 95% CI half-width is below the target; the stopping
/// point and the files do not depend on the thread count.
@Suite struct PrecisionStoppingTests {
    func run(_ target: PrecisionTarget, threads: Int, root: URL, scenario name: String = "classroom") async throws
        -> Study.Outcome
    {
        let scenario = try EngineFixtures.scenario(name)
        var request = EngineFixtures.request(scenario, replicates: 1, seed: 5, threads: threads, root: root)
        request.stopping = .precision(target)
        return try await Study.run(request)
    }

    @Test func stopsAtTheSameBatchForAnyThreadCount() async throws {
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = PrecisionTarget(
            metric: "final_spbe", halfWidth: 0.06, scope: .government, minimum: 20,
            maximum: 2_000, batch: 20)
        let one = try await run(target, threads: 1, root: root.appendingPathComponent("t1"))
        let three = try await run(target, threads: 3, root: root.appendingPathComponent("t3"))
        #expect(one.manifest.replicates == three.manifest.replicates)
        #expect(one.manifest.replicates % 20 == 0 && one.manifest.replicates < 2_000)
        #expect(one.manifest.stopping.reason.hasPrefix("precision reached"))
        for name in Study.dataFiles {
            #expect(
                try Data(contentsOf: one.folder.appendingPathComponent(name))
                    == Data(contentsOf: three.folder.appendingPathComponent(name)))
        }
        // Every government meets the target now, and at least one did not a batch earlier.
        let n = one.manifest.replicates
        for government in one.governments {
            let summary = try #require(one.statistics.summary("final_spbe", government: government))
            #expect(summary.ci95HalfWidth <= 0.06)
        }
        let earlier = try await Study.run(
            {
                var request = EngineFixtures.request(
                    try EngineFixtures.scenario("classroom"), replicates: n - 20,
                    seed: 5, threads: 2, root: root.appendingPathComponent("earlier"))
                request.stopping = .fixed(replicates: n - 20)
                return request
            }())
        let widths = one.governments.compactMap {
            earlier.statistics.summary("final_spbe", government: $0)?.ci95HalfWidth
        }
        #expect(widths.max()! > 0.06, "the run stopped at the first batch that met the target")
    }

    @Test func regionScopeNeedsFewerReplicatesThanEveryGovernment() async throws {
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let region = try await run(
            PrecisionTarget(
                metric: "final_spbe", halfWidth: 0.1, scope: .region, minimum: 10,
                maximum: 5_000, batch: 10), threads: 2, root: root,
            scenario: "jambi-province-2018")
        let each = try await run(
            PrecisionTarget(
                metric: "final_spbe", halfWidth: 0.1, scope: .government, minimum: 10,
                maximum: 5_000, batch: 10), threads: 2, root: root,
            scenario: "jambi-province-2018")
        #expect(region.manifest.replicates < each.manifest.replicates)
        let summary = try #require(region.statistics.summary("final_spbe", government: RunStatistics.regionName))
        #expect(summary.ci95HalfWidth <= 0.1)
    }

    @Test func theMaximumStopsARunThatCannotReachTheTarget() async throws {
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = try await run(
            PrecisionTarget(metric: "adoption", halfWidth: 1e-9, minimum: 10, maximum: 30, batch: 10),
            threads: 2, root: root)
        #expect(outcome.manifest.replicates == 30)
        #expect(outcome.manifest.stopping.reason.hasPrefix("maximum of 30 replicates reached"))
        #expect(outcome.manifest.status == .complete)
    }
}

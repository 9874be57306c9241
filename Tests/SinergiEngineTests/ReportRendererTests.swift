import Foundation
import SinergiEngine
import Testing

/// report.html comes from the renderer a study is given: the engine writes what it draws,
/// for a run and for a comparison, and no page at all when it is given none.
@Suite struct ReportRendererTests {
    /// A renderer that writes which study it drew and the manifest's replicate count, so a
    /// test can tell that the engine wrote this page, from this study's results.
    struct MarkerRenderer: ReportRenderer {
        func html(statistics: RunStatistics, manifest: Manifest) -> String {
            "run of \(manifest.replicates) replicates, \(statistics.outcomes.count) outcome rows"
        }

        func html(comparison: Comparison, manifest: Manifest) -> String {
            "comparison of \(comparison.policies.joined(separator: " and ")) over \(manifest.replicates) replicates"
        }

        func html(sweep: SweepAnalysis, manifest: Manifest) -> String {
            "sweep of \(sweep.points) points, \(sweep.effects.count) main effects"
        }
    }

    static func page(in folder: URL) -> String? {
        try? String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
    }

    @Test func aRunWritesThePageOfItsRenderer() async throws {
        let scenario = try EngineFixtures.scenario("classroom")
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let request = EngineFixtures.request(scenario, replicates: 3, seed: 1, threads: 2, root: root)
        let drawn = try await Study.run(request, report: MarkerRenderer())
        #expect(
            Self.page(in: drawn.folder)
                == "run of 3 replicates, \(drawn.statistics.outcomes.count) outcome rows")
        let bare = try await Study.run(request)
        #expect(Self.page(in: bare.folder) == nil)
        #expect(FileManager.default.fileExists(atPath: bare.folder.appendingPathComponent("manifest.json").path))
    }

    @Test func aComparisonWritesThePageOfItsRenderer() async throws {
        let scenario = try EngineFixtures.scenario("classroom")
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let request = ComparisonRequest(
            baseline: EngineFixtures.request(scenario, replicates: 3, seed: 1, threads: 2, root: root),
            policies: scenario.policies)
        let drawn = try await ComparisonStudy.run(request, report: MarkerRenderer())
        let names = scenario.policies.map(\.name).joined(separator: " and ")
        #expect(Self.page(in: drawn.folder) == "comparison of \(names) over 3 replicates")
        let bare = try await ComparisonStudy.run(request)
        #expect(Self.page(in: bare.folder) == nil)
        #expect(FileManager.default.fileExists(atPath: bare.folder.appendingPathComponent("manifest.json").path))
    }
}

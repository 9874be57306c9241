import Foundation
import SinergiEngine
import SinergiScenario

/// Shipped scenarios, temporary results folders and run requests for the report's tests.
enum ReportFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func scenario(_ name: String) throws -> Scenario {
        try ScenarioLoader.load(path: packageRoot.appendingPathComponent("Scenarios/\(name).yaml").path)
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sinergi-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func request(_ scenario: Scenario, replicates: Int, seed: UInt64, threads: Int, root: URL) -> RunRequest {
        RunRequest(
            scenarioPath: scenario.path, scenarioName: scenario.name, slug: scenario.slug,
            scenarioText: scenario.sourceText, resolvedScenario: scenario.resolvedYAML, input: scenario.input,
            stopping: .fixed(replicates: replicates), masterSeed: seed, threads: threads, outputRoot: root)
    }
}

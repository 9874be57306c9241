import Foundation
import SinergiEngine
import SinergiModel
import SinergiScenario

enum EngineFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func scenario(_ name: String) throws -> Scenario {
        try ScenarioLoader.load(path: packageRoot.appendingPathComponent("Scenarios/\(name).yaml").path)
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sinergi-engine-\(UUID().uuidString)")
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

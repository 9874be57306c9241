import Foundation
import SinergiScenario

/// Where the test fixtures and shipped scenarios are, found from this file's path so that
/// the command-line tests can reuse the same files.
enum Fixtures {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let brokenDirectory = testsDirectory.appendingPathComponent("Broken")
    static let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let scenariosDirectory = packageRoot.appendingPathComponent("Scenarios")
    static let docsDirectory = packageRoot.appendingPathComponent("docs")

    /// The path of a shipped scenario, e.g. `scenario("classroom")`.
    static func scenario(_ name: String) -> String {
        scenariosDirectory.appendingPathComponent("\(name).yaml").path
    }

    /// The error description of loading `path`, or nil when it loads.
    static func diagnostics(loading path: String) -> String? {
        do {
            _ = try ScenarioLoader.load(path: path)
            return nil
        } catch {
            return error.description
        }
    }

    /// The error description of parsing `text`, or nil when it parses.
    static func diagnostics(parsing text: String, path: String = "test.yaml") -> String? {
        do {
            _ = try ScenarioLoader.parse(text: text, path: path)
            return nil
        } catch {
            return error.description
        }
    }
}

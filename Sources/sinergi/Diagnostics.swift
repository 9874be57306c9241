import ArgumentParser
import Foundation
import SinergiScenario

/// Writes a line to standard error (diagnostics and progress never go to stdout).
func printError(_ text: String) {
    var line = text
    if !line.hasSuffix("\n") { line += "\n" }
    FileHandle.standardError.write(Data(line.utf8))
}

/// Loads a scenario, printing every diagnostic and exiting with `failure` (1: a failed run)
/// when it is not valid.
func loadScenario(_ path: String, failure: ExitCode = .failure) throws -> Scenario {
    do {
        return try ScenarioLoader.load(path: path)
    } catch {
        for diagnostic in error.diagnostics { printError(diagnostic.description) }
        let count = error.diagnostics.count
        printError("\(path): \(count) error\(count == 1 ? "" : "s"); nothing was run or written")
        throw failure
    }
}

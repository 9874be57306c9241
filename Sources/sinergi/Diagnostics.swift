import ArgumentParser
import Foundation
import SinergiEngine
import SinergiModel
import SinergiScenario

/// Writes a line to standard error (diagnostics and progress never go to stdout), with
/// control characters other than line breaks escaped: messages quote names from files.
func printError(_ text: String) {
    var line = TerminalText.escape(text, keepingLineBreaks: true)
    if !line.hasSuffix("\n") { line += "\n" }
    FileHandle.standardError.write(Data(line.utf8))
}

/// Loads a scenario, printing every diagnostic and exiting with `failure` (1: a failed run)
/// when it is not valid; nil is the classroom scenario compiled into the binary
/// (``EmbeddedScenario``).
func loadScenario(_ path: String?, failure: ExitCode = .failure) throws -> Scenario {
    try loadSource(path, failure: failure).scenario
}

/// Reads and checks a scenario file once, printing every diagnostic and exiting with
/// `failure` when it is not valid; nil is the embedded classroom scenario.
func loadSource(_ path: String?, failure: ExitCode = .failure) throws -> ScenarioSource {
    do {
        if let path { return try ScenarioSource.load(path: path) }
        return try EmbeddedScenario.source()
    } catch {
        for diagnostic in error.diagnostics { printError(diagnostic.description) }
        let count = error.diagnostics.count
        printError(
            "\(path ?? EmbeddedScenario.path): \(count) error\(count == 1 ? "" : "s"); nothing was run or written")
        throw failure
    }
}

/// The `--set PATH=VALUE` arguments read, or a usage error (exit 64) naming what is wrong.
func readOverrides(_ settings: [String]) throws -> [ScenarioOverride] {
    var overrides: [ScenarioOverride] = []
    for setting in settings {
        do {
            overrides.append(try ScenarioOverride(setting))
        } catch {
            for line in error.lines() { printError(line) }
            throw ExitCode.validationFailure
        }
    }
    return overrides
}

/// Loads a scenario with `--set` values over it, and the values as `PATH=VALUE` for the
/// manifest. A file that is not valid by itself exits with `failure` as
/// ``loadScenario(_:failure:)`` does; a malformed `--set`, a path that leads nowhere or a
/// value that makes the scenario invalid is a usage error (exit 64), printed as one line
/// per problem, and nothing is written.
func loadScenario(
    _ path: String?, settings: [String], failure: ExitCode = .failure
) throws -> (scenario: Scenario, overrides: [String]) {
    let overrides = try readOverrides(settings)
    let source = try loadSource(path, failure: failure)
    do {
        return (try source.scenario(with: overrides), overrides.map(\.description))
    } catch {
        for line in error.lines() { printError(line) }
        if case .invalid(let problems) = error, problems.diagnostics.contains(where: { $0.option == nil }) {
            printError(
                "\(path ?? EmbeddedScenario.path): valid by itself; the errors above come from the --set values; "
                    + "nothing was run or written")
        }
        throw ExitCode.validationFailure
    }
}

/// Prints to standard output with control characters other than line breaks escaped: what
/// a command prints quotes names from scenario files.
func say(_ text: String) {
    print(TerminalText.escape(text, keepingLineBreaks: true))
}

/// Refuses (exit 1, nothing written) a study whose memory estimate (``MemoryEstimate``)
/// exceeds what the machine can give it now. `SINERGI_MEMORY_AVAILABLE` (bytes) replaces
/// the machine's figure, e.g. for a job whose limit the system does not report.
func checkMemory(_ input: ModelInput, threads: Int, arms: Int = 1) throws {
    let estimate = MemoryEstimate(input: input, threads: threads, arms: arms)
    let given = ProcessInfo.processInfo.environment["SINERGI_MEMORY_AVAILABLE"].flatMap(Double.init)
    if let refusal = estimate.refusal(available: given ?? MemoryEstimate.available()) {
        printError("error: \(refusal); nothing was run or written")
        throw ExitCode.failure
    }
}

import ArgumentParser
import Foundation
import SinergiEngine
import SinergiModel
import SinergiScenario

/// `sinergi run SCENARIO`: Monte Carlo replicates of a scenario, written to a run folder.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario's replicates and write results/<scenario>/<run-id>/.",
        discussion: """
            Writes manifest.json, replicates.csv, timeseries.csv and summary.csv, then prints \
            a table per government. The data files are byte-identical for the same scenario \
            and seed, whatever the thread count.
            """
    )

    @Argument(help: "Scenario file (YAML), e.g. Scenarios/classroom.yaml.")
    var scenario: String

    @Option(name: .shortAndLong, help: "Number of replicates (default: the scenario's `replicates`).")
    var replicates: Int?

    @Option(name: .shortAndLong, help: "Master seed (default: the scenario's `seed`).")
    var seed: UInt64?

    @Option(name: .shortAndLong, help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    @Option(name: .shortAndLong, help: "Results root folder.")
    var out: String = "results"

    @Flag(name: .shortAndLong, help: "Print nothing but errors and the results folder.")
    var quiet = false

    func validate() throws {
        if let replicates, replicates < 1 {
            throw ValidationError("--replicates must be at least 1, got \(replicates)")
        }
        if let threads, threads < 1 {
            throw ValidationError("--threads must be at least 1, got \(threads)")
        }
        if out.isEmpty { throw ValidationError("--out needs a folder name") }
    }

    func run() async throws {
        let loaded = try loadScenario(scenario)
        let threadCount = threads ?? ProcessInfo.processInfo.activeProcessorCount
        let request = RunRequest(
            scenarioPath: scenario, scenarioName: loaded.name, slug: loaded.slug,
            scenarioText: loaded.sourceText, resolvedScenario: loaded.resolvedYAML, input: loaded.input,
            replicates: replicates ?? loaded.replicates, masterSeed: seed ?? loaded.seed,
            threads: threadCount, outputRoot: URL(fileURLWithPath: out, isDirectory: true))
        if !quiet {
            printError("Running \(request.replicates) replicates of '\(loaded.name)' "
                + "(\(loaded.input.months) months, seed \(request.masterSeed)) on \(threadCount) thread\(threadCount == 1 ? "" : "s")…")
        }
        let outcome: Study.Outcome
        do {
            outcome = try await Study.run(request)
        } catch {
            printError("error: \(scenario): \(error)")
            throw ExitCode.failure
        }
        if !quiet {
            let timing = outcome.manifest.timing
            print("\(loaded.name): \(request.replicates) replicates, \(loaded.input.months) months from "
                + "\(loaded.input.startYear)-\(loaded.input.startMonth < 10 ? "0" : "")\(loaded.input.startMonth), "
                + "seed \(request.masterSeed) (\(String(format: "%.2f", timing.wallSeconds)) s)\n")
            print(ConsoleReport.table(outcome, initiativeCounts: loaded.input.governments.map(\.initiatives.count)))
            print("SPBE: mean index with the 95% CI of the mean; predicate columns: share of replicates ending in each band.")
        }
        print("Results: \(outcome.folder.path)")
    }
}

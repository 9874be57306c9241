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
            and seed, whatever the thread count. With --precision, replicates run in batches \
            until the 95% CI half-width of the metric's mean is small enough. Ctrl-C or SIGTERM \
            stops the run and writes the replicates completed so far, marked interrupted. \
            --replay reruns the run a manifest describes and checks its data files match.
            """
    )

    @Argument(help: "Scenario file (YAML), e.g. Scenarios/classroom.yaml.")
    var scenario: String?

    @Option(name: .shortAndLong, help: "Number of replicates (default: the scenario's `replicates`).")
    var replicates: Int?

    @Option(name: .shortAndLong, help: "Master seed (default: the scenario's `seed`).")
    var seed: UInt64?

    @Option(name: .shortAndLong, help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    @Option(name: .shortAndLong, help: "Results root folder.")
    var out: String = "results"

    @Option(help: "Stop when the 95% CI half-width of the metric's mean is at most this.")
    var precision: Double?

    @Option(help: "Outcome the precision target applies to: spbe (final SPBE), adoption, gain, trust, … or any column of replicates.csv.")
    var metric: String = "spbe"

    @Option(help: "Where the precision target must hold: government (each one) or region (the region mean).")
    var scope: PrecisionTarget.Scope = .government

    @Option(help: "Fewest replicates under a precision target.")
    var minReplicates: Int = 100

    @Option(help: "Most replicates under a precision target.")
    var maxReplicates: Int = 100_000

    @Option(help: "Replicates per batch under a precision target (the target is checked between batches).")
    var batch: Int = 100

    @Option(help: "Rerun the run described by this manifest.json and check its data files match.")
    var replay: String?

    @Flag(name: .shortAndLong, help: "Print nothing but errors and the results folder (no progress bar, no table).")
    var quiet = false

    func validate() throws {
        if let replicates, replicates < 1 { throw ValidationError("--replicates must be at least 1, got \(replicates)") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
        if out.isEmpty { throw ValidationError("--out needs a folder name") }
        switch (scenario, replay) {
        case (nil, nil): throw ValidationError("give a scenario file, or --replay MANIFEST")
        case (.some, .some): throw ValidationError("give either a scenario file or --replay MANIFEST, not both")
        default: break
        }
        if replay != nil && (replicates != nil || seed != nil || precision != nil) {
            throw ValidationError("--replay takes its replicates and seed from the manifest; drop --replicates, --seed and --precision")
        }
        if let precision {
            if replicates != nil { throw ValidationError("--replicates and --precision exclude each other; use --max-replicates") }
            if !(precision > 0) { throw ValidationError("--precision must be a half-width > 0, got \(precision)") }
            if PrecisionTarget.column(named: metric) == nil {
                let names = PrecisionTarget.aliases.keys.sorted().joined(separator: ", ")
                throw ValidationError("unknown --metric '\(metric)'; use \(names) or a column of replicates.csv")
            }
            if minReplicates < 2 { throw ValidationError("--min-replicates must be at least 2") }
            if maxReplicates < minReplicates { throw ValidationError("--max-replicates must be at least --min-replicates") }
            if batch < 1 { throw ValidationError("--batch must be at least 1") }
        }
    }

    func run() async throws {
        var request: RunRequest
        var original: Manifest?
        if let replay {
            let (loaded, manifest) = try loadReplay(replay)
            original = manifest
            request = makeRequest(loaded, stopping: .fixed(replicates: manifest.replicates), seed: manifest.randomness.masterSeed)
            request.replayOf = replay
        } else {
            let loaded = try loadScenario(scenario!)
            let stopping: StoppingRule = precision.map {
                .precision(PrecisionTarget(metric: PrecisionTarget.column(named: metric)!, halfWidth: $0, scope: scope,
                                           minimum: minReplicates, maximum: maxReplicates, batch: batch))
            } ?? .fixed(replicates: replicates ?? loaded.replicates)
            request = makeRequest(loaded, stopping: stopping, seed: seed ?? loaded.seed)
        }
        if !quiet { announce(request) }

        let control = RunControl()
        let trap = SignalTrap(control: control)
        let progress = (!quiet && ProgressBar.stderrIsTerminal) ? ProgressBar(control: control, precisionTarget: precision) : nil
        progress?.start()
        let outcome: Study.Outcome
        do {
            outcome = try await Study.run(request, control: control)
        } catch {
            progress?.stop()
            trap.release()
            printError("error: \(request.scenarioPath): \(error)")
            throw ExitCode(trap.signal.map { 128 + $0 } ?? 1)
        }
        progress?.stop()
        trap.release()

        if !quiet { printTable(outcome, request) }
        print("Results: \(outcome.folder.path)")
        if let original { try checkReplay(outcome.manifest, against: original) }
        if outcome.interrupted {
            printError("Interrupted by \(outcome.manifest.interruptedBy ?? "a signal"): \(outcome.manifest.replicates) "
                + "completed replicates written, marked interrupted in manifest.json.")
            throw ExitCode(trap.signal.map { 128 + $0 } ?? 1)
        }
    }

    private func makeRequest(_ loaded: Scenario, stopping: StoppingRule, seed: UInt64) -> RunRequest {
        RunRequest(
            scenarioPath: loaded.path, scenarioName: loaded.name, slug: loaded.slug, scenarioText: loaded.sourceText,
            resolvedScenario: loaded.resolvedYAML, input: loaded.input, stopping: stopping, masterSeed: seed,
            threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
            outputRoot: URL(fileURLWithPath: out, isDirectory: true))
    }

    private func announce(_ request: RunRequest) {
        let threads = request.threads
        let what: String
        switch request.stopping {
        case .fixed(let count): what = "\(count) replicates"
        case .precision(let target):
            what = "replicates in batches of \(target.batch) until the 95% CI half-width of \(target.metric) "
                + "is ≤ \(target.halfWidth) (\(target.minimum)–\(target.maximum))"
        }
        printError("Running \(what) of '\(request.scenarioName)' (\(request.input.months) months, seed "
            + "\(request.masterSeed)) on \(threads) thread\(threads == 1 ? "" : "s")…")
    }

    private func printTable(_ outcome: Study.Outcome, _ request: RunRequest) {
        let input = request.input
        let manifest = outcome.manifest
        print("\(request.scenarioName): \(manifest.replicates) replicates, \(input.months) months from "
            + "\(input.startYear)-\(input.startMonth < 10 ? "0" : "")\(input.startMonth), "
            + "seed \(request.masterSeed) (\(String(format: "%.2f", manifest.timing.wallSeconds)) s)")
        print("Stopped: \(manifest.stopping.reason)\n")
        print(ConsoleReport.table(outcome, initiativeCounts: input.governments.map(\.initiatives.count)))
        print("SPBE: mean index with the 95% CI of the mean; predicate columns: share of replicates ending in each band.")
    }

    /// Reads a manifest and the resolved scenario it holds.
    private func loadReplay(_ path: String) throws -> (Scenario, Manifest) {
        let manifest: Manifest
        do {
            manifest = try Manifest.read(from: URL(fileURLWithPath: path))
        } catch {
            printError("error: \(path): cannot read the manifest: \(error.localizedDescription)")
            throw ExitCode.failure
        }
        if manifest.tool.version != SinergiVersion.current {
            printError("warning: the manifest was written by sinergi \(manifest.tool.version); this is \(SinergiVersion.current)")
        }
        do {
            return (try ScenarioLoader.parse(text: manifest.scenario.resolved, path: manifest.scenario.path), manifest)
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            printError("\(path): the resolved scenario in this manifest is not valid; nothing was run or written")
            throw ExitCode.failure
        }
    }

    /// Compares the replay's data files with the original's recorded SHA-256.
    private func checkReplay(_ replayed: Manifest, against original: Manifest) throws {
        let differing = Study.dataFiles.filter { replayed.files[$0] != original.files[$0] }
        if differing.isEmpty {
            print("Replay: \(Study.dataFiles.joined(separator: ", ")) are byte-identical to the original run's.")
        } else {
            printError("error: the replay's \(differing.joined(separator: ", ")) differ from the original run's")
            throw ExitCode.failure
        }
    }
}

extension PrecisionTarget.Scope: ExpressibleByArgument {}

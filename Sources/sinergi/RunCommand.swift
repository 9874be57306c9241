import ArgumentParser
import Foundation
import SinergiEngine
import SinergiModel
import SinergiReport
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

    @OptionGroup var options: StudyOptions

    @Option(help: "Rerun the run described by this manifest.json and check its data files match.")
    var replay: String?

    func validate() throws {
        switch (scenario, replay) {
        case (nil, nil): throw ValidationError("give a scenario file, or --replay MANIFEST")
        case (.some, .some): throw ValidationError("give either a scenario file or --replay MANIFEST, not both")
        default: break
        }
        if replay != nil && !options.settings.isEmpty {
            throw ValidationError(
                "--replay takes the scenario, with any values set when it ran, from the manifest; drop --set")
        }
        if replay != nil && (options.replicates != nil || options.seed != nil || options.precision != nil) {
            throw ValidationError(
                "--replay takes its replicates and seed from the manifest; drop --replicates, --seed and --precision")
        }
    }

    func run() async throws {
        var request: RunRequest
        var original: Manifest?
        if let replay {
            let (loaded, manifest) = try loadReplay(replay)
            original = manifest
            request = makeRequest(
                loaded, stopping: .fixed(replicates: manifest.replicates), seed: manifest.randomness.masterSeed)
            request.replayOf = replay
            // The resolved scenario already holds the values; they are recorded again so the
            // replay's manifest says what the run it reproduces was.
            request.overrides = manifest.overrides ?? []
        } else {
            let (loaded, overrides) = try loadScenario(scenario!, settings: options.settings)
            let stopping = options.stopping(
                column: try options.outcome(options.metric).name, defaultReplicates: loaded.replicates)
            request = makeRequest(loaded, stopping: stopping, seed: options.seed ?? loaded.seed)
            request.overrides = overrides
        }
        if !options.quiet { announce(request) }

        let finished = try await WatchedStudy(quiet: options.quiet, precisionTarget: options.precision)
            .run(scenarioPath: request.scenarioPath) { control in
                try await Study.run(request, control: control, report: HTMLReport())
            }
        let outcome = finished.outcome

        if !options.quiet { printTable(outcome, request) }
        say("Results: \(outcome.folder.path)")
        if let original { try checkReplay(outcome.manifest, against: original) }
        if outcome.interrupted {
            printError(
                "Interrupted by \(outcome.manifest.interruptedBy ?? "a signal"): \(outcome.manifest.replicates) "
                    + "completed replicates written, marked interrupted in manifest.json.")
            throw finished.interruptedExitCode
        }
    }

    private func makeRequest(_ loaded: Scenario, stopping: StoppingRule, seed: UInt64) -> RunRequest {
        RunRequest(
            scenarioPath: loaded.path, scenarioName: loaded.name, slug: loaded.slug, scenarioText: loaded.sourceText,
            resolvedScenario: loaded.resolvedYAML, input: loaded.input, stopping: stopping, masterSeed: seed,
            threads: options.threadCount, outputRoot: options.outputRoot)
    }

    private func announce(_ request: RunRequest) {
        let threads = request.threads
        let what: String
        switch request.stopping {
        case .fixed(let count): what = "\(count) replicates"
        case .precision(let target):
            what =
                "replicates in batches of \(target.batch) until the 95% CI half-width of \(target.metric) "
                + "is ≤ \(target.halfWidth) (\(target.minimum)–\(target.maximum))"
        }
        let set = request.overrides.map { " --set \($0)" }.joined()
        printError(
            "Running \(what) of '\(request.scenarioName)'\(set.isEmpty ? "" : " with\(set)") (\(request.input.months) months, seed "
                + "\(request.masterSeed)) on \(threads) thread\(threads == 1 ? "" : "s")…")
    }

    private func printTable(_ outcome: Study.Outcome, _ request: RunRequest) {
        let input = request.input
        let manifest = outcome.manifest
        say(
            "\(request.scenarioName): \(manifest.replicates) replicates, \(input.months) months from "
                + "\(input.startYear)-\(input.startMonth < 10 ? "0" : "")\(input.startMonth), "
                + "seed \(request.masterSeed) (\(String(format: "%.2f", manifest.timing.wallSeconds)) s)")
        say("Stopped: \(manifest.stopping.reason)\n")
        say(ConsoleReport.table(outcome, initiativeCounts: input.governments.map(\.initiatives.count)))
        say(
            "SPBE: mean index with the 95% CI of the mean; predicate columns: share of replicates ending in each band.")
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
        try checkReplayable(manifest, at: path)
        if manifest.tool.version != SinergiVersion.current {
            printError(
                "warning: the manifest was written by sinergi \(manifest.tool.version); this is \(SinergiVersion.current)"
            )
        }
        do {
            return (try ScenarioLoader.parse(text: manifest.scenario.resolved, path: manifest.scenario.path), manifest)
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            printError("\(path): the resolved scenario in this manifest is not valid; nothing was run or written")
            throw ExitCode.failure
        }
    }

    /// Refuses a manifest `run --replay` cannot or must not rerun: another command's (with
    /// the command to use), impossible counts, or data files beside it that no longer match
    /// their recorded SHA-256 (each changed or missing file is named).
    private func checkReplayable(_ manifest: Manifest, at path: String) throws {
        func refuse(_ message: String) throws -> Never {
            printError("error: \(path): \(message); nothing was run")
            throw ExitCode.failure
        }
        let command = manifest.command ?? "run"
        guard command == "run" else {
            try refuse(
                "this manifest was written by `sinergi \(command)`, not `sinergi run`: "
                    + (command == "compare"
                        ? "rerun it with `sinergi compare \(manifest.scenario.path) --seed \(manifest.randomness.masterSeed) "
                            + "--replicates \(manifest.replicates)` and compare the hashes in manifest.json"
                        : "rerun it with the command recorded in the manifest"))
        }
        guard (1...1_000_000_000).contains(manifest.replicates) else {
            try refuse("replicates must be between 1 and 10^9, the manifest says \(manifest.replicates)")
        }
        guard (1...StudyOptions.maximumThreads).contains(manifest.threads) else {
            try refuse(
                "threads must be between 1 and \(StudyOptions.maximumThreads), the manifest says \(manifest.threads)")
        }
        guard manifest.stopping.batch >= 1, manifest.months >= 1, !manifest.governments.isEmpty else {
            try refuse("the manifest's batch, months or governments are not those of a run")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var problems: [String] = []
        for name in Study.dataFiles {
            guard let recorded = manifest.files[name] else {
                problems.append("\(name) has no SHA-256 in the manifest")
                continue
            }
            let file = folder.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: file, options: .alwaysMapped) else {
                problems.append("\(name) is missing")
                continue
            }
            if Study.sha256(data) != recorded { problems.append("\(name) was changed after the run") }
        }
        if !problems.isEmpty {
            try refuse("the data files beside it do not match it: " + problems.joined(separator: "; "))
        }
    }

    /// Compares the replay's data files with the original's recorded SHA-256.
    private func checkReplay(_ replayed: Manifest, against original: Manifest) throws {
        let differing = Study.dataFiles.filter { replayed.files[$0] != original.files[$0] }
        if differing.isEmpty {
            say("Replay: \(Study.dataFiles.joined(separator: ", ")) are byte-identical to the original run's.")
        } else {
            printError("error: the replay's \(differing.joined(separator: ", ")) differ from the original run's")
            throw ExitCode.failure
        }
    }
}

import ArgumentParser
import Foundation
import SinergiEngine
import SinergiModel
import SinergiReport
import SinergiScenario

/// `sinergi run [SCENARIO]`: Monte Carlo replicates of a scenario, written to a run folder.
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
            --replay reruns the run a manifest describes and checks its data files match. \
            Without a scenario file, runs the classroom scenario built into the binary \
            (recorded as <embedded>/classroom.yaml).
            """
    )

    @Argument(
        help: "Scenario file (YAML), e.g. Scenarios/jambi-province-2018.yaml; default: the built-in classroom scenario."
    )
    var scenario: String?

    @OptionGroup var options: StudyOptions

    @Option(help: "Rerun the run described by this manifest.json and check its data files match.")
    var replay: String?

    func validate() throws {
        if scenario != nil && replay != nil {
            throw ValidationError("give either a scenario file or --replay MANIFEST, not both")
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
            let (loaded, manifest) = try Replay.load(replay, command: "run")
            original = manifest
            request = makeRequest(
                loaded, stopping: .fixed(replicates: manifest.replicates), seed: manifest.randomness.masterSeed)
            request.replayOf = replay
            // The resolved scenario already holds the values; they are recorded again so the
            // replay's manifest says what the run it reproduces was.
            request.overrides = manifest.overrides ?? []
            request.seriesPerReplicate = manifest.files[SeriesFile.name] != nil
        } else {
            let (loaded, overrides) = try loadScenario(scenario, settings: options.settings)
            let stopping = options.stopping(
                column: try options.outcome(options.metric).name, defaultReplicates: loaded.replicates)
            request = makeRequest(loaded, stopping: stopping, seed: options.seed ?? loaded.seed)
            request.overrides = overrides
            request.seriesPerReplicate = options.series == .replicates
        }
        request.folderName = options.name
        try checkMemory(request.input, threads: request.threads)
        if !options.quiet { announce(request) }

        let report: (any ReportRenderer)? = options.noReport ? nil : HTMLReport()
        let finished = try await WatchedStudy(quiet: options.quiet, precisionTarget: options.precision)
            .run(scenarioPath: request.scenarioPath) { control in
                try await Study.run(request, control: control, report: report)
            }
        let outcome = finished.outcome

        if options.json {
            try JSONSummary(
                command: "run", folder: outcome.folder, manifest: outcome.manifest, statistics: outcome.statistics
            ).print()
        } else {
            if !options.quiet { printTable(outcome, request) }
            say("Results: \(outcome.folder.path)")
        }
        if let original {
            try Replay.check(
                outcome.manifest, against: original, dataFiles: Study.dataFiles + Replay.seriesFile(of: original),
                what: "run", quiet: options.json)
        }
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
}

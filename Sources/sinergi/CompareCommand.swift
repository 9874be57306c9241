import ArgumentParser
import Foundation
import SinergiEngine
import SinergiModel
import SinergiReport
import SinergiScenario

/// `sinergi compare SCENARIO`: the baseline and each policy package on common random
/// numbers, reported as paired effects with their uncertainty and cost.
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare a scenario's policy packages with its baseline on common random numbers.",
        discussion: """
            Runs the baseline and every package (or those named by --policies) on the same \
            replicate seeds and random streams, so each replicate is a paired observation. \
            Writes results/<scenario>/compare-<run-id>/ with comparison.csv (paired effect, 95% \
            CI, chance of doing better, cost and effect per unit of cost for every package, \
            government and outcome), effects-over-time.csv, replicates.csv, report.html and \
            manifest.json, then prints the packages ranked by their effect on the final SPBE \
            index with one plain sentence each. With --precision, replicates run in batches \
            until the paired 95% CI half-width of the metric is small enough for every package. \
            --replay reruns the comparison a manifest describes and checks its data files match. \
            See docs/policy-guide.md.
            """
    )

    @Argument(help: "Scenario file (YAML) with a 'policies:' block, e.g. Scenarios/jambi-province-2018.yaml.")
    var scenario: String?

    @Option(help: "Rerun the comparison described by this manifest.json and check its data files match.")
    var replay: String?

    @Option(help: "Comma-separated packages to compare, in report order (default: all of the scenario's).")
    var policies: String?

    @Option(help: "Outcome that ranks the packages: spbe, gain, baik, adoption, integrated, launch or trust.")
    var rankBy: String = "spbe"

    @OptionGroup var options: StudyOptions

    /// The outcome that ranks the packages: one that `compare` compares.
    var rankOutcome: Outcome { get throws { try options.outcome(rankBy, among: Outcome.compared) } }

    /// The outcome of the precision target: the paired effect of a compared outcome.
    var metricOutcome: Outcome { get throws { try options.outcome(options.metric, among: Outcome.compared) } }

    func validate() throws {
        switch (scenario, replay) {
        case (nil, nil): throw ValidationError("give a scenario file, or --replay MANIFEST")
        case (.some, .some): throw ValidationError("give either a scenario file or --replay MANIFEST, not both")
        default: break
        }
        if replay != nil
            && (!options.settings.isEmpty || options.replicates != nil || options.seed != nil
                || options.precision != nil || policies != nil)
        {
            throw ValidationError(
                "--replay takes the scenario, its set values, packages, replicates and seed from the manifest; "
                    + "drop --set, --policies, --replicates, --seed and --precision")
        }
        _ = try rankOutcome
        _ = try metricOutcome
        if let policies, policyNames(policies).isEmpty {
            throw ValidationError("--policies needs at least one package name")
        }
    }

    private func policyNames(_ list: String) -> [String] {
        list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() async throws {
        let loaded: Scenario
        let overrides: [String]
        var original: Manifest?
        if let replay {
            let (scenario, manifest) = try Replay.load(replay, command: "compare")
            (loaded, overrides, original) = (scenario, manifest.overrides ?? [], manifest)
        } else {
            (loaded, overrides) = try loadScenario(scenario!, settings: options.settings)
        }
        let packages: [PolicyPackage]
        do {
            packages = try loaded.policies(named: original?.policies ?? policies.map(policyNames))
        } catch {
            printError("error: \(error)")
            throw ExitCode.validationFailure
        }
        let metric = try metricOutcome.name
        let rank = try rankOutcome
        let stopping =
            original.map { StoppingRule.fixed(replicates: $0.replicates) }
            ?? options.stopping(column: metric, defaultReplicates: loaded.replicates)
        var request = ComparisonRequest(
            baseline: RunRequest(
                scenarioPath: loaded.path, scenarioName: loaded.name, slug: loaded.slug,
                scenarioText: loaded.sourceText,
                resolvedScenario: loaded.resolvedYAML, input: loaded.input, stopping: stopping,
                masterSeed: original?.randomness.masterSeed ?? options.seed ?? loaded.seed,
                threads: options.threadCount, outputRoot: options.outputRoot),
            policies: packages)
        request.baseline.replayOf = replay
        request.baseline.overrides = overrides
        request.baseline.seriesPerReplicate =
            original.map { $0.files[SeriesFile.name] != nil } ?? (options.series == .replicates)
        request.baseline.folderName = options.name
        try checkMemory(loaded.input, threads: request.baseline.threads, arms: packages.count + 1)
        if !options.quiet { announce(request) }

        let report: (any ReportRenderer)? = options.noReport ? nil : HTMLReport()
        let finished = try await WatchedStudy(quiet: options.quiet, precisionTarget: options.precision, unit: "runs")
            .run(scenarioPath: loaded.path) { control in
                try await ComparisonStudy.run(request, control: control, report: report)
            }
        let outcome = finished.outcome

        if options.json {
            try JSONSummary(comparison: outcome).print()
        } else {
            if !options.quiet { printReport(outcome, request, rankedBy: rank) }
            say("Results: \(outcome.folder.path)")
        }
        if let original, !outcome.interrupted {
            try Replay.check(
                outcome.manifest, against: original,
                dataFiles: ComparisonStudy.dataFiles + Replay.seriesFile(of: original), what: "comparison",
                quiet: options.json)
        }
        if outcome.interrupted {
            printError(
                "Interrupted by \(outcome.manifest.interruptedBy ?? "a signal"): \(outcome.manifest.replicates) "
                    + "completed replicates of every package written, marked interrupted in manifest.json.")
            throw finished.interruptedExitCode
        }
    }

    private func announce(_ request: ComparisonRequest) {
        let base = request.baseline
        let what: String
        switch base.stopping {
        case .fixed(let count): what = "\(count) replicates"
        case .precision(let target):
            what =
                "replicates in batches of \(target.batch) until the paired 95% CI half-width of \(target.metric) "
                + "is ≤ \(target.halfWidth) for every package (\(target.minimum)–\(target.maximum))"
        }
        let set = base.overrides.map { " --set \($0)" }.joined()
        printError(
            "Comparing \(request.policies.count) package\(request.policies.count == 1 ? "" : "s") "
                + "(\(request.policies.map(\.name).joined(separator: ", "))) with the baseline of '\(base.scenarioName)'"
                + "\(set.isEmpty ? "" : " with\(set)"): "
                + "\(what), seed \(base.masterSeed), \(base.threads) thread\(base.threads == 1 ? "" : "s")…")
    }

    private func printReport(_ outcome: ComparisonStudy.Outcome, _ request: ComparisonRequest, rankedBy rank: Outcome) {
        let comparison = outcome.comparison
        let manifest = outcome.manifest
        say(
            "\(request.baseline.scenarioName): \(request.policies.count) packages against the baseline, "
                + "\(manifest.replicates) paired replicates, \(request.baseline.input.months) months, seed "
                + "\(request.baseline.masterSeed) (\(String(format: "%.2f", manifest.timing.wallSeconds)) s)")
        say("Stopped: \(manifest.stopping.reason)\n")
        say("Effects for \(comparison.headlineUnit), best first (policy minus baseline, same simulated futures):\n")
        say(ComparisonConsole.table(comparison, rankedBy: rank))
        say(
            "Better in: share of simulated futures in which the package does better than the baseline. "
                + "pp: percentage points. Cost: the scenario's cost units, over the whole horizon. CI narrowed: how many "
                + "times narrower the paired interval is than two independent runs would give.\n")
        for (index, effect) in comparison.ranked(by: rank).enumerated() {
            say("\(index + 1). \(PlainLanguage.sentence(for: effect, futures: comparison.replicates))")
        }
        say("")
    }
}

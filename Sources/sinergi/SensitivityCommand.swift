import ArgumentParser
import Foundation
import SinergiEngine
import SinergiModel
import SinergiReport
import SinergiScenario
import SinergiStats

/// `sinergi sensitivity SCENARIO --method morris|sobol --factor …`: a global sensitivity
/// analysis run as a sweep whose design is the method's sample, with replicate seeds shared
/// within a Sobol' base row or a Morris trajectory, and indices that separate what the
/// factors explain from what the seed explains. `--function NAME` runs the same estimators
/// on a test function whose indices are known.
struct SensitivityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Global sensitivity analysis (Morris or Sobol') of a scenario's outcomes, with the seed's share.",
        discussion: """
            Runs the method's sample as a sweep (design.csv, sweep.sqlite, points.csv, replicates.csv; \
            --shard, --resume, --slurm and sinergi merge as for sweep), R replicates per point with seeds \
            shared within a Sobol' base row or a Morris trajectory, then writes indices.csv (mu, mu_star, \
            sigma; or S1, ST, S2 with 95% bootstrap intervals, and the seed's noise_share), convergence.csv \
            (the indices at N/8, N/4, N/2 and N) and report.html. --function ishigami|g-function|noisy-ishigami \
            analyses a test function with known indices instead of a scenario (docs/statistics.md).
            """
    )

    @Argument(help: "Scenario file (YAML), e.g. Scenarios/classroom.yaml; omit with --function.")
    var scenario: String?

    @Option(help: "The method: morris or sobol.")
    var method: String?

    @Option(
        name: .customLong("factor"),
        help: ArgumentHelp("A factor: PATH=LOW:HIGH[,log][,integer] (repeatable; at least 2).", valueName: "PATH=RANGE")
    )
    var factors: [String] = []

    @Option(help: "Sobol': base samples N, a power of two (N(k+2) points, N(2k+2) with --second-order).")
    var samples: Int?

    @Option(help: "Morris: trajectories r (r(k+1) points; default 10).")
    var trajectories: Int?

    @Option(help: "Morris: grid levels p, even (default 4).")
    var levels: Int?

    @Option(name: .shortAndLong, help: "Replicates per sample point (default 10; 1 for a noise-free function).")
    var replicates: Int?

    @Option(help: "Outcomes to analyse, comma separated (default spbe,adoption; docs/cli.md lists them).")
    var outcome: String = "spbe,adoption"

    @Flag(help: "Sobol': also second-order indices S2.")
    var secondOrder = false

    @Option(help: "Bootstrap resamples for the 95% intervals.")
    var bootstrap: Int = 1000

    @Flag(help: "Sobol': do not remove the seed's noise from the estimators (as SALib on the replicate means).")
    var noNoiseCorrection = false

    @Option(help: "Analyse a test function instead of a scenario: ishigami, g-function or noisy-ishigami.")
    var function: String?

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("Set one scenario value for every point (repeatable).", valueName: "PATH=VALUE"))
    var settings: [String] = []

    @Option(name: .shortAndLong, help: "Master seed (default: the scenario's `seed`; 1 for a function).")
    var seed: UInt64?

    @Option(
        name: .shortAndLong,
        help: "Worker threads (default: SLURM_CPUS_PER_TASK, else the CPUs this process may use).")
    var threads: Int?

    @Option(name: .shortAndLong, help: "Results root folder.")
    var out: String = "results"

    @Option(help: "Write exactly this folder (it must not exist) instead of <out>/<scenario>/sensitivity-<run-id>.")
    var into: String?

    @Option(help: "Run shard I of N: the points p with p mod N = I − 1 (sinergi merge joins the shards).")
    var shard: String?

    @Option(help: "Continue the incomplete analysis in this folder: run exactly its missing points.")
    var resume: String?

    @OptionGroup var cluster: SlurmOptions

    @Flag(name: .shortAndLong, help: "Print nothing but errors and the results folder.")
    var quiet = false

    @Option(
        help: ArgumentHelp(
            "Rerun the analysis of this manifest.json from its scenario file and the design.csv beside it, and "
                + "check that its data files come out byte-identical.", valueName: "MANIFEST"))
    var replay: String?

    /// A usage error: one line on stderr, exit 64, nothing written.
    private func usage(_ message: String) -> ExitCode {
        printError("error: \(message)")
        return ExitCode.validationFailure
    }

    /// The method, the test function and the option checks that need no scenario.
    private func checkedOptions() throws -> (SensitivityPlan.Method, SensitivityTestFunction?) {
        guard let methodText = method else { throw usage("give --method morris or --method sobol") }
        guard let method = SensitivityPlan.Method(rawValue: methodText) else {
            throw usage("--method must be morris or sobol, got '\(methodText)'")
        }
        var testFunction: SensitivityTestFunction?
        if let function {
            guard let named = SensitivityTestFunction(rawValue: function) else {
                throw usage(
                    "--function must be one of \(SensitivityTestFunction.allCases.map(\.rawValue).joined(separator: ", ")), "
                        + "got '\(function)'")
            }
            testFunction = named
            if scenario != nil { throw usage("give a scenario or --function \(function), not both") }
            if !factors.isEmpty { throw usage("--function \(function) has its own factors; drop --factor") }
            if !settings.isEmpty || shard != nil || resume != nil || cluster.slurm {
                throw usage("--function runs in memory: --set, --shard, --resume and --slurm need a scenario")
            }
        } else {
            if scenario == nil { throw usage("give a scenario file, or --function NAME for a test function") }
            if factors.count < 2 {
                throw usage(
                    "a sensitivity analysis needs at least 2 factors (--factor PATH=LOW:HIGH), got \(factors.count)")
            }
        }
        switch method {
        case .sobol:
            if levels != nil { throw usage("--levels is a Morris option; sobol takes --samples N") }
            if trajectories != nil { throw usage("--trajectories is a Morris option; sobol takes --samples N") }
            guard let samples else { throw usage("sobol needs --samples N, a power of two (e.g. 64)") }
            if samples < 2 || samples & (samples - 1) != 0 {
                let below = samples < 2 ? 2 : 1 << (Int.bitWidth - 1 - samples.leadingZeroBitCount)
                throw usage(
                    "--samples must be a power of two ≥ 2, got \(samples); use \(below) or \(below * 2)")
            }
        case .morris:
            if samples != nil { throw usage("--samples is a Sobol' option; morris takes --trajectories r") }
            if secondOrder { throw usage("--second-order is a Sobol' option") }
            if noNoiseCorrection { throw usage("--no-noise-correction is a Sobol' option") }
            if let trajectories, trajectories < 2 {
                throw usage("--trajectories must be at least 2 (σ needs two elementary effects), got \(trajectories)")
            }
            if let levels, levels < 2 || levels % 2 != 0 {
                throw usage(
                    "--levels must be an even number ≥ 2 (steps of Δ stay on the grid only then), got \(levels)")
            }
        }
        if let replicates, replicates < 1 { throw usage("--replicates must be at least 1, got \(replicates)") }
        let noisy = testFunction?.isNoisy ?? true
        if method == .sobol, noisy, !noNoiseCorrection, (replicates ?? 10) < 2 {
            throw usage(
                "noise correction needs at least 2 replicates per point (it estimates the seed's variance from "
                    + "them); use --replicates 2 or more, or --no-noise-correction")
        }
        if bootstrap < 2 { throw usage("--bootstrap must be at least 2 resamples, got \(bootstrap)") }
        if let threads, !(1...StudyOptions.maximumThreads).contains(threads) {
            throw usage("--threads must be between 1 and \(StudyOptions.maximumThreads), got \(threads)")
        }
        if let shard {
            do { _ = try ShardSpec(parsing: shard) } catch { throw usage(error.message) }
        }
        if let problem = cluster.problem(shard: shard, resume: resume, into: into) { throw usage(problem) }
        if resume != nil && into != nil { throw usage("--resume continues its own folder; drop --into") }
        return (method, testFunction)
    }

    /// The outcomes of `--outcome`, checked against the replicate columns.
    private func outcomeNames() throws -> [String] {
        let names = outcome.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty, !names.contains("") else {
            throw usage("--outcome needs outcome names, comma separated, e.g. spbe,adoption")
        }
        var outcomes: [String] = []
        for name in names {
            do {
                let named = try Outcome.named(name, among: Outcome.replicateColumns)
                if !outcomes.contains(named.name) { outcomes.append(named.name) }
            } catch {
                throw usage("--outcome: \(error.description)")
            }
        }
        return outcomes
    }

    func run() async throws {
        if let replay { return try await replayAnalysis(replay) }
        let (method, testFunction) = try checkedOptions()
        if let testFunction {
            try runFunction(testFunction, method: method)
            return
        }
        let outcomes = try outcomeNames()
        let overrides = try readOverrides(settings)
        let source = try loadSource(scenario ?? "")
        // The points' values go over the scenario with --set, which is read once.
        let set: ScenarioSource
        do { set = try source.setting(overrides) } catch {
            for line in error.lines() { printError(line) }
            throw ExitCode.validationFailure
        }
        let base = set.scenario
        let seed = self.seed ?? base.seed
        let parsed: [Factor]
        do throws(DesignError) {
            parsed = try factors.map { argument throws(DesignError) in try Factor(argument) }
            try Factor.check(parsed, against: source)
        } catch {
            for line in error.lines { printError(line) }
            throw ExitCode.validationFailure
        }
        let plan = makePlan(method, factors: parsed.map(\.name), outcomes: outcomes, seed: seed)
        let sample: SensitivitySample
        do { sample = try plan.sample() } catch { throw usage(error.description) }
        let design = (0..<sample.rowCount).map { row in zip(parsed, sample.point(row)).map { $0.value(atUnit: $1) } }
        if cluster.slurm {
            try writeJobFolder(base, design: design, plan: plan)
            return
        }
        var request = SweepRequest(
            scenarioPath: base.path, scenarioName: base.name, slug: base.slug, scenarioText: base.sourceText,
            resolvedScenario: base.resolvedYAML, factors: plan.factors, designMethod: plan.label, design: design,
            input: { point in
                try set.input(with: zip(parsed, design[point]).map { $0.override($1) })
            },
            governments: base.input.governments.map(\.name), replicates: plan.replicates, masterSeed: seed,
            threads: threads ?? AvailableCPUs.count(), shard: try shard.map { try ShardSpec(parsing: $0) } ?? .whole,
            outputRoot: URL(fileURLWithPath: out, isDirectory: true),
            into: into.map { URL(fileURLWithPath: $0, isDirectory: true) },
            resume: resume.map { URL(fileURLWithPath: $0, isDirectory: true) }, overrides: overrides.map(\.description))
        request.seedBlock = sample.seedBlock
        request.sensitivity = plan
        try await runAnalysis(request)
    }

    private func makePlan(
        _ method: SensitivityPlan.Method, factors: [String], outcomes: [String], seed: UInt64, noisy: Bool = true
    ) -> SensitivityPlan {
        let replicates = self.replicates ?? (noisy ? 10 : 1)
        return SensitivityPlan(
            method: method, factors: factors, samples: method == .sobol ? samples : nil,
            secondOrder: method == .sobol && secondOrder,
            trajectories: method == .morris ? (trajectories ?? 10) : nil,
            levels: method == .morris ? (levels ?? SensitivityPlan.defaultLevels) : nil, replicates: replicates,
            outcomes: outcomes, bootstrap: bootstrap, seed: seed,
            noiseCorrection: method == .sobol && !noNoiseCorrection && noisy && replicates > 1)
    }

    private func runFunction(_ function: SensitivityTestFunction, method: SensitivityPlan.Method) throws {
        if outcome != "spbe,adoption" && outcome != "y" {
            throw usage("--function \(function.rawValue) has one output, y; drop --outcome")
        }
        let plan = makePlan(
            method, factors: function.factorNames, outcomes: ["y"], seed: seed ?? 1, noisy: function.isNoisy)
        let sample: SensitivitySample
        do { sample = try plan.sample() } catch { throw usage(error.description) }
        if !quiet {
            printError(
                "Analysing \(function.rawValue): \(plan.label) × \(plan.replicates) replicate"
                    + "\(plan.replicates == 1 ? "" : "s") (\(sample.rowCount * plan.replicates) evaluations)…")
        }
        let finished: (folder: URL, result: SensitivityResult)
        do {
            finished = try SensitivityFunctionRun.run(
                plan, function: function, outputRoot: URL(fileURLWithPath: out, isDirectory: true),
                into: into.map { URL(fileURLWithPath: $0, isDirectory: true) }, report: HTMLReport())
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        if !quiet { printIndices(finished.result) }
        say("Results: \(finished.folder.path)")
    }

    /// `--replay MANIFEST`: the analysis of a manifest run again (``SweepReplayRequest``),
    /// then every data file it lists compared with its hash.
    private func replayAnalysis(_ path: String) async throws {
        if scenario != nil || method != nil || function != nil || !factors.isEmpty || !settings.isEmpty || seed != nil
            || replicates != nil || shard != nil || resume != nil || into != nil || cluster.slurm
        {
            throw usage("--replay takes everything from the manifest; only --threads, --out and --quiet may go with it")
        }
        let (request, original) = try SweepReplayRequest.make(
            path, command: "sensitivity", threads: threads ?? AvailableCPUs.count(), out: out)
        guard let replayed = try await runAnalysis(request) else { return }
        try Replay.check(
            replayed, against: original, dataFiles: original.files.keys.sorted(), what: "sensitivity analysis",
            quiet: quiet)
    }

    @discardableResult
    private func runAnalysis(_ request: SweepRequest) async throws -> Manifest? {
        let shardPoints = request.shard.points(of: request.design.count).count
        if !quiet {
            printError(
                "Analysing '\(request.scenarioName)': \(request.designMethod)"
                    + (request.shard.count > 1 ? ", shard \(request.shard): \(shardPoints) of them" : "")
                    + " × \(request.replicates) replicates on \(request.threads) thread\(request.threads == 1 ? "" : "s")…"
            )
        }
        let finished = try await WatchedStudy(quiet: quiet, unit: "runs").run(scenarioPath: request.scenarioPath) {
            control in
            try await Sweep.run(request, control: control, report: HTMLReport())
        }
        let outcome = finished.outcome
        if outcome.interrupted {
            printError(
                "Interrupted: the completed points are in \(outcome.folder.path)/sweep.sqlite "
                    + "(\(outcome.pointsRun) run now). Resume with the same command and --resume '\(outcome.folder.path)'."
            )
            throw finished.interruptedExitCode
        }
        if !quiet {
            say(
                "Sensitivity analysis of \(request.design.count) points × \(request.replicates) replicates"
                    + (request.shard.count > 1 ? " (shard \(request.shard); merge the shards for the indices)" : "")
                    + ": \(outcome.pointsRun) points run.\n")
            let indices = outcome.folder.appendingPathComponent("indices.csv")
            if request.shard.count == 1, let text = try? String(contentsOf: indices, encoding: .utf8) {
                say(
                    SensitivityConsole.table(
                        SensitivityConsole.rows(indicesCSV: text), sobol: request.sensitivity?.method == .sobol))
                say("Every government, outcome and index: indices.csv; charts: report.html.")
            }
        }
        say("Results: \(outcome.folder.path)")
        return outcome.manifest
    }

    /// The headline indices on stdout: for the Region (or the only government), each
    /// outcome's factors ranked by ST (Sobol') or μ* (Morris), and the seed's share.
    private func printIndices(_ result: SensitivityResult) {
        say(SensitivityConsole.table(result.rows, sobol: result.plan.method == .sobol))
    }

    /// `--slurm`: a job folder whose tasks run this analysis's shards and whose merge job
    /// computes the indices.
    private func writeJobFolder(_ base: Scenario, design: [[Double]], plan: SensitivityPlan) throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let parent = URL(fileURLWithPath: out, isDirectory: true).appendingPathComponent(base.slug)
        let stem = "sensitivity-\(formatter.string(from: Date()))-s\(plan.seed)-slurm"
        var folder = parent.appendingPathComponent(stem)
        var suffix = 2
        while FileManager.default.fileExists(atPath: folder.path) {
            folder = parent.appendingPathComponent("\(stem)-\(suffix)")
            suffix += 1
        }
        var arguments = ["sensitivity", "scenario.yaml", "--method", plan.method.rawValue]
        for factor in factors { arguments += ["--factor", factor] }
        if let samples = plan.samples { arguments += ["--samples", String(samples)] }
        if let trajectories = plan.trajectories { arguments += ["--trajectories", String(trajectories)] }
        if let levels = plan.levels { arguments += ["--levels", String(levels)] }
        if plan.secondOrder { arguments.append("--second-order") }
        if noNoiseCorrection { arguments.append("--no-noise-correction") }
        arguments += [
            "--replicates", String(plan.replicates), "--outcome", plan.outcomes.joined(separator: ","), "--bootstrap",
            String(plan.bootstrap), "--seed", String(plan.seed),
        ]
        for setting in settings { arguments += ["--set", setting] }
        let resources = cluster.resources
        let job = SlurmJobFolder(
            shards: cluster.shards, resources: resources, taskArguments: arguments,
            executable: SweepCommand.executablePath(), jobName: "sinergi-\(base.slug)")
        let files = FileManager.default
        do {
            try files.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in ["logs", "shards"] {
                try files.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
            }
            try Data(base.sourceText.utf8).write(to: folder.appendingPathComponent("scenario.yaml"))
            try Data(Design.csv(factors: plan.factors, points: design).utf8).write(
                to: folder.appendingPathComponent("design.csv"))
            for (name, text) in job.scripts() {
                let url = folder.appendingPathComponent(name)
                try Data(text.utf8).write(to: url)
                try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
            }
        } catch {
            try? files.removeItem(at: folder)
            printError("error: cannot write the job folder \(folder.path): \(error.localizedDescription)")
            throw ExitCode.failure
        }
        if !quiet {
            say(
                "Wrote a Slurm job folder for \(design.count) points × \(plan.replicates) replicates in \(cluster.shards) shards."
            )
            say("Submit it with: bash \(folder.path)/submit.sh")
        }
        say("Job folder: \(folder.path)")
    }
}

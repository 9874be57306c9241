import ArgumentParser
import Foundation
import SinergiEngine
import SinergiModel
import SinergiReport
import SinergiScenario
import SinergiStats

/// `sinergi calibrate TARGETS.yaml --factor PATH=LOW:HIGH …`: fits scenario factors to
/// observed values by ABC-SMC (docs/calibration.md); `--function normal-normal` runs the
/// analytic check instead.
struct CalibrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit scenario factors to observed values (ABC-SMC) and write their posterior.",
        discussion: """
            Reads a targets file (targets: 1, the scenario relative to it, and observations), draws \
            particles from the factors' uniform priors (log-uniform with --log) and refines them \
            generation by generation, committing each to calibration.sqlite; at the end writes \
            posterior.csv, generations.csv, predictive.csv, calibrated.yaml (the scenario at the \
            posterior median), report.html and manifest.json. Ctrl-C keeps the complete generations; \
            --resume continues after the last one. --function normal-normal runs the analytic check \
            whose exact posterior is N(0.4545, 0.3015²).
            """
    )

    @Argument(help: "Targets file (YAML), e.g. Scenarios/targets/indonesia-spbe.yaml.")
    var targets: String?

    @Option(
        name: .customLong("factor"),
        help: ArgumentHelp(
            "A calibrated factor and its uniform prior: PATH=LOW:HIGH[,log] (repeatable).",
            valueName: "PATH=LOW:HIGH"))
    var factors: [String] = []

    @Option(
        name: .customLong("log"),
        help: ArgumentHelp("A factor whose prior is log-uniform (repeatable).", valueName: "PATH"))
    var logFactors: [String] = []

    @Option(help: "Run an analytic check instead of a scenario: normal-normal.")
    var function: String?

    @Option(help: "Particles per generation (N).")
    var particles: Int = 200

    @Option(help: "The most generations (G), generation 0 included.")
    var maxGenerations: Int = 8

    @Option(help: "Acceptance floor (A): stop when a generation would accept fewer than this share.")
    var minAcceptance: Double = 0.02

    @Option(name: .shortAndLong, help: "Replicates of the scenario per simulated particle (R).")
    var replicates: Int = 4

    @Option(name: .shortAndLong, help: "Master seed (default: the scenario's `seed`; 1 for --function).")
    var seed: UInt64?

    @Option(
        name: .shortAndLong,
        help: "Worker threads (default: SLURM_CPUS_PER_TASK, else the CPUs this process may use).")
    var threads: Int?

    @Option(name: .shortAndLong, help: "Results root folder.")
    var out: String = "results"

    @Option(help: "Write exactly this folder (it must not exist) instead of <out>/<scenario>/calibration-<run-id>.")
    var into: String?

    @Option(help: "Continue the incomplete calibration in this folder after its last complete generation.")
    var resume: String?

    @Flag(name: .shortAndLong, help: "Print nothing but errors and the results folder.")
    var quiet = false

    @Option(
        help: ArgumentHelp(
            "Rerun the calibration of this manifest.json with its recorded arguments, and check that posterior.csv, "
                + "generations.csv and predictive.csv come out byte-identical.", valueName: "MANIFEST"))
    var replay: String?

    @OptionGroup var cluster: SlurmOptions

    /// A step of a `--slurm` job chain: the job folder (with --resume, the calibration).
    @Option(help: .hidden) var slurmStep: String?

    /// An array task of a `--slurm` job chain: the batch folder, and the shard (1-based).
    @Option(help: .hidden) var slurmTask: String?
    @Option(help: .hidden) var slurmShard: Int?

    func validate() throws {
        if replay != nil {
            if targets != nil || function != nil || !factors.isEmpty || into != nil || resume != nil || cluster.slurm {
                throw ValidationError(
                    "--replay takes everything from the manifest; only --threads, --out and --quiet may go with it")
            }
            return
        }
        if function == nil && targets == nil {
            throw ValidationError(
                "give a targets file, e.g. Scenarios/targets/indonesia-spbe.yaml, or --function normal-normal")
        }
        if let function {
            guard function == "normal-normal" else {
                throw ValidationError("unknown --function '\(function)'; the analytic check is normal-normal")
            }
            if targets != nil || !factors.isEmpty || !logFactors.isEmpty {
                throw ValidationError("--function normal-normal takes no targets file and no --factor or --log")
            }
        } else if factors.isEmpty {
            throw ValidationError("give at least one --factor PATH=LOW:HIGH to calibrate")
        }
        if particles < 2 { throw ValidationError("--particles must be at least 2, got \(particles)") }
        if maxGenerations < 1 { throw ValidationError("--max-generations must be at least 1, got \(maxGenerations)") }
        if !(minAcceptance >= 0 && minAcceptance < 1) {
            throw ValidationError("--min-acceptance must lie in [0, 1), got \(minAcceptance)")
        }
        if replicates < 1 { throw ValidationError("--replicates must be at least 1, got \(replicates)") }
        if let threads { try StudyOptions.check(threads: threads) }
        if resume != nil && into != nil { throw ValidationError("--resume continues its own folder; drop --into") }
        if let problem = slurmProblem() { throw ValidationError(problem) }
    }

    func run() async throws {
        if let replay { return try await replayCalibration(replay) }
        let request = try function != nil ? normalNormalRequest() : scenarioRequest()
        if let slurmTask, let slurmShard {
            try await runTask(request, batch: slurmTask, shard: slurmShard)
        } else if let slurmStep {
            try await runStep(request, job: slurmStep)
        } else if cluster.slurm {
            try writeJobFolder(request)
        } else {
            try await runCalibration(request)
        }
    }

    /// The settings every request shares.
    private func common(_ request: inout CalibrationRequest) {
        if !quiet { request.log = { @Sendable line in printError(line) } }
        request.commandLine = (["sinergi"] + CommandLine.arguments.dropFirst()).map(Self.shellWord).joined(
            separator: " ")
        if slurmStep == nil && slurmTask == nil, CommandLine.arguments.dropFirst().first == "calibrate" {
            request.arguments = Array(CommandLine.arguments.dropFirst(2))
        }
        if let text = ProcessInfo.processInfo.environment["SINERGI_CALIBRATE_INTERRUPT_AFTER"], let g = Int(text) {
            request.interruptAfterGeneration = g
        }
    }

    func normalNormalRequest() throws -> CalibrationRequest {
        let problem = NormalNormalProblem()
        let description =
            "normal-normal: the mean of a normal with sd \(problem.noiseSD) from \(problem.sampleSize) "
            + "observations with mean \(problem.sampleMean), prior N(\(problem.priorMean), \(problem.priorSD)²)"
        let target = problem.observations[0]
        var request = CalibrationRequest(
            scenarioPath: "normal-normal", scenarioName: "normal-normal", slug: "normal-normal",
            scenarioText: description, resolvedScenario: description, targetsPath: nil, targetsText: nil,
            targets: [
                CalibrationTarget(
                    name: target.name, value: target.value, sd: target.sd,
                    what: "mean of \(problem.sampleSize) draws", source: "analytic check")
            ], prior: problem.prior, model: NormalNormalCalibrationModel(problem: problem), particles: particles,
            maximumGenerations: maxGenerations, minimumAcceptance: minAcceptance, replicates: 1, seed: seed ?? 1,
            threads: threads ?? AvailableCPUs.count(), outputRoot: URL(fileURLWithPath: out, isDirectory: true),
            into: into.map { URL(fileURLWithPath: $0, isDirectory: true) },
            resume: resume.map { URL(fileURLWithPath: $0, isDirectory: true) }, governments: [], months: 0,
            algorithm: "taus2"
        ) { values in
            ("# normal-normal check: the mean at its posterior median\nmean: \(CSV.number(values[0]))\n", false)
        }
        common(&request)
        return request
    }

    func scenarioRequest() throws -> CalibrationRequest {
        guard let targetsPath = targets else { throw ExitCode.validationFailure }
        let targets: CalibrationTargets
        let source: ScenarioSource
        do {
            (targets, source) = try CalibrationTargets.load(path: targetsPath)
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            throw ExitCode.validationFailure
        }
        let parsed = try readFactors(source)
        let base = source.scenario
        let prior = Prior(
            parsed.map { factor in
                guard case .range(let low, let high) = factor.values else { fatalError("checked in readFactors") }
                return Prior.Factor(
                    name: factor.name,
                    marginal: factor.log ? .logUniform(low: low, high: high) : .uniform(low: low, high: high))
            })
        let model = ScenarioCalibrationModel(
            observations: targets.observations, governments: base.input.governments.map(\.name),
            replicates: replicates
        ) { values in
            try source.input(with: zip(parsed, values).map { $0.override($1) })
        }
        var request = CalibrationRequest(
            scenarioPath: base.path, scenarioName: base.name, slug: base.slug, scenarioText: base.sourceText,
            resolvedScenario: base.resolvedYAML, targetsPath: targetsPath, targetsText: targets.text,
            targets: targets.observations.map { o in
                CalibrationTarget(
                    name: o.name, value: o.value, sd: o.sd, heldOut: o.heldOut,
                    what: "\(o.statistic) of \(o.outcome.name) over \(o.scope) at month \(o.month)", source: o.source,
                    month: o.month)
            }, prior: prior, model: model, particles: particles, maximumGenerations: maxGenerations,
            minimumAcceptance: minAcceptance, replicates: replicates, seed: seed ?? base.seed,
            threads: threads ?? AvailableCPUs.count(), outputRoot: URL(fileURLWithPath: out, isDirectory: true),
            into: into.map { URL(fileURLWithPath: $0, isDirectory: true) },
            resume: resume.map { URL(fileURLWithPath: $0, isDirectory: true) },
            governments: base.input.governments.map(\.name), months: base.input.months,
            algorithm: base.input.algorithm.rawValue
        ) { values in
            let overrides = zip(parsed, values).map { $0.override($1) }
            if let text = source.editedText(with: overrides, note: "posterior median (sinergi calibrate)") {
                return (text, true)
            }
            return (try source.scenario(with: overrides).resolvedYAML, false)
        }
        common(&request)
        return request
    }

    /// The `--factor` and `--log` arguments read and checked against the scenario.
    private func readFactors(_ source: ScenarioSource) throws -> [Factor] {
        do throws(DesignError) {
            var parsed = try factors.map { argument throws(DesignError) in try Factor(argument) }
            for path in logFactors {
                guard let index = parsed.firstIndex(where: { $0.name == path }) else {
                    throw DesignError.factor(
                        "--log \(path)", problem: "no --factor varies '\(path)'; give --factor \(path)=LOW:HIGH")
                }
                guard case .range(let low, _) = parsed[index].values, low > 0 else {
                    throw DesignError.factor(parsed[index].description, problem: "--log needs LOW > 0")
                }
                parsed[index].log = true
            }
            for factor in parsed {
                guard case .range = factor.values, !factor.integer else {
                    throw DesignError.factor(
                        factor.description, problem: "a calibrated factor is a range of real numbers, PATH=LOW:HIGH")
                }
            }
            try Factor.check(parsed, against: source)
            return parsed
        } catch {
            for line in error.lines { printError(line) }
            throw ExitCode.validationFailure
        }
    }

    /// Runs the calibration (with `batches`, a step of a Slurm chain: `waiting` says whether
    /// it stopped because it submitted the next batch).
    @discardableResult
    func runCalibration(
        _ request: CalibrationRequest, batches: (any CalibrationBatchSource)? = nil,
        waiting: @Sendable () -> Bool = { false }
    ) async throws -> URL? {
        if !quiet {
            printError(
                "Calibrating '\(request.scenarioName)': \(request.prior.dimension) factor"
                    + "\(request.prior.dimension == 1 ? "" : "s"), \(request.targets.count) observation"
                    + "\(request.targets.count == 1 ? "" : "s"), \(request.particles) particles × "
                    + "\(request.replicates) replicate\(request.replicates == 1 ? "" : "s"), at most "
                    + "\(request.maximumGenerations) generations on \(request.threads) thread"
                    + "\(request.threads == 1 ? "" : "s")…")
        }
        let finished = try await WatchedStudy(quiet: true, unit: "runs").run(scenarioPath: request.scenarioPath) {
            control in
            try await Calibration.run(request, control: control, report: HTMLReport(), batches: batches)
        }
        let outcome = finished.outcome
        if outcome.interrupted && waiting() { return nil }
        if outcome.interrupted {
            printError(
                "Interrupted: the complete generations are in \(outcome.folder.path)/\(CalibrationStore.fileName). "
                    + "Resume with the same command and --resume '\(outcome.folder.path)'.")
            throw finished.interruptedExitCode
        }
        if let analysis = outcome.analysis, !quiet {
            say(
                "Calibration stopped after \(analysis.generations.count) generation"
                    + "\(analysis.generations.count == 1 ? "" : "s") (\(Self.reason(analysis.stopReason))).")
            for factor in analysis.posterior.factors {
                say(
                    "  \(factor.name): posterior mean \(Self.number(factor.mean)), sd \(Self.number(factor.sd)), "
                        + "90% interval \(Self.number(factor.q05)) … \(Self.number(factor.q95))")
            }
            for row in analysis.predictive {
                say(
                    "  \(row.target.name)\(row.target.heldOut ? " (held out)" : ""): observed "
                        + "\(Self.number(row.target.value)), predicted \(Self.number(row.mean)) "
                        + "[\(Self.number(row.q05)), \(Self.number(row.q95))] — \(row.inside ? "inside" : "OUTSIDE")")
            }
        }
        if let diagnosis = outcome.analysis?.diagnosis {
            for target in diagnosis.unreachable {
                let miss =
                    "the nearest particle gives \(Self.number(target.nearestSimulated)) against the observed "
                    + "\(Self.number(target.observation.value)), \(Self.number(Swift.abs(target.residual))) sds away "
                    + "(more than \(Self.number(diagnosis.threshold)))"
                printError(
                    diagnosis.settled
                        ? "warning: target '\(target.observation.name)' cannot be reached within the priors: \(miss); "
                            + "a wider prior range or a factor that moves it may reach it (a wider sd would only hide "
                            + "the miss)"
                        : "warning: target '\(target.observation.name)' was not reached in the generations run: "
                            + "\(miss); the distances were still falling, so more generations (--max-generations) "
                            + "may reach it, else a wider prior range or a factor that moves it")
            }
        }
        say("Results: \(outcome.folder.path)")
        return outcome.folder
    }

    static func number(_ value: Double) -> String { String(format: "%.4g", value) }

    /// `word` as a POSIX shell reads it back: bare when it holds only safe characters, else
    /// in single quotes.
    static func shellWord(_ word: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=,+@%")
        if !word.isEmpty && word.allSatisfy({ safe.contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func reason(_ reason: ABCStopReason) -> String {
        switch reason {
        case .maximumGenerations: return "the most generations"
        case .acceptanceBelowFloor: return "the acceptance rate fell below the floor"
        case .toleranceStalled: return "the tolerance stopped falling"
        }
    }
}

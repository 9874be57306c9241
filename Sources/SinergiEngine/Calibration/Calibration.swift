import Foundation
import SinergiStats

/// One observation of a calibration as its outputs list it.
public struct CalibrationTarget: Sendable, Hashable, Codable {
    public var name: String
    public var value: Double
    public var sd: Double
    /// Predicted only, not fitted.
    public var heldOut: Bool
    /// What is observed, in words: "mean of spbe over region at month 36".
    public var what: String
    public var source: String
    /// The month observed (nil for the analytic check).
    public var month: Int?

    public init(
        name: String, value: Double, sd: Double, heldOut: Bool = false, what: String, source: String, month: Int? = nil
    ) {
        self.name = name
        self.value = value
        self.sd = sd
        self.heldOut = heldOut
        self.what = what
        self.source = source
        self.month = month
    }
}

/// What `sinergi calibrate` asks the engine to do.
public struct CalibrationRequest: Sendable {
    /// The scenario (or, for the analytic check, the function) calibrated.
    public var scenarioPath: String
    public var scenarioName: String
    public var slug: String
    public var scenarioText: String
    public var resolvedScenario: String
    /// The targets file, as given, and its text (nil for the analytic check).
    public var targetsPath: String?
    public var targetsText: String?
    /// Every observation, fitted and held out, in the order the model returns outputs.
    public var targets: [CalibrationTarget]
    public var prior: Prior
    public var model: any CalibrationModel
    public var particles: Int
    public var maximumGenerations: Int
    public var minimumAcceptance: Double
    /// Replicates per simulated particle (1 for the analytic check).
    public var replicates: Int
    public var seed: UInt64
    public var threads: Int
    public var outputRoot: URL
    public var into: URL?
    public var resume: URL?
    /// The governments and months of the scenario, for the manifest.
    public var governments: [String]
    public var months: Int
    public var algorithm: String
    /// calibrated.yaml without its header: the scenario with the factors at these values,
    /// and whether it is the scenario file's own text with the values written in (false: the
    /// resolved scenario).
    public var calibratedYAML: @Sendable ([Double]) throws -> (text: String, fromSource: Bool)
    /// The command line that ran the calibration, for calibrated.yaml's header.
    public var commandLine: String?
    /// The arguments after `calibrate`, as given, for `calibrate --replay` (nil when the
    /// calibration ran as Slurm jobs, whose arguments are the jobs').
    public var arguments: [String]?
    /// Called with a line for each generation completed.
    public var log: (@Sendable (String) -> Void)?
    /// Stops the run, as an interrupt would, once this generation is committed (for tests
    /// of `--resume`).
    public var interruptAfterGeneration: Int?

    public init(
        scenarioPath: String, scenarioName: String, slug: String, scenarioText: String, resolvedScenario: String,
        targetsPath: String?, targetsText: String?, targets: [CalibrationTarget], prior: Prior,
        model: any CalibrationModel, particles: Int, maximumGenerations: Int, minimumAcceptance: Double,
        replicates: Int, seed: UInt64, threads: Int, outputRoot: URL, into: URL? = nil, resume: URL? = nil,
        governments: [String], months: Int, algorithm: String,
        calibratedYAML: @escaping @Sendable ([Double]) throws -> (text: String, fromSource: Bool)
    ) {
        self.scenarioPath = scenarioPath
        self.scenarioName = scenarioName
        self.slug = slug
        self.scenarioText = scenarioText
        self.resolvedScenario = resolvedScenario
        self.targetsPath = targetsPath
        self.targetsText = targetsText
        self.targets = targets
        self.prior = prior
        self.model = model
        self.particles = particles
        self.maximumGenerations = maximumGenerations
        self.minimumAcceptance = minimumAcceptance
        self.replicates = replicates
        self.seed = seed
        self.threads = threads
        self.outputRoot = outputRoot
        self.into = into
        self.resume = resume
        self.governments = governments
        self.months = months
        self.algorithm = algorithm
        self.calibratedYAML = calibratedYAML
    }

    /// The ABC-SMC settings.
    public var configuration: ABCConfiguration {
        ABCConfiguration(
            prior: prior,
            observations: targets.filter { !$0.heldOut }.map { Observation(name: $0.name, value: $0.value, sd: $0.sd) },
            populationSize: particles, maximumGenerations: maximumGenerations,
            minimumAcceptanceRate: minimumAcceptance, seed: seed)
    }
}

/// What identifies a calibration in its store: a resumed run must match it.
struct CalibrationIdentity: Codable, Equatable {
    var scenarioSHA256: String
    var resolvedScenarioSHA256: String
    var targetsSHA256: String?
    var targets: [CalibrationTarget]
    var prior: Prior
    var particles: Int
    var replicates: Int
    var seed: UInt64
    var toleranceQuantile: Double

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}

/// The posterior predictive check of one observation.
public struct PredictiveRow: Sendable, Hashable {
    public var target: CalibrationTarget
    public var mean: Double
    public var q05: Double
    public var q95: Double
    public var inside: Bool { q05 <= target.value && target.value <= q95 }
}

/// Everything report.html of a calibration draws.
public struct CalibrationAnalysis: Sendable {
    public var prior: Prior
    public var generations: [ABCGeneration]
    public var predictive: [PredictiveRow]
    public var posterior: PosteriorSummary
    /// Each observed statistic over the months, simulated from the final population.
    public var curves: [PredictiveCurve] = []
    public var stopReason: ABCStopReason
    public var diagnosis: ReachDiagnosis?
    public var replicates: Int
}

/// What a calibration's manifest adds.
public struct CalibrationInfo: Codable, Sendable {
    public var targets: String?
    public var targetsSHA256: String?
    public var factors: [String]
    public var priors: [String]
    public var particles: Int
    public var maximumGenerations: Int
    public var minimumAcceptance: Double
    public var replicatesPerParticle: Int
    public var generations: Int
    public var simulations: Int
    public var stopReason: String
    public var unreachable: [String]?
    /// The arguments after `calibrate`, as given (``CalibrationRequest/arguments``).
    public var arguments: [String]? = nil
}

/// Runs ABC-SMC (``ABCSMC``) over a ``CalibrationModel`` into a crash-safe store, then
/// writes the calibration folder.
public enum Calibration {
    public struct Outcome: Sendable {
        public var folder: URL
        public var interrupted: Bool
        public var generationsRun: Int
        public var analysis: CalibrationAnalysis?
    }

    /// Data files of a calibration folder.
    public static let dataFiles = ["posterior.csv", "generations.csv", "predictive.csv"]

    /// Runs the calibration (or continues the one in `request.resume`): generation after
    /// generation, each committed to calibration.sqlite as it completes; then the
    /// posterior predictive check and the files. An interrupt stops at the current batch of
    /// candidates and leaves the folder incomplete (`.NAME.partial`) for `--resume`.
    ///
    /// `batches`, when given, supplies the candidates' outputs instead of simulating them here
    /// (``CalibrationSlurm``: a step of a Slurm job chain); when it has none yet, the run
    /// stops as an interrupt would, its folder incomplete.
    public static func run(
        _ request: CalibrationRequest, control: RunControl = RunControl(), report: (any ReportRenderer)? = nil,
        batches: (any CalibrationBatchSource)? = nil
    ) async throws(RunError) -> Outcome {
        let started = Date()
        let clock = ContinuousClock()
        let begin = clock.now
        let configuration = request.configuration
        let (folder, store) = try openFolder(request, identity: identity(of: request))
        var generations = try store.generations()
        var smc: ABCSMC
        do { smc = try ABCSMC(configuration: configuration, resumingAfter: generations.last) } catch {
            try? store.close()
            throw .io("cannot continue the calibration: \(error.message)")
        }
        let fitted = request.targets.indices.filter { !request.targets[$0].heldOut }
        control.plan(
            request.particles * request.replicates * Swift.max(1, request.maximumGenerations - generations.count))
        var ran = 0
        while !smc.isFinished && !control.isCancelled {
            let start = smc.nextCandidateIndex
            let simulated: [[Double]]?
            if let batches {
                simulated = try await batches.outputs(continuing: smc, control: control)
            } else {
                let size = Swift.min(256, Swift.max(2 * request.threads, request.particles - smc.acceptedCount))
                let end = Swift.min(start + size, smc.simulationBudget)
                let jobs = smc.candidates(start..<end).map {
                    CalibrationJob(parameters: $0.parameters, seed: $0.simulationSeed)
                }
                simulated = try await request.model.simulate(jobs, threads: request.threads, control: control)
            }
            guard let outputs = simulated else { break }
            let outcomes = outputs.enumerated().map { offset, values in
                ABCOutcome(index: start + offset, outputs: fitted.map { values[$0] })
            }
            let completed: ABCGeneration?
            do { completed = try smc.record(outcomes) } catch { throw .io("calibration: \(error.message)") }
            guard let generation = completed else { continue }
            try store.commit(generation)
            generations.append(generation)
            ran += 1
            request.log?(
                "Generation \(generation.index): tolerance \(format(generation.tolerance)), acceptance "
                    + "\(format(generation.acceptanceRate)), ESS \(format(generation.effectiveSampleSize)), "
                    + "\(generation.simulations) simulations")
            if request.interruptAfterGeneration == generation.index, !smc.isFinished {
                control.cancel(reason: "stopped after generation \(generation.index)")
            }
        }
        guard smc.isFinished, let final = generations.last else {
            try store.close()
            if smc.isFinished {
                folder.discard()
                throw .io(
                    "generation 0 did not reach \(request.particles) particles within the acceptance floor; "
                        + "lower --min-acceptance")
            }
            return Outcome(folder: folder.temporary, interrupted: true, generationsRun: ran, analysis: nil)
        }
        try store.markComplete()
        try store.close()

        control.begin("posterior predictive check")
        let predictiveMaster = SeedDerivation.mix(request.seed ^ SeedDerivation.fnv1a64("predictive"))
        let jobs = final.particles.enumerated().map { index, parameters in
            CalibrationJob(
                parameters: parameters,
                seed: SeedDerivation.abcSimulationSeed(
                    candidateSeed: SeedDerivation.abcCandidateSeed(
                        master: predictiveMaster, generation: final.index, candidate: index)))
        }
        guard
            let (simulated, series) = try await request.model.simulateWithCurves(
                jobs, threads: request.threads, control: control)
        else {
            return Outcome(folder: folder.temporary, interrupted: true, generationsRun: ran, analysis: nil)
        }
        let curves = request.model.curves.enumerated().map { c, definition in
            let months = series.first?[c].count ?? 0
            var band: (q05: [Double], q50: [Double], q95: [Double]) = ([], [], [])
            for month in 0..<months {
                let values = series.map { $0[c][month] }
                let finite = values.indices.filter { values[$0].isFinite }
                let v = finite.map { values[$0] }
                let w = finite.map { final.weights[$0] }
                guard !v.isEmpty, w.reduce(0, +) > 0 else {
                    band.q05.append(.nan)
                    band.q50.append(.nan)
                    band.q95.append(.nan)
                    continue
                }
                band.q05.append(WeightedStatistics.quantile(v, weights: w, p: 0.05))
                band.q50.append(WeightedStatistics.quantile(v, weights: w, p: 0.5))
                band.q95.append(WeightedStatistics.quantile(v, weights: w, p: 0.95))
            }
            return PredictiveCurve(
                title: definition.title, targets: definition.observations.map { request.targets[$0] }, q05: band.q05,
                q50: band.q50, q95: band.q95)
        }
        let predictive = request.targets.indices.map { o in
            let values = simulated.map { $0[o] }
            let finite = values.indices.filter { values[$0].isFinite }
            let v = finite.map { values[$0] }
            let w = finite.map { final.weights[$0] }
            guard !v.isEmpty, w.reduce(0, +) > 0 else {
                return PredictiveRow(target: request.targets[o], mean: .nan, q05: .nan, q95: .nan)
            }
            return PredictiveRow(
                target: request.targets[o], mean: WeightedStatistics.mean(v, weights: w),
                q05: WeightedStatistics.quantile(v, weights: w, p: 0.05),
                q95: WeightedStatistics.quantile(v, weights: w, p: 0.95))
        }
        let posterior = PosteriorSummary(generation: final, prior: request.prior)
        let analysis = CalibrationAnalysis(
            prior: request.prior, generations: generations, predictive: predictive, posterior: posterior,
            curves: curves, stopReason: smc.stopReason ?? .maximumGenerations, diagnosis: smc.diagnosis,
            replicates: request.replicates)

        var hashes: [String: String] = [:]
        func write(_ text: String, _ name: String) throws(RunError) {
            let data = Data(text.utf8)
            try folder.write(data, to: name)
            hashes[name] = Study.sha256(data)
        }
        try write(CalibrationFiles.posterior(final, prior: request.prior), "posterior.csv")
        try write(CalibrationFiles.generations(generations), "generations.csv")
        try write(CalibrationFiles.predictive(predictive), "predictive.csv")
        let medians = posterior.factors.map(\.q50)
        let body: (text: String, fromSource: Bool)
        do { body = try request.calibratedYAML(medians) } catch {
            throw .io("cannot write calibrated.yaml with the posterior median \(medians): \(error)")
        }
        let header = CalibrationFiles.calibratedHeader(
            request, posterior: posterior, predictive: predictive, fromSource: body.fromSource, folder: folder.final,
            date: started)
        let calibrated = Data(CalibrationFiles.prepend(header, to: body.text).utf8)
        try folder.write(calibrated, to: "calibrated.yaml")

        let seconds = (clock.now - begin).seconds
        var manifest = Self.manifest(request, started: started, seconds: seconds, analysis: analysis)
        manifest.files = hashes
        let finalManifest = manifest
        try folder.finish(manifest: manifest, control: control) {
            report?.html(calibration: analysis, manifest: finalManifest)
        }
        return Outcome(folder: folder.final, interrupted: false, generationsRun: ran, analysis: analysis)
    }

    static func format(_ value: Double) -> String {
        guard value.isFinite else { return value > 0 ? "∞" : "–" }
        return String(format: "%.4g", value)
    }

    /// What identifies `request`'s calibration in its store.
    static func identity(of request: CalibrationRequest) -> CalibrationIdentity {
        CalibrationIdentity(
            scenarioSHA256: Study.sha256(Data(request.scenarioText.utf8)),
            resolvedScenarioSHA256: Study.sha256(Data(request.resolvedScenario.utf8)),
            targetsSHA256: request.targetsText.map { Study.sha256(Data($0.utf8)) }, targets: request.targets,
            prior: request.prior, particles: request.particles, replicates: request.replicates, seed: request.seed,
            toleranceQuantile: request.configuration.toleranceQuantile)
    }

    /// Creates the calibration's incomplete folder and its empty store, as a run would, and
    /// returns the folder (`.NAME.partial`) for `--resume` to continue.
    public static func prepare(_ request: CalibrationRequest) throws(RunError) -> URL {
        var fresh = request
        fresh.resume = nil
        let (folder, store) = try openFolder(fresh, identity: identity(of: fresh))
        try store.close()
        return folder.temporary
    }

    private static func openFolder(
        _ request: CalibrationRequest, identity: CalibrationIdentity
    ) throws(RunError) -> (RunFolder, CalibrationStore) {
        let folder: RunFolder
        if let resume = request.resume {
            folder = try RunFolder(resuming: resume, kind: "calibration")
        } else if let into = request.into {
            folder = try RunFolder(exactly: into)
        } else {
            folder = try RunFolder(
                root: request.outputRoot, slug: request.slug, seed: request.seed, date: Date(), kind: "calibration")
        }
        let url = folder.temporary.appendingPathComponent(CalibrationStore.fileName)
        if FileManager.default.fileExists(atPath: url.path) {
            let store = try CalibrationStore.open(url)
            guard store.identity == identity.json else {
                try? store.close()
                let what = request.resume.map { "--resume \($0.path)" } ?? folder.temporary.path
                throw .io(
                    "\(what) holds another calibration (different scenario, targets, factors, particles, replicates "
                        + "or seed); nothing was run")
            }
            return (folder, store)
        }
        if request.resume != nil { throw .io("--resume \(folder.temporary.path): no calibration store there") }
        return (folder, try CalibrationStore.create(at: url, identity: identity.json))
    }

    static func manifest(
        _ request: CalibrationRequest, started: Date, seconds: Double, analysis: CalibrationAnalysis
    ) -> Manifest {
        var tool = Manifest.Tool()
        if let git = Provenance.gitCommit() {
            tool.gitCommit = git.commit
            tool.gitDirty = git.dirty
        }
        let iso = ISO8601DateFormatter()
        let simulations = analysis.generations.reduce(0) { $0 + $1.simulations }
        let replicates = (simulations + request.particles) * request.replicates
        var manifest = Manifest(
            tool: tool,
            scenario: .init(
                path: request.scenarioPath, name: request.scenarioName,
                sha256: Study.sha256(Data(request.scenarioText.utf8)), resolved: request.resolvedScenario),
            randomness: .init(
                masterSeed: request.seed, algorithm: request.algorithm, designPoint: 0,
                seedScheme: Manifest.seedScheme
                    + "; ABC-SMC: candidate seeds from (master, generation, candidate), docs/calibration.md"),
            replicates: replicates,
            stopping: .init(
                rule: "abc-smc", reason: analysis.stopReason.rawValue, batch: 0,
                requestedReplicates: request.replicates),
            status: .complete, interruptedBy: nil, replayOf: nil, threads: request.threads, months: request.months,
            governments: request.governments, quantiles: "weighted quantiles (Hazen), docs/statistics.md",
            host: Provenance.host(),
            timing: .init(
                started: iso.string(from: started), finished: iso.string(from: Date()), wallSeconds: seconds,
                replicatesPerSecond: seconds > 0 ? Double(replicates) / seconds : 0),
            files: [:])
        manifest.command = "calibrate"
        manifest.calibration = CalibrationInfo(
            targets: request.targetsPath, targetsSHA256: request.targetsText.map { Study.sha256(Data($0.utf8)) },
            factors: request.prior.factors.map(\.name), priors: request.prior.factors.map { "\($0.marginal)" },
            particles: request.particles, maximumGenerations: request.maximumGenerations,
            minimumAcceptance: request.minimumAcceptance, replicatesPerParticle: request.replicates,
            generations: analysis.generations.count, simulations: simulations,
            stopReason: analysis.stopReason.rawValue,
            unreachable: analysis.diagnosis.map { $0.unreachable.map(\.observation.name) },
            arguments: request.arguments)
        return manifest
    }
}

import Foundation
import SinergiModel
import SinergiStats
import Synchronization

/// What `sinergi sweep` asks the engine to do: run every design point of a shard with the
/// same replicate seeds, into a crash-safe store, then write the sweep's folder.
public struct SweepRequest: Sendable {
    public var scenarioPath: String
    public var scenarioName: String
    public var slug: String
    /// Exact text of the scenario file, and the resolved scenario with `--set` applied.
    public var scenarioText: String
    public var resolvedScenario: String
    /// The factors' paths, in design.csv's column order.
    public var factors: [String]
    /// How the design was made, in words for the manifest (e.g. "lhs, 64 points").
    public var designMethod: String
    /// design[p][f]: the value of factor f at point p.
    public var design: [[Double]]
    /// The model input of a design point (the scenario with the point's factor values set).
    public var input: @Sendable (_ point: Int) throws -> ModelInput
    public var governments: [String]
    /// Replicates per point.
    public var replicates: Int
    public var masterSeed: UInt64
    public var threads: Int
    public var shard: ShardSpec
    /// Where the folder goes: `<outputRoot>/<slug>/sweep-<run-id>/`, or exactly `into`.
    public var outputRoot: URL
    public var into: URL?
    /// An incomplete sweep folder to continue.
    public var resume: URL?
    /// `--set` overrides, as given.
    public var overrides: [String]
    /// Factor pairs (indices into `factors`) the report maps against each other.
    public var heatmaps: [(Int, Int)] = []
    /// Consecutive points that share replicate seeds: point p runs on the seeds of design
    /// point ⌊p / seedBlock⌋. Nil (a sweep): every point runs on those of design point 0.
    public var seedBlock: Int? = nil
    /// The sensitivity analysis whose sample is the design: the finished folder also holds
    /// indices.csv and convergence.csv, and report.html shows the indices.
    public var sensitivity: SensitivityPlan? = nil

    /// The design point whose replicate seeds point `point` runs on.
    func seedPoint(of point: Int) -> Int { seedBlock.map { point / $0 } ?? 0 }

    /// The folder kind: `sweep-…` or `sensitivity-…`.
    var kind: String { sensitivity == nil ? "sweep" : "sensitivity" }
    /// Points per round and commit; nil for ``Sweep/pointsPerRound(threads:replicates:)``.
    /// It changes no result.
    var pointsPerRound: Int?

    public init(
        scenarioPath: String, scenarioName: String, slug: String, scenarioText: String, resolvedScenario: String,
        factors: [String], designMethod: String, design: [[Double]],
        input: @escaping @Sendable (_ point: Int) throws -> ModelInput, governments: [String], replicates: Int,
        masterSeed: UInt64, threads: Int, shard: ShardSpec = .whole, outputRoot: URL, into: URL? = nil,
        resume: URL? = nil, overrides: [String] = []
    ) {
        self.scenarioPath = scenarioPath
        self.scenarioName = scenarioName
        self.slug = slug
        self.scenarioText = scenarioText
        self.resolvedScenario = resolvedScenario
        self.factors = factors
        self.designMethod = designMethod
        self.design = design
        self.input = input
        self.governments = governments
        self.replicates = replicates
        self.masterSeed = masterSeed
        self.threads = threads
        self.shard = shard
        self.outputRoot = outputRoot
        self.into = into
        self.resume = resume
        self.overrides = overrides
    }

    /// design.csv: `point`, then one column per factor; numbers as in every Sinergi CSV
    /// (the shortest text that reads back as the same Double).
    public var designCSV: Data { Data(Design.csv(factors: factors, points: design).utf8) }
}

/// Runs a parameter sweep: each design point is an arm; replicate r has the same seed at
/// every point (common random numbers), so differences between points are not seed noise.
public enum Sweep {
    public struct Outcome: Sendable {
        /// The finished folder, or the incomplete one when interrupted.
        public var folder: URL
        public var manifest: Manifest?
        public var pointsRun: Int
        public var pointsInShard: Int
        public var interrupted: Bool
    }

    /// Data files of a sweep folder.
    public static let dataFiles = ["design.csv", "points.csv", "replicates.csv"]

    /// Replicates each worker runs per round of points: enough that the wait for the round's
    /// last replicate, the points' set-up and their summaries are small beside the round.
    static let replicatesPerWorker = 64

    /// Points run together as the arms of one study round, then committed together in one
    /// transaction: about ``replicatesPerWorker`` replicates for every worker.
    static func pointsPerRound(threads: Int, replicates: Int) -> Int {
        let wanted = replicatesPerWorker * Swift.max(1, threads)
        return Swift.max(1, Swift.min(4096, (wanted + replicates - 1) / Swift.max(1, replicates)))
    }

    /// `body(0) … body(count − 1)` on at most `threads` tasks (index i on task i mod tasks),
    /// the results in index order; the first error by index is thrown.
    static func concurrentMap<T: Sendable>(
        _ count: Int, threads: Int, _ body: @escaping @Sendable (Int) throws(RunError) -> T
    ) async throws(RunError) -> [T] {
        let tasks = Swift.max(1, Swift.min(threads, count))
        var slots = [Result<T, RunError>?](repeating: nil, count: count)
        let parts = await withTaskGroup(of: [(Int, Result<T, RunError>)].self) { group in
            for task in 0..<tasks {
                group.addTask {
                    var part: [(Int, Result<T, RunError>)] = []
                    for index in stride(from: task, to: count, by: tasks) {
                        do throws(RunError) { part.append((index, .success(try body(index)))) } catch {
                            part.append((index, .failure(error)))
                        }
                    }
                    return part
                }
            }
            var parts: [[(Int, Result<T, RunError>)]] = []
            for await part in group { parts.append(part) }
            return parts
        }
        for part in parts { for (index, result) in part { slots[index] = result } }
        var values: [T] = []
        values.reserveCapacity(count)
        for slot in slots { values.append(try slot!.get()) }
        return values
    }
}

/// Commits chunks of finished points to a store, one transaction per chunk, in order, on a
/// serial queue of its own, so the workers go on with the next points meanwhile. At most
/// two chunks wait at a time; a failed commit stops the rest and is thrown by the next call.
final class PointCommitter: @unchecked Sendable {
    private let store: SweepStore
    private let queue = DispatchQueue(label: "sinergi.sweep.commit")
    private let slots = DispatchSemaphore(value: 2)
    private let state = Mutex<(committed: Int, error: RunError?)>((0, nil))

    init(store: SweepStore) { self.store = store }

    /// Points committed so far.
    var committed: Int { state.withLock { $0.committed } }

    /// Queues `points` for one transaction; throws the error of an earlier chunk.
    func commit(_ points: [PointResult]) throws(RunError) {
        if let error = state.withLock({ $0.error }) { throw error }
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            guard state.withLock({ $0.error == nil }) else { return }
            do throws(RunError) {
                try store.commit(points)
                state.withLock { $0.committed += points.count }
            } catch {
                state.withLock { $0.error = error }
            }
        }
    }

    /// Waits until every queued chunk is committed; throws the first commit's error.
    func finish() throws(RunError) {
        queue.sync {}
        if let error = state.withLock({ $0.error }) { throw error }
    }
}

/// Keeps the records of a chunk of design points until every replicate of every point is in.
final class PointSink: StudySink {
    private(set) var seeds: [UInt64] = []
    private(set) var records: [[ReplicateRecord]]

    init(arms: Int) { records = Array(repeating: [], count: arms) }

    func consume(_ batch: StudyBatch) throws(RunError) {
        seeds += batch.seeds
        for a in records.indices { records[a] += batch.records(arm: a) }
    }

    var precisionMeasure: PrecisionMeasure { .halfWidth }
    func largestHalfWidth(_ target: PrecisionTarget) -> Double? { nil }
}

extension Sweep {
    /// Runs the points of the request's shard that its store lacks, committing each point as
    /// it completes, then writes the folder: design.csv (first), sweep.sqlite, and for a
    /// whole sweep points.csv, replicates.csv and report.html (from `report`, when given),
    /// then manifest.json, last. A shard's folder holds design.csv, its store and its
    /// manifest; `sinergi merge` writes the rest.
    ///
    /// An interrupt (`control`) stops starting points; those committed stay, the folder
    /// stays incomplete (`.NAME.partial`), and `--resume` with it runs exactly the rest.
    public static func run(
        _ request: SweepRequest, control: RunControl = RunControl(), report: (any ReportRenderer)? = nil
    ) async throws(RunError) -> Outcome {
        let started = Date()
        let clock = ContinuousClock()
        let begin = clock.now
        let designData = request.designCSV
        let summariser = PointSummariser(governments: request.governments)
        var identity = SweepIdentity(
            scenarioSHA256: Study.sha256(Data(request.scenarioText.utf8)),
            resolvedScenarioSHA256: Study.sha256(Data(request.resolvedScenario.utf8)),
            designSHA256: Study.sha256(designData), factors: request.factors, points: request.design.count,
            replicates: request.replicates, masterSeed: request.masterSeed, governments: request.governments,
            outcomeColumns: summariser.outcomeColumnNames, shard: request.shard)
        identity.seedBlock = request.seedBlock
        let (folder, store) = try openFolder(request, identity: identity, design: designData)
        let completed = Set(try store.completedPoints())
        let shardPoints = request.shard.points(of: request.design.count)
        let todo = shardPoints.filter { !completed.contains($0) }
        control.plan(todo.count * request.replicates)
        let core = StudyCore(
            stopping: .fixed(replicates: request.replicates), masterSeed: request.masterSeed, threads: request.threads)
        let perRound = request.pointsPerRound ?? pointsPerRound(threads: core.threads, replicates: request.replicates)
        let committer = PointCommitter(store: store)
        var ran = 0
        do throws(RunError) {
            // The first point's runner, from which every point takes what it does not change
            // (the points of a sweep differ in a few values).
            var compiled: ReplicateRunner?
            while ran < todo.count && !control.isCancelled {
                // A round's points share one seed point (all of a sweep's do).
                let seedPoint = request.seedPoint(of: todo[ran])
                var last = ran + 1
                while last - ran < perRound, last < todo.count, request.seedPoint(of: todo[last]) == seedPoint {
                    last += 1
                }
                let points = Array(todo[ran..<last])
                let base: ReplicateRunner
                if let compiled {
                    base = compiled
                } else {
                    base = ReplicateRunner(input: try pointInput(request, points[0]))
                    compiled = base
                }
                // The points' inputs are resolved and compiled on the workers, not one by one.
                let runners = try await concurrentMap(points.count, threads: core.threads) {
                    (i) throws(RunError) in ReplicateRunner(input: try pointInput(request, points[i]), reusing: base)
                }
                let sink = PointSink(arms: points.count)
                let end = try await core.run(runners, into: sink, control: control, seedPoint: seedPoint)
                // A point is wholly committed or not at all: a round cut short by an
                // interrupt commits nothing.
                guard end.replicates == request.replicates else { break }
                let seeds = sink.seeds
                let records = sink.records
                let results = try await concurrentMap(points.count, threads: core.threads) { i in
                    summariser.result(point: points[i], seeds: seeds, records: records[i])
                }
                try committer.commit(results)
                ran += points.count
            }
            try committer.finish()
        } catch {
            try? committer.finish()
            throw error
        }
        let pointsRun = committer.committed
        guard completed.count + pointsRun == shardPoints.count else {
            try store.close()
            return Outcome(
                folder: folder.temporary, manifest: nil, pointsRun: pointsRun, pointsInShard: shardPoints.count,
                interrupted: true)
        }
        try store.markComplete()
        var hashes = ["design.csv": Study.sha256(designData)]
        if request.shard.count == 1 {
            try writeDataFiles(
                into: folder, design: request.design, factors: request.factors,
                outcomes: summariser.outcomeColumnNames, store: { _ in store }, hashes: &hashes, control: control)
        }
        var manifest = FolderStudy.manifest(
            RunRequest(
                scenarioPath: request.scenarioPath, scenarioName: request.scenarioName, slug: request.slug,
                scenarioText: request.scenarioText, resolvedScenario: request.resolvedScenario,
                input: try pointInput(request, 0), stopping: .fixed(replicates: request.replicates),
                masterSeed: request.masterSeed, threads: request.threads, outputRoot: request.outputRoot),
            end: StudyEnd(
                replicates: request.replicates, reason: .requestedReplicatesDone(request.replicates),
                achievedHalfWidth: nil,
                batch: core.batchSize(arms: [])),
            seedPoint: core.seedPoint, quantiles: "exact (GSL) per point", started: started,
            seconds: (clock.now - begin).seconds)
        // The study ran every point's replicates: the rate counts them all.
        let seconds = manifest.timing.wallSeconds
        manifest.timing.replicatesPerSecond = seconds > 0 ? Double(pointsRun * request.replicates) / seconds : 0
        manifest.command = request.kind
        manifest.sensitivity = request.sensitivity
        manifest.sweep = SweepInfo(
            identity: identity, method: request.designMethod, pointsRun: pointsRun,
            heatmaps: request.heatmaps.map { "\(request.factors[$0.0])|\(request.factors[$0.1])" })
        manifest.overrides = request.overrides.isEmpty ? nil : request.overrides
        manifest.files = hashes
        if let plan = request.sensitivity, request.shard.count == 1 {
            let result = try SensitivityAnalysis.writeFiles(
                plan: plan, store: store, into: folder, hashes: &manifest.files, control: control)
            try store.close()
            let page = SensitivityAnalysis.report(result, manifest: manifest)
            try folder.finish(manifest: manifest, control: control) { report?.html(sensitivity: page) }
            return Outcome(
                folder: folder.final, manifest: manifest, pointsRun: pointsRun, pointsInShard: shardPoints.count,
                interrupted: false)
        }
        let analysis =
            report != nil && request.shard.count == 1
            ? try SweepAnalysis.read(store: store, design: request.design, pairs: request.heatmaps) : nil
        try store.close()
        let finalManifest = manifest
        try folder.finish(manifest: manifest, control: control) {
            analysis.flatMap { analysis in report?.html(sweep: analysis, manifest: finalManifest) }
        }
        return Outcome(
            folder: folder.final, manifest: manifest, pointsRun: pointsRun, pointsInShard: shardPoints.count,
            interrupted: false)
    }

    private static func pointInput(_ request: SweepRequest, _ point: Int) throws(RunError) -> ModelInput {
        do { return try request.input(point) } catch { throw RunError.io("design point \(point): \(error)") }
    }

    /// The sweep's folder and store: a new one, the incomplete one being resumed, or the
    /// one an earlier attempt at `--into` left; a resumed store must be of the same sweep.
    private static func openFolder(
        _ request: SweepRequest, identity: SweepIdentity, design: Data
    ) throws(RunError) -> (RunFolder, SweepStore) {
        let folder: RunFolder
        if let resume = request.resume {
            folder = try RunFolder(resuming: resume, kind: request.kind)
        } else if let into = request.into {
            folder = try RunFolder(exactly: into)
        } else {
            folder = try RunFolder(
                root: request.outputRoot, slug: request.slug, seed: request.masterSeed, date: Date(), kind: request.kind
            )
        }
        let storeURL = folder.temporary.appendingPathComponent(SweepStore.fileName)
        if FileManager.default.fileExists(atPath: storeURL.path) {
            let store = try SweepStore.open(storeURL)
            let what = request.resume.map { "--resume \($0.path)" } ?? folder.temporary.path
            if let difference = store.identity.difference(from: identity) {
                throw .io("\(what) holds another sweep: it differs in \(difference); nothing was run")
            }
            if store.identity.shard != identity.shard {
                throw .io("\(what) holds shard \(store.identity.shard), not \(identity.shard); nothing was run")
            }
            return (folder, store)
        }
        if request.resume != nil {
            throw .io("--resume \(folder.temporary.path): no sweep store there")
        }
        try folder.write(design, to: "design.csv")
        return (folder, try SweepStore.create(at: storeURL, identity: identity))
    }

    /// points.csv and replicates.csv, written from the store(s) into `folder`.
    static func writeDataFiles(
        into folder: RunFolder, design: [[Double]], factors: [String], outcomes: [String],
        store: (Int) -> SweepStore, hashes: inout [String: String], control: RunControl
    ) throws(RunError) {
        control.begin("writing points.csv and replicates.csv")
        let points = try folder.openStream("points.csv")
        let replicates = try folder.openStream("replicates.csv")
        try SweepFiles.write(
            design: design, factors: factors, outcomes: outcomes, store: store, points: points.append,
            replicates: replicates.append)
        hashes["points.csv"] = try points.finish()
        hashes["replicates.csv"] = try replicates.finish()
    }
}

/// What a sweep's manifest adds: the design and the shard.
public struct SweepInfo: Codable, Sendable {
    public var factors: [String]
    public var method: String
    public var points: Int
    public var replicatesPerPoint: Int
    public var designSHA256: String
    /// "I/N".
    public var shard: String
    /// Points this invocation ran (fewer than the shard's when resumed).
    public var pointsRun: Int
    /// The factor pairs the report maps, as "a|b".
    public var heatmaps: [String]?
    /// Consecutive points that share replicate seeds (a sensitivity sample's base row or
    /// trajectory): point p runs on the seeds of design point ⌊p / seedBlock⌋; absent when
    /// every point runs on those of design point 0.
    public var seedBlock: Int?

    init(identity: SweepIdentity, method: String, pointsRun: Int, heatmaps: [String]) {
        factors = identity.factors
        self.method = method
        points = identity.points
        replicatesPerPoint = identity.replicates
        designSHA256 = identity.designSHA256
        shard = identity.shard.description
        self.pointsRun = pointsRun
        self.heatmaps = heatmaps.isEmpty ? nil : heatmaps
        seedBlock = identity.seedBlock
    }
}

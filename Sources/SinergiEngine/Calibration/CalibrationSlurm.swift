import Foundation
import SinergiStats

/// Where a calibration's candidate outputs come from when it does not simulate them itself.
public protocol CalibrationBatchSource: Sendable {
    /// The outputs (every observation, in the request's order) of the candidates from
    /// `smc.nextCandidateIndex` on, at least one; nil to stop here, the folder incomplete.
    func outputs(continuing smc: ABCSMC, control: RunControl) async throws(RunError) -> [[Double]]?
}

/// One batch of candidates of a Slurm calibration: `batches/g0003-c000512/batch.json`, its
/// shards' outputs beside it (`shard-0001.json`, …). Numbers are stored as their IEEE bit
/// patterns, so they round-trip exactly (NaN and infinities included).
public struct CalibrationBatch: Codable, Sendable, Equatable {
    public var generation: Int
    /// The candidate indices start ..< end.
    public var start: Int
    public var end: Int
    public var shards: Int
    /// Each candidate's parameters (bit patterns) and simulation seed, in index order.
    public var parameters: [[UInt64]]
    public var seeds: [UInt64]

    /// The folder name of the batch of generation `generation` that starts at `start`.
    public static func folderName(generation: Int, start: Int) -> String {
        String(format: "g%04d-c%06d", generation, start)
    }

    public static func shardFileName(_ shard: Int) -> String { String(format: "shard-%04d.json", shard) }

    /// The offsets (into the batch) of shard `shard` of 1 … ``shards``: consecutive slices
    /// whose sizes differ by at most one.
    public func offsets(ofShard shard: Int) -> Range<Int> {
        let count = end - start
        return (shard - 1) * count / shards..<shard * count / shards
    }

    /// The jobs of shard `shard`.
    public func jobs(ofShard shard: Int) -> [CalibrationJob] {
        offsets(ofShard: shard).map { i in
            CalibrationJob(parameters: parameters[i].map(Double.init(bitPattern:)), seed: seeds[i])
        }
    }
}

/// What a shard task writes: the outputs of its candidates, in index order.
struct CalibrationShardOutputs: Codable {
    var start: Int
    var outputs: [[UInt64]]
}

/// A calibration as a chain of Slurm jobs (docs/calibration.md, "On a Slurm cluster"): a step
/// job records the finished batch and proposes the next, whose candidates a job array
/// simulates in shards; the next step waits for the array (afterok). Results are those of a
/// local run: ABC-SMC accepts in candidate order whatever the batches (``ABCSMC``).
public enum CalibrationSlurm {
    /// What a step asks the scheduler to run: shards of a batch, then the next step.
    public struct Submission: Sendable, Equatable {
        /// The batch's folder, relative to the job folder (`batches/g0003-c000512`).
        public var batch: String
        /// The shards to simulate (1-based): all of them, or those whose outputs are missing.
        public var shards: [Int]
        /// The batch's shard count and candidates.
        public var batchShards: Int
        public var candidates: Int
    }

    /// The batch source of a step: outputs of batches whose shards have all finished; when
    /// the next batch lacks some, submits them (proposing the batch first if it is new).
    public struct Batches: CalibrationBatchSource {
        public var job: URL
        public var shards: Int
        public var submit: @Sendable (Submission) throws(RunError) -> Void

        public init(job: URL, shards: Int, submit: @escaping @Sendable (Submission) throws(RunError) -> Void) {
            self.job = job
            self.shards = shards
            self.submit = submit
        }

        public func outputs(continuing smc: ABCSMC, control: RunControl) async throws(RunError) -> [[Double]]? {
            let name =
                "batches/" + CalibrationBatch.folderName(generation: smc.generation, start: smc.nextCandidateIndex)
            let folder = job.appendingPathComponent(name, isDirectory: true)
            let batch: CalibrationBatch
            if let existing = try CalibrationSlurm.readBatch(folder) {
                guard existing.generation == smc.generation, existing.start == smc.nextCandidateIndex else {
                    throw .io("\(folder.path)/batch.json belongs to another batch; remove it and resubmit")
                }
                batch = existing
            } else {
                batch = CalibrationSlurm.propose(smc, shards: shards)
                try CalibrationSlurm.writeAtomically(CalibrationSlurm.encode(batch), to: folder, name: "batch.json")
            }
            var outputs: [[Double]] = []
            var missing: [Int] = []
            for shard in 1...batch.shards {
                let url = folder.appendingPathComponent(CalibrationBatch.shardFileName(shard))
                guard let data = try? Data(contentsOf: url) else {
                    missing.append(shard)
                    continue
                }
                let expected = batch.offsets(ofShard: shard)
                guard let written = try? JSONDecoder().decode(CalibrationShardOutputs.self, from: data),
                    written.start == batch.start + expected.lowerBound, written.outputs.count == expected.count
                else { throw .io("\(url.path) is not the outputs of its shard; remove it and resubmit") }
                outputs += written.outputs.map { $0.map(Double.init(bitPattern:)) }
            }
            if missing.isEmpty { return outputs }
            try submit(
                Submission(batch: name, shards: missing, batchShards: batch.shards, candidates: batch.end - batch.start)
            )
            return nil
        }
    }

    /// The next batch: enough candidates to complete the generation at the acceptance rate
    /// expected — the generation's own so far, else α times the previous generation's (the
    /// tolerance is the α-quantile of its distances), else 1 — at least two per shard, and
    /// never past the simulation budget.
    static func propose(_ smc: ABCSMC, shards: Int) -> CalibrationBatch {
        let start = smc.nextCandidateIndex
        let remaining = smc.configuration.populationSize - smc.acceptedCount
        var rate = 1.0
        if smc.acceptedCount > 0 && start > 0 {
            rate = Double(smc.acceptedCount) / Double(start)
        } else if let last = smc.lastGeneration {
            rate = last.acceptanceRate * smc.configuration.toleranceQuantile
        }
        let wanted = Double(remaining) / Swift.max(rate, 1e-9)
        let size = Swift.max(2 * shards, Int(Swift.min(wanted.rounded(.up), Double(Int32.max))))
        let end = Swift.max(start + 1, Swift.min(start + size, smc.simulationBudget))
        let candidates = smc.candidates(start..<end)
        return CalibrationBatch(
            generation: smc.generation, start: start, end: end, shards: Swift.min(shards, end - start),
            parameters: candidates.map { $0.parameters.map(\.bitPattern) }, seeds: candidates.map(\.simulationSeed))
    }

    /// An array task: simulates shard `shard` of the batch in `folder` and writes its
    /// outputs (atomically). Does nothing when they exist already; false when cancelled.
    @discardableResult
    public static func task(
        model: any CalibrationModel, batch folder: URL, shard: Int, threads: Int, control: RunControl = RunControl()
    ) async throws(RunError) -> Bool {
        guard let batch = try readBatch(folder) else { throw .io("no batch at \(folder.path)") }
        guard (1...batch.shards).contains(shard) else {
            throw .io("shard \(shard) does not exist: the batch in \(folder.path) has \(batch.shards) shards")
        }
        let name = CalibrationBatch.shardFileName(shard)
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) { return true }
        guard let outputs = try await model.simulate(batch.jobs(ofShard: shard), threads: threads, control: control)
        else { return false }
        let written = CalibrationShardOutputs(
            start: batch.start + batch.offsets(ofShard: shard).lowerBound,
            outputs: outputs.map { $0.map(\.bitPattern) })
        try writeAtomically(encode(written), to: folder, name: name)
        return true
    }

    static func readBatch(_ folder: URL) throws(RunError) -> CalibrationBatch? {
        let url = folder.appendingPathComponent("batch.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        do { return try JSONDecoder().decode(CalibrationBatch.self, from: data) } catch {
            throw .io("cannot read \(url.path): \(error)")
        }
    }

    static func encode(_ value: some Encodable) throws(RunError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do { return try encoder.encode(value) } catch { throw .io("cannot encode a batch: \(error)") }
    }

    /// Writes `data` to `folder/name` through a temporary file and a rename, so a reader sees
    /// the whole file or none.
    static func writeAtomically(_ data: Data, to folder: URL, name: String) throws(RunError) {
        let files = FileManager.default
        let temporary = folder.appendingPathComponent(".\(name).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try files.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: temporary)
            if rename(temporary.path, folder.appendingPathComponent(name).path) != 0 {
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            try? files.removeItem(at: temporary)
            throw .io("cannot write \(folder.appendingPathComponent(name).path): \(error.localizedDescription)")
        }
    }
}

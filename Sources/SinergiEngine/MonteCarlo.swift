import SinergiModel
import SinergiStats

/// Runs replicates of one model input in parallel, deterministically.
///
/// Replicate r of design point d is seeded from (master seed, d, r) alone
/// (``SeedDerivation``) and its record is returned at its position, so the results do not
/// depend on the number of workers or on the order in which replicates finish.
public enum MonteCarlo {
    /// The records of replicates `0 ..< replicates`, in replicate order.
    public struct Result: Sendable {
        public var seeds: [UInt64]
        public var records: [ReplicateRecord]
        public var layout: SeriesLayout
    }

    /// Runs `replicates` replicates on `threads` workers and keeps every record (for tests
    /// and small studies; ``Study`` streams instead).
    public static func run(
        input: ModelInput, replicates: Int, masterSeed: UInt64, designPoint: Int = 0, threads: Int
    ) async throws(RunError) -> Result {
        let pool = WorkerPool(input: input, threads: threads)
        let batch = try await pool.run(
            0..<replicates, masterSeed: masterSeed, designPoint: designPoint, control: RunControl())
        return Result(seeds: batch.seeds, records: batch.records, layout: pool.layout)
    }
}

/// One simulator per worker, reused for every batch of a run.
final class WorkerPool: @unchecked Sendable {
    let simulators: [Simulator]
    let layout: SeriesLayout

    init(input: ModelInput, threads: Int) {
        simulators = (0..<Swift.max(1, threads)).map { _ in Simulator(input: input) }
        layout = simulators[0].layout
    }

    /// The records of a consecutive range of replicates.
    struct Batch: Sendable {
        /// Seeds and records of the longest completed prefix of the range (all of it unless
        /// the run was cancelled).
        var seeds: [UInt64]
        var records: [ReplicateRecord]

        /// Keeps the first `count` replicates.
        mutating func truncate(to count: Int) {
            seeds.removeSubrange(Swift.min(count, seeds.count)...)
            records.removeSubrange(Swift.min(count, records.count)...)
        }
    }

    /// Runs the replicates of `range`; worker w takes range.lowerBound + w, + w + K, …
    /// Workers stop starting replicates once `control` is cancelled; the batch then keeps
    /// only the replicates before the first one that did not run.
    func run(_ range: Range<Int>, masterSeed: UInt64, designPoint: Int, control: RunControl)
        async throws(RunError) -> Batch
    {
        let workers = Swift.min(simulators.count, range.count)
        let seeds = range.map {
            SeedDerivation.replicateSeed(master: masterSeed, designPoint: designPoint, replicate: $0)
        }
        let outputs = await withTaskGroup(of: WorkerOutput.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    self.work(worker, of: workers, seeds: seeds, first: range.lowerBound, control: control)
                }
            }
            var outputs: [WorkerOutput] = []
            for await output in group { outputs.append(output) }
            return outputs
        }
        if let failure = outputs.compactMap(\.failure).min(by: { $0.replicate < $1.replicate }) {
            throw RunError.model(replicate: failure.replicate, failure.error)
        }
        var slots = [ReplicateRecord?](repeating: nil, count: range.count)
        for output in outputs {
            for (offset, record) in output.records { slots[offset] = record }
        }
        let completed = slots.firstIndex(where: { $0 == nil }) ?? slots.count
        return Batch(seeds: Array(seeds[..<completed]), records: slots[..<completed].map { $0! })
    }

    private struct WorkerOutput: Sendable {
        var records: [(Int, ReplicateRecord)] = []
        var failure: (replicate: Int, error: ModelError)?
    }

    private func work(_ worker: Int, of workers: Int, seeds: [UInt64], first: Int, control: RunControl) -> WorkerOutput
    {
        let simulator = simulators[worker]
        var output = WorkerOutput()
        for offset in stride(from: worker, to: seeds.count, by: workers) {
            if control.isCancelled { break }
            var record = simulator.makeRecord()
            do {
                try simulator.run(replicateSeed: seeds[offset], into: &record)
            } catch {
                output.failure = (first + offset, error)
                return output
            }
            output.records.append((offset, record))
            control.replicateFinished()
        }
        return output
    }
}

/// Why a run failed.
public enum RunError: Error, Sendable, CustomStringConvertible {
    case model(replicate: Int, ModelError)
    case io(String)
    /// The run was interrupted before any replicate finished; nothing was written.
    case interruptedBeforeFirstReplicate(String)

    public var description: String {
        switch self {
        case let .model(replicate, error): return "replicate \(replicate): \(error)"
        case let .io(message): return message
        case let .interruptedBeforeFirstReplicate(reason):
            return "interrupted (\(reason)) before the first replicate finished; nothing was written"
        }
    }
}

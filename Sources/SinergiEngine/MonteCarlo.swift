import SinergiModel
import SinergiStats

/// Runs replicates of one model input in parallel, deterministically.
///
/// Replicate r of design point d is seeded from (master seed, d, r) alone
/// (``SeedDerivation``), and its record is stored at index r, so the results do not depend
/// on the number of workers or on the order in which replicates finish.
public enum MonteCarlo {
    /// The records of replicates `0 ..< replicates`, in replicate order.
    public struct Result: Sendable {
        public var seeds: [UInt64]
        public var records: [ReplicateRecord]
        public var layout: SeriesLayout
    }

    /// Runs `replicates` replicates on `threads` workers (each owns one ``Simulator``).
    /// Throws the model error of the lowest-numbered failing replicate.
    public static func run(
        input: ModelInput, replicates: Int, masterSeed: UInt64, designPoint: Int = 0, threads: Int
    ) async throws(RunError) -> Result {
        let workers = Swift.max(1, Swift.min(threads, replicates))
        let seeds = (0..<replicates).map {
            SeedDerivation.replicateSeed(master: masterSeed, designPoint: designPoint, replicate: $0)
        }
        let outcome = await withTaskGroup(of: WorkerOutput.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    runWorker(worker, of: workers, input: input, seeds: seeds)
                }
            }
            var outputs: [WorkerOutput] = []
            for await output in group { outputs.append(output) }
            return outputs
        }
        if let failure = outcome.compactMap(\.failure).min(by: { $0.replicate < $1.replicate }) {
            throw RunError.model(replicate: failure.replicate, failure.error)
        }
        let layout = SeriesLayout(input: input)
        var records = [ReplicateRecord?](repeating: nil, count: replicates)
        for output in outcome {
            for (replicate, record) in output.records { records[replicate] = record }
        }
        return Result(seeds: seeds, records: records.map { $0! }, layout: layout)
    }

    private struct WorkerOutput: Sendable {
        var records: [(Int, ReplicateRecord)] = []
        var failure: (replicate: Int, error: ModelError)?
    }

    /// Worker `worker` runs replicates worker, worker + workers, worker + 2·workers, …
    private static func runWorker(_ worker: Int, of workers: Int, input: ModelInput, seeds: [UInt64]) -> WorkerOutput {
        let simulator = Simulator(input: input)
        var output = WorkerOutput()
        for replicate in stride(from: worker, to: seeds.count, by: workers) {
            var record = simulator.makeRecord()
            do {
                try simulator.run(replicateSeed: seeds[replicate], into: &record)
            } catch {
                output.failure = (replicate, error)
                return output
            }
            output.records.append((replicate, record))
        }
        return output
    }
}

/// Why a run failed.
public enum RunError: Error, Sendable, CustomStringConvertible {
    case model(replicate: Int, ModelError)
    case io(String)

    public var description: String {
        switch self {
        case let .model(replicate, error): return "replicate \(replicate): \(error)"
        case let .io(message): return message
        }
    }
}

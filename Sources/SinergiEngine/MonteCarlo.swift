import SinergiModel
import SinergiStats

/// Runs replicates of one model input in parallel, deterministically.
///
/// Replicate r of design point d is seeded from (master seed, d, r) alone
/// (``ReplicateRunner/replicateSeed(masterSeed:designPoint:replicate:)``) and its record is
/// returned at its position, so the results do not depend on the number of workers or on
/// the order in which replicates finish.
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
        let runner = ReplicateRunner(input: input)
        let batch = try await WorkerPool(threads: threads).run(
            0..<replicates, arms: [runner], masterSeed: masterSeed, designPoint: designPoint, control: RunControl())
        return Result(seeds: batch.seeds, records: batch.records(arm: 0), layout: runner.layout)
    }
}

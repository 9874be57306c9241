import SinergiModel
import Synchronization

/// The workers of a study: one ``ReplicateWorkspace`` per thread, created once and reused
/// for every batch and every arm, so a study builds no simulator per arm and a worker's
/// buffers are allocated once.
///
/// A batch is a range of replicates × a set of arms (``ReplicateRunner``s, the compiled
/// inputs, shared read-only by every worker). Its (replicate, arm) pairs are taken in
/// replicate-major order, replicate r of every arm before replicate r + 1, each by the
/// next free worker, and each record is stored at its pair's position: the results do not
/// depend on the number of workers or on which worker runs what.
final class WorkerPool: @unchecked Sendable {
    private let workspaces: [ReplicateWorkspace]

    /// Workers for `threads` threads (at least one).
    init(threads: Int) {
        workspaces = (0..<Swift.max(1, threads)).map { _ in ReplicateWorkspace() }
    }

    var threads: Int { workspaces.count }

    /// Runs `replicates` of every arm, seeded with the replicate seeds of `designPoint`
    /// under `masterSeed` (the same seeds in every arm).
    ///
    /// Workers check `control` before they take a pair; once it is cancelled they take no
    /// more, every pair already taken runs to its end, and the batch keeps the longest
    /// prefix of replicates that every arm completed. A model error stops the batch the
    /// same way and is thrown for the first failing pair in replicate-major order, so the
    /// reported replicate does not depend on the thread count either.
    func run(
        _ replicates: Range<Int>, arms: [ReplicateRunner], masterSeed: UInt64, designPoint: Int,
        control: RunControl
    ) async throws(RunError) -> StudyBatch {
        let seeds = replicates.map {
            ReplicateRunner.replicateSeed(masterSeed: masterSeed, designPoint: designPoint, replicate: $0)
        }
        let pairs = seeds.count * arms.count
        let queue = PairQueue()
        let workers = Swift.min(workspaces.count, pairs)
        let outputs = await withTaskGroup(of: WorkerOutput.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    self.work(
                        self.workspaces[worker], arms: arms, seeds: seeds, pairs: pairs, queue: queue, control: control)
                }
            }
            var outputs: [WorkerOutput] = []
            for await output in group { outputs.append(output) }
            return outputs
        }
        if let failure = outputs.compactMap(\.failure).min(by: { $0.pair < $1.pair }) {
            throw RunError.model(replicate: replicates.lowerBound + failure.pair / arms.count, failure.error)
        }
        var slots = [ReplicateRecord?](repeating: nil, count: pairs)
        for output in outputs {
            for (pair, record) in output.records { slots[pair] = record }
        }
        let completedPairs = slots.firstIndex(where: { $0 == nil }) ?? pairs
        let completed = arms.isEmpty ? 0 : completedPairs / arms.count
        let records = arms.indices.map { a in (0..<completed).map { slots[$0 * arms.count + a]! } }
        return StudyBatch(
            replicates: replicates.lowerBound..<(replicates.lowerBound + completed),
            seeds: Array(seeds[..<completed]), recordsByArm: records)
    }

    /// What one worker ran: records by pair index, and its failure if it had one.
    private struct WorkerOutput: Sendable {
        var records: [(Int, ReplicateRecord)] = []
        var failure: (pair: Int, error: ModelError)?
    }

    /// Takes pairs until there are none left, the run is cancelled or a pair has failed.
    /// The flags are checked before a pair is taken, never after, so every pair taken runs
    /// and the pairs run form a prefix of the batch.
    private func work(
        _ workspace: ReplicateWorkspace, arms: [ReplicateRunner], seeds: [UInt64], pairs: Int, queue: PairQueue,
        control: RunControl
    ) -> WorkerOutput {
        var output = WorkerOutput()
        while !control.isCancelled && !queue.failed {
            let pair = queue.take()
            guard pair < pairs else { break }
            let runner = arms[pair % arms.count]
            var record = runner.makeRecord()
            do {
                try runner.run(replicateSeed: seeds[pair / arms.count], in: workspace, into: &record)
            } catch {
                output.failure = (pair, error)
                queue.fail()
                return output
            }
            output.records.append((pair, record))
            control.replicateFinished()
        }
        return output
    }
}

/// The next (replicate, arm) pair of a batch to run, and whether one has failed.
private final class PairQueue: Sendable {
    private let next = Atomic<Int>(0)
    private let failure = Atomic<Bool>(false)

    /// The index of a pair no other worker has taken.
    func take() -> Int { next.wrappingAdd(1, ordering: .relaxed).oldValue }

    var failed: Bool { failure.load(ordering: .relaxed) }
    func fail() { failure.store(true, ordering: .relaxed) }
}

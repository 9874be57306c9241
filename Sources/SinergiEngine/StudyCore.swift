import SinergiModel

/// The one study loop: runs a list of arms on common replicate seeds, batch after batch,
/// into a sink, until the stopping rule is met or the study is interrupted.
///
/// An arm is a compiled model input (``ReplicateRunner``): one for `sinergi run`, the
/// baseline and each package for `sinergi compare`, a chunk of design points for a sweep.
/// Replicate r has the same seed in every arm, that of replicate r of design point
/// ``seedPoint`` under the master seed (common random numbers), so arm differences are not
/// seed noise. A batch is a range of replicates × every arm (``WorkerPool``); its records
/// go to the sink in replicate order, cut to the prefix every arm completed, so the data
/// do not depend on the thread count and an interrupted study holds exactly the data of a
/// shorter one.
///
/// The stopping rule is checked only between batches, against the half-width the sink
/// reports; a cancelled ``RunControl`` ends the study at the first batch that it cut short,
/// or after the current batch, with reason ``StopReason/interrupted(by:replicates:)``.
///
/// The workers and their buffers belong to the core and are reused from one ``run(_:into:control:)``
/// to the next: a sweep keeps one core and runs its design points chunk by chunk, so no
/// simulator is built per arm and memory holds one batch of records at a time.
public struct StudyCore: Sendable {
    public let stopping: StoppingRule
    public let masterSeed: UInt64
    /// The design point whose replicate seeds every arm uses: 0, the seeds of `sinergi run`.
    public let seedPoint: Int
    private let pool: WorkerPool

    /// A core of `threads` workers (at least one).
    public init(stopping: StoppingRule, masterSeed: UInt64, seedPoint: Int = 0, threads: Int) {
        self.stopping = stopping
        self.masterSeed = masterSeed
        self.seedPoint = seedPoint
        pool = WorkerPool(threads: threads)
    }

    /// Worker threads.
    public var threads: Int { pool.threads }

    /// Replicates per batch when running `arms`: the precision target's batch, or for a
    /// fixed count ``RunRequest/fixedBatch(recordValues:arms:)`` (128, fewer when one batch
    /// of every arm's records would exceed the memory budget). It changes no result.
    public func batchSize(arms: [ReplicateRunner]) -> Int {
        stopping.batchSize(recordValues: arms.first?.layout.count ?? 0, arms: arms.count)
    }

    /// Runs `arms` until the stopping rule is met or `control` is cancelled, handing every
    /// batch to `sink`. The arms run on the replicate seeds of design point `seedPoint`
    /// (default: the core's ``seedPoint``).
    ///
    /// - Returns: how many replicates of every arm the sink received and why the study
    ///   stopped. Zero replicates is possible when the study was cancelled before the first
    ///   finished; the caller decides what that means.
    /// - Throws: ``RunError/model(replicate:_:)`` for the first failing replicate, or what
    ///   the sink throws.
    public func run(
        _ arms: [ReplicateRunner], into sink: some StudySink, control: RunControl, seedPoint: Int? = nil
    ) async throws(RunError) -> StudyEnd {
        let seedPoint = seedPoint ?? self.seedPoint
        let batch = batchSize(arms: arms)
        let maximum = stopping.maximumReplicates
        var done = 0
        var achieved: Double?
        func end(_ reason: StopReason) -> StudyEnd {
            StudyEnd(replicates: done, reason: reason, achievedHalfWidth: achieved, batch: batch)
        }
        func interrupted() -> StudyEnd {
            end(.interrupted(by: control.cancellationReason ?? "cancelled", replicates: done))
        }
        while true {
            let range = done..<Swift.min(maximum, done + batch)
            let completed = try await pool.run(
                range, arms: arms, masterSeed: masterSeed, designPoint: seedPoint, control: control)
            if completed.count > 0 { try sink.consume(completed) }
            done += completed.count
            if case .precision(let target) = stopping {
                achieved = sink.largestHalfWidth(target)
                control.report(halfWidth: achieved ?? .nan)
            }
            if completed.count < range.count { return interrupted() }
            if let reason = stopping.reasonToStop(done: done, achieved: achieved, measure: sink.precisionMeasure) {
                return end(reason)
            }
            if control.isCancelled { return interrupted() }
        }
    }
}

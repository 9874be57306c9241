import Synchronization

/// Shared between a running study and whoever watches it: a cancellation flag that an
/// interrupt sets, and counters a progress display reads. Thread-safe.
public final class RunControl: Sendable {
    private let cancelled = Atomic<Bool>(false)
    private let completedReplicates = Atomic<Int>(0)
    private let plannedReplicates = Atomic<Int>(0)
    private let halfWidthBits = Atomic<UInt64>(Double.nan.bitPattern)
    private let reason = Mutex<String?>(nil)
    private let stage = Mutex<String?>(nil)

    public init() {}

    /// Asks the run to stop: replicates not yet started are skipped, and the run is
    /// written with the replicates completed so far.
    public func cancel(reason: String = "cancelled") {
        self.reason.withLock { if $0 == nil { $0 = reason } }
        cancelled.store(true, ordering: .relaxed)
    }

    /// What cancelled the run, e.g. "SIGINT".
    public var cancellationReason: String? { reason.withLock { $0 } }

    /// Under a precision target: the largest 95% CI half-width after the last batch.
    public var currentHalfWidth: Double { Double(bitPattern: halfWidthBits.load(ordering: .relaxed)) }

    public var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    /// Replicates finished so far (in any order).
    public var completed: Int { completedReplicates.load(ordering: .relaxed) }

    /// The replicate count the run aims at: the fixed count, or the maximum under a
    /// precision target.
    public var planned: Int { plannedReplicates.load(ordering: .relaxed) }

    /// What the run is doing once its replicates are done, e.g. "writing timeseries.csv";
    /// nil while replicates run. Large scenarios spend seconds here.
    public var activity: String? { stage.withLock { $0 } }

    func replicateFinished() { completedReplicates.add(1, ordering: .relaxed) }
    func begin(_ activity: String) { stage.withLock { $0 = activity } }
    func plan(_ replicates: Int) { plannedReplicates.store(replicates, ordering: .relaxed) }
    func report(halfWidth: Double) { halfWidthBits.store(halfWidth.bitPattern, ordering: .relaxed) }
}

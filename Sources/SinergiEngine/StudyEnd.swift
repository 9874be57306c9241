/// How a run of the study core ended: the replicates every arm kept, why it stopped, and
/// what the manifest records about the stopping rule.
public struct StudyEnd: Sendable {
    /// Replicates of every arm handed to the sink (the contiguous prefix every arm completed).
    public var replicates: Int
    public var reason: StopReason
    /// Under a precision target: the largest half-width of the sink's measure over the
    /// targeted scope after the last batch (nil while undefined, or without a target).
    public var achievedHalfWidth: Double?
    /// Replicates per batch.
    public var batch: Int

    public var status: StudyStatus { reason.status }

    /// What cancelled the study (e.g. "SIGINT") when it was interrupted.
    public var interruptedBy: String? {
        if case .interrupted(let by, _) = reason { return by }
        return nil
    }
}

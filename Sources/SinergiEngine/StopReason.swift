/// Why a study stopped adding replicates. Its ``description`` is the sentence
/// manifest.json's `stopping.reason` holds and `sinergi run` prints after "Stopped:".
public enum StopReason: Sendable, Equatable, CustomStringConvertible {
    /// A fixed-count study ran every replicate it was asked for.
    case requestedReplicatesDone(Int)
    /// Under a precision target: after `replicates` replicates (at least the minimum) the
    /// largest `measure` was `achieved`, at most `target`.
    case precisionReached(measure: PrecisionMeasure, achieved: Double, target: Double, replicates: Int)
    /// Under a precision target: the maximum number of replicates was reached first.
    case maximumReached(Int)
    /// The study was cancelled (by `by`, e.g. "SIGINT") and keeps `replicates` replicates.
    case interrupted(by: String, replicates: Int)

    /// The status the manifest records for this reason.
    public var status: StudyStatus {
        if case .interrupted = self { return .interrupted }
        return .complete
    }

    public var description: String {
        switch self {
        case .requestedReplicatesDone(let count):
            return "the requested \(count) replicates are done"
        case let .precisionReached(measure, achieved, target, replicates):
            return "precision reached: \(measure.rawValue) \(achieved) <= \(target) after \(replicates) replicates"
        case .maximumReached(let maximum):
            return "maximum of \(maximum) replicates reached before the precision target"
        case let .interrupted(by, replicates):
            return "interrupted (\(by)) after \(replicates) replicates"
        }
    }
}

import SinergiModel

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

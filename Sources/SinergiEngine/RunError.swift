import SinergiModel

/// Why a run failed.
public enum RunError: Error, Sendable, CustomStringConvertible {
    case model(replicate: Int, ModelError)
    case io(String)
    /// The run was interrupted before any replicate finished; nothing was written.
    case interruptedBeforeFirstReplicate(String)
    /// The folder asked for by name (`--name`) exists already; nothing was run or written.
    case folderTaken(String)

    public var description: String {
        switch self {
        case let .model(replicate, error): return "replicate \(replicate): \(error)"
        case let .io(message): return message
        case let .interruptedBeforeFirstReplicate(reason):
            return "interrupted (\(reason)) before the first replicate finished; nothing was written"
        case let .folderTaken(path):
            return "\(path) exists already; choose another --name or remove it; nothing was run or written"
        }
    }
}

/// Why the classroom refused what was asked of it, in the classroom's own terms. A refused
/// request changes nothing.
///
/// The server turns the three cases into the statuses of docs/classroom-api.md (400, 404,
/// 409) and adds an example of what to ask instead; the core knows nothing of HTTP.
public enum ClassroomError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was asked is malformed or out of range: an unknown lever or construct, a count,
    /// index or name out of bounds, settings the model cannot start from, a scenario too
    /// big for a live class.
    case badRequest(String)
    /// What was asked names something the session does not have: a player token.
    case notFound(String)
    /// What was asked conflicts with the session's state: the run has finished, a stance
    /// for another month, a session that takes no more players.
    case conflict(String)

    /// What is wrong, in one sentence.
    public var message: String {
        switch self {
        case .badRequest(let message), .notFound(let message), .conflict(let message): return message
        }
    }

    public var description: String { message }
}

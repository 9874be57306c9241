/// Why the classroom refused what was asked of it, in the classroom's own terms. A refused
/// request changes nothing.
///
/// The server turns the three cases into the statuses of docs/classroom-api.md (400, 404,
/// 409) and adds an example of what to ask instead; the core knows nothing of HTTP.
public enum ClassroomError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was asked is malformed or out of range: an unknown lever or construct, a count,
    /// index or name out of bounds, settings the model cannot start from, a scenario too
    /// big for a live class.
    case badRequest(Reason)
    /// What was asked names something the session does not have: a player token.
    case notFound(Reason)
    /// What was asked conflicts with the session's state: the run has finished, a stance
    /// for another month, a session that takes no more players.
    case conflict(Reason)

    /// A refusal in one English sentence and, for the refusals the classroom pages show, a
    /// stable ``Code`` with the values the sentence names, so a page can say it in the
    /// reader's language (docs/classroom-api.md, Conventions).
    public struct Reason: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
        public var message: String
        public var code: Code?
        /// The values the message names, by the placeholder names of the pages' catalogues.
        public var parameters: [String: String]

        public init(_ code: Code, _ parameters: [String: String] = [:], message: String) {
            self.message = message
            self.code = code
            self.parameters = parameters
        }

        /// A refusal with no code of its own: the pages show its English message.
        public init(_ message: String) {
            self.message = message
            self.code = nil
            self.parameters = [:]
        }

        public init(stringLiteral value: String) { self.init(value) }

        public init(stringInterpolation: DefaultStringInterpolation) {
            self.init(String(stringInterpolation: stringInterpolation))
        }

        public var description: String { message }
    }

    /// The refusals a student or lecturer meets in class, each translated by the pages'
    /// catalogues (Sources/SinergiServe/Assets/i18n.js, key `error.CODE`).
    public enum Code: String, Sendable, CaseIterable {
        /// The run is at its horizon: no more months or lever changes (`months`).
        case runFinished = "run_finished"
        /// The run is at its horizon: no more stances (`months`).
        case stancesFinished = "stances_finished"
        /// The session was set up without participation (`session`).
        case participationOff = "participation_off"
        /// The session has the most players it takes (`session`, `maximum`).
        case playersFull = "players_full"
        /// A player's name is empty or longer than 40 characters (`count`).
        case nameLength = "name_length"
        /// A player's name contains control characters.
        case nameControl = "name_control"
        /// A stance for a month that is over (`month`, `current`).
        case monthOver = "month_over"
        /// A stance for a month that has not started (`month`, `current`).
        case monthNotStarted = "month_not_started"
        /// A stance with a token the session does not know (`session`).
        case playerNotFound = "player_not_found"
    }

    /// The reason, whichever the case.
    public var reason: Reason {
        switch self {
        case .badRequest(let reason), .notFound(let reason), .conflict(let reason): return reason
        }
    }

    /// What is wrong, in one sentence.
    public var message: String { reason.message }

    /// The stable code of the refusal, when the pages translate it.
    public var code: Code? { reason.code }

    public var description: String { message }
}

/// A student playing one agency of a session (several players of one agency form a team).
/// Their token is not part of it: only the student holds it.
public struct Player: Sendable, Equatable {
    /// Index of the government in the scenario.
    public var government: Int
    /// Index of the agency in its government.
    public var agency: Int
    /// The name the student gave, trimmed, 1–40 characters.
    public var name: String
    /// The stance chosen for the current month; nil when none yet.
    public var stance: Stance?
}

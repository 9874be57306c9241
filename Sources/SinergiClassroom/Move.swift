/// One move of a session's run: a lever the lecturer switched, or an item of a student's
/// stance that acted when the month was stepped (docs/classroom-api.md, Session export).
public struct Move: Sendable, Equatable {
    /// The month the move acts in (months simulated before it).
    public var month: Int
    /// The student's name; nil for the lecturer.
    public var player: String?
    /// Government and agency indices of the student's agency; nil for a lever, which acts
    /// on every government.
    public var government: Int?
    public var agency: Int?
    /// `lever:KEY` (the scenario-file name of the lever), or a stance item: `shareData`,
    /// `training`, `commitBudget`.
    public var what: String
    /// A lever's intensity in [0, 1], or nil when it was switched off; for a stance item,
    /// 1 for yes (share, train, commit) and 0 for no.
    public var value: Double?

    public init(month: Int, player: String?, government: Int?, agency: Int?, what: String, value: Double?) {
        self.month = month
        self.player = player
        self.government = government
        self.agency = agency
        self.what = what
        self.value = value
    }
}

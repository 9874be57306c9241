import SinergiModel

/// One month of a session's live run as the class sees it (month 0 is the initial state):
/// the model's state after the month, its calendar date, and which agencies' players acted
/// in it. Values are the engine's, unrounded.
public struct Frame: Sendable, Equatable {
    /// Every government after ``month`` months.
    public var snapshot: LiveSnapshot
    /// The scenario's start plus ``month`` months.
    public var date: CalendarMonth
    /// By government and agency: whether a stance of the agency's players acted in the month
    /// that led to this frame (all false in frame 0).
    public var played: [[Bool]]

    public init(snapshot: LiveSnapshot, date: CalendarMonth, played: [[Bool]]) {
        self.snapshot = snapshot
        self.date = date
        self.played = played
    }

    /// Months simulated.
    public var month: Int { snapshot.month }
    public var governments: [GovernmentSnapshot] { snapshot.governments }
}

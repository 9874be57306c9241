/// Why a ``ScenarioPath`` leads nowhere in a scenario: the step where it stops and what the
/// format or the file would have accepted there.
struct PathFailure {
    enum Problem {
        /// A key the format does not allow here; the keys it allows.
        case unknownKey([String])
        /// A name (a key of `templates` or `policies`, or `[Name]` in a list) the file does
        /// not hold here; the names it holds.
        case unknownName([String])
        /// `[i]` past the end of a list of `count` entries.
        case index(count: Int)
        /// `[*]` on a list with no entries.
        case noEntries
        /// A key after a list, which needs `[…]` first.
        case needsSelector
        /// `[…]` after something that is not a list.
        case notAList
        /// A key below a single value.
        case intoValue
        /// The file holds something other than the mapping the format expects (only after
        /// an earlier override replaced it).
        case notAMapping
    }

    /// The index of the step that could not be taken.
    var step: Int
    var problem: Problem
}

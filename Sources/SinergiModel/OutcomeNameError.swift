/// A name given for an outcome that is not one, or not one the option takes. The text is
/// the same wherever an outcome is named (`run --metric`, `compare --metric`,
/// `compare --rank-by`).
public enum OutcomeNameError: Error, Equatable, CustomStringConvertible {
    /// No outcome has this name or alias; `suggestion` is the closest name or alias, if one
    /// is close enough to be a slip.
    case unknown(String, suggestion: String?)
    /// The outcome exists but the option takes only `allowed`.
    case notAllowed(Outcome, allowed: [Outcome])

    /// Aliases shown when an unknown name has no close match.
    static let examples = ["spbe", "gain", "baik", "adoption", "trust", "commitment", "integrated", "launch"]

    public var description: String {
        switch self {
        case .unknown(let name, let suggestion?):
            return "unknown outcome '\(name)'; did you mean '\(suggestion)'?"
        case .unknown(let name, nil):
            return "unknown outcome '\(name)'; use an outcome such as \(Self.examples.joined(separator: ", ")) "
                + "or a column of summary.csv (docs/cli.md lists them all)"
        case .notAllowed(let outcome, let allowed):
            // The shortest name of each: its first alias, else its column name.
            var names = allowed.map { $0.aliases.first ?? $0.name }
            let last = names.popLast() ?? "none"
            let list = names.isEmpty ? last : names.joined(separator: ", ") + " or " + last
            return "outcome '\(outcome.name)' (\(outcome.label)) is not one this option takes; use \(list) "
                + "(or their column names)"
        }
    }
}

/// Finding an outcome by the name a person typed.
extension Outcome {
    /// The outcome called `name` (its column name or an alias, e.g. "spbe" for final_spbe),
    /// which must be one of `allowed`.
    ///
    /// - Throws: ``OutcomeNameError``: an unknown name, with a suggestion when one is close
    ///   (the same text for every option that takes an outcome), or an outcome that is not
    ///   one of `allowed`, with the list of those that are.
    public static func named(_ name: String, among allowed: [Outcome] = all) throws(OutcomeNameError) -> Outcome {
        guard let outcome = all.first(where: { $0.names.contains(name) }) else {
            throw .unknown(name, suggestion: Suggestion.closest(to: name, among: allNames))
        }
        guard allowed.contains(outcome) else { throw .notAllowed(outcome, allowed: allowed) }
        return outcome
    }

    /// Every name and alias, outcome by outcome, name first.
    public static var allNames: [String] { all.flatMap(\.names) }
}

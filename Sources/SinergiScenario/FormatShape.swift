/// The shape of a scenario file as the reader accepts it: which keys each mapping may hold,
/// which values are lists of entries, and which mappings are keyed by names the author
/// chooses. `--set` paths are checked against it, so a key that the format allows but a file
/// does not write can still be set, and a misspelt key is caught whatever the file holds.
///
/// Built from the same key tables the reader checks against (``ScenarioReader``,
/// ``GovernmentFields``, ``AgencyFields``, ``InitiativeFields``, ``InterventionFields``,
/// ``ParameterTable``), so the two cannot drift apart.
indirect enum FormatShape: Sendable {
    /// One value, set whole: a number, a distribution, a word or a list of names.
    case value
    /// A mapping with a fixed set of keys, in documentation order.
    case keys([(key: String, shape: FormatShape)])
    /// A mapping whose keys are names the author chose (templates, policy packages).
    case names(FormatShape)
    /// A list of entries. `inherited` names the list of a template that the entries extend
    /// (a government's `agencies` and `initiatives`).
    case list(FormatShape, inherited: String?)

    /// The shape of a key of a `.keys` mapping.
    func shape(of key: String) -> FormatShape? {
        guard case .keys(let keys) = self else { return nil }
        return keys.first { $0.key == key }?.shape
    }

    /// The keys of a `.keys` mapping; empty for other shapes.
    var keyNames: [String] {
        guard case .keys(let keys) = self else { return [] }
        return keys.map(\.key)
    }
}

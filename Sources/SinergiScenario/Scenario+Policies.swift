import SinergiModel

extension Scenario {
    /// The packages called `names`, in the order given; all packages when `names` is nil.
    ///
    /// - Throws: ``PolicySelectionError`` when the scenario has no packages, a name is not
    ///   one of them (with a did-you-mean suggestion), or a name is repeated.
    public func policies(named names: [String]?) throws(PolicySelectionError) -> [PolicyPackage] {
        guard !policies.isEmpty else { throw .noPolicies(path: path) }
        guard let names else { return policies }
        var chosen: [PolicyPackage] = []
        for name in names {
            guard let package = policies.first(where: { $0.name == name }) else {
                throw .unknown(
                    name,
                    hint: Suggestion.hint(
                        for: name, among: policies.map(\.name),
                        listing: "the scenario's packages are"))
            }
            if chosen.contains(package) { throw .repeated(name) }
            chosen.append(package)
        }
        return chosen
    }
}

/// Why a selection of policy packages is not valid.
public enum PolicySelectionError: Error, Sendable, Equatable, CustomStringConvertible {
    case noPolicies(path: String)
    case unknown(String, hint: String)
    case repeated(String)

    public var description: String {
        switch self {
        case let .noPolicies(path):
            return "\(path) has no policy packages to compare; add a 'policies:' block (docs/scenario-format.md)"
        case let .unknown(name, hint): return "no policy package '\(name)'\(hint)"
        case let .repeated(name): return "policy package '\(name)' is named twice"
        }
    }
}

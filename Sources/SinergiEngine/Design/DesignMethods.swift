import SinergiModel
import SinergiScenario

/// Every design method, by name: the one list a new method is added to.
public enum DesignMethods {
    public static let all: [any DesignMethod.Type] = [
        GridDesign.self, LatinHypercubeDesign.self, SobolDesign.self, MorrisDesign.self, CSVDesign.self,
    ]

    /// The method `--design` names: `grid`, `lhs`, `sobol`, `morris` or `csv:FILE`.
    ///
    /// - Throws: ``DesignError/design(_:problem:)`` for an unknown name, or the method's own
    ///   error when a setting is missing or out of range.
    public static func method(_ text: String, settings: DesignSettings) throws(DesignError) -> any DesignMethod {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0])
        let argument = parts.count > 1 ? String(parts[1]) : nil
        guard let method = all.first(where: { $0.name == name }) else {
            let names = all.map { $0.name }
            throw .design(
                text,
                problem: "unknown design '\(name)'" + Suggestion.hint(for: name, among: names, listing: "designs are"))
        }
        return try method.init(argument: argument, settings: settings)
    }
}

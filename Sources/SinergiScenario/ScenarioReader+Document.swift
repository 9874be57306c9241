import Foundation
import SinergiModel
import SinergiStats
import Yams

extension ScenarioReader {
    /// The top-level keys, in the order the documentation and the resolved YAML use.
    static let topLevelKeys = [
        "sinergi", "name", "description", "start", "months", "seed", "replicates", "rng", "citizens",
        "defaults", "parameters", "templates", "governments", "interventions", "policies",
    ]
    /// The keys of `start`.
    static let startKeys = ["year", "month"]
    /// The only format version this build reads.
    static let formatVersion = 1

    /// Reads a whole scenario; nil when anything was reported.
    func readDocument(_ root: Node) -> ScenarioDocument? {
        guard case .mapping = root else {
            error(
                "a scenario must be a mapping of keys such as 'sinergi', 'name' and 'governments', got \(root.kindForMessage)",
                at: root)
            return nil
        }
        guard let top = mapping(root, subject: "the scenario", allowed: Self.topLevelKeys) else { return nil }
        var document = ScenarioDocument(name: "")

        if let node = top["sinergi"] {
            readVersion(node)
        } else {
            missing("sinergi", in: top, "(the format version; write 'sinergi: \(Self.formatVersion)')")
        }
        if let node = top["name"] {
            document.name = text(node, key: "name") ?? ""
        } else {
            missing("name", in: top, "(the scenario's name, e.g. name: Jambi Province 2018)")
        }
        if let node = top["description"] { document.description = text(node, key: "description") }
        if let node = top["start"] { readStart(node, into: &document) }
        if let node = top["months"] {
            document.months = integer(node, key: "months", range: .closed(1, 1200)) ?? document.months
        }
        if let node = top["seed"] { document.seed = readSeed(node) ?? document.seed }
        if let node = top["replicates"] {
            document.replicates = integer(node, key: "replicates", range: .atLeast(1)) ?? document.replicates
        }
        if let node = top["rng"],
            let word = keyword(
                node, key: "rng", options: RandomAlgorithm.allCases.map(\.rawValue), noun: "rng algorithm"),
            let algorithm = RandomAlgorithm(rawValue: word)
        {
            document.algorithm = algorithm
        }
        if let node = top["citizens"] { document.citizens = readCitizens(node) ?? document.citizens }
        if let node = top["parameters"] { document.parameters = readParameters(node) }

        let defaults = top["defaults"].map(readDefaults) ?? DefaultFields()
        let templates = top["templates"].map(readTemplates) ?? []
        if let node = top["governments"] {
            document.governments = readGovernments(node, defaults: defaults, templates: templates)
        } else {
            missing("governments", in: top, "(a list of at least one government)")
        }
        if let node = top["interventions"] {
            document.interventions = readInterventions(
                node, key: "interventions", policy: nil, governments: document.governments)
        }
        if let node = top["policies"] { document.policies = readPolicies(node, governments: document.governments) }

        return log.isEmpty ? document : nil
    }

    private func readVersion(_ node: Node) {
        guard case .number(_, let text)? = node.scalarValue, ScalarValue.isIntegerLiteral(text) else {
            error("'sinergi': expected the format version \(Self.formatVersion), got \(node.kindForMessage)", at: node)
            return
        }
        if Int(text) != Self.formatVersion {
            error(
                "'sinergi': format version \(text) is not supported; this version of Sinergi reads format \(Self.formatVersion)",
                at: node)
        }
    }

    private func readStart(_ node: Node, into document: inout ScenarioDocument) {
        guard
            let start = mapping(
                node, subject: "start", allowed: Self.startKeys, expected: "a mapping such as {year: 2018, month: 1}"
            )
        else { return }
        if let node = start["year"] {
            document.startYear = integer(node, key: "year", range: .closed(1, 9999)) ?? document.startYear
        }
        if let node = start["month"] {
            document.startMonth = integer(node, key: "month", range: .closed(1, 12)) ?? document.startMonth
        }
    }

    /// A 64-bit unsigned seed.
    private func readSeed(_ node: Node) -> UInt64? {
        guard case .number(_, let text)? = node.scalarValue else {
            error("'seed': expected an integer, got \(node.kindForMessage)", at: node)
            return nil
        }
        let digits = text.hasPrefix("+") ? String(text.dropFirst()) : text
        guard ScalarValue.isIntegerLiteral(text), !text.hasPrefix("-") else {
            error("'seed' must be an integer ≥ 0, got \(text)", at: node)
            return nil
        }
        guard let seed = UInt64(digits) else {
            error("'seed' must be at most \(UInt64.max), got \(text)", at: node)
            return nil
        }
        return seed
    }

    /// `parameters: {group: {key: value}}`, overriding ``ModelParameters``.
    private func readParameters(_ node: Node) -> ModelParameters {
        var parameters = ModelParameters()
        guard
            let groups = mapping(
                node, subject: "parameters", allowed: ParameterTable.groups,
                expected: "a mapping such as {trust: {build: 0.08}}")
        else { return parameters }
        for (group, groupNode) in groups.entries {
            let entries = ParameterTable.entries(in: group.value)
            guard
                let values = mapping(
                    groupNode, subject: "parameters.\(group.value)", allowed: entries.map(\.key),
                    expected: "a mapping such as {\(entries[0].key): …}")
            else { continue }
            for (key, valueNode) in values.entries {
                guard let entry = entries.first(where: { $0.key == key.value }) else { continue }
                switch entry.kind {
                case .real(let range, let path):
                    if let value = number(valueNode, key: entry.path, range: range) {
                        parameters[keyPath: path] = value
                    }
                case .integer(let range, let path):
                    if let value = integer(valueNode, key: entry.path, range: range) {
                        parameters[keyPath: path] = value
                    }
                }
            }
            if group.value == "motivation" {
                checkShares(values, parameters.motivation)
            }
        }
        return parameters
    }

    /// The three motivation shares are the probabilities of one draw: they must sum to 1.
    private func checkShares(_ values: MappingFields, _ motivation: ModelParameters.Motivation) {
        let keys = ["prosocialShare", "conditionalShare", "selfishShare"]
        guard keys.contains(where: values.has) else { return }
        let shares = [motivation.prosocialShare, motivation.conditionalShare, motivation.selfishShare]
        let sum = shares.reduce(0, +)
        guard abs(sum - 1) > ParameterTable.shareTolerance else { return }
        let terms = zip(keys, shares).map { "\($0) \(formatNumber($1))" }.joined(separator: " + ")
        error(
            "motivation shares must sum to 1, got \(terms) = \(String(format: "%.10g", sum))",
            at: values.location)
    }

    /// `policies: {NAME: [intervention, ...]}`, in file order.
    private func readPolicies(
        _ node: Node, governments: [ResolvedGovernment]
    ) -> [(name: String, interventions: [ResolvedIntervention])] {
        guard case .mapping(let mapping) = node else {
            error(
                "'policies': expected a mapping of package names to lists of interventions, got \(node.kindForMessage)",
                at: node)
            return []
        }
        var result: [(name: String, interventions: [ResolvedIntervention])] = []
        for (keyNode, value) in mapping {
            guard let name = text(keyNode, key: "policies") else { continue }
            let interventions = readInterventions(value, key: name, policy: name, governments: governments)
            result.append((name, interventions))
        }
        return result
    }
}

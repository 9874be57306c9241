import SinergiModel
import SinergiStats
import Yams

/// How a key of a government, agency or initiative is written and checked.
enum FieldKind {
    /// A number or a distribution whose values must lie in the range.
    case value(ClosedRange<Double>)
    case number(NumberRange)
    case flag
    case keyword([String], noun: String)
    case text
    /// A CES exponent: a keyword (weakestLink, geometric, mean, bestShot) or a number.
    case integration
}

struct FieldSpec {
    let key: String
    let kind: FieldKind
}

/// A checked value of one key.
enum FieldValue: Equatable {
    case distribution(Distribution)
    case number(Double)
    case flag(Bool)
    case keyword(String)
    case text(String)
}

struct Field {
    var value: FieldValue
    var location: SourceLocation
}

/// The checked keys of one entry (or of a `defaults` block), by key. Layers merge by
/// overlay: model default < `defaults.*` < template entry < the entry itself.
typealias FieldSet = [String: Field]

extension Dictionary where Key == String, Value == Field {
    /// `self` with `top`'s keys written over it.
    func overlaid(with top: FieldSet) -> FieldSet {
        merging(top) { _, new in new }
    }

    func text(_ key: String) -> String? {
        if case .text(let value)? = self[key]?.value { return value }
        return nil
    }
}

/// The keys of a government (MODEL.md §1, government table).
enum GovernmentFields {
    /// Value keys and the variable each sets, in documentation order.
    static let values: [(key: String, path: WritableKeyPath<GovernmentSpec, Distribution> & Sendable)] = [
        ("politicalWill", \.politicalWill),
        ("champion", \.champion),
        ("design", \.design),
        ("mediation", \.mediation),
        ("mandate", \.mandate),
        ("understanding", \.understanding),
        ("internet", \.internetAccess),
        ("internetCeiling", \.internetCeiling),
        ("internetGrowth", \.internetGrowth),
        ("readiness", \.readiness),
    ]
    static let kinds = ["province", "regency", "city", "ministry", "other"]
    static let prehistories = Prehistory.allCases.map(\.rawValue)

    /// Keys `defaults.government` may set.
    static let defaultable: [FieldSpec] =
        [FieldSpec(key: "prehistory", kind: .keyword(prehistories, noun: "prehistory"))]
        + values.map { FieldSpec(key: $0.key, kind: .value(0...1)) }

    /// Keys of a government entry other than its lists.
    static let entry: [FieldSpec] =
        [
            FieldSpec(key: "name", kind: .text),
            FieldSpec(key: "kind", kind: .keyword(kinds, noun: "government kind")),
            FieldSpec(key: "template", kind: .text),
            FieldSpec(key: "initialSpbe", kind: .number(.closed(1, 5))),
        ] + defaultable

    /// Keys holding lists of entries.
    static let lists = ["agencies", "initiatives"]

    /// Sets the spec's values from checked fields.
    static func apply(_ fields: FieldSet, to spec: inout GovernmentSpec) {
        for (key, path) in values {
            if case .distribution(let value)? = fields[key]?.value { spec[keyPath: path] = value }
        }
        if case .keyword(let word)? = fields["prehistory"]?.value, let prehistory = Prehistory(rawValue: word) {
            spec.prehistory = prehistory
        }
        if case .number(let index)? = fields["initialSpbe"]?.value { spec.initialSpbe = index }
    }
}

/// The keys of an agency (MODEL.md §1, agency table).
enum AgencyFields {
    static let values:
        [(key: String, path: WritableKeyPath<AgencySpec, Distribution> & Sendable, range: ClosedRange<Double>)] = [
            ("ego", \.ego, 0...1),
            ("headCommitment", \.headCommitment, 0...1),
            ("budget", \.budget, 0...1.5),
            ("hr", \.hr, 0...1),
            ("culture", \.culture, 0...1),
            ("legacyLockIn", \.legacyLockIn, 0...1),
            ("maturity", \.maturity, 1...5),
        ]
    static let motivations = Motivation.allCases.map(\.name)

    static let defaultable: [FieldSpec] =
        values.map { FieldSpec(key: $0.key, kind: .value($0.range)) } + [
            FieldSpec(key: "trust", kind: .value(0...1)),
            FieldSpec(key: "motivation", kind: .keyword(motivations, noun: "motivation")),
        ]

    static let entry: [FieldSpec] =
        [
            FieldSpec(key: "name", kind: .text),
            FieldSpec(key: "sector", kind: .text),
        ] + defaultable

    static func apply(_ fields: FieldSet, to spec: inout AgencySpec) {
        for (key, path, _) in values {
            if case .distribution(let value)? = fields[key]?.value { spec[keyPath: path] = value }
        }
        if case .distribution(let trust)? = fields["trust"]?.value { spec.trust = trust }
        if case .keyword(let word)? = fields["motivation"]?.value {
            spec.motivation = Motivation.allCases.first { $0.name == word }
        }
    }
}

/// The keys of an initiative (MODEL.md §1, initiatives).
enum InitiativeFields {
    /// The integration keywords and the CES exponent ρ each stands for.
    static let integrationKeywords: [(word: String, rho: Double)] = [
        ("weakestLink", -.infinity), ("geometric", 0), ("mean", 1), ("bestShot", .infinity),
    ]

    static let defaultable: [FieldSpec] = [
        FieldSpec(key: "citizenFacing", kind: .flag),
        FieldSpec(key: "displacesLegacy", kind: .flag),
        FieldSpec(key: "rate", kind: .number(.openClosed(0, 1))),
        FieldSpec(key: "integration", kind: .integration),
        FieldSpec(key: "launchThreshold", kind: .number(.open(0, 1))),
    ]

    static let entry: [FieldSpec] = [FieldSpec(key: "name", kind: .text)] + defaultable

    static let lists = ["partners"]

    static func apply(_ fields: FieldSet, to spec: inout InitiativeSpec) {
        if case .flag(let value)? = fields["citizenFacing"]?.value { spec.citizenFacing = value }
        if case .flag(let value)? = fields["displacesLegacy"]?.value { spec.displacesLegacy = value }
        if case .number(let value)? = fields["rate"]?.value { spec.rate = value }
        if case .number(let value)? = fields["integration"]?.value { spec.integration = value }
        if case .number(let value)? = fields["launchThreshold"]?.value { spec.launchThreshold = value }
    }

    /// The YAML for ρ: a keyword at the four named rules, else the number.
    static func yaml(integration rho: Double) -> String {
        integrationKeywords.first { $0.rho == rho }?.word ?? yamlNumber(rho)
    }
}

extension ScenarioReader {
    /// Checks the keys of one entry. Keys in `schema` are read into the field set; keys in
    /// `lists` are left for the caller in the returned mapping.
    func fields(
        _ node: Node, subject: String, schema: [FieldSpec], lists: [String] = [], expected: String,
        isEntry: Bool = false
    ) -> (fields: FieldSet, mapping: MappingFields)? {
        guard
            let mapping = mapping(
                node, subject: subject, allowed: schema.map(\.key) + lists, expected: expected, isEntry: isEntry)
        else { return nil }
        var result: FieldSet = [:]
        for (key, valueNode) in mapping.entries {
            guard let spec = schema.first(where: { $0.key == key.value }) else { continue }
            if let value = fieldValue(valueNode, spec: spec) {
                result[key.value] = Field(value: value, location: valueNode.location)
            }
        }
        return (result, mapping)
    }

    private func fieldValue(_ node: Node, spec: FieldSpec) -> FieldValue? {
        switch spec.kind {
        case .value(let range):
            return value(node, key: spec.key, range: range).map(FieldValue.distribution)
        case .number(let range):
            return number(node, key: spec.key, range: range).map(FieldValue.number)
        case .flag:
            return flag(node, key: spec.key).map(FieldValue.flag)
        case .keyword(let options, let noun):
            return keyword(node, key: spec.key, options: options, noun: noun).map(FieldValue.keyword)
        case .text:
            return text(node, key: spec.key).map(FieldValue.text)
        case .integration:
            return integration(node).map(FieldValue.number)
        }
    }

    /// `integration`: a rule's name or the CES exponent ρ as a finite number.
    private func integration(_ node: Node) -> Double? {
        let words = InitiativeFields.integrationKeywords.map(\.word)
        switch node.scalarValue {
        case .number(let rho, let text)?:
            guard rho.isFinite else {
                error(
                    "'integration' must be a finite number or one of \(words.joined(separator: ", ")), got \(text)",
                    at: node)
                return nil
            }
            return rho
        case .string(let word)?:
            if let match = InitiativeFields.integrationKeywords.first(where: { $0.word == word }) {
                return match.rho
            }
            error(
                "unknown integration rule '\(word)'"
                    + Suggestion.hint(for: word, among: words, listing: "use a number or one of"),
                at: node)
            return nil
        default:
            error(
                "'integration': expected a number or one of \(words.joined(separator: ", ")), got \(node.kindForMessage)",
                at: node)
            return nil
        }
    }
}

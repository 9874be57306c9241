import SinergiModel
import Yams

/// An intervention's target as written, with `governments` made explicit, so that the
/// resolved YAML selects exactly the same governments and agencies.
struct TargetFilter: Equatable {
    var governments: [String]
    var agencies: [String]?
    var sectors: [String]?
}

/// One intervention entry: the model's intervention and the filter it was resolved from.
struct ResolvedIntervention {
    var intervention: Intervention
    var filter: TargetFilter
}

/// The keys of an intervention entry (MODEL.md §4).
enum InterventionFields {
    static let keys = ["lever", "target", "start", "duration", "intensity", "costPerMonth", "oneOffCost"]
    /// Costs are summed over months (at most 1,200), targets and interventions, then squared
    /// for their spread across replicates: at most 10¹² cost units each keeps every such sum
    /// finite (10³⁰⁸ per month made a package's cost infinite).
    static let maximumCost = 1e12
    static let targetKeys = ["governments", "agencies", "sectors"]
    static let levers = Lever.allCases.map(\.rawValue)
}

extension ScenarioReader {
    /// A cost: a number in [0, ``InterventionFields/maximumCost``].
    func cost(_ node: Node, key: String) -> Double? {
        guard let value = number(node, key: key, range: .atLeast(0)) else { return nil }
        guard value <= InterventionFields.maximumCost else {
            error(
                "'\(key)' must be at most 1e12 cost units (larger costs overflow their sums), got \(node.string ?? "\(value)")",
                at: node)
            return nil
        }
        return value
    }

    /// A list of interventions (`interventions:` or one policy package).
    func readInterventions(
        _ node: Node, key: String, policy: String?, governments: [ResolvedGovernment]
    ) -> [ResolvedIntervention] {
        guard let items = list(node, key: key, expected: "a list of interventions") else { return [] }
        if policy != nil, items.isEmpty {
            error("policy '\(key)' must list at least one intervention", at: node)
        }
        return items.compactMap { readIntervention($0, policy: policy, governments: governments) }
    }

    private func readIntervention(
        _ node: Node, policy: String?, governments: [ResolvedGovernment]
    ) -> ResolvedIntervention? {
        guard
            let fields = mapping(
                node, subject: "intervention", allowed: InterventionFields.keys,
                expected: "an intervention, a mapping such as {lever: training, intensity: 0.5}", isEntry: true)
        else { return nil }
        var valid = true
        func require<T>(_ value: T?) -> T? {
            if value == nil { valid = false }
            return value
        }

        var lever: Lever?
        if let node = fields["lever"] {
            lever = require(
                keyword(node, key: "lever", options: InterventionFields.levers, noun: "lever")
                    .flatMap(Lever.init(rawValue:)))
        } else {
            missing(
                "lever", in: fields, "in intervention (one of \(InterventionFields.levers.joined(separator: ", ")))")
            valid = false
        }
        var intensity: Double?
        if let node = fields["intensity"] {
            intensity = require(number(node, key: "intensity", range: .unit))
        } else {
            missing("intensity", in: fields, "in intervention (a number in [0, 1])")
            valid = false
        }
        let start = fields["start"].map { require(integer($0, key: "start", range: .atLeast(0))) } ?? 0
        let duration = fields["duration"].map { require(integer($0, key: "duration", range: .atLeast(1))) }
        let costPerMonth =
            fields["costPerMonth"].map { require(cost($0, key: "costPerMonth")) } ?? 0
        let oneOffCost = fields["oneOffCost"].map { require(cost($0, key: "oneOffCost")) } ?? 0
        let targeted = require(resolveTarget(fields["target"], intervention: fields, governments: governments))

        guard valid, let lever, let intensity, let start, let costPerMonth, let oneOffCost, let targeted else {
            return nil
        }
        let intervention = Intervention(
            lever: lever, targets: targeted.targets, start: start, duration: duration ?? nil,
            intensity: intensity, costPerMonth: costPerMonth, oneOffCost: oneOffCost, policy: policy)
        return ResolvedIntervention(intervention: intervention, filter: targeted.filter)
    }

    /// Resolves `target` (MODEL.md §4): governments default to all; the agency filter is the
    /// union of named agencies and sectors, all agencies without one; a government where the
    /// filter matches nobody is not targeted.
    private func resolveTarget(
        _ node: Node?, intervention: MappingFields, governments: [ResolvedGovernment]
    ) -> (targets: [InterventionTarget], filter: TargetFilter)? {
        var governmentNames: [Located<String>]?
        var agencyNames: [Located<String>]?
        var sectorNames: [Located<String>]?
        if let node {
            guard
                let target = mapping(
                    node, subject: "target", allowed: InterventionFields.targetKeys,
                    expected: "a mapping such as {governments: [...], agencies: [...], sectors: [...]}")
            else { return nil }
            var valid = true
            func nameList(_ key: String, _ example: String) -> [Located<String>]? {
                guard let listNode = target[key] else { return nil }
                guard let names = names(listNode, key: key, example: example) else {
                    valid = false
                    return nil
                }
                if names.isEmpty {
                    error("'\(key)' in target must list at least one name; leave it out to target all", at: listNode)
                    valid = false
                }
                return names
            }
            governmentNames = nameList("governments", "[Jambi City]")
            agencyNames = nameList("agencies", "[Bappeda]")
            sectorNames = nameList("sectors", "[finance]")
            guard valid else { return nil }
        }
        // Without governments nothing can be resolved; their absence is reported elsewhere.
        let candidates = governments.indices.filter { governments[$0].named }
        guard !candidates.isEmpty else { return nil }

        var valid = true
        var selected: [Int] = candidates
        if let governmentNames {
            var indices = Set<Int>()
            let known = candidates.map { governments[$0].spec.name }
            for name in governmentNames {
                if let index = candidates.first(where: { governments[$0].spec.name == name.value }) {
                    indices.insert(index)
                } else {
                    error(
                        "unknown government '\(name.value)' in target"
                            + Suggestion.hint(for: name.value, among: known, listing: "governments are"),
                        at: name.location)
                    valid = false
                }
            }
            selected = indices.sorted()
        }
        // An unknown government leaves the agency filter nothing meaningful to check against.
        guard valid else { return nil }

        let filtered = agencyNames != nil || sectorNames != nil
        let wantedAgencies = Set((agencyNames ?? []).map(\.value))
        let wantedSectors = Set((sectorNames ?? []).map(\.value))
        let selectedAgencies = selected.flatMap { governments[$0].spec.agencies }
        let scope = governmentNames == nil ? "any government" : "any targeted government"
        for name in agencyNames ?? [] where !selectedAgencies.contains(where: { $0.name == name.value }) {
            let known = unique(selectedAgencies.map(\.name))
            error(
                "agency '\(name.value)' is not an agency of \(scope)"
                    + Suggestion.hint(for: name.value, among: known, listing: "agencies are"),
                at: name.location)
            valid = false
        }
        for name in sectorNames ?? [] where !selectedAgencies.contains(where: { $0.sector == name.value }) {
            let known = unique(selectedAgencies.map(\.sector).filter { !$0.isEmpty })
            error(
                "sector '\(name.value)' is not the sector of an agency in \(scope)"
                    + Suggestion.hint(for: name.value, among: known, listing: "sectors are"),
                at: name.location)
            valid = false
        }
        guard valid else { return nil }

        var targets: [InterventionTarget] = []
        for index in selected {
            let agencies = governments[index].spec.agencies.indices.filter { agency in
                let spec = governments[index].spec.agencies[agency]
                return !filtered || wantedAgencies.contains(spec.name) || wantedSectors.contains(spec.sector)
            }
            if !agencies.isEmpty {
                targets.append(InterventionTarget(government: index, agencies: agencies))
            }
        }
        if targets.isEmpty {
            error(
                "this intervention targets no government: no targeted government has an agency that its filter selects",
                at: node?.location ?? intervention.location)
            return nil
        }
        let filter = TargetFilter(
            governments: selected.map { governments[$0].spec.name },
            agencies: agencyNames.map { unique($0.map(\.value)) },
            sectors: sectorNames.map { unique($0.map(\.value)) })
        return (targets, filter)
    }
}

/// The values in first-appearance order without repeats.
func unique(_ values: [String]) -> [String] {
    var seen = Set<String>()
    return values.filter { seen.insert($0).inserted }
}

import Foundation
import SinergiModel
import Yams

extension CalibrationTargets {
    /// The top-level keys of a targets file.
    static let topLevelKeys = ["targets", "scenario", "observations"]
    /// The keys of one observation.
    static let observationKeys = [
        "name", "outcome", "statistic", "threshold", "p", "scope", "month", "value", "sd", "source", "held_out",
    ]
    /// The words of `statistic`.
    static let statistics = ["mean", "sd", "share_at_least", "quantile"]

    /// Reads the targets file at `path` and the scenario it names, and checks every
    /// observation against that scenario (its governments and months).
    ///
    /// - Throws: ``ScenarioError`` with every problem at its line and column: in the targets
    ///   file (`path:line:col: error: …`), or in the scenario when it is not valid.
    public static func load(path: String) throws(ScenarioError) -> (CalibrationTargets, ScenarioSource) {
        let text: String
        do { text = try ScenarioLoader.readText(path: path) } catch {
            throw ScenarioError(
                diagnostics: error.diagnostics.map {
                    var d = $0
                    d.message = d.message.replacingOccurrences(of: "the scenario", with: "the targets file")
                    return d
                })
        }
        return try parse(text: text, path: path)
    }

    /// ``load(path:)`` of `text`; `path` is used in diagnostics and to find the scenario.
    public static func parse(text: String, path: String) throws(ScenarioError) -> (CalibrationTargets, ScenarioSource) {
        let reader = ScenarioReader(path: path)
        func fail() -> ScenarioError { ScenarioError(diagnostics: reader.log.diagnostics) }
        let root: Node?
        do {
            root = try YAMLExpansion.compose(text)
        } catch {
            reader.yamlError(error, text: text)
            throw fail()
        }
        guard let root, case .mapping = root else {
            reader.error(
                "a targets file must be a mapping with 'targets: 1', 'scenario' and 'observations'",
                at: root?.location ?? .start)
            throw fail()
        }
        guard let top = reader.mapping(root, subject: "the targets file", allowed: topLevelKeys) else { throw fail() }
        if let node = top["targets"] {
            if let version = reader.integer(node, key: "targets", range: .atLeast(0)), version != Self.version {
                reader.error("this build reads targets files of version \(Self.version), got \(version)", at: node)
            }
        } else {
            reader.missing("targets", in: top, "(the format version; write 'targets: \(Self.version)')")
        }
        var scenarioNode: Node?
        var scenarioPath: String?
        if let node = top["scenario"] {
            scenarioNode = node
            if let relative = reader.text(node, key: "scenario") {
                scenarioPath = resolve(relative, against: path)
            }
        } else {
            reader.missing(
                "scenario", in: top, "(the scenario file, relative to this file, e.g. ../indonesia-548.yaml)")
        }
        var observations: [(TargetObservation, Node, MappingFields)] = []
        if let node = top["observations"] {
            if let items = reader.list(node, key: "observations", expected: "a list of observations") {
                if items.isEmpty {
                    reader.error("'observations' is empty; a calibration needs at least one observation", at: node)
                }
                var names: [String: SourceLocation] = [:]
                for item in items {
                    guard let (observation, fields) = readObservation(item, reader) else { continue }
                    if let first = names[observation.name] {
                        reader.error(
                            "observation '\(observation.name)' is given twice (first at line \(first.line)); "
                                + "names must be distinct", at: fields["name"] ?? item)
                        continue
                    }
                    names[observation.name] = item.location
                    observations.append((observation, item, fields))
                }
                if !items.isEmpty, observations.count == items.count, observations.allSatisfy({ $0.0.heldOut }) {
                    reader.error("every observation is held out; at least one must be fitted", at: node)
                }
            }
        } else {
            reader.missing("observations", in: top, "(a list of at least one observation)")
        }
        guard reader.log.isEmpty, let scenarioPath, let scenarioNode else { throw fail() }

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: scenarioPath, isDirectory: &isDirectory), !isDirectory.boolValue
        else {
            reader.error(
                "scenario '\(scenarioPath)' does not exist; 'scenario' is read relative to the targets file's folder",
                at: scenarioNode)
            throw fail()
        }
        let source = try ScenarioSource.load(path: scenarioPath)
        let input = source.scenario.input
        let governments = input.governments.map(\.name)
        let kindsOfGovernments = source.scenario.governmentKinds
        let presentKinds = GovernmentFields.kinds.filter { kindsOfGovernments.contains($0) }
        for index in observations.indices {
            guard case .kinds(let kinds, _) = observations[index].0.scope else { continue }
            let locations = observations[index].2["scope"].map(kindLocations) ?? []
            for (position, kind) in kinds.enumerated() where !presentKinds.contains(kind) {
                let location =
                    locations.indices.contains(position) ? locations[position] : observations[index].1.location
                reader.error(
                    "scenario '\(scenarioPath)' has no government of kind '\(kind)'"
                        + (presentKinds.isEmpty
                            ? "; it gives no government a kind (write kind: province, regency, city… on its governments)"
                            : "; its governments' kinds are \(presentKinds.joined(separator: ", "))"),
                    at: location)
            }
            let members = governments.indices.filter { g in
                kindsOfGovernments.indices.contains(g) && kindsOfGovernments[g].map(kinds.contains) == true
            }.map { governments[$0] }
            observations[index].0.scope = .kinds(kinds, governments: members)
        }
        for (observation, _, fields) in observations {
            if case .government(let name) = observation.scope, !governments.contains(name), let node = fields["scope"] {
                reader.error(
                    "scenario '\(scenarioPath)' has no government '\(name)'"
                        + Suggestion.hint(
                            for: name, among: Array(governments.prefix(200)),
                            listing: "write 'region' or one of its governments"), at: node)
            }
            if observation.month > input.months, let node = fields["month"] {
                reader.error(
                    "month \(observation.month) is past the scenario's last month, \(input.months) "
                        + "(it runs \(input.months) months from "
                        + "\(String(format: "%04d-%02d", input.startYear, input.startMonth)))", at: node)
            }
        }
        guard reader.log.isEmpty else { throw fail() }
        let targets = CalibrationTargets(
            path: path, text: text, scenarioPath: scenarioPath, observations: observations.map(\.0))
        return (targets, source)
    }

    /// `relative` read against the folder of the file at `path` (unchanged when absolute).
    static func resolve(_ relative: String, against path: String) -> String {
        if relative.hasPrefix("/") { return relative }
        let folder = (path as NSString).deletingLastPathComponent
        let joined = folder.isEmpty ? relative : (folder as NSString).appendingPathComponent(relative)
        // "a/b/../c" → "a/c", keeping leading ".." of a relative path.
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let text = parts.joined(separator: "/")
        return joined.hasPrefix("/") ? "/" + text : (text.isEmpty ? "." : text)
    }

    /// The kinds of `scope: {kind: province}` or `scope: {kind: [regency, city]}`, each with
    /// its location; nil (reported) when anything is wrong with them.
    private static func readKinds(_ node: Node, _ reader: ScenarioReader) -> [Located<String>]? {
        guard let fields = reader.mapping(node, subject: "scope", allowed: ["kind"]) else { return nil }
        guard let kindNode = fields["kind"] else {
            reader.missing("kind", in: fields, "in scope (e.g. scope: {kind: province} or {kind: [regency, city]})")
            return nil
        }
        let items: [Node]
        if case .sequence(let sequence) = kindNode {
            items = Array(sequence)
            if items.isEmpty {
                reader.error("'kind' is empty; name at least one kind, e.g. [regency, city]", at: kindNode)
                return nil
            }
        } else {
            items = [kindNode]
        }
        var kinds: [Located<String>] = []
        var failed = false
        for item in items {
            guard
                let word = reader.keyword(
                    item, key: "kind", options: GovernmentFields.kinds, noun: "government kind")
            else {
                failed = true
                continue
            }
            if kinds.contains(where: { $0.value == word }) {
                reader.error("kind '\(word)' is given twice in this scope", at: item)
                failed = true
                continue
            }
            kinds.append(Located(value: word, location: item.location))
        }
        return failed ? nil : kinds
    }

    /// The kind nodes of a `scope: {kind: …}` mapping, in order (for messages after the
    /// scenario is read).
    private static func kindLocations(_ scopeNode: Node) -> [SourceLocation] {
        guard case .mapping(let mapping) = scopeNode else { return [] }
        for (key, value) in mapping where key.string == "kind" {
            if case .sequence(let sequence) = value { return sequence.map(\.location) }
            return [value.location]
        }
        return []
    }

    /// One observation; nil (reported) when anything is wrong with it.
    private static func readObservation(
        _ node: Node, _ reader: ScenarioReader
    ) -> (TargetObservation, MappingFields)? {
        guard
            let fields = reader.mapping(
                node, subject: "observation", allowed: observationKeys, expected: "an observation (a mapping)",
                isEntry: true)
        else { return nil }
        let before = reader.log.diagnostics.count
        func required(_ key: String, _ explanation: String) -> Node? {
            if let value = fields[key] { return value }
            reader.missing(key, in: fields, explanation)
            return nil
        }
        let name = required("name", "(e.g. name: national mean 2023)").flatMap { reader.text($0, key: "name") }
        var outcome: (Outcome, SeriesMetric)?
        if let node = required("outcome", "(e.g. outcome: spbe)"), let word = reader.text(node, key: "outcome") {
            do {
                let named = try Outcome.named(word)
                if let metric = TargetObservation.series(of: named) {
                    outcome = (named, metric)
                } else {
                    reader.error(
                        "outcome '\(named.name)' has no monthly value to observe; use one of "
                            + TargetObservation.observable.map { $0.outcome.aliases.first ?? $0.outcome.name }.joined(
                                separator: ", "),
                        at: node)
                }
            } catch {
                reader.error(error.description, at: node)
            }
        }
        var statistic: TargetObservation.Statistic?
        if let node = required("statistic", "(mean, sd, share_at_least or quantile)"),
            let word = reader.keyword(node, key: "statistic", options: statistics, noun: "statistic")
        {
            switch word {
            case "share_at_least":
                if let t = fields["threshold"] {
                    reader.number(t, key: "threshold", range: .finite).map { statistic = .shareAtLeast($0) }
                } else {
                    reader.missing("threshold", in: fields, "(share_at_least counts the governments at or above it)")
                }
            case "quantile":
                if let p = fields["p"] {
                    reader.number(p, key: "p", range: .unit).map { statistic = .quantile($0) }
                } else {
                    reader.missing("p", in: fields, "(the quantile's probability, e.g. p: 0.5)")
                }
            case "sd": statistic = .sd
            default: statistic = .mean
            }
            if word != "share_at_least", let t = fields["threshold"] {
                reader.error("'threshold' belongs to statistic share_at_least, not \(word)", at: t)
            }
            if word != "quantile", let p = fields["p"] {
                reader.error("'p' belongs to statistic quantile, not \(word)", at: p)
            }
        }
        var scope: TargetObservation.Scope?
        if let node = required("scope", "(region, a government's name, or {kind: province})") {
            if case .mapping = node {
                scope = readKinds(node, reader).map { .kinds($0.map(\.value), governments: []) }
            } else if let word = reader.text(node, key: "scope") {
                scope = word == "region" ? .region : .government(word)
                if case .government = scope, case .sd? = statistic {
                    reader.error("statistic sd over one government is always 0; use scope: region", at: node)
                }
            }
        }
        let month = required("month", "(the month of the run whose value is observed; 0 is the start)").flatMap {
            reader.integer($0, key: "month", range: .atLeast(0))
        }
        let value = required("value", "(the observed value)").flatMap {
            reader.number($0, key: "value", range: .finite)
        }
        let sd = required("sd", "(the observation's uncertainty, > 0)").flatMap {
            reader.number($0, key: "sd", range: .above(0))
        }
        let source = required("source", "(where the value comes from)").flatMap { reader.text($0, key: "source") }
        let heldOut = fields["held_out"].flatMap { reader.flag($0, key: "held_out") } ?? false
        guard reader.log.diagnostics.count == before, let name, let outcome, let statistic, let scope, let month,
            let value, let sd, let source
        else { return nil }
        return (
            TargetObservation(
                name: name, outcome: outcome.0, metric: outcome.1, statistic: statistic, scope: scope, month: month,
                value: value, sd: sd, source: source, heldOut: heldOut), fields
        )
    }
}

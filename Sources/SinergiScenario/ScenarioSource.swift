import Foundation
import SinergiModel
import Yams

/// A scenario file read and checked once, to which sets of overrides are applied many times:
/// `--set` on one run, or the values of every point of an experimental design.
///
/// Applying overrides copies the composed YAML (Yams nodes are values), sets each value,
/// and checks and resolves the result exactly as a file is checked, so a bad value gets the
/// message it would get in the file, reported against its option
/// (`error: --set PATH=VALUE: …`). Nothing is read from disk again. The many points of a
/// design mostly skip even that: ``input(with:)`` sets a design's numbers for the model's
/// constants and for governments' and agencies' values on the input read once, where it
/// can show the result equal.
public struct ScenarioSource: Sendable {
    /// The path as the user gave it.
    public let path: String
    /// The file's exact text.
    public let text: String
    /// The scenario as the file writes it, with no override.
    public let scenario: Scenario
    /// The file composed; never mutated.
    nonisolated(unsafe) let root: Node
    /// The first line past the end of the file: the value of the i-th override is placed on
    /// line `firstOptionLine + i`, so that its problems are told apart from the file's.
    let firstOptionLine: Int
    /// Locations on those lines, for the first overrides of a set.
    let optionMarks: [Mark]
    /// Overrides set before any others (``setting(_:)``): ``scenario`` holds them.
    let prefix: [ScenarioOverride]
    /// Where design numbers for value paths land over ``scenario``, found on first use.
    let directPlans = DirectValuePlans()

    /// Reads and checks the scenario at `path`.
    public static func load(path: String) throws(ScenarioError) -> ScenarioSource {
        try ScenarioSource(text: ScenarioLoader.readText(path: path), path: path)
    }

    /// Checks the scenario `text`; `path` is used in diagnostics.
    public init(text: String, path: String) throws(ScenarioError) {
        let root = try ScenarioLoader.compose(text: text, path: path)
        let document = try ScenarioLoader.read(root, path: path)
        self.path = path
        self.text = text
        self.root = root
        self.scenario = ScenarioLoader.scenario(document, text: text, path: path)
        (firstOptionLine, optionMarks) = Self.marks(after: text, count: 16)
        prefix = []
    }

    /// This source with `overrides` set before any others (`--set` under a design's
    /// values): its ``scenario`` is ``scenario(with:)`` of them, and every method taking
    /// overrides takes them after these, so `setting(a).input(with: b)` is
    /// `input(with: a + b)`, errors included; design numbers take the short way over the
    /// scenario with `overrides` set (overrides read from text never do).
    ///
    /// - Throws: what ``scenario(with:)`` throws for `overrides`.
    public func setting(_ overrides: [ScenarioOverride]) throws(OverrideError) -> ScenarioSource {
        guard !overrides.isEmpty else { return self }
        return ScenarioSource(self, prefix: prefix + overrides, scenario: try scenario(with: overrides))
    }

    private init(_ source: ScenarioSource, prefix: [ScenarioOverride], scenario: Scenario) {
        path = source.path
        text = source.text
        root = source.root
        firstOptionLine = source.firstOptionLine
        optionMarks = source.optionMarks
        self.prefix = prefix
        self.scenario = scenario
    }

    /// Checks that `path` leads to something this scenario may set: a key the format allows
    /// (written in the file or not), and names and indices that the file holds.
    ///
    /// - Throws: ``OverrideError/unknownPath(_:hint:)``, with the closest path that exists
    ///   when there is one.
    public func check(_ path: ScenarioPath) throws(OverrideError) {
        var tree = root
        let applier = OverrideApplier(steps: path.steps, value: .scalar(.init("")), mark: nil, root: tree)
        if let failure = applier.apply(to: &tree) {
            throw .unknownPath(path.text, hint: PathHint.hint(for: path, failure: failure, in: root))
        }
    }

    /// The scenario with the overrides set, in order (a later one wins where two set the
    /// same value), checked and resolved: its `input`, `policies` and `resolvedYAML` reflect
    /// them; `sourceText` stays the file's.
    ///
    /// - Throws: ``OverrideError/unknownPath(_:hint:)`` for a path that leads nowhere,
    ///   ``OverrideError/invalid(_:)`` when the scenario with the values is not valid.
    public func scenario(with overrides: [ScenarioOverride]) throws(OverrideError) -> Scenario {
        guard !overrides.isEmpty else { return scenario }
        return ScenarioLoader.scenario(try document(with: prefix + overrides), text: text, path: path)
    }

    /// The model input of the scenario with the overrides set: ``scenario(with:)`` without
    /// writing the resolved scenario, for the many points of a design.
    ///
    /// A design's numbers (``ScenarioOverride/init(path:number:)``) take a short way when
    /// they set `parameters.*` constants (the model's) or a government's or an agency's
    /// value, directly (`governments[Kota Contoh].champion`,
    /// `governments[*].agencies[BPKAD].legacyLockIn`) or through `defaults` or a template
    /// (`defaults.agency.ego`, `defaults.government.mandate`): the numbers are set on the
    /// scenario's input, which was read once, instead of the whole file being read again for
    /// every point. Where a value path reaches is found once per path (``DirectValuePlan``).
    /// Any other path, an override read from text (`--set`), a value out of its range, the
    /// motivation shares (checked together), or two paths that reach the same value take
    /// the full way, so errors are those of the file. Both ways give equal inputs (tests
    /// hold them equal for every constant and for value paths of every kind).
    public func input(with overrides: [ScenarioOverride]) throws(OverrideError) -> ModelInput {
        guard !overrides.isEmpty else { return scenario.input }
        if let input = directInput(overrides) { return input }
        return try inputByReading(with: overrides)
    }

    /// ``input(with:)`` the full way: the overrides applied to the file's nodes, and the
    /// whole scenario read and checked again.
    func inputByReading(with overrides: [ScenarioOverride]) throws(OverrideError) -> ModelInput {
        try document(with: prefix + overrides).input
    }

    /// The scenario's input with the overrides' numbers set directly, or nil when an
    /// override cannot take the short way (see ``input(with:)``).
    func directInput(_ overrides: [ScenarioOverride]) -> ModelInput? {
        var input = scenario.input
        var planned: [(path: ScenarioPath, plan: DirectValuePlan)] = []
        for override in overrides {
            // -0 reads back from its text as 0.
            guard let number = override.number, number.isFinite else { return nil }
            let value = number == 0 ? 0 : number
            let steps = override.path.steps
            if case .key("parameters") = steps.first {
                guard steps.count == 3, case .key(let group) = steps[1], case .key(let key) = steps[2],
                    group != "motivation", let entry = ParameterTable.byPath["\(group).\(key)"]
                else { return nil }
                switch entry.kind {
                case .real(let range, let path):
                    guard range.contains(value) else { return nil }
                    input.parameters[keyPath: path] = value
                case .integer(let range, let path):
                    guard let whole = Int(exactly: value), range.contains(whole) else { return nil }
                    input.parameters[keyPath: path] = whole
                }
                continue
            }
            guard let plan = directPlans.plan(for: override.path, in: self), plan.range.contains(value) else {
                return nil
            }
            // Two paths that reach one value (defaults.agency.ego and one agency's ego) do
            // not simply follow each other: the entry's own key wins whatever the order.
            for other in planned where other.path != override.path {
                guard !other.plan.overlaps(plan) else { return nil }
            }
            plan.set(value, in: &input)
            planned.append((override.path, plan))
        }
        return input
    }

    private func document(with overrides: [ScenarioOverride]) throws(OverrideError) -> ScenarioDocument {
        let marks =
            overrides.count <= optionMarks.count ? optionMarks : Self.marks(after: text, count: overrides.count).1
        var tree = root
        for (index, override) in overrides.enumerated() {
            let applier = OverrideApplier(
                steps: override.path.steps, value: override.node, mark: marks[index], root: tree)
            if let failure = applier.apply(to: &tree) {
                throw .unknownPath(
                    override.path.text, hint: PathHint.hint(for: override.path, failure: failure, in: tree))
            }
        }
        do {
            return try ScenarioLoader.read(
                tree, path: path, options: (firstOptionLine, overrides.map { "--set \($0)" }))
        } catch {
            throw .invalid(error)
        }
    }

    /// `count` locations on the lines after the last of `text`, one line each, and the
    /// first of those lines. Yams's marks cannot be made, only read, so they come from
    /// composing a list that starts there.
    static func marks(after text: String, count: Int) -> (Int, [Mark]) {
        // Every character that may end a line counts, so the lines are surely past the end.
        let breaks = text.unicodeScalars.reduce(0) { count, scalar in
            switch scalar {
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": return count + 1
            default: return count
            }
        }
        let yaml = String(repeating: "\n", count: breaks + 1) + String(repeating: "- 0\n", count: count)
        guard case .sequence(let items)? = try? Yams.compose(yaml: yaml) else { return (breaks + 2, []) }
        let marks = items.compactMap(\.mark)
        return (marks.first?.line ?? breaks + 2, marks)
    }
}

import Foundation
import Yams

/// One value set on the command line over a scenario file, `--set PATH=VALUE`: the value at
/// ``path`` is replaced (or added, when the file leaves it to its default) before the
/// scenario is validated, so a bad value gets the message it would get in the file.
///
/// The value is YAML in flow style, as a value is written in the file: `0.08`,
/// `{uniform: [0.3, 0.7]}`, `weakestLink`, `[Bappeda, Diskominfo]`. It is parsed once, here;
/// applying the override to a scenario many times (``ScenarioSource``) reads nothing again.
public struct ScenarioOverride: Sendable, Hashable, CustomStringConvertible {
    /// Where the value goes.
    public let path: ScenarioPath
    /// The value as given.
    public let value: String
    /// The value composed; never mutated (Yams nodes are values, so sharing one across
    /// threads is reading it). Nil for a number, whose node is made when it is used: a
    /// design makes an override for every factor of every point, and most never need one.
    nonisolated(unsafe) private let composed: Node?
    /// The number of an override made by ``init(path:number:)`` (a design's), nil for one
    /// read from text: only these may skip reading the scenario again
    /// (``ScenarioSource/input(with:)``).
    let number: Double?

    /// Reads `PATH=VALUE`: the path up to the first `=` outside brackets (a name in brackets
    /// may hold one), the value after it.
    ///
    /// - Throws: ``OverrideError/malformed(_:)`` when there is no `=`, the path cannot be
    ///   read, or the value is empty or not YAML.
    public init(_ argument: String) throws(OverrideError) {
        guard let (pathText, valueText) = ScenarioPath.splitAssignment(argument) else {
            throw .malformed("expected PATH=VALUE, e.g. parameters.trust.build=0.1, got '\(argument)'")
        }
        try self.init(path: ScenarioPath(pathText), value: valueText)
    }

    /// The override of `path` with `value`, YAML in flow style.
    ///
    /// - Throws: ``OverrideError/malformed(_:)`` when the value is empty or not YAML.
    public init(path: ScenarioPath, value: String) throws(OverrideError) {
        let text = value.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else {
            throw .malformed(
                "\(path)= has no value; give a number or a distribution such as {uniform: [0.3, 0.7]}")
        }
        let node: Node?
        do {
            node = try YAMLExpansion.compose(text)
        } catch let excess as YAMLExpansion.Excess {
            throw .malformed("\(path)=\(text): \(excess.message)")
        } catch {
            let problem: String
            switch error as? YamlError {
            case .scanner(_, let reason, _, _)?, .parser(_, let reason, _, _)?, .composer(_, let reason, _, _)?:
                problem = reason
            default:
                problem = "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
            }
            throw .malformed("\(path)=\(text): the value is not valid YAML (\(problem))")
        }
        guard let node else {
            throw .malformed(
                "\(path)=\(text) has no value; give a number or a distribution such as {uniform: [0.3, 0.7]}")
        }
        self.path = path
        self.value = text
        self.composed = node
        self.number = nil
    }

    /// The override of `path` with a number, built without parsing any YAML: the cheap form
    /// for the many points of an experimental design. A whole number is written without a
    /// decimal point, so that it also sets an integer key such as `months`.
    public init(path: ScenarioPath, number: Double) {
        self.path = path
        self.value = formatNumber(number)
        self.composed = nil
        self.number = number
    }

    /// The value as a YAML node, as the file would hold it.
    var node: Node { composed ?? .scalar(Node.Scalar(value, .implicit, .plain)) }

    /// `PATH=VALUE`.
    public var description: String { "\(path)=\(value)" }

    public static func == (lhs: ScenarioOverride, rhs: ScenarioOverride) -> Bool {
        lhs.path == rhs.path && lhs.value == rhs.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(value)
    }
}

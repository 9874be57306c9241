import Foundation

/// A place in a scenario file as written, e.g. `parameters.trust.build`,
/// `governments[Kota Contoh].champion`, `governments[*].agencies[BPKAD].legacyLockIn` or
/// `policies.training[0].intensity`.
///
/// Keys are joined by dots. After a key, `[…]` selects elements of a list: `[Name]` the
/// entry whose `name` is Name, `[0]` the first entry, `[*]` every entry. A name made only of
/// digits, or holding `]`, is quoted: `['2018']`. A mapping keyed by names (`templates`,
/// `policies`) takes the name as a key (`policies.training`) or in brackets
/// (`policies[staff retention]`).
public struct ScenarioPath: Sendable, Hashable, CustomStringConvertible {
    /// How `[…]` picks elements.
    public enum Selector: Sendable, Hashable {
        /// `[*]`: every element.
        case all
        /// `[0]`: the element at this 0-based position.
        case index(Int)
        /// `[Name]`: the element called Name.
        case name(String)
    }

    /// One step of a path: into a key, or through a selector.
    public enum Step: Sendable, Hashable {
        case key(String)
        case select(Selector)
    }

    /// The steps from the top of the file.
    public let steps: [Step]
    /// The path as the user wrote it.
    public let text: String

    /// Reads a path.
    ///
    /// - Throws: ``OverrideError/malformed(_:)`` naming what is wrong.
    public init(_ text: String) throws(OverrideError) {
        self.text = text
        self.steps = try Self.parse(text)
    }

    /// A path from its steps, written in the form ``init(_:)`` reads.
    init(steps: [Step]) {
        self.steps = steps
        self.text = Self.render(steps)
    }

    public var description: String { text }

    /// `PATH=VALUE` split at the first `=` outside brackets (a name in brackets may hold
    /// one; with an unclosed `[`, at the first `=`, so that the path reports the bracket):
    /// the path without surrounding spaces and the value, or nil without any `=`.
    public static func splitAssignment(_ argument: String) -> (path: String, value: String)? {
        var depth = 0
        var split: String.Index?
        for index in argument.indices {
            switch argument[index] {
            case "[": depth += 1
            case "]": depth = Swift.max(0, depth - 1)
            case "=" where depth == 0: split = index
            default: continue
            }
            if split != nil { break }
        }
        guard let split = split ?? argument.firstIndex(of: "=") else { return nil }
        return (
            argument[..<split].trimmingCharacters(in: .whitespaces), String(argument[argument.index(after: split)...])
        )
    }

    public static func == (lhs: ScenarioPath, rhs: ScenarioPath) -> Bool { lhs.steps == rhs.steps }
    public func hash(into hasher: inout Hasher) { hasher.combine(steps) }

    /// `steps` written as a path: keys joined by dots, selectors in brackets.
    static func render<S: Sequence>(_ steps: S) -> String where S.Element == Step {
        var text = ""
        for step in steps {
            switch step {
            case .key(let key):
                text += (text.isEmpty ? "" : ".") + key
            case .select(.all): text += "[*]"
            case .select(.index(let index)): text += "[\(index)]"
            case .select(.name(let name)):
                let quoted = name.allSatisfy(\.isNumber) || name == "*" || name.contains("]") || name.hasPrefix("'")
                text += quoted ? "['\(name)']" : "[\(name)]"
            }
        }
        return text
    }

    private static func parse(_ text: String) throws(OverrideError) -> [Step] {
        func malformed(_ problem: String) -> OverrideError {
            .malformed("cannot read the path '\(text)': \(problem)")
        }
        var steps: [Step] = []
        var rest = Substring(text)
        guard !rest.isEmpty else { throw malformed("it is empty") }
        while true {
            let key = rest.prefix { $0 != "." && $0 != "[" && $0 != "]" }
            guard !key.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw malformed(rest.first == "[" ? "a '[…]' must follow a key" : "a key is empty")
            }
            steps.append(.key(String(key)))
            rest = rest.dropFirst(key.count)
            while rest.first == "[" {
                guard let close = rest.firstIndex(of: "]") else { throw malformed("'[' without ']'") }
                var inside = rest[rest.index(after: rest.startIndex)..<close]
                // A quoted name may hold ']': look for the closing quote first.
                if let quote = inside.first, quote == "'" || quote == "\"" {
                    let body = rest.dropFirst(2)
                    guard let end = body.firstIndex(of: quote), body[body.index(after: end)...].first == "]" else {
                        throw malformed("a quoted name needs its closing \(quote) just before ']'")
                    }
                    inside = body[..<end]
                    steps.append(.select(.name(String(inside))))
                    rest = body[body.index(end, offsetBy: 2)...]
                    continue
                }
                let selector = inside.trimmingCharacters(in: .whitespaces)
                if selector.isEmpty { throw malformed("'[]' selects nothing; write [name], [index] or [*]") }
                if selector == "*" {
                    steps.append(.select(.all))
                } else if selector.allSatisfy({ $0.isASCII && $0.isNumber }) {
                    guard let index = Int(selector) else { throw malformed("index \(selector) is too large") }
                    steps.append(.select(.index(index)))
                } else {
                    steps.append(.select(.name(String(inside))))
                }
                rest = rest[rest.index(after: close)...]
            }
            guard let next = rest.first else { return steps }
            guard next == "." else { throw malformed("expected '.' or '[' after '\(render(steps))', got '\(next)'") }
            rest = rest.dropFirst()
        }
    }
}

import Foundation
import SinergiModel
import Yams

/// Walks the composed YAML tree of one scenario, checks every key and value, and records
/// each problem with its line and column. Readers return nil for a value they rejected, so
/// one mistake is reported once and does not cascade.
///
/// The top-level walk is in `ScenarioReader+Document.swift`; governments, interventions,
/// values and parameters each have their own extension.
final class ScenarioReader {
    var log: DiagnosticLog

    init(path: String) {
        self.log = DiagnosticLog(file: path)
    }

    func error(_ message: String, at location: SourceLocation) {
        log.error(message, at: location)
    }

    func error(_ message: String, at node: Node) {
        log.error(message, at: node.location)
    }
}

/// The keys of one YAML mapping that passed the key check, in file order.
struct MappingFields {
    /// The mapping itself, where a missing required key is reported.
    let node: Node
    private(set) var entries: [(key: Located<String>, value: Node)] = []

    init(node: Node) {
        self.node = node
    }

    mutating func append(key: Located<String>, value: Node) {
        entries.append((key, value))
    }

    var location: SourceLocation { node.location }

    subscript(key: String) -> Node? {
        entries.first { $0.key.value == key }?.value
    }

    func has(_ key: String) -> Bool { self[key] != nil }
}

extension ScenarioReader {
    // MARK: Mappings and lists

    /// Reads a mapping whose keys must come from `allowed`; an unknown key is reported at the
    /// key with the closest allowed key. `subject` names the mapping in messages: a key
    /// ("start", "parameters.trust"), quoted in a type error, or an entry of a list
    /// ("government"), whose `expected` already says what it is.
    func mapping(
        _ node: Node, subject: String, allowed: [String], expected: String? = nil, isEntry: Bool = false
    ) -> MappingFields? {
        guard case .mapping(let mapping) = node else {
            let what = "expected \(expected ?? "a mapping"), got \(node.kindForMessage)"
            error(isEntry ? what : "'\(subject)': \(what)", at: node)
            return nil
        }
        var fields = MappingFields(node: node)
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode, case .string(let key) = ScalarValue(scalar) else {
                error("\(subject): a key must be a name, got \(keyNode.kindForMessage)", at: keyNode)
                continue
            }
            guard allowed.contains(key) else {
                error(
                    "unknown key '\(key)' in \(subject)"
                        + Suggestion.hint(for: key, among: allowed, listing: "keys are"),
                    at: keyNode)
                continue
            }
            fields.append(key: Located(value: key, location: keyNode.location), value: value)
        }
        return fields
    }

    /// The items of a list, or nil (reported) when the node is not a list.
    func list(_ node: Node, key: String, expected: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            error("'\(key)': expected \(expected), got \(node.kindForMessage)", at: node)
            return nil
        }
        return Array(sequence)
    }

    /// Reports a missing required key at the start of the mapping that should hold it.
    func missing(_ key: String, in fields: MappingFields, _ explanation: String) {
        error("missing required key '\(key)' \(explanation)", at: fields.location)
    }

    // MARK: Scalars

    /// A number in `range`.
    func number(_ node: Node, key: String, range: NumberRange) -> Double? {
        guard case .number(let value, let text)? = node.scalarValue else {
            error("'\(key)': expected a number, got \(node.kindForMessage)", at: node)
            return nil
        }
        guard range.contains(value) else {
            error("'\(key)' must be \(range.phrase), got \(text)", at: node)
            return nil
        }
        return value
    }

    /// An integer literal in `range`.
    func integer(_ node: Node, key: String, range: IntegerRange) -> Int? {
        guard case .number(_, let text)? = node.scalarValue else {
            error("'\(key)': expected an integer, got \(node.kindForMessage)", at: node)
            return nil
        }
        guard ScalarValue.isIntegerLiteral(text), let value = Int(text), range.contains(value) else {
            error("'\(key)' must be \(range.phrase), got \(text)", at: node)
            return nil
        }
        return value
    }

    /// true or false.
    func flag(_ node: Node, key: String) -> Bool? {
        guard case .bool(let value)? = node.scalarValue else {
            error("'\(key)': expected true or false, got \(node.kindForMessage)", at: node)
            return nil
        }
        return value
    }

    /// A non-empty string. Any plain scalar counts (`name: 2018` is the string "2018").
    func text(_ node: Node, key: String) -> String? {
        guard case .scalar(let scalar) = node, ScalarValue(scalar) != .null else {
            error("'\(key)': expected a string, got \(node.kindForMessage)", at: node)
            return nil
        }
        // The same test as trimming `.whitespacesAndNewlines`, without bridging the string
        // to NSString: names are read for every entry of every resolve of a design's points.
        guard !scalar.string.unicodeScalars.allSatisfy(CharacterSet.whitespacesAndNewlines.contains) else {
            error("'\(key)' must not be empty", at: node)
            return nil
        }
        return scalar.string
    }

    /// One of a fixed set of words; a near miss gets a suggestion.
    func keyword(_ node: Node, key: String, options: [String], noun: String) -> String? {
        guard case .scalar(let scalar) = node, ScalarValue(scalar) != .null else {
            error(
                "'\(key)': expected one of \(options.joined(separator: ", ")), got \(node.kindForMessage)",
                at: node)
            return nil
        }
        let word = scalar.string
        guard options.contains(word) else {
            error(
                "unknown \(noun) '\(word)'"
                    + Suggestion.hint(for: word, among: options, listing: "expected one of"),
                at: node)
            return nil
        }
        return word
    }

    /// A list of names (`[Bappeda, Diskominfo]`), each with its location.
    func names(_ node: Node, key: String, example: String) -> [Located<String>]? {
        guard let items = list(node, key: key, expected: "a list such as \(example)") else { return nil }
        var result: [Located<String>] = []
        for item in items {
            if let name = text(item, key: key) {
                result.append(Located(value: name, location: item.location))
            }
        }
        return result
    }
}

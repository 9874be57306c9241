import Yams

/// What a YAML scalar means to a scenario file.
///
/// Sinergi reads plain scalars itself rather than through Yams's YAML 1.1 constructors, so
/// that `seed: 010` is ten (not octal eight), `yes` stays a word, and only finite decimal
/// numbers count as numbers. Quoted scalars are always strings.
enum ScalarValue: Equatable {
    case null
    case bool(Bool)
    /// A decimal number as written (`text`), e.g. `0.5`, `-2`, `1e-3`.
    case number(Double, text: String)
    case string(String)

    init(_ scalar: Node.Scalar) {
        let text = scalar.string
        // Quoted, block and explicitly `!!str`-tagged scalars are text.
        guard scalar.style == .plain || scalar.style == .any, scalar.tag.description != Tag.Name.str.rawValue else {
            self = .string(text)
            return
        }
        switch text {
        case "", "~", "null", "Null", "NULL":
            self = .null
        case "true", "True", "TRUE":
            self = .bool(true)
        case "false", "False", "FALSE":
            self = .bool(false)
        default:
            if ScalarValue.isDecimal(text), let value = Double(text) {
                self = .number(value, text: text)
            } else {
                self = .string(text)
            }
        }
    }

    /// Whether `text` is a decimal literal: optional sign, digits with an optional point,
    /// optional exponent (`-1`, `0.25`, `.5`, `2e-3`).
    static func isDecimal(_ text: String) -> Bool {
        var chars = Substring(text)
        if chars.first == "+" || chars.first == "-" { chars = chars.dropFirst() }
        var digits = 0
        while let c = chars.first, c.isASCII, c.isNumber { digits += 1; chars = chars.dropFirst() }
        if chars.first == "." {
            chars = chars.dropFirst()
            while let c = chars.first, c.isASCII, c.isNumber { digits += 1; chars = chars.dropFirst() }
        }
        guard digits > 0 else { return false }
        if chars.first == "e" || chars.first == "E" {
            chars = chars.dropFirst()
            if chars.first == "+" || chars.first == "-" { chars = chars.dropFirst() }
            var exponentDigits = 0
            while let c = chars.first, c.isASCII, c.isNumber { exponentDigits += 1; chars = chars.dropFirst() }
            guard exponentDigits > 0 else { return false }
        }
        return chars.isEmpty
    }

    /// Whether `text` is an integer literal: optional sign and digits only.
    static func isIntegerLiteral(_ text: String) -> Bool {
        var chars = Substring(text)
        if chars.first == "+" || chars.first == "-" { chars = chars.dropFirst() }
        return !chars.isEmpty && chars.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

extension Node {
    /// The scalar's meaning, or nil for a mapping or a list.
    var scalarValue: ScalarValue? {
        guard case .scalar(let scalar) = self else { return nil }
        return ScalarValue(scalar)
    }

    /// How the node is named in messages: "string 'high'", "number 5", "true", "nothing",
    /// "a list", "a mapping".
    var kindForMessage: String {
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            switch ScalarValue(scalar) {
            case .null: return "nothing"
            case .bool(let value): return value ? "true" : "false"
            case .number(_, let text): return "number \(text)"
            case .string(let text): return "string '\(text)'"
            }
        }
    }

    /// The text of the scalar as written, for "got …" in range messages.
    var textForMessage: String {
        if case .scalar(let scalar) = self { return scalar.string }
        return kindForMessage
    }
}

/// Numbers in messages: integers without a decimal point ("[0, 1]", "[1, 5]"), others in
/// Swift's shortest round-trip form ("1.5").
func formatNumber(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
        return String(Int(value))
    }
    return "\(value)"
}

/// A parsed JSON value.
enum JSONValue: Decodable {
    case null
    case bool(Bool)
    /// A number with its exact integer value when it has one.
    case number(Double, integer: Int64?, unsigned: UInt64?)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(
                value, integer: try? container.decode(Int64.self), unsigned: try? container.decode(UInt64.self))
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// How the value is described in an error: `a string "high"`, `true`, `an object`.
    var described: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return "\(value)"
        case .number(let value, let integer, _): return integer.map { "\($0)" } ?? "\(value)"
        case .string(let value):
            let shown = value.count > 40 ? String(value.prefix(40)) + "…" : value
            return "a string \"\(shown)\""
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}

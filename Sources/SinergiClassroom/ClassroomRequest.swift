import Foundation

/// Decoding of request bodies: strict, with messages a person can act on.
///
/// Every body is parsed as JSON, then decoded by a decoder that records which keys the
/// target type asked for. A key the type never asked for, a missing field and a value of
/// the wrong type are 400 errors whose message gives the JSON path (`settings.levers.training.intensity`)
/// and whose `expected` is an example of an accepted body.
public enum ClassroomRequest {
    /// Decodes `data` as a `T`.
    ///
    /// - Throws: a 400 ``ClassroomError`` when the body is not JSON, a field is missing or
    ///   has the wrong type, or an object holds a key `T` does not know. The `expected`
    ///   example is `T`'s ``ClassroomRequestExample/example`` when it has one.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(ClassroomError) -> T {
        let example = (T.self as? any ClassroomRequestExample.Type)?.example ?? ""
        func fail(_ message: String) -> ClassroomError { .badRequest(message, expected: example) }
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw fail("the body is not valid JSON")
        }
        let tracker = KeyTracker()
        let value: T
        do {
            value = try T(from: TreeDecoder(value: root, codingPath: [], tracker: tracker))
        } catch let error as ClassroomError {
            throw fail(error.message)
        } catch {
            throw fail("the body could not be read: \(error)")
        }
        if let unknown = tracker.firstUnknownKey(in: root) { throw fail(unknown) }
        return value
    }
}

/// A request body type with an example the error messages show.
public protocol ClassroomRequestExample {
    /// A body that would be accepted, as JSON text.
    static var example: String { get }
}

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

/// Which keys of which objects the decoded type asked for.
final class KeyTracker {
    /// Keys asked for, by the path of their object.
    private var asked: [String: Set<String>] = [:]
    /// Objects whose every key was taken (dictionaries).
    private var open: Set<String> = []

    func ask(_ key: String, at path: String) { asked[path, default: []].insert(key) }
    func register(_ path: String) { if asked[path] == nil { asked[path] = [] } }
    func openAll(at path: String) { open.insert(path) }

    /// The first key (depth first, keys sorted) of an object the type read that it never
    /// asked for, as a message.
    func firstUnknownKey(in value: JSONValue, path: String = "") -> String? {
        switch value {
        case .object(let members):
            for key in members.keys.sorted() {
                let full = path.isEmpty ? key : path + "." + key
                if let known = asked[path], !open.contains(path), !known.contains(key) {
                    let allowed = known.sorted().map { "'\($0)'" }.joined(separator: ", ")
                    let place = path.isEmpty ? "the body" : "'\(path)'"
                    return known.isEmpty
                        ? "unknown key '\(full)'; \(place) takes no keys"
                        : "unknown key '\(full)'; the keys of \(place) are \(allowed)"
                }
                if let inner = firstUnknownKey(in: members[key]!, path: full) { return inner }
            }
        case .array(let items):
            for (index, item) in items.enumerated() {
                if let inner = firstUnknownKey(in: item, path: path + "[\(index)]") { return inner }
            }
        default:
            break
        }
        return nil
    }
}

/// The JSON path of a coding path: `settings.levers.training.intensity`, `items[2]`.
func pathText(_ codingPath: [any CodingKey]) -> String {
    var text = ""
    for key in codingPath {
        if key is IndexKey, let index = key.intValue {
            text += "[\(index)]"
        } else {
            text += text.isEmpty ? key.stringValue : "." + key.stringValue
        }
    }
    return text
}

/// A key for paths into arrays.
struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.intValue = intValue }
}

/// A `Decoder` over a parsed ``JSONValue`` that records the keys asked for and throws
/// ``ClassroomError``s naming the path.
struct TreeDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let tracker: KeyTracker
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else {
            throw typeMismatch(codingPath, expected: "an object", got: value)
        }
        return KeyedDecodingContainer(KeyedContainer<Key>(members: members, codingPath: codingPath, tracker: tracker))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else {
            throw typeMismatch(codingPath, expected: "a list", got: value)
        }
        return UnkeyedContainer(items: items, codingPath: codingPath, tracker: tracker)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleContainer(value: value, codingPath: codingPath, tracker: tracker)
    }
}

/// The error for a value of the wrong type at `path`.
func typeMismatch(_ path: [any CodingKey], expected: String, got value: JSONValue) -> ClassroomError {
    let place = path.isEmpty ? "the body" : "field '\(pathText(path))'"
    return .badRequest("\(place) must be \(expected), got \(value.described)")
}

/// Decodes a primitive or nested value from a JSON value.
func decodeValue<T: Decodable>(_ type: T.Type, from value: JSONValue, path: [any CodingKey], tracker: KeyTracker) throws
    -> T
{
    func number() throws -> (Double, Int64?, UInt64?) {
        guard case .number(let double, let integer, let unsigned) = value else {
            throw typeMismatch(path, expected: T.self is any BinaryInteger.Type ? "an integer" : "a number", got: value)
        }
        return (double, integer, unsigned)
    }
    func integer<I: FixedWidthInteger>(_: I.Type) throws -> I {
        let (double, signed, unsigned) = try number()
        if let signed, let exact = I(exactly: signed) { return exact }
        if let unsigned, let exact = I(exactly: unsigned) { return exact }
        if let exact = I(exactly: double) { return exact }
        throw typeMismatch(path, expected: "an integer in \(I.min)…\(I.max)", got: value)
    }
    switch type {
    case is Bool.Type:
        guard case .bool(let flag) = value else { throw typeMismatch(path, expected: "true or false", got: value) }
        return flag as! T
    case is String.Type:
        guard case .string(let text) = value else { throw typeMismatch(path, expected: "a string", got: value) }
        return text as! T
    case is Double.Type:
        return try number().0 as! T
    case is Float.Type:
        return Float(try number().0) as! T
    case is Int.Type: return try integer(Int.self) as! T
    case is Int64.Type: return try integer(Int64.self) as! T
    case is Int32.Type: return try integer(Int32.self) as! T
    case is UInt64.Type: return try integer(UInt64.self) as! T
    case is UInt.Type: return try integer(UInt.self) as! T
    case is UInt32.Type: return try integer(UInt32.self) as! T
    default:
        return try T(from: TreeDecoder(value: value, codingPath: path, tracker: tracker))
    }
}

struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [String: JSONValue]
    let codingPath: [any CodingKey]
    let tracker: KeyTracker
    private var here: String { pathText(codingPath) }

    init(members: [String: JSONValue], codingPath: [any CodingKey], tracker: KeyTracker) {
        self.members = members
        self.codingPath = codingPath
        self.tracker = tracker
        // Register the object even when the type asks for nothing, so every key is unknown.
        tracker.register(pathText(codingPath))
    }

    var allKeys: [Key] {
        tracker.openAll(at: here)
        return members.keys.compactMap { Key(stringValue: $0) }
    }

    func contains(_ key: Key) -> Bool {
        tracker.ask(key.stringValue, at: here)
        return members[key.stringValue] != nil
    }

    private func member(_ key: Key) throws -> JSONValue {
        tracker.ask(key.stringValue, at: here)
        guard let value = members[key.stringValue] else {
            throw ClassroomError.badRequest("field '\(pathText(codingPath + [key]))' is missing")
        }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        tracker.ask(key.stringValue, at: here)
        if case .null? = members[key.stringValue] { return true }
        return members[key.stringValue] == nil
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let value = try member(key)
        if case .null = value, !(T.self is any ExpressibleByNilLiteral.Type) {
            throw ClassroomError.badRequest("field '\(pathText(codingPath + [key]))' must not be null")
        }
        return try decodeValue(type, from: value, path: codingPath + [key], tracker: tracker)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        tracker.ask(key.stringValue, at: here)
        guard let value = members[key.stringValue] else { return nil }
        if case .null = value { return nil }
        return try decodeValue(type, from: value, path: codingPath + [key], tracker: tracker)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try TreeDecoder(value: member(key), codingPath: codingPath + [key], tracker: tracker).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TreeDecoder(value: member(key), codingPath: codingPath + [key], tracker: tracker).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        TreeDecoder(value: .object(members), codingPath: codingPath, tracker: tracker)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        TreeDecoder(value: try member(key), codingPath: codingPath + [key], tracker: tracker)
    }
}

struct UnkeyedContainer: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let codingPath: [any CodingKey]
    let tracker: KeyTracker
    var currentIndex = 0
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    init(items: [JSONValue], codingPath: [any CodingKey], tracker: KeyTracker) {
        self.items = items
        self.codingPath = codingPath
        self.tracker = tracker
    }

    private mutating func next() throws -> (JSONValue, [any CodingKey]) {
        guard !isAtEnd else {
            throw ClassroomError.badRequest("list '\(pathText(codingPath))' has too few items")
        }
        defer { currentIndex += 1 }
        return (items[currentIndex], codingPath + [IndexKey(currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, case .null = items[currentIndex] else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, path) = try next()
        return try decodeValue(type, from: value, path: path, tracker: tracker)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        let (value, path) = try next()
        return try TreeDecoder(value: value, codingPath: path, tracker: tracker).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (value, path) = try next()
        return try TreeDecoder(value: value, codingPath: path, tracker: tracker).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (value, path) = try next()
        return TreeDecoder(value: value, codingPath: path, tracker: tracker)
    }
}

struct SingleContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let tracker: KeyTracker

    func decodeNil() -> Bool {
        if case .null = value { return true }
        return false
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decodeValue(type, from: value, path: codingPath, tracker: tracker)
    }
}

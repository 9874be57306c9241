/// The fields of a JSON object as ``TreeDecoder`` reads them: each key asked for is
/// recorded, and a missing or null field is a ``DecodingFailure`` naming its path.
struct TreeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [String: JSONValue]
    let codingPath: [any CodingKey]
    let tracker: KeyTracker
    private var here: String { JSONPath.text(codingPath) }

    init(members: [String: JSONValue], codingPath: [any CodingKey], tracker: KeyTracker) {
        self.members = members
        self.codingPath = codingPath
        self.tracker = tracker
        // Register the object even when the type asks for nothing, so every key is unknown.
        tracker.register(JSONPath.text(codingPath))
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
            throw DecodingFailure("field '\(JSONPath.text(codingPath + [key]))' is missing")
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
            throw DecodingFailure("field '\(JSONPath.text(codingPath + [key]))' must not be null")
        }
        return try TreeDecoder.decodeValue(type, from: value, path: codingPath + [key], tracker: tracker)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        tracker.ask(key.stringValue, at: here)
        guard let value = members[key.stringValue] else { return nil }
        if case .null = value { return nil }
        return try TreeDecoder.decodeValue(type, from: value, path: codingPath + [key], tracker: tracker)
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

/// One JSON value as ``TreeDecoder`` reads it.
struct TreeSingleContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let tracker: KeyTracker

    func decodeNil() -> Bool {
        if case .null = value { return true }
        return false
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try TreeDecoder.decodeValue(type, from: value, path: codingPath, tracker: tracker)
    }
}

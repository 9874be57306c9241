/// A `Decoder` over a parsed ``JSONValue`` that records the keys asked for and throws
/// ``DecodingFailure``s naming the path.
struct TreeDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let tracker: KeyTracker
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else {
            throw DecodingFailure.typeMismatch(codingPath, expected: "an object", got: value)
        }
        return KeyedDecodingContainer(
            TreeKeyedContainer<Key>(members: members, codingPath: codingPath, tracker: tracker))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else {
            throw DecodingFailure.typeMismatch(codingPath, expected: "a list", got: value)
        }
        return TreeUnkeyedContainer(items: items, codingPath: codingPath, tracker: tracker)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        TreeSingleContainer(value: value, codingPath: codingPath, tracker: tracker)
    }

    /// Decodes a primitive or nested value from a JSON value.
    static func decodeValue<T: Decodable>(
        _ type: T.Type, from value: JSONValue, path: [any CodingKey], tracker: KeyTracker
    ) throws
        -> T
    {
        func number() throws -> (Double, Int64?, UInt64?) {
            guard case .number(let double, let integer, let unsigned) = value else {
                throw DecodingFailure.typeMismatch(
                    path, expected: T.self is any BinaryInteger.Type ? "an integer" : "a number", got: value)
            }
            return (double, integer, unsigned)
        }
        func integer<I: FixedWidthInteger>(_: I.Type) throws -> I {
            let (double, signed, unsigned) = try number()
            if let signed, let exact = I(exactly: signed) { return exact }
            if let unsigned, let exact = I(exactly: unsigned) { return exact }
            if let exact = I(exactly: double) { return exact }
            throw DecodingFailure.typeMismatch(path, expected: "an integer in \(I.min)…\(I.max)", got: value)
        }
        switch type {
        case is Bool.Type:
            guard case .bool(let flag) = value else {
                throw DecodingFailure.typeMismatch(path, expected: "true or false", got: value)
            }
            return flag as! T
        case is String.Type:
            guard case .string(let text) = value else {
                throw DecodingFailure.typeMismatch(path, expected: "a string", got: value)
            }
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
}

import Foundation

/// Strict decoding of request bodies, with messages a person can act on.
///
/// Every body is parsed as JSON, then decoded by a ``TreeDecoder`` that records which keys
/// the target type asked for. A key the type never asked for, a missing field and a value
/// of the wrong type are 400 errors whose message gives the JSON path
/// (`settings.levers.training.intensity`) and whose `expected` is an example of an accepted
/// body (docs/classroom-api.md, Conventions).
enum StrictJSON {
    /// Decodes `data` as a `T`.
    ///
    /// - Throws: a 400 ``ErrorReply`` when the body is not JSON, a field is missing or has
    ///   the wrong type, or an object holds a key `T` does not know. Its `expected` is `T`'s
    ///   ``RequestExample/example`` when it has one.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(ErrorReply) -> T {
        let example = (T.self as? any RequestExample.Type)?.example ?? ""
        func fail(_ message: String) -> ErrorReply { ErrorReply(.badRequest, message, expected: example) }
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
        } catch let error as DecodingFailure {
            throw fail(error.message)
        } catch {
            throw fail("the body could not be read: \(error)")
        }
        if let unknown = tracker.firstUnknownKey(in: root) { throw fail(unknown) }
        return value
    }
}

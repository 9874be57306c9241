/// Why a request body does not decode as its type: a message naming the JSON path, such as
/// "field 'agency' is missing". ``StrictJSON`` adds the example body.
struct DecodingFailure: Error, Sendable {
    let message: String

    init(_ message: String) {
        self.message = message
    }

    /// The failure for a value of the wrong type at `path`.
    static func typeMismatch(_ path: [any CodingKey], expected: String, got value: JSONValue) -> DecodingFailure {
        let place = path.isEmpty ? "the body" : "field '\(JSONPath.text(path))'"
        return DecodingFailure("\(place) must be \(expected), got \(value.described)")
    }
}

/// Why a classroom request failed, as the server reports it: an HTTP status, a message
/// naming the offending field or state, and an example of a body that would be accepted
/// (docs/classroom-api.md, Conventions).
public struct ClassroomError: Error, Sendable, Equatable, CustomStringConvertible {
    /// HTTP status: 400 bad request, 404 not found, 409 conflict with the session's state,
    /// 503 no capacity.
    public var status: Int
    /// What is wrong, in one sentence.
    public var message: String
    /// An example of an accepted body; empty when the body is not the problem.
    public var expected: String

    public init(status: Int, message: String, expected: String = "") {
        self.status = status
        self.message = message
        self.expected = expected
    }

    /// 400: the request body is malformed or out of range.
    public static func badRequest(_ message: String, expected: String = "") -> ClassroomError {
        ClassroomError(status: 400, message: message, expected: expected)
    }

    /// 404: no such thing (player token, government, agency).
    public static func notFound(_ message: String) -> ClassroomError {
        ClassroomError(status: 404, message: message)
    }

    /// 409: the request conflicts with the session's state.
    public static func conflict(_ message: String) -> ClassroomError {
        ClassroomError(status: 409, message: message)
    }

    /// The JSON error body of the API: `{"error": message, "expected": example}`.
    public var body: ErrorBody { ErrorBody(error: message, expected: expected) }

    public var description: String { "\(status): \(message)" }

    /// The wire form of an error.
    public struct ErrorBody: Codable, Sendable, Equatable {
        public var error: String
        public var expected: String
    }
}

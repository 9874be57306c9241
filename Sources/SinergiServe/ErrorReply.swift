import Hummingbird

/// The one shape every error of the API takes: a status and two sentences, what went wrong
/// and what a good request looks like (docs/classroom-api.md, Conventions).
struct ErrorReply: Error, Sendable, Encodable, HTTPResponseError {
    let status: HTTPResponse.Status
    let error: String
    let expected: String

    init(_ status: HTTPResponse.Status, _ error: String, expected: String) {
        self.status = status
        self.error = error
        self.expected = expected
    }

    private enum CodingKeys: String, CodingKey { case error, expected }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONBody.response(self, status: status)
    }
}

extension ErrorReply {
    static let bodyTooLarge = ErrorReply(
        .contentTooLarge, "the request body is larger than \(ServerLimits.maxBodyBytes / 1024) KiB",
        expected: "a JSON object of at most \(ServerLimits.maxBodyBytes / 1024) KiB")

    static let internalFailure = ErrorReply(
        .internalServerError, "the server failed to answer this request; the session is unchanged",
        expected: "the same request again, or report the problem")
}

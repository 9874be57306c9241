import Hummingbird

/// The one shape every error of the API takes: a status, two sentences, what went wrong
/// and what a good request looks like, and a stable machine `code` (with the `parameters`
/// its sentence names) that the pages translate (docs/classroom-api.md, Conventions).
struct ErrorReply: Error, Sendable, Encodable, HTTPResponseError {
    let status: HTTPResponse.Status
    let error: String
    let expected: String
    var code: String
    let parameters: [String: String]

    init(
        _ status: HTTPResponse.Status, _ error: String, expected: String, code: Code? = nil,
        parameters: [String: String] = [:]
    ) {
        self.status = status
        self.error = error
        self.expected = expected
        self.code = code?.rawValue ?? Self.generic(status).rawValue
        self.parameters = parameters
    }

    /// The codes of the server's own refusals; the classroom's are ``ClassroomError/Code``.
    /// Every code, both lists and the generic ones, has an entry `error.CODE` in each of the
    /// pages' catalogues.
    enum Code: String, Sendable, CaseIterable {
        // Generic, by status, for refusals without a code of their own.
        case badRequest = "bad_request"
        case forbidden
        case notFound = "not_found"
        case conflict
        case contentTooLarge = "content_too_large"
        case unsupportedMediaType = "unsupported_media_type"
        case misdirectedRequest = "misdirected_request"
        case tooManyRequests = "too_many_requests"
        case serviceUnavailable = "service_unavailable"
        case internalFailure = "internal"
        // The server's own refusals a class meets.
        case noSession = "no_session"
        case lecturerOnly = "lecturer_only"
        case sessionsFull = "sessions_full"
        case sessionsPerClient = "sessions_per_client"
        case playersPerClient = "players_per_client"
        case futuresRunning = "futures_running"
        case futuresBusy = "futures_busy"
        case futuresPerClient = "futures_per_client"
    }

    /// The code of a refusal with no code of its own.
    static func generic(_ status: HTTPResponse.Status) -> Code {
        switch status.code {
        case 403: .forbidden
        case 404: .notFound
        case 409: .conflict
        case 413: .contentTooLarge
        case 415: .unsupportedMediaType
        case 421: .misdirectedRequest
        case 429: .tooManyRequests
        case 503: .serviceUnavailable
        case 500...: .internalFailure
        default: .badRequest
        }
    }

    private enum CodingKeys: String, CodingKey { case error, expected, code, parameters }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(error, forKey: .error)
        try container.encode(expected, forKey: .expected)
        try container.encode(code, forKey: .code)
        if !parameters.isEmpty { try container.encode(parameters, forKey: .parameters) }
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONBody.response(self, status: status)
    }
}

extension ErrorReply {
    static let bodyTooLarge = ErrorReply(
        .contentTooLarge, "the request body is larger than \(ServerLimits.maxBodyBytes / 1024) KiB",
        expected: "a JSON object of at most \(ServerLimits.maxBodyBytes / 1024) KiB",
        parameters: ["kib": String(ServerLimits.maxBodyBytes / 1024)])

    static let internalFailure = ErrorReply(
        .internalServerError, "the server failed to answer this request; the session is unchanged",
        expected: "the same request again, or report the problem")
}

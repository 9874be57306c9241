import Hummingbird

/// Refuses requests that do not come from the server's own pages:
///
/// - a `Host` that is not one of the ``ServedAddresses`` is a 421, whatever the method: a
///   page of another site whose name was pointed at this machine (DNS rebinding) names
///   its own host there;
/// - a state-changing request (POST, PUT, PATCH, DELETE) whose `Origin` is not the
///   server's own (`http://` and the host and port of `Host`; the server speaks no TLS)
///   is a 403: a
///   browser sends the page's origin with such a request, so a page of another site
///   cannot create or change a session; a request without `Origin` (a script, curl) is
///   not a browser's cross-origin request and passes;
/// - a body of a state-changing request without `Content-Type: application/json` is a
///   415: the content types an HTML form or a plain cross-origin fetch may send without
///   asking the server first are not JSON.
///
/// It runs after ``ErrorMiddleware`` (which has read the body and turns its refusals into
/// the API's JSON errors).
struct SameOriginMiddleware<Context: RequestContext>: RouterMiddleware {
    let served: ServedAddresses

    static var stateChanging: Set<HTTPRequest.Method> { [.post, .put, .patch, .delete] }

    func handle(_ input: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var request = input
        let host = try checkHost(request)
        if Self.stateChanging.contains(request.method) {
            try checkOrigin(request, host: host)
            let body = try await request.collectBody(upTo: ServerLimits.maxBodyBytes)
            if body.readableBytes > 0 { try Self.checkContentType(request) }
        }
        return try await next(request, context)
    }

    /// The request's host and port; a 421 when it is missing or not served.
    func checkHost(_ request: Request) throws -> (host: String, port: Int?) {
        let authority = request.head.authority
        guard let authority, let parsed = ServedAddresses.split(authority: Substring(authority)) else {
            throw ErrorReply(
                .misdirectedRequest, "the request has no Host header or a malformed one",
                expected: "a request with 'Host: ADDRESS:PORT', ADDRESS one of the server's: \(shownHosts)")
        }
        guard served.serves(parsed.host) else {
            throw ErrorReply(
                .misdirectedRequest,
                "this server does not answer to the host '\(String(parsed.host.prefix(60)))'",
                expected:
                    "a request to one of the server's addresses (\(shownHosts)), or a server started with --allow-host for that name"
            )
        }
        return parsed
    }

    /// A 403 when the request's `Origin` is not the origin of `host`.
    func checkOrigin(_ request: Request, host: (host: String, port: Int?)) throws {
        guard let origin = request.headers[.origin] else { return }
        let refusal = ErrorReply(
            .forbidden,
            "\(request.method) \(request.uri.path) from a page of another origin ('\(String(origin.prefix(80)))') is refused",
            expected:
                "the request from the server's own pages, whose origin is http://\(host.host)\(host.port.map { ":\($0)" } ?? "")"
        )
        var scheme = "", rest = Substring(origin)
        if let range = origin.range(of: "://") {
            scheme = origin[..<range.lowerBound].lowercased()
            rest = origin[range.upperBound...]
        }
        guard scheme == "http", !rest.contains("/"),
            let parsed = ServedAddresses.split(authority: rest)
        else { throw refusal }
        let sameHost = ServedAddresses.normalized(parsed.host) == ServedAddresses.normalized(host.host)
        let samePort = (parsed.port ?? 80) == (host.port ?? 80)
        guard sameHost, samePort else { throw refusal }
    }

    /// A 415 unless the request's content type is `application/json` (parameters allowed).
    static func checkContentType(_ request: Request) throws {
        let given = request.headers[.contentType] ?? ""
        let type = given.split(separator: ";", maxSplits: 1).first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard type == "application/json" else {
            throw ErrorReply(
                .unsupportedMediaType,
                given.isEmpty
                    ? "the request has a body but no Content-Type"
                    : "the body's Content-Type is '\(String(given.prefix(60)))', not application/json",
                expected: "the header 'Content-Type: application/json' and a JSON body")
        }
    }

    private var shownHosts: String { served.hosts.sorted().prefix(12).joined(separator: ", ") }
}

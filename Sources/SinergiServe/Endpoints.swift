import Hummingbird

/// The server's routes as people read them, for the `expected` of a 404: an unknown path
/// lists them all; a known path asked with the wrong method names the right one.
enum Endpoints {
    static let all: [(method: HTTPRequest.Method, path: String)] = [
        (.get, "/"), (.get, "/join"), (.get, "/assets/{name}"), (.get, "/health"),
        (.get, "/api/scenario"),
        (.get, "/api/sessions"), (.post, "/api/sessions"),
        (.get, "/api/sessions/{id}"), (.delete, "/api/sessions/{id}"),
        (.post, "/api/sessions/{id}/setup"), (.post, "/api/sessions/{id}/step"),
        (.post, "/api/sessions/{id}/lever"), (.post, "/api/sessions/{id}/futures"),
        (.get, "/api/sessions/{id}/scenario.yaml"), (.get, "/api/sessions/{id}/timeseries.csv"),
        (.get, "/api/sessions/{id}/moves.csv"), (.get, "/api/sessions/{id}/join"),
        (.get, "/api/sessions/{id}/join.svg"),
        (.post, "/api/sessions/{id}/players"), (.post, "/api/sessions/{id}/players/{token}/stance"),
    ]

    static var catalogue: String {
        "one of: " + all.map { "\($0.method) \($0.path)" }.joined(separator: ", ")
    }

    /// The 404 for a request no route answers.
    static func notFound(_ request: Request) -> ErrorReply {
        let path = request.uri.path
        let methods = all.filter { matches(pattern: $0.path, path: path) }.map(\.method)
        if !methods.isEmpty {
            let allowed = methods.map { "\($0) \(path)" }.joined(separator: " or ")
            return ErrorReply(.notFound, "\(path) does not answer \(request.method)", expected: allowed)
        }
        return ErrorReply(.notFound, "no such page or endpoint: \(request.method) \(path)", expected: catalogue)
    }

    /// What to do instead of a request to `endpoint` that the session core refused with
    /// `status`: an example of the endpoint's body for a 400, the way out of the conflict
    /// for a 409, where the token comes from for a 404.
    static func remedy(for endpoint: String?, status: HTTPResponse.Status) -> String {
        switch (endpoint ?? "", status.code) {
        case ("/api/sessions", 400), ("/api/sessions/{id}/setup", 400): SettingsRequest.example
        case ("/api/sessions/{id}/step", 400): StepRequest.example
        case ("/api/sessions/{id}/lever", 400): LeverRequest.example
        case ("/api/sessions/{id}/futures", 400): FuturesRequest.example
        case ("/api/sessions/{id}/players", 400): JoinRequest.example
        case ("/api/sessions/{id}/players/{token}/stance", 400): StanceRequest.example
        case ("/api/sessions/{id}/step", 409), ("/api/sessions/{id}/lever", 409):
            "POST /api/sessions/{id}/setup with {} to start the run again at month 0"
        case ("/api/sessions/{id}/players/{token}/stance", 409):
            "a stance for the session's current month: {\"month\": M, \"shareData\": true, \"training\": false, \"commitBudget\": true} with M the 'month' of GET /api/sessions/{id}"
        case ("/api/sessions/{id}/players/{token}/stance", 404):
            "the token POST /api/sessions/{id}/players returned when the player joined"
        case ("/api/sessions/{id}/players", 409):
            "a session set up with {\"settings\": {\"participation\": true}} and fewer than 200 players"
        case (let path, _) where !path.isEmpty:
            "a request to \(path) as docs/classroom-api.md describes it"
        default:
            catalogue
        }
    }

    static func matches(pattern: String, path: String) -> Bool {
        let wanted = pattern.split(separator: "/", omittingEmptySubsequences: true)
        let given = path.split(separator: "/", omittingEmptySubsequences: true)
        guard wanted.count == given.count else { return false }
        return zip(wanted, given).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
    }
}

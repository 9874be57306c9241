import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One reply as the tests look at it.
struct HTTPReply: Sendable {
    var status: Int
    var body: Data
    var contentType: String?

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object, nil when it is not one.
    var object: [String: any Sendable]? {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: any Sendable]
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: body)
    }

    /// The JSON body of an error of the API (docs/classroom-api.md, Conventions).
    struct ErrorBody: Decodable {
        let error: String
        let expected: String
    }
}

/// A small HTTP client for the tests: its own URLSession (so several clients truly run
/// side by side, each with its own connections), no caching, no cookies.
///
/// Like the lecturer's page, a client keeps the `lecturerToken` of each session it created
/// (the 201 of `POST /api/sessions`) and sends it as `Authorization: Bearer …` with every
/// request to that session; another client (a student, another page) does not have it.
final class HTTPTestClient: Sendable {
    let base: URL
    private let session: URLSession
    private let lecturerTokens = Mutex<[String: String]>([:])

    init(base: URL, timeout: TimeInterval = 30) {
        self.base = base
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpMaximumConnectionsPerHost = 2
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    deinit { session.finishTasksAndInvalidate() }

    func get(_ path: String) async throws -> HTTPReply {
        try await send("GET", path)
    }

    func post(_ path: String, json: String) async throws -> HTTPReply {
        try await send("POST", path, body: Data(json.utf8))
    }

    func post(_ path: String, _ value: some Encodable) async throws -> HTTPReply {
        try await send("POST", path, body: try JSONEncoder().encode(value))
    }

    func delete(_ path: String) async throws -> HTTPReply {
        try await send("DELETE", path)
    }

    /// Sends a request; `headers` are added as given (a value of nil leaves a header out).
    func send(
        _ method: String, _ path: String, body: Data? = nil, contentType: String? = "application/json",
        headers: [String: String] = [:]
    ) async throws -> HTTPReply {
        var request = URLRequest(url: URL(string: path, relativeTo: base)!.absoluteURL)
        request.httpMethod = method
        if let body {
            request.httpBody = body
            if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        }
        if let token = lecturerToken(forPath: path) {
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        let reply = HTTPReply(
            status: http.statusCode, body: data, contentType: http.value(forHTTPHeaderField: "Content-Type"))
        if method == "POST", path == "/api/sessions", reply.status == 201, let object = reply.object,
            let id = object["id"] as? String, let token = object["lecturerToken"] as? String
        {
            lecturerTokens.withLock { $0[id] = token }
        }
        return reply
    }

    /// The lecturer token this client holds for the session of `path`, if any.
    func lecturerToken(forPath path: String) -> String? {
        let parts = path.split(separator: "?")[0].split(separator: "/")
        guard parts.count >= 3, parts[0] == "api", parts[1] == "sessions" else { return nil }
        return lecturerToken(String(parts[2]))
    }

    /// Makes this client hold `token` for session `id` (another tab of the same lecturer).
    func hold(lecturerToken token: String, for id: String) { lecturerTokens.withLock { $0[id] = token } }

    /// The lecturer token this client holds for session `id`, if any.
    func lecturerToken(_ id: String) -> String? { lecturerTokens.withLock { $0[id] } }
}

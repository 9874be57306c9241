import Foundation
import SinergiClassroom

@testable import SinergiServe

/// The classroom API as a test drives it: typed calls that check the status and decode
/// the reply with the server's own wire types.
struct APIClient: Sendable {
    let http: HTTPTestClient

    init(_ server: LiveServer, timeout: TimeInterval = 30) {
        http = HTTPTestClient(base: server.baseURL, timeout: timeout)
    }

    struct Created: Decodable { let id: String; let lecturerToken: String; let state: SessionState }

    struct UnexpectedReply: Error, CustomStringConvertible {
        let reply: HTTPReply
        let wanted: Int
        var description: String { "wanted \(wanted), got \(reply.status): \(reply.text.prefix(300))" }
    }

    /// The reply when its status is `status`; throws otherwise.
    func expect(_ reply: HTTPReply, _ status: Int) throws -> HTTPReply {
        guard reply.status == status else { throw UnexpectedReply(reply: reply, wanted: status) }
        return reply
    }

    func createSession(_ settings: ClassroomSettings = ClassroomSettings()) async throws -> Created {
        try expect(try await http.post("/api/sessions", SettingsRequest(settings: settings)), 201).decode(Created.self)
    }

    func state(_ id: String, since: Int? = nil) async throws -> SessionState {
        let query = since.map { "?since=\($0)" } ?? ""
        return try expect(try await http.get("/api/sessions/\(id)\(query)"), 200).decode(SessionState.self)
    }

    func step(_ id: String, months: Int = 1) async throws -> StepReply {
        try expect(try await http.post("/api/sessions/\(id)/step", StepRequest(months: months)), 200).decode(
            StepReply.self)
    }

    func setup(_ id: String, _ settings: ClassroomSettings? = nil) async throws -> SessionState {
        try expect(try await http.post("/api/sessions/\(id)/setup", SettingsRequest(settings: settings)), 200)
            .decode(SessionState.self)
    }

    func lever(_ id: String, _ lever: String, on: Bool, intensity: Double? = nil) async throws -> SessionState {
        try expect(
            try await http.post("/api/sessions/\(id)/lever", LeverRequest(lever: lever, on: on, intensity: intensity)),
            200
        )
        .decode(SessionState.self)
    }

    func join(_ id: String, government: Int = 0, agency: Int, name: String) async throws -> JoinReply {
        try expect(
            try await http.post(
                "/api/sessions/\(id)/players", JoinRequest(government: government, agency: agency, name: name)), 201
        )
        .decode(JoinReply.self)
    }

    func futures(_ id: String, count: Int) async throws -> FuturesJSON {
        try expect(try await http.post("/api/sessions/\(id)/futures", FuturesRequest(count: count)), 200).decode(
            FuturesJSON.self)
    }
}

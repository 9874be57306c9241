import Foundation
import SinergiClassroom
import Testing

@testable import SinergiServe

/// Every kind of bad request gets its status and a JSON body naming the problem and a
/// good request; none brings the server down or changes a session.
@Suite struct MalformedRequestTests {
    struct BadRequest: Sendable, CustomStringConvertible {
        let what: String
        let method: String
        /// `SESSION` and `TOKEN` are replaced by a live session's id and player token.
        let path: String
        let body: Data?
        let status: Int

        init(_ what: String, _ method: String, _ path: String, _ body: String? = nil, _ status: Int) {
            self.init(what, method, path, bytes: body.map { Data($0.utf8) }, status)
        }

        init(_ what: String, _ method: String, _ path: String, bytes body: Data?, _ status: Int) {
            self.what = what
            self.method = method
            self.path = path
            self.body = body
            self.status = status
        }

        var description: String { what }
    }

    static let step = "/api/sessions/SESSION/step"
    static let stance = "/api/sessions/SESSION/players/TOKEN/stance"

    static let cases: [BadRequest] = [
        BadRequest("not JSON", "POST", step, "months=1", 400),
        BadRequest("truncated JSON", "POST", step, #"{"months": "#, 400),
        BadRequest("empty body where one is needed", "POST", step, "", 400),
        BadRequest("a list instead of an object", "POST", step, "[1]", 400),
        BadRequest("null body", "POST", step, "null", 400),
        BadRequest("invalid UTF-8", "POST", step, bytes: Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D]), 400),
        BadRequest(
            "nesting deeper than any parser should follow", "POST", step, String(repeating: "[", count: 30_000), 400),
        BadRequest("wrong type: months as a string", "POST", step, #"{"months": "two"}"#, 400),
        BadRequest(
            "wrong type: on as a string", "POST", "/api/sessions/SESSION/lever", #"{"lever": "training", "on": "yes"}"#,
            400),
        BadRequest("wrong type: months as a fraction", "POST", step, #"{"months": 1.5}"#, 400),
        BadRequest("missing field", "POST", step, "{}", 400),
        BadRequest("unknown key in a step", "POST", step, #"{"months": 1, "weeks": 2}"#, 400),
        BadRequest("unknown key in settings", "POST", "/api/sessions", #"{"settings": {"sead": 3}}"#, 400),
        BadRequest("unknown construct", "POST", "/api/sessions", #"{"settings": {"constructs": {"egoo": 0.5}}}"#, 400),
        BadRequest(
            "construct out of range", "POST", "/api/sessions/SESSION/setup",
            #"{"settings": {"constructs": {"ego": 7}}}"#, 400),
        BadRequest("huge body", "POST", step, bytes: Data(repeating: UInt8(ascii: " "), count: 200 * 1024), 413),
        BadRequest(
            "body just over the limit", "POST", "/api/sessions",
            "{\"settings\": {}}" + String(repeating: " ", count: 64 * 1024), 413),
        BadRequest("unknown session", "POST", "/api/sessions/ZZZZZZ/step", #"{"months": 1}"#, 404),
        BadRequest("malformed session id", "GET", "/api/sessions/not-an-id", nil, 404),
        BadRequest("unknown session, delete", "DELETE", "/api/sessions/ZZZZZZ", nil, 404),
        BadRequest("unknown lever", "POST", "/api/sessions/SESSION/lever", #"{"lever": "magic", "on": true}"#, 400),
        BadRequest(
            "lever intensity out of range", "POST", "/api/sessions/SESSION/lever",
            #"{"lever": "training", "on": true, "intensity": 1.5}"#, 400),
        BadRequest("stale month", "POST", stance, #"{"month": 0, "shareData": true}"#, 409),
        BadRequest("month not started", "POST", stance, #"{"month": 9, "shareData": true}"#, 409),
        BadRequest("unknown player token", "POST", "/api/sessions/SESSION/players/nope/stance", #"{"month": 2}"#, 404),
        BadRequest("negative months", "POST", step, #"{"months": -1}"#, 400),
        BadRequest("zero months", "POST", step, #"{"months": 0}"#, 400),
        BadRequest("too many months at once", "POST", step, #"{"months": 13}"#, 400),
        BadRequest("negative since", "GET", "/api/sessions/SESSION?since=-3", nil, 400),
        BadRequest("since not a number", "GET", "/api/sessions/SESSION?since=soon", nil, 400),
        BadRequest("futures count zero", "POST", "/api/sessions/SESSION/futures", #"{"count": 0}"#, 400),
        BadRequest("futures count too large", "POST", "/api/sessions/SESSION/futures", #"{"count": 5000}"#, 400),
        BadRequest(
            "player of an agency that does not exist", "POST", "/api/sessions/SESSION/players",
            #"{"government": 0, "agency": 99, "name": "Ani"}"#, 400),
        BadRequest(
            "player without a name", "POST", "/api/sessions/SESSION/players",
            #"{"government": 0, "agency": 1, "name": ""}"#, 400),
        BadRequest("unknown path", "GET", "/api/nothing", nil, 404),
        BadRequest("unknown path below a session", "GET", "/api/sessions/SESSION/nothing", nil, 404),
        BadRequest("wrong method on step", "GET", step, nil, 404),
        BadRequest("wrong method on sessions", "PUT", "/api/sessions", "{}", 404),
        BadRequest("wrong method on health", "DELETE", "/health", nil, 404),
    ]

    @Test func everyBadRequestGetsItsStatusAndAJSONError() async throws {
        try await LiveServer.with { server in
            let api = APIClient(server)
            let id = try await api.createSession(ClassroomSettings(participation: true)).id
            let token = try await api.join(id, agency: 1, name: "Ani").token
            _ = try await api.step(id, months: 2)
            let before = try await api.state(id)

            for bad in Self.cases {
                let path = bad.path.replacingOccurrences(of: "SESSION", with: id).replacingOccurrences(
                    of: "TOKEN", with: token)
                let reply = try await api.http.send(bad.method, path, body: bad.body)
                #expect(reply.status == bad.status, "\(bad.what): \(reply.status) \(reply.text.prefix(200))")
                #expect(reply.contentType == "application/json; charset=utf-8", "\(bad.what)")
                let object = reply.object
                #expect((object?["error"] as? String)?.isEmpty == false, "\(bad.what): \(reply.text.prefix(200))")
                #expect((object?["expected"] as? String)?.isEmpty == false, "\(bad.what): \(reply.text.prefix(200))")
                #expect((object?["code"] as? String)?.isEmpty == false, "\(bad.what): \(reply.text.prefix(200))")
                let known: Set<String> = ["error", "expected", "code", "parameters"]
                let keys = Set((object ?? [:]).keys)
                #expect(keys.isSubset(of: known), "\(bad.what): only error, expected, code, parameters")
            }

            // Nothing changed, the server is up and a good request still works.
            let after = try await api.state(id)
            #expect(after == before)
            let health = try await api.http.get("/health")
            #expect(health.status == 200)
            let stepped = try await api.step(id)
            #expect(stepped.state.month == 3)
        }
    }
}

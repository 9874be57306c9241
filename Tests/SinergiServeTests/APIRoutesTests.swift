import Foundation
import SinergiClassroom
import Testing

@testable import SinergiServe

/// The API of docs/classroom-api.md end to end over loopback.
@Suite struct APIRoutesTests {
    @Test func scenarioDescribesTheControls() async throws {
        try await LiveServer.with { server in
            let api = APIClient(server)
            let description = try api.expect(try await api.http.get("/api/scenario"), 200).decode(
                ScenarioDescription.self)
            #expect(description.name == "Classroom")
            #expect(description.months == 60)
            #expect(description.constructs.map(\.key).first == "ego")
            #expect(!description.levers.isEmpty)
            #expect(!description.governments.isEmpty)
        }
    }

    @Test func aLectureFromSetupToExport() async throws {
        try await LiveServer.with { server in
            let api = APIClient(server)
            let created = try await api.createSession(ClassroomSettings(seed: 7, participation: true))
            #expect(SessionRegistry<LiveSession>.isWellFormed(created.id))
            #expect(created.state.month == 0)
            #expect(created.state.frames?.count == 1)

            let list =
                try api.expect(try await api.http.get("/api/sessions"), 200).object?["sessions"] as? [[String: Any]]
            #expect(list?.count == 1)
            #expect(list?.first?["id"] == nil, "the list gives no join codes")
            #expect(list.map { "\($0)" }?.contains(created.id) == false)
            #expect(list.map { "\($0)" }?.contains(created.lecturerToken) == false)

            let stepped = try await api.step(created.id, months: 3)
            #expect(stepped.frames.map(\.month) == [1, 2, 3])
            #expect(stepped.state.month == 3)
            #expect(stepped.state.frames == nil)

            let leverState = try await api.lever(created.id, "training", on: true, intensity: 0.6)
            #expect(leverState.schedule.contains { $0.lever == "training" && $0.start == 3 })

            let player = try await api.join(created.id, agency: 1, name: "Ani")
            let stance = try await api.http.post(
                "/api/sessions/\(created.id)/players/\(player.token)/stance",
                json: #"{"month": 3, "shareData": true, "training": false, "commitBudget": true}"#)
            #expect(stance.status == 200)
            #expect(stance.object?["accepted"] as? Bool == true)
            _ = try await api.step(created.id)
            let state = try await api.state(created.id, since: 2)
            #expect(state.frames?.map(\.month) == [3, 4])
            #expect(state.choices.count == 1)

            let futures = try await api.futures(created.id, count: 20)
            #expect(futures.count == 20)
            #expect(futures.governments.first?.bands.spbe.p50.count == 61)

            let yaml = try api.expect(try await api.http.get("/api/sessions/\(created.id)/scenario.yaml"), 200)
            #expect(yaml.contentType == "text/yaml; charset=utf-8")
            #expect(yaml.text.contains("sinergi: 1"))

            let setup = try await api.setup(created.id)
            #expect(setup.month == 0)
            #expect(setup.players.count == 1)

            #expect(try await api.http.delete("/api/sessions/\(created.id)").status == 204)
            #expect(try await api.http.get("/api/sessions/\(created.id)").status == 404)
            let health = try await api.http.get("/health")
            #expect(health.object?["sessions"] as? Int == 0)
        }
    }

    @Test func anEmptyBodyCreatesTheScenarioAsItIs() async throws {
        try await LiveServer.with { server in
            let api = APIClient(server)
            for body in ["", "{}"] {
                let reply = try await api.http.send("POST", "/api/sessions", body: Data(body.utf8))
                #expect(reply.status == 201, "body '\(body)': \(reply.text)")
            }
        }
    }

    @Test func stepsRunUpToTheHorizonThen409() async throws {
        try await LiveServer.with { server in
            let api = APIClient(server)
            let id = try await api.createSession().id
            var month = 0
            while month < 60 { month = try await api.step(id, months: 12).state.month }
            #expect(month == 60)
            let reply = try await api.http.post("/api/sessions/\(id)/step", json: #"{"months": 1}"#)
            #expect(reply.status == 409)
            #expect((reply.object?["expected"] as? String)?.contains("setup") == true)
        }
    }

    /// Rule: a lecturer action needs the lecturer token that only the creating page holds;
    /// the join code lets a student join and send their own stance, nothing else.
    @Test func lecturerActionsNeedTheLecturerToken() async throws {
        try await LiveServer.with { server in
            let lecturer = APIClient(server)
            let created = try await lecturer.createSession(ClassroomSettings(participation: true))
            let id = created.id
            #expect(created.lecturerToken.count == RandomCode.tokenLength)
            let other = try await lecturer.createSession()
            let student = HTTPTestClient(base: server.baseURL)
            let joined = try lecturer.expect(
                try await student.post(
                    "/api/sessions/\(id)/players", json: #"{"government": 0, "agency": 1, "name": "Ani"}"#),
                201
            ).decode(JoinReply.self)

            let actions: [(method: String, path: String, body: String?)] = [
                ("POST", "/api/sessions/\(id)/setup", "{}"),
                ("POST", "/api/sessions/\(id)/step", #"{"months": 1}"#),
                ("POST", "/api/sessions/\(id)/lever", #"{"lever": "training", "on": true}"#),
                ("POST", "/api/sessions/\(id)/futures", #"{"count": 1}"#),
                ("DELETE", "/api/sessions/\(id)", nil),
            ]
            let wrongTokens: [String?] = [
                nil, "Bearer ", "Bearer \(other.lecturerToken)", "Bearer \(joined.token)", created.lecturerToken,
                "Bearer \(created.lecturerToken.dropLast())",
            ]
            for action in actions {
                for wrong in wrongTokens {
                    let reply = try await student.send(
                        action.method, action.path, body: action.body.map { Data($0.utf8) },
                        headers: wrong.map { ["Authorization": $0] } ?? [:])
                    #expect(
                        reply.status == 403,
                        "\(action.method) \(action.path) with \(wrong ?? "no token"): \(reply.text)")
                    #expect((reply.object?["error"] as? String)?.contains("lecturer") == true)
                    #expect((reply.object?["expected"] as? String)?.contains("Authorization: Bearer") == true)
                }
            }
            // Nothing changed; the lecturer's own requests go through.
            let state = try await lecturer.state(id)
            #expect(state.month == 0 && state.schedule.isEmpty && state.players.count == 1)
            let stance = try await student.post(
                "/api/sessions/\(id)/players/\(joined.token)/stance",
                json: #"{"month": 0, "shareData": true, "training": false, "commitBudget": true}"#)
            #expect(stance.status == 200)
            #expect(try await lecturer.step(id).state.month == 1)
            #expect(try await lecturer.http.delete("/api/sessions/\(id)").status == 204)
        }
    }
}

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
            #expect(list?.map { $0["id"] as? String } == [created.id])

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
}

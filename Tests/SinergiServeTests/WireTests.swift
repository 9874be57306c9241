import Foundation
import SinergiClassroom
import SinergiModel
import SinergiScenario
import Testing

@testable import SinergiServe

/// The JSON the server writes from the core's domain values: the keys, nulls and names of
/// docs/classroom-api.md, and the status and `expected` of each refusal of the core.
@Suite struct WireTests {
    static func classroom() throws -> ClassroomScenario {
        try ClassroomScenario(ScenarioLoader.load(path: LiveServer.scenarioPath("Scenarios/classroom.yaml")))
    }

    static func object(_ value: some Encodable) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: JSONBody.encode(value)) as? [String: Any])
    }

    @Test func theDescriptionStartsSlidersAtTheScenariosMeansAndListsTheNetwork() throws {
        let description = ScenarioDescription(try Self.classroom())
        #expect(description.constructs.map(\.key) == Construct.allCases.map(\.rawValue))
        func value(_ key: String) -> Double? { description.constructs.first { $0.key == key }?.value }
        #expect(value("ego") == 0.5 && value("politicalWill") == 0.5 && value("champion") == 0.3)
        #expect(value("legacyLockIn") == 0.7 && value("mandate") == 0.5)
        #expect(description.constructs.first { $0.key == "budget" }?.max == 1.5)
        #expect(description.levers.count == Lever.allCases.count)
        #expect(description.levers.first { $0.key == "training" }?.level == "agency")
        #expect(description.levers.first { $0.key == "champion" }?.level == "government")
        let city = description.governments[0]
        #expect(city.agencies.count == 7 && city.initiatives.count == 3)
        #expect(city.initiatives[0].partners == [1, 2, 0])
        #expect(city.links.allSatisfy { $0.a < $0.b })
        #expect(city.links.contains { $0.a == 0 && $0.b == 1 && $0.initiatives == [0, 1] })
        #expect(description.predicates.map(\.from) == [1.0, 1.8, 2.6, 3.5, 4.2])
        #expect(description.start.year == 2018 && description.months == 60)
        let json = try Self.object(description)
        #expect(json["constructs"] is [Any] && json["seed"] as? String == "1", "seeds are strings")
    }

    @Test func statesEncodeAsTheContractSays() throws {
        let session = try ClassroomSession(
            id: "K7QX2M", scenario: Self.classroom(),
            settings: ClassroomSettings(
                levers: ["training": LeverSetting(intensity: 0.6)],
                participation: true))
        _ = try session.addPlayer(government: 0, agency: 2, name: "Ani")
        let frames = try session.step(months: 1)
        let object = try Self.object(SessionState(session))
        let stateKeys: Set<String> = [
            "id", "month", "months", "finished", "seed", "settings", "pendingSetup", "schedule",
            "frames", "players", "choices",
        ]
        #expect(Set(object.keys) == stateKeys)
        let settings = try #require(object["settings"] as? [String: Any])
        #expect(settings["seed"] as? String == "1", "the seed is filled in, as a string")
        #expect(object["seed"] as? String == "1")
        #expect((settings["levers"] as? [String: [String: Double]]) == ["training": ["intensity": 0.6]])
        let schedule = try #require(object["schedule"] as? [[String: Any]])
        #expect(schedule.first?["end"] is NSNull, "an open entry has end null")
        let player = try #require((object["players"] as? [[String: Any]])?.first)
        #expect(player["stance"] is NSNull && player["token"] == nil)
        let reply = StepReply(frames: frames.map(FrameJSON.init), state: SessionState(session, includeFrames: false))
        let step = try Self.object(reply)
        #expect((step["state"] as? [String: Any])?["frames"] == nil)
        let frame = try #require((step["frames"] as? [[String: Any]])?.first)
        #expect(frame["date"] as? String == "2018-02")
        let government = try #require((frame["governments"] as? [[String: Any]])?.first)
        let governmentKeys: Set<String> = [
            "spbe", "predicate", "meanMaturity", "meanTrust", "meanCommitment", "meanEffort",
            "understanding", "adoption", "internetAccess", "initiatives", "agencies",
        ]
        #expect(Set(government.keys) == governmentKeys)
        let decoded = try JSONDecoder().decode(StepReply.self, from: JSONBody.encode(reply))
        #expect(decoded.frames[0].governments[0].spbe == frames[0].governments[0].spbe, "the engine's value, unrounded")
        let agency = try #require((government["agencies"] as? [[String: Any]])?.first)
        let agencyKeys: Set<String> = [
            "maturity", "budget", "trust", "commitment", "effort", "hr", "motivation", "played",
        ]
        #expect(Set(agency.keys) == agencyKeys)
        #expect((government["initiatives"] as? [[String: Any]])?.first?["status"] as? String == "active")
        #expect(String(decoding: try JSONBody.encode([Double.nan, 1]), as: UTF8.self) == "[null,1]")
    }

    @Test func stancesAndChoicesLeaveOutTheItemsNobodyChose() throws {
        let session = try ClassroomSession(
            id: "STANCE", scenario: Self.classroom(), settings: ClassroomSettings(participation: true))
        let token = try session.addPlayer(government: 0, agency: 1, name: "Budi")
        try session.setStance(token: token, month: 0, Stance(training: true))
        let waiting = try Self.object(SessionState(session, includeFrames: false))
        let player = try #require((waiting["players"] as? [[String: Any]])?.first)
        #expect((player["stance"] as? [String: Bool]) == ["training": true])
        _ = try session.step(months: 1)
        let stepped = try Self.object(SessionState(session, includeFrames: false))
        let choice = try #require((stepped["choices"] as? [[String: Any]])?.first)
        #expect((choice["stance"] as? [String: Bool]) == ["training": true])
        #expect(choice["month"] as? Int == 0 && choice["players"] as? Int == 1 && choice["agency"] as? Int == 1)
        let frame = FrameJSON(session.frames[1])
        #expect(frame.governments[0].agencies.map(\.played) == [false, true, false, false, false, false, false])
    }

    @Test func futuresNameThePredicates() throws {
        let session = try ClassroomSession(id: "FUTURE", scenario: Self.classroom())
        let futures = try session.futuresJob(count: 20).run()
        let json = FuturesJSON(futures)
        let shares = try #require(json.governments.first?.predicateShares)
        #expect(Set(shares.keys) == Set(SPBEPredicate.allCases.map(\.name)))
        for predicate in SPBEPredicate.allCases {
            #expect(shares[predicate.name] == futures.governments[0].predicateShares[predicate])
        }
        #expect(json.governments[0].bands.spbe.p50 == futures.governments[0].bands.spbe.p50)
        let text = String(decoding: try JSONBody.encode(json), as: UTF8.self)
        #expect(text.contains("\"Sangat Baik\":") && !text.contains("nan") && !text.contains("inf"))
    }

    @Test func aRefusalOfTheCoreGetsItsStatusAndWhatToAskInstead() {
        let bad = ErrorReply(ClassroomError.badRequest("field 'months' …"), endpoint: "/api/sessions/{id}/step")
        #expect(bad.status == .badRequest && bad.error == "field 'months' …")
        #expect(bad.expected == StepRequest.example)
        let settings = ErrorReply(ClassroomError.badRequest("unknown construct"), endpoint: "/api/sessions/{id}/setup")
        #expect(settings.expected == SettingsRequest.example)
        #expect(ErrorReply(.badRequest("x"), endpoint: "/api/sessions").expected == SettingsRequest.example)
        #expect(ErrorReply(.badRequest("x"), endpoint: "/api/sessions/{id}/players").expected == JoinRequest.example)
        let finished = ErrorReply(ClassroomError.conflict("the run has finished"), endpoint: "/api/sessions/{id}/step")
        #expect(finished.status == .conflict && finished.expected.contains("/setup"))
        let token = ErrorReply(
            ClassroomError.notFound("no player"), endpoint: "/api/sessions/{id}/players/{token}/stance")
        #expect(token.status == .notFound && token.expected.contains("POST /api/sessions/{id}/players"))
    }
}

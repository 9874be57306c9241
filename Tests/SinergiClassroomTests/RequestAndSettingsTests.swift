import Foundation
import SinergiClassroom
import SinergiModel
import SinergiScenario
import SinergiStats
import Testing

/// Strict request decoding, settings validation and the slider mapping.
@Suite struct RequestAndSettingsTests {
    func failure<T: Decodable>(_ type: T.Type, _ body: String) -> ClassroomError? {
        do {
            _ = try ClassroomRequest.decode(type, from: Data(body.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test func validBodiesDecode() throws {
        let settings = try ClassroomRequest.decode(SettingsRequest.self, from: Data(SettingsRequest.example.utf8))
        #expect(
            settings.settings
                == ClassroomSettings(
                    seed: 1, constructs: ["ego": 0.7, "champion": 0.6],
                    levers: ["training": LeverSetting(intensity: 0.6)],
                    participation: true))
        #expect(try ClassroomRequest.decode(SettingsRequest.self, from: Data("{}".utf8)).settings == nil)
        #expect(
            try ClassroomRequest.decode(SettingsRequest.self, from: Data(#"{"settings": {}}"#.utf8)).settings
                == ClassroomSettings())
        #expect(try ClassroomRequest.decode(StepRequest.self, from: Data(#"{"months": 3}"#.utf8)).months == 3)
        #expect(
            try ClassroomRequest.decode(LeverRequest.self, from: Data(#"{"lever": "training", "on": false}"#.utf8))
                == LeverRequest(lever: "training", on: false))
        #expect(try ClassroomRequest.decode(JoinRequest.self, from: Data(JoinRequest.example.utf8)).name == "Ani")
        let stance = try ClassroomRequest.decode(
            StanceRequest.self, from: Data(#"{"month": 2, "shareData": null, "training": true}"#.utf8))
        #expect(stance.month == 2 && stance.stance == Stance(training: true))
        #expect(try ClassroomRequest.decode(FuturesRequest.self, from: Data(FuturesRequest.example.utf8)).count == 200)
    }

    @Test func unknownKeysWrongTypesMissingFieldsAndNonJSONAreRejectedWithTheirPath() throws {
        let unknown = try #require(failure(SettingsRequest.self, #"{"settings": {"seed": 1, "sliders": {}}}"#))
        #expect(unknown.status == 400)
        #expect(unknown.message.contains("'settings.sliders'"), "\(unknown.message)")
        #expect(unknown.message.contains("'constructs'"), "the allowed keys are listed: \(unknown.message)")
        #expect(unknown.expected == SettingsRequest.example)

        let nested = try #require(
            failure(SettingsRequest.self, #"{"settings": {"levers": {"training": {"intensity": 0.5, "on": true}}}}"#))
        #expect(nested.message.contains("'settings.levers.training.on'"), "\(nested.message)")

        let wrongType = try #require(
            failure(SettingsRequest.self, #"{"settings": {"levers": {"training": {"intensity": "high"}}}}"#))
        #expect(
            wrongType.message == #"field 'settings.levers.training.intensity' must be a number, got a string "high""#)

        let top = try #require(failure(StepRequest.self, #"{"months": 1, "speed": 2}"#))
        #expect(top.message.contains("'speed'") && top.expected == StepRequest.example)

        let missing = try #require(failure(JoinRequest.self, #"{"government": 0, "name": "Ani"}"#))
        #expect(missing.message == "field 'agency' is missing")

        let fraction = try #require(failure(StepRequest.self, #"{"months": 1.5}"#))
        #expect(fraction.message.contains("'months'") && fraction.message.contains("integer"))

        let flag = try #require(failure(LeverRequest.self, #"{"lever": "training", "on": 1}"#))
        #expect(flag.message == "field 'on' must be true or false, got 1")

        #expect(failure(StepRequest.self, "months=1")?.message == "the body is not valid JSON")
        #expect(failure(StepRequest.self, "[1]")?.message.contains("must be an object") == true)
        #expect(failure(StepRequest.self, #"{"months": null}"#)?.status == 400)
    }

    @Test func settingsNameTheBadKeyAndTheAllowedNamesOrRange() throws {
        func message(_ settings: ClassroomSettings) -> String? {
            do { try settings.validate(); return nil } catch { return error.message }
        }
        #expect(message(ClassroomSettings(constructs: ["egoo": 0.5]))?.contains("unknown construct 'egoo'") == true)
        #expect(message(ClassroomSettings(constructs: ["egoo": 0.5]))?.contains("legacyLockIn") == true)
        #expect(
            message(ClassroomSettings(constructs: ["budget": 1.6]))
                == "'settings.constructs.budget' must be a number in [0, 1.5], got 1.6")
        #expect(
            message(ClassroomSettings(constructs: ["hr": 1.2]))
                == "'settings.constructs.hr' must be a number in [0, 1], got 1.2")
        #expect(message(ClassroomSettings(constructs: ["budget": 1.5])) == nil)
        #expect(message(ClassroomSettings(levers: ["mentoring": LeverSetting()]))?.contains("budget_ringfence") == true)
        #expect(
            message(ClassroomSettings(levers: ["training": LeverSetting(intensity: -0.1)]))?.contains("[0, 1]") == true)
    }

    @Test func unsetConstructsLeaveTheScenarioAsItIs() throws {
        for file in ["classroom.yaml", "jambi-province-2018.yaml"] {
            let scenario = try Fixtures.scenario(file)
            if file == "classroom.yaml" {
                #expect(try ClassroomScenario(scenario).input(for: ClassroomSettings()) == scenario.input)
            }
        }
        let classroom = try Fixtures.classroom()
        let moved = try classroom.input(for: ClassroomSettings(constructs: ["champion": 0.9]))
        var expected = classroom.scenario.input
        expected.governments[0].champion = .constant(0.9)
        #expect(moved == expected, "one slider changes one value")
    }

    @Test func slidersMapToTheDocumentedDistributions() throws {
        let classroom = try Fixtures.classroom()
        let all: [String: Double] = [
            "ego": 0.5, "politicalWill": 0.1, "champion": 0.6, "design": 0.4, "budget": 1.4,
            "hr": 0.2, "culture": 0.99, "legacyLockIn": 0.3, "mandate": 0.8,
        ]
        let government = try classroom.input(for: ClassroomSettings(constructs: all)).governments[0]
        #expect(government.politicalWill == .uniform(low: 0, high: 0.30000000000000004))
        #expect(
            government.champion == .constant(0.6) && government.design == .constant(0.4)
                && government.mandate == .constant(0.8))
        let mu = 0.95
        let dynamic = Distribution.beta(alpha: 4 * mu, beta: 4 * (1 - mu))
        for agency in government.agencies {
            #expect(agency.ego == .beta(alpha: 2, beta: 2))
            #expect(agency.budget == .uniform(low: 1.4 - 0.3, high: 1.5))
            #expect(agency.hr == .uniform(low: 0, high: 0.5))
            #expect(agency.culture == dynamic, "μ is clamped to 0.95")
        }
        let lockIn = government.agencies.map(\.legacyLockIn)
        #expect(lockIn[2] == .constant(0.3), "BPKAD holds the legacy system")
        #expect(lockIn.enumerated().allSatisfy { $0.offset == 2 || $0.element == .constant(0) })

        var noHolder = classroom.scenario.input.governments[0]
        noHolder.agencies[2].legacyLockIn = .constant(0)
        #expect(Construct.legacyHolders(noHolder) == [0, 1, 2], "the partners of e-budgeting")
        noHolder.initiatives[1].displacesLegacy = false
        #expect(Construct.legacyHolders(noHolder) == Array(0..<7))
    }

    @Test func theEgoSliderSetsTheMeanEgo() throws {
        let input = try Fixtures.classroom().input(for: ClassroomSettings(constructs: ["ego": 0.8]))
        var egos: [Double] = []
        for r in 0..<300 {
            let live = try LiveRun(input: input, replicateSeed: Fixtures.firstReplicateSeed(UInt64(1000 + r)))
            egos += live.snapshot().governments[0].agencies.map(\.ego)
        }
        let mean = egos.reduce(0, +) / Double(egos.count)
        // Beta(3.2, 0.8): SD = √(0.8·0.2/5) ≈ 0.179; the standard error over 2,100 values is ≈ 0.004.
        #expect(abs(mean - 0.8) < 5 * 0.179 / Double(egos.count).squareRoot(), "mean ego \(mean)")
    }

    @Test func theDescriptionStartsSlidersAtTheScenariosMeansAndListsTheNetwork() throws {
        let description = try Fixtures.classroom().description
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
        let json = try JSONSerialization.jsonObject(with: ClassroomJSON.encode(description)) as? [String: Any]
        #expect(json?["constructs"] is [Any] && json?["seed"] as? Int == 1)
    }

    @Test func scenariosTooBigForAClassAreRefusedNamingTheLimit() throws {
        let national = try Fixtures.scenario("indonesia-548.yaml")
        do {
            _ = try ClassroomScenario(national)
            Issue.record("548 governments are more than a class can follow")
        } catch {
            #expect(error.message.contains("548 governments, more than the 12"))
            #expect(error.message.contains("Scenarios/classroom.yaml"))
        }
    }

    @Test func statesEncodeAsTheContractSays() throws {
        let session = try ClassroomSession(
            id: "K7QX2M", scenario: Fixtures.classroom(),
            settings: ClassroomSettings(
                levers: ["training": LeverSetting(intensity: 0.6)],
                participation: true))
        _ = try session.addPlayer(JoinRequest(government: 0, agency: 2, name: "Ani"))
        let frames = try session.step(months: 1)
        let object = try #require(
            try JSONSerialization.jsonObject(with: ClassroomJSON.encode(session.state())) as? [String: Any])
        let stateKeys: Set<String> = [
            "id", "month", "months", "finished", "seed", "settings", "pendingSetup", "schedule",
            "frames", "players", "choices",
        ]
        #expect(Set(object.keys) == stateKeys)
        let schedule = try #require(object["schedule"] as? [[String: Any]])
        #expect(schedule.first?["end"] is NSNull, "an open entry has end null")
        let player = try #require((object["players"] as? [[String: Any]])?.first)
        #expect(player["stance"] is NSNull && player["token"] == nil)
        let reply = StepReply(frames: frames, state: session.state(includeFrames: false))
        let step = try #require(try JSONSerialization.jsonObject(with: ClassroomJSON.encode(reply)) as? [String: Any])
        #expect((step["state"] as? [String: Any])?["frames"] == nil)
        let frame = try #require((step["frames"] as? [[String: Any]])?.first)
        #expect(frame["date"] as? String == "2018-02")
        let government = try #require((frame["governments"] as? [[String: Any]])?.first)
        let governmentKeys: Set<String> = [
            "spbe", "predicate", "meanMaturity", "meanTrust", "meanCommitment", "meanEffort",
            "understanding", "adoption", "internetAccess", "initiatives", "agencies",
        ]
        #expect(Set(government.keys) == governmentKeys)
        let agency = try #require((government["agencies"] as? [[String: Any]])?.first)
        let agencyKeys: Set<String> = [
            "maturity", "budget", "trust", "commitment", "effort", "hr", "motivation", "played",
        ]
        #expect(Set(agency.keys) == agencyKeys)
        #expect((government["initiatives"] as? [[String: Any]])?.first?["status"] as? String == "active")
        let error = ClassroomError.badRequest("x", expected: "{}").body
        #expect(String(decoding: ClassroomJSON.encode(error), as: UTF8.self) == #"{"error":"x","expected":"{}"}"#)
        #expect(String(decoding: ClassroomJSON.encode([Double.nan, 1]), as: UTF8.self) == "[null,1]")
    }
}

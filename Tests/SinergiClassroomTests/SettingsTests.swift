import SinergiClassroom
import SinergiModel
import SinergiScenario
import SinergiStats
import Testing

/// Settings validation, the slider mapping and the size limits of a class.
@Suite struct SettingsTests {
    @Test func settingsNameTheBadKeyAndTheAllowedNamesOrRange() throws {
        func message(_ settings: ClassroomSettings) -> String? {
            do {
                try settings.validate()
                return nil
            } catch {
                return error.refusal == .badRequest ? error.message : "not a bad request: \(error)"
            }
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
}

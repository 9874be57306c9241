import Foundation
import SinergiModel
import SinergiScenario
import Testing

/// Targets files (`targets: 1`): the shipped one, the statistics, and the checks against
/// the scenario.
@Suite struct CalibrationTargetsTests {
    @Test func theShippedIndonesiaTargetsLoadAgainstTheirScenario() throws {
        let path = Fixtures.scenariosDirectory.appendingPathComponent("targets/indonesia-spbe.yaml").path
        let (targets, source) = try CalibrationTargets.load(path: path)
        #expect(source.scenario.name == "Indonesia 548 2018")
        #expect(targets.scenarioPath.hasSuffix("Scenarios/indonesia-548-2018.yaml"))
        // Month 12·(year − 2018): 2019, 2019, 2020, 2022, 2023 and the held-out 2024.
        #expect(targets.observations.map(\.month) == [12, 12, 24, 48, 60, 72])
        #expect(targets.observations.map(\.heldOut) == [false, false, false, false, false, true])
        #expect(targets.observations.map(\.value) == [0.23, 0.50, 2.14, 2.34, 2.79, 3.12])
        #expect(targets.fitted.count == 5)
        #expect(targets.observations.allSatisfy { $0.outcome == .finalSpbe && $0.metric == .spbe })
        #expect(targets.observations[0].statistic == .shareAtLeast(2.6))
        #expect(targets.observations[1].statistic == .shareAtLeast(2.6))
        // The 2019 shares over the groups they were reported for.
        let kinds = source.scenario.governmentKinds
        let names = source.scenario.input.governments.map(\.name)
        guard case .kinds(let local, let localGovernments) = targets.observations[0].scope,
            case .kinds(let provinces, let provinceGovernments) = targets.observations[1].scope
        else {
            Issue.record("the 2019 shares are scoped by kind")
            return
        }
        #expect(local == ["regency", "city"] && localGovernments.count == 514)
        #expect(provinces == ["province"] && provinceGovernments.count == 34)
        #expect(provinceGovernments == names.indices.filter { kinds[$0] == "province" }.map { names[$0] })
        #expect(targets.observations[2...].allSatisfy { $0.scope == .region })
    }

    static func observation(_ statistic: TargetObservation.Statistic) -> TargetObservation {
        TargetObservation(
            name: "x", outcome: .finalSpbe, metric: .spbe, statistic: statistic, scope: .region, month: 0, value: 0,
            sd: 1, source: "test")
    }

    /// Values worked by hand: 1, 2, 4, 5 have mean 3, population sd √2.5, two of four at or
    /// above 4, and the quantile at p sits at position 3p between the sorted values.
    @Test func theStatisticsOverGovernments() {
        let values = [4.0, 1, 5, 2]
        #expect(Self.observation(.mean).statistic(of: values) == 3)
        #expect(Swift.abs(Self.observation(.sd).statistic(of: values) - 2.5.squareRoot()) < 1e-12)
        #expect(Self.observation(.shareAtLeast(4)).statistic(of: values) == 0.5)
        #expect(Self.observation(.shareAtLeast(5.5)).statistic(of: values) == 0)
        #expect(Self.observation(.quantile(0.5)).statistic(of: values) == 3)
        #expect(Self.observation(.quantile(0)).statistic(of: values) == 1)
        #expect(Self.observation(.quantile(1)).statistic(of: values) == 5)
        #expect(Swift.abs(Self.observation(.quantile(0.25)).statistic(of: values) - 1.75) < 1e-12)
        #expect(Self.observation(.mean).statistic(of: []).isNaN)
    }

    static func problems(_ observation: String, scenario: String = "../classroom.yaml") -> String {
        let path = Fixtures.scenariosDirectory.appendingPathComponent("targets/test.yaml").path
        let text = "targets: 1\nscenario: \(scenario)\nobservations:\n" + observation
        do {
            _ = try CalibrationTargets.parse(text: text, path: path)
            return ""
        } catch {
            return error.description
        }
    }

    static let good = """
          - name: a
            outcome: adoption
            statistic: quantile
            p: 0.5
            scope: Kota Contoh
            month: 60
            value: 0.1
            sd: 0.05
            source: test

        """

    @Test func aValidObservationPasses() {
        #expect(Self.problems(Self.good) == "")
    }

    @Test(arguments: [
        ("sd: 0.05", "sd: -1", "test.yaml:11:9: error: 'sd' must be a number > 0, got -1"),
        ("month: 60", "month: 61", "test.yaml:9:12: error: month 61 is past the scenario's last month, 60"),
        ("scope: Kota Contoh", "scope: Atlantis", "test.yaml:8:12: error: scenario"),
        (
            "outcome: adoption", "outcome: adopton",
            "test.yaml:5:14: error: unknown outcome 'adopton'; did you mean 'adoption'?"
        ),
        ("statistic: quantile", "statistic: median", "test.yaml:6:16: error: unknown statistic 'median'"),
        ("p: 0.5", "p: 1.5", "test.yaml:7:8: error: 'p' must be a number in [0, 1], got 1.5"),
        ("p: 0.5", "threshold: 2.6", "missing required key 'p'"),
        ("source: test", "sourse: test", "unknown key 'sourse' in observation; did you mean 'source'?"),
    ])
    func aBadObservationIsNamedAtItsLine(replace: String, with: String, message: String) {
        let problems = Self.problems(Self.good.replacingOccurrences(of: replace, with: with))
        #expect(problems.contains(message), "\(problems)")
    }

    @Test func aMissingScenarioAndADuplicateNameAreNamed() {
        #expect(Self.problems(Self.good, scenario: "nowhere.yaml").contains("test.yaml:2:11: error: scenario"))
        #expect(Self.problems(Self.good + Self.good).contains("observation 'a' is given twice"))
        #expect(Self.problems("  []\n").contains("'observations' is empty"))
    }

    static let byKind = """
          - name: a
            outcome: spbe
            statistic: share_at_least
            threshold: 2.6
            scope: {kind: [regency, city]}
            month: 12
            value: 0.23
            sd: 0.05
            source: test

        """

    @Test func aScopeByKindTakesTheGovernmentsOfThoseKinds() throws {
        let path = Fixtures.scenariosDirectory.appendingPathComponent("targets/test.yaml").path
        let text = "targets: 1\nscenario: ../jambi-province-2018.yaml\nobservations:\n"
        let (local, _) = try CalibrationTargets.parse(text: text + Self.byKind, path: path)
        let expected = [
            "Jambi City", "Muaro Jambi Regency", "East Tanjung Jabung Regency", "West Tanjung Jabung Regency",
            "Batanghari Regency", "Tebo Regency", "Bungo Regency", "Sarolangun Regency", "Merangin Regency",
            "Kerinci Regency", "Sungai Penuh City",
        ]
        #expect(local.observations[0].scope == .kinds(["regency", "city"], governments: expected))
        #expect(local.observations[0].scope.description == "kind [regency, city]")
        let province = Self.byKind.replacingOccurrences(of: "[regency, city]", with: "province")
        let (provinces, _) = try CalibrationTargets.parse(text: text + province, path: path)
        #expect(provinces.observations[0].scope == .kinds(["province"], governments: ["Jambi Province"]))
        #expect(provinces.observations[0].scope.description == "kind province")
    }

    @Test(arguments: [
        ("[regency, citty]", "8:29", "unknown government kind 'citty'; did you mean 'city'?"),
        ("provnce", "8:19", "unknown government kind 'provnce'; did you mean 'province'?"),
        (
            "[ministry]", "8:20",
            "has no government of kind 'ministry'; its governments' kinds are province, regency, city"
        ),
        ("[]", "8:19", "'kind' is empty"),
        ("[city, city]", "8:26", "kind 'city' is given twice"),
    ])
    func aBadKindIsNamedAtItsLine(kinds: String, location: String, message: String) {
        let observation = Self.byKind.replacingOccurrences(of: "[regency, city]", with: kinds)
        let problems = Self.problems(observation, scenario: "../jambi-province-2018.yaml")
        #expect(problems.contains("test.yaml:\(location): error: "), "\(problems)")
        #expect(problems.contains(message), "\(problems)")
        let unknownKey = Self.byKind.replacingOccurrences(of: "{kind: [regency, city]}", with: "{kinds: city}")
        #expect(
            Self.problems(unknownKey, scenario: "../jambi-province-2018.yaml").contains(
                "test.yaml:8:13: error: unknown key 'kinds' in scope; did you mean 'kind'?"))
    }

    @Test func aKindInAScenarioThatGivesNoKindsIsNamed() {
        let problems = Self.problems(Self.byKind, scenario: "../indonesia-548.yaml")
        #expect(problems.contains("test.yaml:8:20: error: scenario"), "\(problems)")
        #expect(problems.contains("has no government of kind 'regency'; it gives no government a kind"), "\(problems)")
        #expect(problems.contains("test.yaml:8:29: error: scenario"), "\(problems)")
    }
}

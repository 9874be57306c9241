import Foundation
import SinergiModel
import SinergiScenario
import Testing

@testable import SinergiEngine

/// A target's `scope: {kind: …}` runs its statistic over exactly the governments of those
/// kinds (docs/calibration.md, "The targets file").
@Suite struct CalibrationScopeTests {
    static let targets = """
        targets: 1
        scenario: ../jambi-province-2018.yaml
        observations:
          - {name: province, outcome: spbe, statistic: mean, scope: {kind: province}, month: 0, value: 1.8, sd: 0.1, source: test}
          - {name: local, outcome: spbe, statistic: mean, scope: {kind: [regency, city]}, month: 0, value: 1.7, sd: 0.1, source: test}
          - {name: region, outcome: spbe, statistic: mean, scope: region, month: 0, value: 1.7, sd: 0.1, source: test}

        """

    @Test func theStatisticRunsOverTheGovernmentsOfTheKinds() async throws {
        let path = EngineFixtures.packageRoot.appendingPathComponent("Scenarios/targets/test.yaml").path
        let (targets, source) = try CalibrationTargets.parse(text: Self.targets, path: path)
        let names = source.scenario.input.governments.map(\.name)
        // jambi-province-2018.yaml: Jambi Province first, then its eleven regencies and cities.
        #expect(names.count == 12)
        // Each government alone at month 0, to check the statistic over the kinds against.
        let single = names.map { name in
            TargetObservation(
                name: name, outcome: .finalSpbe, metric: .spbe, statistic: .mean, scope: .government(name),
                month: 0, value: 2, sd: 1, source: "test")
        }
        let observations = targets.observations + single
        let model = ScenarioCalibrationModel(
            observations: observations, governments: names, replicates: 1
        ) { _ in source.scenario.input }
        #expect(model.scopes[0] == [0])
        #expect(model.scopes[1] == Array(1..<12))
        #expect(model.scopes[2] == Array(0..<12))
        let outputs = try #require(
            try await model.simulate([CalibrationJob(parameters: [], seed: 7)], threads: 2, control: RunControl()))[0]
        let each = Array(outputs[3...])
        // The province's observed 2018 index (seed 000, Table 2), reproduced at month 0.
        #expect(Swift.abs(outputs[0] - 1.79) < 1e-9)
        #expect(outputs[0] == each[0])
        let local = each[1...].reduce(0, +) / 11
        #expect(Swift.abs(outputs[1] - local) < 1e-12)
        #expect(Swift.abs(outputs[2] - each.reduce(0, +) / 12) < 1e-12)
        #expect(Swift.abs(outputs[1] - outputs[2]) > 1e-6, "the province is not among the regencies and cities")
    }
}

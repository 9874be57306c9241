import Foundation
import Testing

@testable import SinergiScenario

/// Sweep files: read into the command-line options they stand for, and checked like
/// scenarios (every problem at its line and column, unknown keys with a suggestion).
@Suite struct SweepFileTests {
    static func problems(_ text: String, path: String = "sweeps/s.yaml") -> String? {
        do {
            _ = try SweepFile(text: text, path: path)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aFileReadsAsTheOptionsItStandsFor() throws {
        let text = """
            sweep: 1
            scenario: ../classroom.yaml
            factors:
              - {path: parameters.trust.build, low: 0.02, high: 0.2}
              - path: parameters.citizens.imitation
                low: 0.1
                high: 1
                log: true
              - {path: months, values: [36, 60], integer: true}
            design: {method: lhs, points: 16}
            replicates: 4
            seed: 7
            set: [parameters.trust.erode=0.1, 'defaults.agency.ego={uniform: [0.2, 0.4]}']
            heatmaps:
              - [parameters.trust.build, months]
            """
        let file = try SweepFile(text: text, path: "Scenarios/sweeps/s.yaml")
        #expect(file.scenario == "Scenarios/sweeps/../classroom.yaml")
        #expect(
            file.factors.map(\.argument) == [
                "parameters.trust.build=0.02:0.2", "parameters.citizens.imitation=0.1:1,log", "months=36,60,integer",
            ])
        #expect(file.factors.map(\.line) == [4, 5, 9])
        #expect(file.design?.argument == "lhs")
        #expect(file.points == 16 && file.levels == nil)
        #expect(file.replicates == 4 && file.seed == 7)
        #expect(
            file.settings.map(\.argument) == [
                "parameters.trust.erode=0.1", "defaults.agency.ego={uniform: [0.2, 0.4]}",
            ])
        #expect(file.heatmaps.map(\.argument) == ["parameters.trust.build,months"])
    }

    @Test func aCSVDesignAndTheScenarioAreFoundBesideTheFile() throws {
        let text =
            "sweep: 1\nscenario: /abs/c.yaml\nfactors: [{path: months, values: [12]}]\ndesign: {method: csv, file: d.csv}\n"
        let file = try SweepFile(text: text, path: "a/b/s.yaml")
        #expect(file.scenario == "/abs/c.yaml")
        #expect(file.design?.argument == "csv:a/b/d.csv")
        let plain = try SweepFile(
            text: "sweep: 1\nscenario: c.yaml\nfactors: [{path: months, values: [12]}]\ndesign: sobol\n", path: "s.yaml"
        )
        #expect(plain.scenario == "c.yaml")
        #expect(plain.design?.argument == "sobol")
    }

    @Test func aSweepFileIsToldFromAScenarioByItsTopLevelKey() throws {
        #expect(SweepFile.isSweepFile(text: "sweep: 1\nscenario: x.yaml\n"))
        #expect(!SweepFile.isSweepFile(text: "sinergi: 1\nname: x\n"))
        #expect(!SweepFile.isSweepFile(text: "- sweep\n"))
        #expect(!SweepFile.isSweepFile(text: "sweep: [\n"), "not YAML: left to the scenario reader")
        let shipped = Fixtures.scenariosDirectory.appendingPathComponent("sweeps/classroom-trust.yaml").path
        let file = try SweepFile.load(path: shipped)
        #expect(FileManager.default.fileExists(atPath: file.scenario), "\(file.scenario)")
        #expect(try String(contentsOfFile: shipped, encoding: .utf8).contains("# assumption"))
    }

    @Test(arguments: [
        (
            "sweep: 1\nscenario: c.yaml\nfactor: []\n",
            "sweeps/s.yaml:3:1: error: unknown key 'factor' in the sweep file; did you mean 'factors'?"
        ),
        (
            "sweep: 1\nfactors: [{path: months, values: [12]}]\n",
            "sweeps/s.yaml:1:1: error: missing required key 'scenario'"
        ),
        (
            "sweep: 2\nscenario: c.yaml\nfactors: [{path: months, values: [12]}]\n",
            "sweeps/s.yaml:1:8: error: 'sweep': expected the sweep file format version 1"
        ),
        (
            "sweep: 1\nscenario: c.yaml\nfactors:\n  - {path: months, low: 12, values: [12]}\n",
            "sweeps/s.yaml:4:5: error: a factor takes low and high, or values, not both"
        ),
        (
            "sweep: 1\nscenario: c.yaml\nfactors:\n  - {path: months, low: 12}\n",
            "sweeps/s.yaml:4:5: error: missing required key 'high'"
        ),
        (
            "sweep: 1\nscenario: c.yaml\nfactors:\n  - {path: months, low: a, high: 2}\n",
            "sweeps/s.yaml:4:25: error: 'low': expected a number, got string 'a'"
        ),
        (
            "sweep: 1\nscenario: c.yaml\nfactors:\n  - {path: months, lwo: 1, high: 2}\n",
            "sweeps/s.yaml:4:20: error: unknown key 'lwo' in factor; did you mean 'low'?"
        ),
        ("sweep: 1\nscenario: c.yaml\nfactors: []\n", "sweeps/s.yaml:3:10: error: 'factors': give at least one factor"),
        (
            "sweep: 1\nscenario: c.yaml\nfactors: [{path: months, values: [12]}]\ndesign: {method: lsh}\n",
            "sweeps/s.yaml:4:18: error: unknown design method 'lsh'; did you mean 'lhs'?"
        ),
        (
            "sweep: 1\nscenario: c.yaml\nfactors: [{path: months, values: [12]}]\ndesign: {method: csv}\n",
            "sweeps/s.yaml:4:9: error: missing required key 'file'"
        ),
        (
            "sweep: 1\nscenario: c.yaml\nfactors: [{path: months, values: [12]}]\nreplicates: 0\n",
            "sweeps/s.yaml:4:13: error: 'replicates' must be"
        ),
        (
            "sweep: 1\nscenario: c.yaml\nfactors: [{path: months, values: [12]}]\nset: [months]\n",
            "sweeps/s.yaml:4:7: error: 'set':"
        ),
        (
            "sweep: 1\nscenario: c.yaml\nfactors: [{path: months, values: [12]}]\nheatmaps: [[months]]\n",
            "sweeps/s.yaml:4:12: error: 'heatmaps': expected two factor paths [A, B], got 1"
        ),
        (
            "sweep: 1\nscenario: c.yaml\nfactors: [{path: months, values: [12]}]\nseed: -1\n",
            "sweeps/s.yaml:4:7: error: 'seed' must be an integer from 0"
        ),
    ])
    func badFilesAreReportedAtTheirLineAndColumn(_ text: String, _ expected: String) {
        let problems = Self.problems(text)
        #expect(problems?.contains(expected) == true, "\(problems ?? "no error")")
    }

    @Test func everyProblemIsReportedTogether() throws {
        let problems = try #require(Self.problems("sweep: 1\nscenaro: c.yaml\nfactors: 3\n"))
        #expect(problems.split(separator: "\n").count == 3, "\(problems)")
        #expect(problems.contains("did you mean 'scenario'?"))
        #expect(problems.contains("'factors': expected a list"))
    }
}

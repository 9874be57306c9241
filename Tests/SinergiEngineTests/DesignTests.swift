import Foundation
import SinergiEngine
import SinergiScenario
import Testing

/// What every design shares: design.csv, its hash, the overrides of a point, and the
/// choice of method by name.
@Suite struct DesignTests {
    @Test func designCSVHasAPointColumnAndOneColumnPerFactorThatReadBackExactly() throws {
        let factors = [
            try Factor("parameters.trust.build=0:0.3"), try Factor("governments[Kota Contoh].champion=0.1:0.9,log"),
            try Factor("months=12:60,integer"),
        ]
        let design = try LatinHypercubeDesign(points: 12, seed: 4).design(for: factors)
        let lines = design.csv.split(separator: "\n").map(String.init)
        #expect(lines[0] == "point,parameters.trust.build,governments[Kota Contoh].champion,months")
        #expect(lines.count == 13)
        for (index, line) in lines.dropFirst().enumerated() {
            let fields = line.split(separator: ",").map(String.init)
            #expect(fields[0] == String(index))
            #expect(fields.dropFirst().map { Double($0) } == design.points[index].map { Optional($0) })
            #expect(!fields[3].contains("."), "an integer factor is written as a whole number")
        }
    }

    @Test func theHashIsOfTheWrittenFileAndChangesWithAnyValue() throws {
        let factors = [try Factor("parameters.trust.build=0:0.3")]
        let design = try LatinHypercubeDesign(points: 5, seed: 1).design(for: factors)
        let folder = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("design.csv")
        let hash = try design.write(to: url)
        #expect(hash == design.sha256)
        #expect(hash.count == 64 && hash.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(try String(contentsOf: url, encoding: .utf8) == design.csv)
        var changed = design
        changed.points[4][0] = changed.points[4][0].nextUp
        #expect(changed.sha256 != hash)
    }

    @Test func thePointsOverridesSetTheScenario() throws {
        let source = try ScenarioSource.load(
            path: EngineFixtures.packageRoot.appendingPathComponent("Scenarios/classroom.yaml").path)
        let factors = [
            try Factor("parameters.trust.build=0.01:0.2"),
            try Factor("governments[*].agencies[BPKAD].legacyLockIn=0:1"),
            try Factor("months=12:60,integer"),
        ]
        try Factor.check(factors, against: source)
        let design = try SobolDesign(points: 4).design(for: factors)
        for point in 0..<design.count {
            let input = try source.input(with: design.overrides(at: point))
            let values = design.points[point]
            #expect(input.parameters.trust.build == values[0])
            #expect(input.governments[0].agencies.first { $0.name == "BPKAD" }?.legacyLockIn == .constant(values[1]))
            #expect(input.months == Int(values[2]))
        }
    }

    @Test func methodsAreChosenByName() throws {
        let settings = DesignSettings(points: 8, levels: 4, seed: 2)
        #expect(try DesignMethods.method("grid", settings: settings) is GridDesign)
        #expect(try DesignMethods.method("lhs", settings: settings) is LatinHypercubeDesign)
        #expect(try DesignMethods.method("sobol", settings: settings) is SobolDesign)
        #expect(try DesignMethods.method("morris", settings: settings) is MorrisDesign)
        #expect(
            (try DesignMethods.method("csv:my design.csv", settings: settings) as? CSVDesign)?.path == "my design.csv")
        #expect(throws: DesignError.design("sobl", problem: "unknown design 'sobl'; did you mean 'sobol'?")) {
            try DesignMethods.method("sobl", settings: settings)
        }
        #expect(Set(DesignMethods.all.map { $0.name }).count == DesignMethods.all.count)
    }
}

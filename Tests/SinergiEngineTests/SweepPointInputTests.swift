import Foundation
import SinergiModel
import Testing

@testable import SinergiEngine
@testable import SinergiScenario

/// A sweep's points take the short way to their model inputs (their numbers set on the
/// scenario's input) and are compiled from the first point's runner; neither may change a
/// byte of the data files against points read from the file again one by one.
@Suite struct SweepPointInputTests {
    static let factors = [
        "defaults.agency.ego=0.2:0.8", "defaults.government.mandate=0.2:0.8",
        "governments[*].agencies[BPKAD].legacyLockIn=0.3:0.9", "parameters.trust.build=0.02:0.2",
    ]

    static func request(
        _ source: ScenarioSource, design: Design, into: URL, input: @escaping @Sendable (Int) throws -> ModelInput
    ) -> SweepRequest {
        let scenario = source.scenario
        return SweepRequest(
            scenarioPath: scenario.path, scenarioName: scenario.name, slug: scenario.slug,
            scenarioText: scenario.sourceText, resolvedScenario: scenario.resolvedYAML,
            factors: design.factors.map(\.name), designMethod: "lhs, \(design.count) points", design: design.points,
            input: input, governments: scenario.input.governments.map(\.name), replicates: 3, masterSeed: 5,
            threads: 2, outputRoot: into, into: into)
    }

    /// Without `--set`, and with values set under the design's (as `sinergi sweep --set`).
    @Test(arguments: [[], ["parameters.trust.erode=0.3", "defaults.agency.hr={uniform: [0.4, 0.8]}"]])
    func pointsResolvedEitherWayGiveTheSameFiles(_ settings: [String]) async throws {
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let source = try ScenarioSource.load(
            path: EngineFixtures.packageRoot.appendingPathComponent("Scenarios/classroom.yaml").path)
        let prefix = try settings.map { try ScenarioOverride($0) }
        let set = try source.setting(prefix)
        let factors = try Self.factors.map { try Factor($0) }
        try Factor.check(factors, against: source)
        let design = try DesignMethods.method("lhs", settings: DesignSettings(points: 9, seed: 4)).design(
            for: factors)
        for point in 0..<design.count {
            #expect(set.directInput(design.overrides(at: point)) != nil, "point \(point) takes the short way")
        }
        var short = Self.request(set, design: design, into: root.appendingPathComponent("short")) { point in
            try set.input(with: design.overrides(at: point))
        }
        short.pointsPerRound = 4
        let full = Self.request(set, design: design, into: root.appendingPathComponent("full")) { point in
            try source.inputByReading(with: prefix + design.overrides(at: point))
        }
        let a = try await Sweep.run(short)
        let b = try await Sweep.run(full)
        #expect(a.pointsRun == design.count && b.pointsRun == design.count)
        #expect(try SweepTests.dataFiles(a.folder) == SweepTests.dataFiles(b.folder))
        // A point's summaries are those of a run of its input compiled from nothing.
        let result = try await MonteCarlo.run(
            input: try source.inputByReading(with: prefix + design.overrides(at: 5)), replicates: 3, masterSeed: 5,
            threads: 1)
        let mean = result.records.map { $0.outcomes[0].finalSpbe }.reduce(0, +) / 3
        let store = try SweepStore.open(a.folder.appendingPathComponent(SweepStore.fileName))
        let stored = try #require(
            try store.summaries(points: 5..<6).first { $0.outcome == "final_spbe" && $0.government == "Kota Contoh" })
        #expect(Swift.abs(stored.mean - mean) < 1e-12)
    }
}

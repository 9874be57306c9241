import Foundation
import SinergiEngine
import SinergiModel
import SinergiScenario
import Testing

/// The files of a run and a comparison name their outcomes from the registry, in its
/// order, and docs/cli.md lists the registry as it is.
@Suite struct OutcomeColumnsTests {
    static func lines(_ folder: URL, _ file: String) throws -> [[String]] {
        try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// replicates.csv has one column per replicate column of the registry; summary.csv one
    /// row per outcome and government, and a Region row for each outcome with a region rule.
    @Test func runFilesNameEveryOutcomeOfTheRegistry() async throws {
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let scenario = try EngineFixtures.scenario("jambi-province-2018")
        let outcome = try await Study.run(
            EngineFixtures.request(scenario, replicates: 3, seed: 1, threads: 2, root: root))
        let header = try Self.lines(outcome.folder, "replicates.csv")[0]
        #expect(
            header
                == ["replicate", "seed", "government"] + Outcome.replicateColumns.map(\.name) + ["final_predicate"])

        let rows = try Self.lines(outcome.folder, "summary.csv").dropFirst()
        for government in scenario.input.governments.map(\.name) {
            #expect(rows.filter { $0[0] == government }.map { $0[1] } == Outcome.all.map(\.name), "\(government)")
        }
        #expect(
            rows.filter { $0[0] == RunStatistics.regionName }.map { $0[1] }
                == Outcome.all.filter { $0.region != .none }.map(\.name))
    }

    /// comparison.csv has the compared outcomes, in order, with their direction.
    @Test func comparisonNamesTheComparedOutcomes() async throws {
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let scenario = try EngineFixtures.scenario("classroom")
        let request = ComparisonRequest(
            baseline: EngineFixtures.request(scenario, replicates: 3, seed: 1, threads: 2, root: root),
            policies: try scenario.policies(named: ["training"]))
        let outcome = try await ComparisonStudy.run(request)
        let lines = try Self.lines(outcome.folder, "comparison.csv")
        let rows = lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
        #expect(rows.compactMap { $0["outcome"] } == Outcome.compared.map(\.name))
        #expect(rows.compactMap { $0["better_when"] } == Outcome.compared.compactMap { $0.better?.rawValue })
    }

    /// The table of docs/cli.md's "Outcome names" has one row per outcome with its name,
    /// alias, label, kind, unit, region rule and direction.
    @Test func theCommandLineGuideListsTheRegistry() throws {
        let text = try String(
            contentsOf: EngineFixtures.packageRoot.appendingPathComponent("docs/cli.md"), encoding: .utf8)
        let rest = try #require(text.components(separatedBy: "\n## Outcome names\n").dropFirst().first)
        let section = try #require(rest.components(separatedBy: "\n## ").first)
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| `") }.map { line in
            line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        func unquoted(_ cell: String) -> [String] {
            cell == "—" ? [] : cell.components(separatedBy: ", ").map { $0.trimmingCharacters(in: ["`"]) }
        }
        #expect(rows.map { unquoted($0[0]) } == Outcome.all.map { [$0.name] })
        for (row, outcome) in zip(rows, Outcome.all) {
            #expect(unquoted(row[1]) == outcome.aliases, "\(outcome)")
            #expect(row[2] == outcome.label, "\(outcome)")
            #expect(row[3] == outcome.kind.rawValue, "\(outcome)")
            #expect(row[4] == outcome.unit, "\(outcome)")
            #expect(row[5] == outcome.region.rawValue, "\(outcome)")
            #expect(row[6] == (outcome.better?.rawValue ?? "—"), "\(outcome)")
        }
    }
}

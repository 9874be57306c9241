import Foundation
import SinergiModel
import Testing

@testable import SinergiScenario

/// Files that validate in a few bytes but would take hours or all memory to read or run
/// are refused with the limit they cross (the alias bomb and the cost overflow are also in
/// Broken/).
@Suite struct ResourceLimitTests {
    /// `a: &x [1, 2]` and `b: *x`: the root mapping, two keys, the list and its two items,
    /// and the alias standing for three more nodes: 9.
    static let aliased = "a: &x [1, 2]\nb: *x\n"

    @Test func aliasesCountEveryNodeTheyStandFor() throws {
        #expect(YAMLExpansion.check(Self.aliased, limit: 9) == nil)
        let excess = try #require(YAMLExpansion.check(Self.aliased, limit: 8))
        #expect(excess == YAMLExpansion.Excess(line: 2, column: 4, alias: "x"))
    }

    @Test func nestedAliasesMultiply() {
        // Billion laughs as values: every level ten copies of the one before.
        var lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
        for i in 1...9 {
            lines.append("l\(i): &l\(i) [" + Array(repeating: "*l\(i - 1)", count: 10).joined(separator: ", ") + "]")
        }
        let text = lines.joined(separator: "\n") + "\n"
        let excess = YAMLExpansion.check(text)
        // l5 stands for 1 + 10·(1 + 10·(…)) ≈ 1.1·10⁶ nodes, l6 ≈ 1.1·10⁷: the limit falls in l6's line.
        #expect(excess?.line == 7)
        #expect(excess?.alias == "l5")
    }

    @Test func aFileWithoutAliasesIsNeverRefused() {
        let text = (0..<1000).map { "k\($0): [1, 2, 3]" }.joined(separator: "\n")
        #expect(YAMLExpansion.check(text, limit: 4001) == nil)
        // No alias, no refusal, even past the limit: a long file costs what it weighs.
        #expect(YAMLExpansion.check(text, limit: 10) == nil)
    }

    @Test func theShippedScenariosAreFarBelowTheLimit() throws {
        for name in ["classroom", "jambi-province-2018", "indonesia-548"] {
            let text = try String(contentsOfFile: Fixtures.scenario(name), encoding: .utf8)
            #expect(YAMLExpansion.check(text, limit: YAMLExpansion.maximumNodes / 100) == nil, "\(name)")
        }
    }

    @Test func aSweepFileAndATargetsFileHaveTheSameLimit() throws {
        let bomb = try String(
            contentsOf: Fixtures.brokenDirectory.appendingPathComponent("alias-bomb.yaml"), encoding: .utf8)
        let sweep = bomb.replacingOccurrences(of: "sinergi: 1", with: "sweep: 1")
        #expect(throws: ScenarioError.self) { try SweepFile(text: sweep, path: "sweep.yaml") }
        do {
            _ = try SweepFile(text: sweep, path: "sweep.yaml")
        } catch {
            #expect(error.description.contains("sweep.yaml:11:93: error: aliases expand this file"))
        }
        let targets = bomb.replacingOccurrences(of: "sinergi: 1", with: "targets: 1")
        do {
            _ = try CalibrationTargets.parse(text: targets, path: "targets.yaml")
            Issue.record("the targets bomb was read")
        } catch {
            #expect(error.description.contains("targets.yaml:11:93: error: aliases expand this file"))
        }
    }

    /// 1,001 agencies in a template used by 1,000 governments: 1,001,000 agencies.
    @Test func templatesThatExpandPastTheLimitAreRefused() {
        var lines = ["sinergi: 1", "name: Template expansion", "templates:", "  big:", "    agencies:"]
        for a in 0..<1001 { lines.append("      - {name: A\(a), sector: s}") }
        lines.append("governments:")
        for g in 0..<1000 { lines.append("  - {name: G\(g), template: big}") }
        let text = lines.joined(separator: "\n") + "\n"
        let description = Fixtures.diagnostics(parsing: text)
        // G0 … G998 hold 999,999 entries; G999 (line 2,007) crosses the limit, which is
        // counted before any government is resolved.
        #expect(
            description
                == "test.yaml:2007:5: error: the governments expand to more than 1000000 agencies and initiatives "
                + "(templates included; the limit), reached at 'G999'; split the scenario or use smaller templates")
    }

    @Test func graphsTooLargeForTheirIndicesAreRefusedWhenRead() {
        func network(_ size: Int, _ graph: String) -> String {
            """
            sinergi: 1
            name: Network
            citizens: {mode: network, size: \(size), graph: \(graph)}
            governments:
              - {name: A, agencies: [{name: X, sector: s}]}
            """
        }
        let ring = Fixtures.diagnostics(parsing: network(100_000_000, "{kind: ring_lattice, k: 99999998}"))
        #expect(ring?.contains("has about 4999999900000000 edges; at most 2147483647 fit") == true)
        let dense = Fixtures.diagnostics(parsing: network(4_000_000, "{kind: erdos_renyi, meanDegree: 2000}"))
        #expect(dense?.contains("has about 4000000000 edges") == true)
        #expect(Fixtures.diagnostics(parsing: network(1000, "{kind: erdos_renyi, meanDegree: 1e-15}")) == nil)
        #expect(Fixtures.diagnostics(parsing: network(4_000_000, "{kind: erdos_renyi, meanDegree: 1000}")) == nil)
    }
}

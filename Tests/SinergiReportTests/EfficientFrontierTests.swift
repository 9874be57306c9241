import Foundation
import SinergiEngine
import SinergiModel
import Testing

@testable import SinergiReport

/// The efficient frontier of the effect–cost plane, as a pure function and as drawn, and
/// the effect per 100 cost units with its interval in the ranking table.
@Suite struct EfficientFrontierTests {
    typealias Point = EfficientFrontier.Point

    /// Free (0.2 at no cost), cheap (0.5 for 100), dearer-same (0.5 for 150: dominated by
    /// cheap), worse-dearer (0.4 for 200: dominated by cheap), big (1.0 for 300) and harmful
    /// (−0.1 for 50: dominated by the baseline).
    static let points = [
        Point(name: "cheap", cost: 100, effect: 0.5),
        Point(name: "worse-dearer", cost: 200, effect: 0.4),
        Point(name: "big", cost: 300, effect: 1.0),
        Point(name: "free", cost: 0, effect: 0.2),
        Point(name: "harmful", cost: 50, effect: -0.1),
        Point(name: "dearer-same", cost: 150, effect: 0.5),
        Point(name: "no-data", cost: 80, effect: .nan),
    ]

    @Test func dominatedPackagesAreLeftOff() {
        #expect(EfficientFrontier.members(Self.points).map(\.name) == ["free", "cheap", "big"])
        let line = EfficientFrontier.line(Self.points)
        #expect(line.map(\.cost) == [0, 0, 100, 300])
        #expect(line.map(\.effect) == [0, 0.2, 0.5, 1.0])
    }

    @Test func lowerIsBetterMirrorsTheRule() {
        let mirrored = Self.points.map { Point(name: $0.name, cost: $0.cost, effect: -$0.effect) }
        #expect(EfficientFrontier.members(mirrored, better: .lower).map(\.name) == ["free", "cheap", "big"])
        // Read as higher-is-better, the same points leave only the harmful package (now +0.1).
        #expect(EfficientFrontier.members(mirrored).map(\.name) == ["harmful"])
    }

    @Test func tiesAndSavings() {
        // Two packages alike in cost and effect do not dominate each other; one that does
        // nothing for nothing sits on the baseline.
        let twins = [
            Point(name: "a", cost: 100, effect: 0.3), Point(name: "b", cost: 100, effect: 0.3),
            Point(name: "nothing", cost: 0, effect: 0),
        ]
        #expect(EfficientFrontier.members(twins).map(\.name) == ["nothing", "a", "b"])
        // A package that saves money and does better dominates the baseline: the line starts there.
        let saving = [Point(name: "saving", cost: -20, effect: 0.1), Point(name: "more", cost: 100, effect: 0.4)]
        #expect(EfficientFrontier.members(saving).map(\.name) == ["saving", "more"])
        #expect(EfficientFrontier.line(saving).map(\.cost) == [-20, 100])
    }

    /// A comparison of one government and the packages of ``points`` on the final SPBE
    /// index, each with a 95% CI of ± 0.1.
    static func fixture(_ base: Comparison) -> Comparison {
        var comparison = base
        let unit = base.headlineUnit
        let drawn = Self.points.filter { $0.effect.isFinite }
        comparison.policies = drawn.map(\.name)
        comparison.overTime = []
        comparison.effects = drawn.map { point in
            var effect = GovernmentEffectsTests.effect(point.name, unit, .finalSpbe, point.effect, halfWidth: 0.1)
            effect.cost = point.cost
            effect.effectPerCost = point.cost > 0 ? point.effect / point.cost : .nan
            return effect
        }
        return comparison
    }

    @Test func theChartMarksTheFrontierAndTheTableGivesTheInterval() async throws {
        let (base, manifest, root) = try await GovernmentEffectsTests.base()
        defer { try? FileManager.default.removeItem(at: root) }
        let page = ReportPage.html(comparison: Self.fixture(base), manifest: manifest)
        let svg = try #require(ComparisonReportTests.svg("effect-cost", in: page))
        #expect(ComparisonReportTests.occurrences("<path class=\"frontier\"", in: svg) == 1)
        for name in ["free", "cheap", "big"] {
            #expect(svg.contains("data-policy=\"\(name)\" data-verdict=\"better\" data-frontier=\"efficient\""))
        }
        for name in ["worse-dearer", "dearer-same"] {
            #expect(svg.contains("data-policy=\"\(name)\" data-verdict=\"better\" data-frontier=\"dominated\""))
            #expect(svg.contains(">\(name) (dominated)</text>"))
        }
        #expect(svg.contains("data-policy=\"harmful\" data-verdict=\"unclear\" data-frontier=\"dominated\""))

        // Per 100 cost units: 0.5 ± 0.1 for 100 → +0.50 (+0.40 to +0.60); 1.0 ± 0.1 for 300 →
        // +0.33 (+0.30 to +0.37); no cost: no ratio.
        let ranking = try #require(page.range(of: "id=\"comparison-ranking\""))
        let table = page[ranking.upperBound...]
        func row(_ name: String) -> Substring? {
            guard let start = table.range(of: "<th scope=\"row\">\(name)</th>"),
                let end = table[start.upperBound...].range(of: "</tr>")
            else { return nil }
            return table[start.upperBound..<end.lowerBound]
        }
        #expect(try #require(row("cheap")).contains("+0.50<br><span class=\"ci\">+0.40 to +0.60</span>"))
        #expect(try #require(row("big")).contains("+0.33<br><span class=\"ci\">+0.30 to +0.37</span>"))
        #expect(try #require(row("free")).contains(">no cost</td>"))
    }
}

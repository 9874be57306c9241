import Foundation
import SinergiEngine
import SinergiModel
import SinergiReport
import SinergiScenario
import Testing

/// The comparison section of report.html, on a real comparison of the classroom scenario's
/// packages: the sentences, the ranking, the three charts with one forest row per package
/// and outcome, finite numbers in every SVG attribute, and the same bytes on any thread
/// count.
@Suite struct ComparisonReportTests {
    static let charts = ["forest", "effect-cost", "effect-time"]

    static func compare(_ name: String = "classroom", replicates: Int = 60, threads: Int = 2) async throws
        -> (ComparisonStudy.Outcome, URL)
    {
        let root = try ReportFixtures.temporaryFolder()
        let scenario = try ReportFixtures.scenario(name)
        let baseline = ReportFixtures.request(scenario, replicates: replicates, seed: 7, threads: threads, root: root)
        let outcome = try await ComparisonStudy.run(
            ComparisonRequest(baseline: baseline, policies: scenario.policies), report: HTMLReport())
        return (outcome, root)
    }

    /// The `<svg …>…</svg>` element with id `chart-<name>` in `page`, or nil.
    static func svg(_ name: String, in page: String) -> Substring? {
        guard let start = page.range(of: "<svg class=\"chart\" id=\"chart-\(name)\"") else { return nil }
        guard let end = page[start.upperBound...].range(of: "</svg>") else { return nil }
        return page[start.lowerBound..<end.upperBound]
    }

    /// Attributes holding numbers: coordinates, sizes, path data, transforms.
    static let numericAttributes: Set = [
        "x", "y", "x1", "y1", "x2", "y2", "width", "height", "d", "viewBox",
        "font-size", "stroke-width", "fill-opacity", "transform", "dx",
    ]

    /// Every attribute (name and value) of every tag in `svg`.
    static func attributes(_ svg: Substring) -> [(name: String, value: String)] {
        var attributes: [(String, String)] = []
        var rest = svg
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            var tag = rest[open..<close]
            while let equals = tag.range(of: "=\"") {
                guard let quote = tag[equals.upperBound...].firstIndex(of: "\"") else { break }
                let name = tag[..<equals.lowerBound].split(separator: " ").last.map(String.init) ?? ""
                attributes.append((name, String(tag[equals.upperBound..<quote])))
                tag = tag[tag.index(after: quote)...]
            }
            rest = rest[rest.index(after: close)...]
        }
        return attributes
    }

    static func occurrences(_ needle: String, in text: some StringProtocol) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func theSectionHasSentencesRankingAndCharts() async throws {
        let (outcome, root) = try await Self.compare()
        defer { try? FileManager.default.removeItem(at: root) }
        let page = try String(contentsOf: outcome.folder.appendingPathComponent("report.html"), encoding: .utf8)
        let comparison = outcome.comparison
        #expect(page == ReportPage.html(comparison: comparison, manifest: outcome.manifest))
        let scenario = try ReportFixtures.scenario("classroom")
        #expect(comparison.policies == scenario.policies.map(\.name) && comparison.policies.count >= 3)

        let section = try #require(page.range(of: "<section id=\"section-comparison\">"))
        let spbe = try #require(page.range(of: "<section id=\"section-spbe\">"))
        #expect(section.lowerBound < spbe.lowerBound, "the comparison comes before the baseline's charts")
        for chart in Self.charts {
            #expect(Self.svg(chart, in: page) != nil, "chart-\(chart) is on the page")
            #expect(page.contains("<section id=\"section-\(chart)\">"))
        }
        #expect(!page.contains("id=\"note-forest\"") && !page.contains("id=\"note-effect-"))

        // One plain sentence per package, the very ones the command line prints.
        for sentence in PlainLanguage.headlines(comparison) {
            #expect(
                page.contains("</span> \(sentence)</li>"),
                "sentence on the page: \(sentence)")
        }
        #expect(Self.occurrences("<li>", in: page) == comparison.policies.count)

        // The ranking lists the packages best first, with the headline unit's effects.
        let ranked = comparison.ranked().map(\.policy)
        let positions = ranked.compactMap { page.range(of: "<th scope=\"row\">\($0)</th>")?.lowerBound }
        #expect(positions.count == ranked.count && positions == positions.sorted())

        // One forest row per package per outcome, in the ranking's order in every panel.
        let forest = try #require(Self.svg("forest", in: page))
        #expect(
            Self.occurrences("<g class=\"forest-row\"", in: forest)
                == comparison.policies.count * Outcome.compared.count)
        for outcome in Outcome.compared {
            let rows = forest.components(separatedBy: "data-outcome=\"\(outcome.name)\"").count - 1
            #expect(rows == comparison.policies.count, "\(outcome.name): \(rows) rows")
            let policies = ranked.compactMap {
                forest.range(of: "data-policy=\"\($0)\" data-outcome=\"\(outcome.name)\"")?.lowerBound
            }
            #expect(policies == policies.sorted() && policies.count == ranked.count)
        }
        #expect(forest.contains("← lower is better"), "months to the first launch: lower is better")
        // Every row's marker agrees with its effect's CI.
        for effect in comparison.effects where effect.government == comparison.headlineUnit {
            let verdict = effect.clearlyBetter ? "better" : (effect.clearlyWorse ? "worse" : "unclear")
            #expect(
                forest.contains(
                    "data-policy=\"\(effect.policy)\" data-outcome=\"\(effect.outcome)\" "
                        + "data-verdict=\"\(verdict)\""), "\(effect.policy) \(effect.outcome) is \(verdict)")
        }

        let cost = try #require(Self.svg("effect-cost", in: page))
        #expect(Self.occurrences("<g class=\"cost-point\"", in: cost) == comparison.policies.count)
        #expect(cost.contains(">Cost (scenario cost units)</text>"))
        let time = try #require(Self.svg("effect-time", in: page))
        #expect(Self.occurrences("class=\"mean\"", in: time) == comparison.policies.count)
        #expect(Self.occurrences("class=\"band\"", in: time) == comparison.policies.count)
    }

    @Test func everySVGAttributeIsFinite() async throws {
        let (outcome, root) = try await Self.compare()
        defer { try? FileManager.default.removeItem(at: root) }
        var comparison = outcome.comparison
        // Undefined and zero-width intervals, as with one replicate or a package that changes nothing.
        for i in comparison.effects.indices where comparison.effects[i].policy == "champion" {
            comparison.effects[i].ci95Low = .nan
            comparison.effects[i].ci95High = .nan
            comparison.effects[i].unpairedCI95Low = .nan
            comparison.effects[i].unpairedCI95High = .nan
            comparison.effects[i].ciWidthRatio = .nan
        }
        for i in comparison.effects.indices where comparison.effects[i].policy == "training" {
            let d = comparison.effects[i].difference
            comparison.effects[i].ci95Low = d
            comparison.effects[i].ci95High = d
            comparison.effects[i].ciWidthRatio = .infinity
        }
        for i in comparison.overTime.indices where comparison.overTime[i].policy == "champion" {
            comparison.overTime[i].ci95Low = .nan
            comparison.overTime[i].ci95High = .nan
        }
        var empty = outcome.comparison
        for i in empty.effects.indices where empty.effects[i].policy == "legacy-migration" {
            empty.effects[i] = Self.undefined(empty.effects[i])
        }
        for (name, variant) in [("as run", outcome.comparison), ("degenerate", comparison), ("empty", empty)] {
            let page = ReportPage.html(comparison: variant, manifest: outcome.manifest)
            for chart in Self.charts {
                let svg = try #require(Self.svg(chart, in: page), "\(name): chart-\(chart)")
                let numeric = Self.attributes(svg).filter { Self.numericAttributes.contains($0.name) }
                #expect(numeric.count > 100, "\(name): chart-\(chart) has \(numeric.count) numeric attributes")
                for (attribute, value) in numeric {
                    let lower = value.lowercased()
                    #expect(
                        !lower.contains("nan") && !lower.contains("inf") && !value.contains("–"),
                        "\(name): chart-\(chart) has \(attribute)=\"\(value)\"")
                }
            }
        }
    }

    /// `effect` with no replicates: every statistic undefined.
    static func undefined(_ effect: PairedEffect) -> PairedEffect {
        var effect = effect
        effect.replicates = 0
        for path in [
            \PairedEffect.baselineMean, \.policyMean, \.difference, \.differenceSD, \.ci95Low, \.ci95High,
            \.unpairedCI95Low, \.unpairedCI95High, \.ciWidthRatio, \.pBetter, \.pWorse, \.effectPerCost,
        ] {
            effect[keyPath: path] = .nan
        }
        return effect
    }

    @Test func thePageIsTheSameOnOneAndTwoThreads() async throws {
        let (one, rootOne) = try await Self.compare(threads: 1)
        defer { try? FileManager.default.removeItem(at: rootOne) }
        let (two, rootTwo) = try await Self.compare(threads: 2)
        defer { try? FileManager.default.removeItem(at: rootTwo) }
        // The manifests differ in their timing and thread count; the comparison must not.
        let pageOne = ReportPage.html(comparison: one.comparison, manifest: one.manifest)
        let pageTwo = ReportPage.html(comparison: two.comparison, manifest: one.manifest)
        #expect(pageOne == pageTwo)
        #expect(pageOne == ReportPage.html(comparison: one.comparison, manifest: one.manifest))
    }
}

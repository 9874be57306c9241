import Foundation
import SinergiEngine
import SinergiModel
import Testing

@testable import SinergiReport

/// "Effects by government" in a comparison's report.html, on fixture comparisons whose
/// effects are set by hand: every government and the Region get a row with their own
/// effects, an effect on one government alone shows, the plot keeps the largest effects
/// when there are many governments, and a search box appears only then.
@Suite struct GovernmentEffectsTests {
    /// A real (small) comparison of the classroom scenario, for its manifest and baseline.
    static func base() async throws -> (Comparison, Manifest, URL) {
        let (outcome, root) = try await ComparisonReportTests.compare(replicates: 3)
        return (outcome.comparison, outcome.manifest, root)
    }

    /// A paired effect of `difference` with a 95% CI of ± `halfWidth` around it.
    static func effect(
        _ policy: String, _ unit: String, _ outcome: Outcome, _ difference: Double, halfWidth: Double
    ) -> PairedEffect {
        PairedEffect(
            policy: policy, government: unit, outcome: outcome.name, better: outcome.better ?? .higher, replicates: 20,
            baselineMean: 2, policyMean: 2 + difference, difference: difference, differenceSD: halfWidth,
            ci95Low: difference - halfWidth, ci95High: difference + halfWidth,
            unpairedCI95Low: difference - 2 * halfWidth, unpairedCI95High: difference + 2 * halfWidth,
            ciWidthRatio: 2, pBetter: difference > 0 ? 1 : 0, pWorse: 0, cost: 100,
            effectPerCost: difference / 100)
    }

    /// `comparison` made over into `governments` (then the Region) and two packages on the
    /// final SPBE index: "everywhere" adds 0.30 ± 0.05 in every government, "one-government"
    /// adds 0.26 ± 0.05 in the first government and exactly nothing elsewhere.
    static func fixture(_ comparison: Comparison, governments: [String]) -> Comparison {
        var fixture = comparison
        fixture.policies = ["everywhere", "one-government"]
        fixture.units = governments + [RunStatistics.regionName]
        fixture.overTime = []
        var effects: [PairedEffect] = []
        for (i, government) in governments.enumerated() {
            effects.append(effect("everywhere", government, .finalSpbe, 0.30, halfWidth: 0.05))
            effects.append(
                effect("one-government", government, .finalSpbe, i == 0 ? 0.26 : 0, halfWidth: i == 0 ? 0.05 : 0))
        }
        effects.append(effect("everywhere", RunStatistics.regionName, .finalSpbe, 0.30, halfWidth: 0.02))
        effects.append(
            effect(
                "one-government", RunStatistics.regionName, .finalSpbe, 0.26 / Double(governments.count),
                halfWidth: 0.02))
        fixture.effects = effects
        return fixture
    }

    /// The `<tr>` of `government` in the final SPBE table of `page`.
    static func row(_ government: String, in page: String) -> Substring? {
        guard let table = page.range(of: "id=\"by-government-table-final_spbe\""),
            let start = page[table.upperBound...].range(of: "<tr data-government=\"\(government)\""),
            let end = page[start.upperBound...].range(of: "</tr>")
        else { return nil }
        return page[start.lowerBound..<end.upperBound]
    }

    @Test func everyGovernmentAndTheRegionHaveTheirEffects() async throws {
        let (base, manifest, root) = try await Self.base()
        defer { try? FileManager.default.removeItem(at: root) }
        let governments = ["Provinsi Uji", "Kota Satu", "Kabupaten Dua"]
        let comparison = Self.fixture(base, governments: governments)
        let page = ReportPage.html(comparison: comparison, manifest: manifest)
        let section = try #require(page.range(of: "<section id=\"section-by-government\">"))
        #expect(page.contains("<h3>Effects by government</h3>"))
        #expect(
            section.lowerBound
                < (page.range(of: "<section id=\"section-effect-cost\">")?.lowerBound ?? section.lowerBound))

        // Columns in the ranking's order (everywhere does more for the Region), the Region first.
        let table = try #require(page.range(of: "id=\"by-government-table-final_spbe\""))
        let head = page[table.upperBound...].prefix(400)
        let columns = ["everywhere", "one-government"].compactMap { head.range(of: ">\($0)</th>")?.lowerBound }
        #expect(columns.count == 2 && columns == columns.sorted())
        let positions = ([RunStatistics.regionName] + governments).compactMap {
            page[table.upperBound...].range(of: "<tr data-government=\"\($0)\"")?.lowerBound
        }
        #expect(positions.count == governments.count + 1 && positions == positions.sorted())

        // Index points with two decimals, the interval under the mean, as in the ranking.
        for government in governments {
            let row = try #require(Self.row(government, in: page), "\(government) has a row")
            #expect(row.contains("<strong>+0.30</strong><br><span class=\"ci\">+0.25 to +0.35</span>"))
        }
        let region = try #require(Self.row(RunStatistics.regionName, in: page))
        #expect(region.contains("class=\"region\""))
        #expect(region.contains("<strong>+0.30</strong><br><span class=\"ci\">+0.28 to +0.32</span>"))
        // 0.26 / 3 = 0.0867 ± 0.02 for the Region.
        #expect(region.contains("<strong>+0.09</strong><br><span class=\"ci\">+0.07 to +0.11</span>"))
    }

    @Test func anEffectOnOneGovernmentShows() async throws {
        let (base, manifest, root) = try await Self.base()
        defer { try? FileManager.default.removeItem(at: root) }
        let comparison = Self.fixture(base, governments: ["Provinsi Uji", "Kota Satu", "Kabupaten Dua"])
        let page = ReportPage.html(comparison: comparison, manifest: manifest)
        let province = try #require(Self.row("Provinsi Uji", in: page))
        #expect(
            province.contains(
                "<td data-verdict=\"better\"><strong>+0.26</strong><br><span class=\"ci\">+0.21 to +0.31</span></td></tr>"
            ))
        for government in ["Kota Satu", "Kabupaten Dua"] {
            let row = try #require(Self.row(government, in: page))
            #expect(row.contains("<td>0.00<br><span class=\"ci\">0.00 to 0.00</span></td></tr>"), "\(row)")
        }
        // The plot has a row for it in the package's panel, marked clearly better.
        let svg = try #require(ComparisonReportTests.svg("by-government-final_spbe", in: page))
        #expect(
            svg.contains(
                "data-government=\"Provinsi Uji\" data-policy=\"one-government\" data-outcome=\"final_spbe\" "
                    + "data-verdict=\"better\""))
        #expect(
            ComparisonReportTests.occurrences("<g class=\"forest-row\"", in: svg) == 2 * 4,
            "one row per government and the Region in each package's panel")
        // A few governments: no search box and no script.
        #expect(!page.contains("id=\"government-search\"") && !page.contains("<script"))
    }

    @Test func manyGovernmentsGetASearchBoxAndThePlotKeepsTheLargestEffects() async throws {
        let (base, manifest, root) = try await Self.base()
        defer { try? FileManager.default.removeItem(at: root) }
        let governments = (1...60).map { String(format: "Local government %03d", $0) }
        var comparison = Self.fixture(base, governments: governments)
        // Government 045 responds to "everywhere" by far the most; "one-government" moves 050
        // alone (0.26, less than any effect of "everywhere").
        for i in comparison.effects.indices {
            let effect = comparison.effects[i]
            if effect.government == "Local government 045" && effect.policy == "everywhere" {
                comparison.effects[i] = Self.effect("everywhere", effect.government, .finalSpbe, 0.9, halfWidth: 0.05)
            }
            if effect.policy == "one-government" && effect.government != RunStatistics.regionName {
                let moved = effect.government == "Local government 050"
                comparison.effects[i] = Self.effect(
                    "one-government", effect.government, .finalSpbe, moved ? 0.26 : 0, halfWidth: moved ? 0.05 : 0)
            }
        }
        let page = ReportPage.html(comparison: comparison, manifest: manifest)
        #expect(page.contains("<input type=\"search\" id=\"government-search\""))
        #expect(page.contains("<script>") && page.contains("getElementById(\"government-search\")"))
        for government in governments + [RunStatistics.regionName] {
            #expect(Self.row(government, in: page) != nil, "\(government) has a table row")
        }
        // The plot: the Region, then each package's largest effect in turn (045 for "everywhere",
        // 050 for "one-government"), then the next ones: ties (0.30 and 0) in the scenario's order.
        let drawn = GovernmentEffects.plotted(comparison, .finalSpbe, order: ["everywhere", "one-government"])
        #expect(drawn.count == 1 + GovernmentEffects.plotLimit)
        #expect(Array(drawn.prefix(3)) == [RunStatistics.regionName, "Local government 045", "Local government 050"])
        #expect(Array(drawn.dropFirst(3)) == Array(governments.prefix(18)))
        let svg = try #require(ComparisonReportTests.svg("by-government-final_spbe", in: page))
        #expect(
            ComparisonReportTests.occurrences("<g class=\"forest-row\"", in: svg)
                == 2 * (1 + GovernmentEffects.plotLimit))
        #expect(svg.contains("data-government=\"Local government 050\" data-policy=\"one-government\""))
        #expect(page.contains("The plot shows the Region and 20 of the 60 governments: those with the largest effects"))
    }

    @Test func oneGovernmentHasNoSection() async throws {
        let (base, manifest, root) = try await Self.base()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(base.units.count == 1)
        let page = ReportPage.html(comparison: base, manifest: manifest)
        #expect(!page.contains("section-by-government"))
    }
}

/// The search box of "Effects by government" in a real headless browser: typing part of a
/// name hides the other governments' rows and keeps the Region's; the plot draws inside
/// its frame.
@Suite(.serialized) struct GovernmentSearchBrowserTests {
    @Test func typingANameFiltersTheRows() async throws {
        guard let chromium = HeadlessBrowser.executable() else {
            Issue.record("\(HeadlessBrowser.Failure.notInstalled)")
            return
        }
        let (base, manifest, root) = try await GovernmentEffectsTests.base()
        defer { try? FileManager.default.removeItem(at: root) }
        let governments = (1...60).map { String(format: "Local government %03d", $0) }
        let page = ReportPage.html(
            comparison: GovernmentEffectsTests.fixture(base, governments: governments), manifest: manifest)

        let measured = try HeadlessBrowser.measureCharts(page: page, workFolder: root)
        let chart = try #require(measured["by-government-final_spbe"])
        #expect(chart.paths > 0 && chart.drawnPaths == chart.paths)
        #expect(
            chart.x >= -1 && chart.y >= -1 && chart.x + chart.width <= chart.viewWidth + 1
                && chart.y + chart.height <= chart.viewHeight + 1)

        // Type "ent 04" (governments 040–049) and record which rows stay visible.
        let probe = """
            <script>
            const box = document.getElementById('government-search');
            box.value = 'ent 04';
            box.dispatchEvent(new Event('input'));
            const shown = [...document.querySelectorAll('#by-government-table-final_spbe tbody tr')]
              .filter(row => !row.hidden).map(row => row.getAttribute('data-government'));
            document.body.setAttribute('data-shown', shown.join('|'));
            document.body.setAttribute('data-count', document.getElementById('government-search-count').textContent);
            </script>
            """
        let end = try #require(page.range(of: "</body>", options: .backwards))
        let file = root.appendingPathComponent("search.html")
        try (page[..<end.lowerBound] + probe + page[end.lowerBound...]).write(
            to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = chromium
        process.arguments = [
            "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
            "--user-data-dir=\(root.appendingPathComponent("profile").path)", "--dump-dom", file.absoluteString,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let shown = try #require(dom.range(of: "data-shown=\""))
        let list = dom[shown.upperBound...].prefix { $0 != "\"" }.split(separator: "|").map(String.init)
        #expect(list == [RunStatistics.regionName] + (40...49).map { String(format: "Local government %03d", $0) })
        #expect(dom.contains("data-count=\"10 shown\""))
    }
}

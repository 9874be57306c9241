import Foundation
import SinergiEngine
import SinergiReport
import Testing

/// report.html opened in a real headless browser (Chromium): every chart is there, has a
/// non-empty bounding box, draws its paths and stays inside its own frame, on the report of
/// a run and on that of a comparison.
@Suite(.serialized) struct ReportBrowserTests {
    /// Charts of every report; "predicate-shares" comes on top when the series hold the
    /// monthly predicate shares.
    static let charts = ["spbe", "final-predicates", "adoption", "progress", "trust-commitment"]

    @Test(arguments: ["classroom", "jambi-province-2018"])
    func everyChartDrawsInAHeadlessBrowser(_ scenario: String) async throws {
        let (outcome, root) = try await ReportPageTests.run(scenario, replicates: 12)
        defer { try? FileManager.default.removeItem(at: root) }
        let page = try String(contentsOf: outcome.folder.appendingPathComponent("report.html"), encoding: .utf8)
        let hasShares = outcome.statistics.series.contains { $0.metric == "share_baik" }
        try check(
            page, expected: Self.charts + (hasShares ? ["predicate-shares"] : []),
            governments: outcome.governments.count, work: root)
    }

    @Test func thePredicateShareChartDrawsInAHeadlessBrowser() async throws {
        let (outcome, root) = try await ReportPageTests.run("jambi-province-2018", replicates: 12)
        defer { try? FileManager.default.removeItem(at: root) }
        let statistics = ReportPageTests.withSyntheticShares(outcome.statistics, months: outcome.manifest.months)
        let page = ReportPage.html(statistics: statistics, manifest: outcome.manifest)
        try check(
            page, expected: Self.charts + ["predicate-shares"], governments: outcome.governments.count,
            work: root)
    }

    /// A comparison's report: its forest plot, effect against cost and effect over time
    /// draw as well as the baseline's charts under them.
    @Test func theComparisonChartsDrawInAHeadlessBrowser() async throws {
        let (outcome, root) = try await ComparisonReportTests.compare(replicates: 12)
        defer { try? FileManager.default.removeItem(at: root) }
        let page = try String(contentsOf: outcome.folder.appendingPathComponent("report.html"), encoding: .utf8)
        let hasShares = outcome.comparison.baseline.series.contains { $0.metric == "share_baik" }
        try check(
            page, expected: Self.charts + ComparisonReportTests.charts + (hasShares ? ["predicate-shares"] : []),
            governments: outcome.manifest.governments.count, work: root)
    }

    func check(_ page: String, expected: [String], governments: Int, work: URL) throws {
        let measured: [String: HeadlessBrowser.ChartMeasure]
        do {
            measured = try HeadlessBrowser.measureCharts(page: page, workFolder: work)
        } catch {
            Issue.record("\(error)")
            return
        }
        #expect(Set(measured.keys) == Set(expected), "charts the browser found: \(measured.keys.sorted())")
        for chart in expected {
            guard let m = measured[chart] else {
                Issue.record("chart \(chart) is missing from the page")
                continue
            }
            #expect(m.width > 100 && m.height > 100, "\(chart): bounding box \(m.width) × \(m.height)")
            #expect(
                m.pageWidth > 600 && m.pageHeight > 100,
                "\(chart): \(m.pageWidth) × \(m.pageHeight) px on the page")
            #expect(m.paths > 0 && m.drawnPaths == m.paths, "\(chart): \(m.drawnPaths) of \(m.paths) paths drawn")
            let drawing = "(\(m.x), \(m.y), \(m.width) × \(m.height))", frame = "\(m.viewWidth) × \(m.viewHeight)"
            #expect(
                m.x >= -1 && m.y >= -1 && m.x + m.width <= m.viewWidth + 1 && m.y + m.height <= m.viewHeight + 1,
                "\(chart): drawing \(drawing) leaves its \(frame) frame")
        }
        // One mean line per government (and per series) where the chart has lines.
        #expect((measured["spbe"]?.drawnMeans ?? 0) >= governments)
        #expect((measured["adoption"]?.drawnMeans ?? 0) >= governments)
        #expect((measured["progress"]?.drawnMeans ?? 0) >= governments)
        #expect((measured["trust-commitment"]?.drawnMeans ?? 0) >= 2 * governments)
    }
}

import Foundation
import SinergiEngine
import SinergiModel
import SinergiReport
import SinergiStats
import Testing

/// report.html as text: written into every run folder, self-contained, deterministic, with
/// the scenario's names escaped, and with or without the monthly predicate shares.
@Suite struct ReportPageTests {
    static func run(_ name: String, replicates: Int = 6) async throws -> (Study.Outcome, URL) {
        let root = try ReportFixtures.temporaryFolder()
        let scenario = try ReportFixtures.scenario(name)
        let outcome = try await Study.run(
            ReportFixtures.request(scenario, replicates: replicates, seed: 7, threads: 2, root: root),
            report: HTMLReport())
        return (outcome, root)
    }

    @Test func everyRunFolderHasTheReport() async throws {
        let (outcome, root) = try await Self.run("classroom")
        defer { try? FileManager.default.removeItem(at: root) }
        let written = try String(contentsOf: outcome.folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(written == ReportPage.html(statistics: outcome.statistics, manifest: outcome.manifest))
        #expect(written.hasPrefix("<!DOCTYPE html>"))
        #expect(written.contains(outcome.manifest.timing.started))
    }

    @Test func thePageIsSelfContainedAndDeterministic() async throws {
        let (outcome, root) = try await Self.run("jambi-province-2018")
        defer { try? FileManager.default.removeItem(at: root) }
        let page = ReportPage.html(statistics: outcome.statistics, manifest: outcome.manifest)
        #expect(page == ReportPage.html(statistics: outcome.statistics, manifest: outcome.manifest))
        for outside in ["<script", "<link", "<img", "<iframe", "@import", "url(", "http://", "https://", "src="] {
            #expect(!page.contains(outside), "report.html must not load anything: found \(outside)")
        }
        for government in outcome.governments {
            #expect(page.contains(">\(government)</"), "\(government) has panels and a table row")
        }
        #expect(page.contains("Kurang") && page.contains("Sangat Baik") && page.contains("Memuaskan"))
        #expect(page.utf8.count < 1_500_000, "the page stays small: \(page.utf8.count) bytes")
    }

    @Test func scenarioTextIsEscaped() async throws {
        let (outcome, root) = try await Self.run("classroom")
        defer { try? FileManager.default.removeItem(at: root) }
        var manifest = outcome.manifest
        var statistics = outcome.statistics
        manifest.scenario.name = "Kota <Uji> & \"Co\""
        let original = outcome.governments[0], renamed = "Dinas <b>A&B</b> 'x'"
        manifest.governments = [renamed]
        for i in statistics.series.indices where statistics.series[i].government == original {
            statistics.series[i].government = renamed
        }
        for i in statistics.outcomes.indices where statistics.outcomes[i].government == original {
            statistics.outcomes[i].government = renamed
        }
        let page = ReportPage.html(statistics: statistics, manifest: manifest)
        #expect(page.contains("Kota &lt;Uji&gt; &amp; &quot;Co&quot;"))
        #expect(page.contains("Dinas &lt;b&gt;A&amp;B&lt;/b&gt; &#39;x&#39;"))
        #expect(!page.contains("<Uji>") && !page.contains("<b>A&B"))
    }

    @Test func predicateSharesAreDrawnWhenTheSeriesHaveThem() async throws {
        let (outcome, root) = try await Self.run("jambi-province-2018")
        defer { try? FileManager.default.removeItem(at: root) }
        let without = ReportPage.html(statistics: outcome.statistics, manifest: outcome.manifest)
        let hasShares = outcome.statistics.series.contains { $0.metric == "share_baik" }
        #expect(without.contains("data-chart=\"predicate-shares\"") == hasShares)
        #expect(without.contains("id=\"note-predicate-shares\"") == !hasShares)

        let statistics = Self.withSyntheticShares(outcome.statistics, months: outcome.manifest.months)
        let with = ReportPage.html(statistics: statistics, manifest: outcome.manifest)
        #expect(with.contains("data-chart=\"predicate-shares\""))
        #expect(!with.contains("id=\"note-predicate-shares\""))
    }

    /// A national run has hundreds of governments: the page draws a sample of 12 spread
    /// over the ranks of the final index, says so, and stays small.
    @Test func aLargeRunShowsASpreadSample() async throws {
        let (outcome, root) = try await Self.run("jambi-province-2018")
        defer { try? FileManager.default.removeItem(at: root) }
        var statistics = outcome.statistics
        var manifest = outcome.manifest
        let copies = 4  // 48 governments, more than GovernmentSample.limit
        func renamed(_ name: String, _ copy: Int) -> String { copy == 0 ? name : "\(name) #\(copy)" }
        let series = statistics.series,
            outcomes = statistics.outcomes.filter { $0.government != RunStatistics.regionName }
        for copy in 1..<copies {
            statistics.series += series.map { row in
                var row = row; row.government = renamed(row.government, copy); return row
            }
            statistics.outcomes += outcomes.map { row in
                var row = row
                row.government = renamed(row.government, copy)
                if row.outcome == "final_spbe" { row.summary.mean += Double(copy) * 0.001 }
                return row
            }
        }
        manifest.governments = (0..<copies).flatMap { copy in outcome.governments.map { renamed($0, copy) } }
        #expect(manifest.governments.count == 48)

        let page = ReportPage.html(statistics: statistics, manifest: manifest)
        #expect(page.contains("id=\"note-sample\""))
        #expect(page.contains("This run has 48 governments; 12 are shown"))
        let finals = statistics.outcomes.filter {
            $0.outcome == "final_spbe" && $0.government != RunStatistics.regionName
        }
        let lowest = finals.min { $0.summary.mean < $1.summary.mean }!.government
        let highest = finals.max { $0.summary.mean < $1.summary.mean }!.government
        #expect(page.contains(">\(lowest)</") && page.contains(">\(highest)</"))
        let shown = manifest.governments.filter { page.contains(">\($0)</") }
        #expect(shown.count == 12)
        #expect(page.contains(">\(RunStatistics.regionName)</"), "the region's row stays")
        #expect(page.utf8.count < 1_500_000)
    }

    /// `statistics` with per-month predicate shares as the engine writes them (metrics
    /// share_kurang … share_memuaskan, mean = share of replicates in the band): replicates
    /// move from Kurang to Baik over the run. Existing share rows are replaced.
    static func withSyntheticShares(_ statistics: RunStatistics, months: Int) -> RunStatistics {
        var statistics = statistics
        let metrics = SPBEPredicate.allCases.map { "share_\($0.columnName)" }
        statistics.series.removeAll { metrics.contains($0.metric) }
        let governments = statistics.series.reduce(into: [String]()) { names, row in
            if names.last != row.government, !names.contains(row.government) { names.append(row.government) }
        }
        guard let template = statistics.series.first else { return statistics }
        for government in governments {
            for month in 0...months {
                let inBaik = month * 4 / Swift.max(1, months)
                for predicate in SPBEPredicate.allCases {
                    let values: [Double] = (0..<4).map { replicate in
                        switch predicate {
                        case .kurang: return replicate >= inBaik ? 1 : 0
                        case .baik: return replicate < inBaik ? 1 : 0
                        default: return 0
                        }
                    }
                    var row = template
                    row.month = month
                    row.government = government
                    row.metric = "share_\(predicate.columnName)"
                    row.summary = Summary(values)
                    statistics.series.append(row)
                }
            }
        }
        return statistics
    }
}

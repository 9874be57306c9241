import Foundation
import SinergiEngine
import SinergiModel
import SinergiStats

/// What the report reads from a run, indexed for drawing: the monthly series by government
/// and metric, the outcome summaries, the governments in scenario order and the calendar.
struct ReportData {
    /// Governments with series or outcomes: the scenario's in order, then any other rows
    /// (the region) in order of appearance.
    let governments: [String]
    let months: Int
    let calendar: ScenarioCalendar?
    let manifest: Manifest
    private let series: [String: [String: [Summary?]]]
    private let metricOrder: [String: [String]]
    private let outcomes: [String: [String: Summary]]
    /// The rows the charts and the outcome table show: every government, or a sample of a
    /// large run (``GovernmentSample``), then the region.
    let shown: [String]
    /// Says which governments a sample shows; nil when all are shown.
    let sampleNote: String?

    init(statistics: RunStatistics, manifest: Manifest) {
        self.manifest = manifest
        calendar = ScenarioCalendar(resolvedScenario: manifest.scenario.resolved)
        var months = manifest.months
        for row in statistics.series { months = Swift.max(months, row.month) }
        self.months = months

        // Outcomes first: a large run's sample is chosen from the final index, and only the
        // sampled governments' series are indexed.
        var outcomes: [String: [String: Summary]] = [:]
        for row in statistics.outcomes { outcomes[row.government, default: [:]][row.outcome] = row.summary }
        let scenario = manifest.governments
        let sample = GovernmentSample.select(scenario) { outcomes[$0]?[Outcome.finalSpbe.name]?.mean }
        let inScenario = Set(scenario)
        let sampled = Set(sample)

        var series: [String: [String: [Summary?]]] = [:]
        var metricOrder: [String: [String]] = [:]
        var order = scenario
        var known = inScenario
        for row in statistics.series where row.month >= 0 {
            if known.insert(row.government).inserted { order.append(row.government) }
            guard sampled.contains(row.government) || !inScenario.contains(row.government) else { continue }
            if series[row.government]?[row.metric] == nil {
                series[row.government, default: [:]][row.metric] = Array(repeating: nil, count: months + 1)
                metricOrder[row.government, default: []].append(row.metric)
            }
            series[row.government]?[row.metric]?[row.month] = row.summary
        }
        for row in statistics.outcomes where known.insert(row.government).inserted { order.append(row.government) }
        self.series = series
        self.metricOrder = metricOrder
        self.outcomes = outcomes
        governments = order
        shown = sample + order.filter { !inScenario.contains($0) }
        sampleNote = GovernmentSample.note(shown: sample.count, total: scenario.count)
    }

    /// Shown governments that have rows in the monthly series.
    var governmentsWithSeries: [String] { shown.filter { series[$0] != nil } }

    /// The monthly summaries of `metric` for `government`, indexed by month (nil where a
    /// month has no row), or nil when there is no such series.
    func series(_ metric: String, _ government: String) -> [Summary?]? {
        series[government]?[metric]
    }

    /// The series metrics of `government` in their order in the statistics.
    func metrics(_ government: String) -> [String] { metricOrder[government] ?? [] }

    /// Names of the initiatives with a `progress:<name>` series, in order of first appearance.
    var initiativeNames: [String] {
        var names: [String] = []
        var seen = Set<String>()
        for government in governments {
            for metric in metrics(government) where metric.hasPrefix(Self.progressPrefix) {
                let name = String(metric.dropFirst(Self.progressPrefix.count))
                if seen.insert(name).inserted { names.append(name) }
            }
        }
        return names
    }

    static let progressPrefix = "progress:"

    /// The initiatives' launch threshold when the resolved scenario gives them all the same
    /// one, else nil.
    var launchThreshold: Double? {
        var values = Set<Double>()
        for line in manifest.scenario.resolved.split(separator: "\n") {
            let text = line.drop { $0 == " " }
            guard text.hasPrefix("launchThreshold:") else { continue }
            guard let value = Double(text.dropFirst("launchThreshold:".count).trimmingCharacters(in: .whitespaces))
            else { return nil }
            values.insert(value)
        }
        return values.count == 1 ? values.first : nil
    }

    /// Name of the per-month share metric of `predicate`, e.g. "share_sangat_baik".
    static func shareMetric(_ predicate: SPBEPredicate) -> String { "share_\(predicate.columnName)" }

    /// Whether the statistics hold per-month predicate shares.
    var hasPredicateShares: Bool {
        governments.contains { government in
            SPBEPredicate.allCases.contains { series(Self.shareMetric($0), government) != nil }
        }
    }

    /// The summary of `outcome` for `government`.
    func outcome(_ outcome: Outcome, _ government: String) -> Summary? { outcomes[government]?[outcome.name] }

    /// Shown governments with outcome summaries (the region last, when present).
    var governmentsWithOutcomes: [String] { shown.filter { outcomes[$0] != nil } }

    /// Largest finite value of `values` over the series of `metrics`, or nil.
    func maximum(_ metrics: [String], _ value: (Summary) -> Double) -> Double? {
        var result: Double?
        for government in governmentsWithSeries {
            for metric in metrics {
                for summary in series(metric, government) ?? [] {
                    guard let summary else { continue }
                    let v = value(summary)
                    if v.isFinite { result = Swift.max(result ?? v, v) }
                }
            }
        }
        return result
    }
}

import SinergiModel
import SinergiScenario
import SinergiStats

/// Across-replicate statistics of a run (MODEL.md §5): one summary per outcome and
/// government (plus the region), and one per month, government and series metric.
public struct RunStatistics: Sendable {
    /// One row of summary.csv: an outcome of one government (or the region).
    public struct OutcomeSummary: Sendable {
        public var government: String
        /// The ``Outcome``'s name.
        public var outcome: String
        public var summary: Summary
    }

    /// One row of timeseries.csv.
    public struct SeriesSummary: Sendable {
        public var month: Int
        public var government: String
        public var metric: String
        public var summary: Summary
    }

    /// Name of the pseudo-government that combines all governments of the scenario.
    public static let regionName = Scenario.regionName

    public var outcomes: [OutcomeSummary]
    public var series: [SeriesSummary]

    init(outcomes: [OutcomeSummary], series: [SeriesSummary]) {
        self.outcomes = outcomes
        self.series = series
    }

    /// The statistics of a finished Monte Carlo result, folded in replicate order.
    public init(result: MonteCarlo.Result, governmentNames: [String]) {
        let accumulator = RunAccumulator(layout: result.layout, governmentNames: governmentNames)
        accumulator.add(result.records)
        self = accumulator.statistics()
    }

    /// The summary of the outcome named `outcome` for `government`, if there is one.
    public func summary(_ outcome: String, government: String) -> Summary? {
        outcomes.first { $0.government == government && $0.outcome == outcome }?.summary
    }

    /// The summary of `outcome` for `government`, if there is one.
    public func summary(_ outcome: Outcome, government: String) -> Summary? {
        summary(outcome.name, government: government)
    }
}

import Foundation
import SinergiModel
import SinergiStats
import Testing

@testable import SinergiEngine

/// The Region's monthly series (docs/statistics.md, "The Region"): in each replicate the
/// mean over governments of each model metric and the fraction of governments at each
/// predicate, summarised across replicates like a government's cells.
@Suite struct RegionSeriesTests {
    static func statistics(_ name: String, replicates: Int) async throws -> (
        RunStatistics, ModelInput, MonteCarlo.Result
    ) {
        let input = try EngineFixtures.scenario(name).input
        let result = try await MonteCarlo.run(input: input, replicates: replicates, masterSeed: 3, threads: 2)
        return (RunStatistics(result: result, governmentNames: input.governments.map(\.name)), input, result)
    }

    @Test func regionIsTheMeanOverGovernmentsEveryMonth() async throws {
        let (statistics, input, result) = try await Self.statistics("jambi-province-2018", replicates: 24)
        let layout = result.layout
        let region = statistics.series.filter { $0.government == RunStatistics.regionName }
        let metrics = SeriesMetric.allCases.map(\.name) + RunAccumulator.shareMetrics
        #expect(region.count == (input.months + 1) * metrics.count, "every month and metric, once")
        #expect(region.map(\.metric) == Array(repeating: metrics, count: input.months + 1).flatMap { $0 })
        let g = Double(input.governments.count)
        for row in [0, input.months / 2, input.months] {
            for metric in SeriesMetric.allCases {
                // Recomputed from the raw records: the mean over governments in each replicate.
                let values = result.records.map { record in
                    (0..<input.governments.count).reduce(0.0) { total, i in
                        total + record.series[layout.offsets[i] + row * layout.widths[i] + metric.rawValue]
                    } / g
                }
                let summary = try #require(region.first { $0.month == row && $0.metric == metric.name }).summary
                let mean = values.reduce(0, +) / Double(values.count)
                #expect(abs(summary.mean - mean) <= 1e-12 * max(1, abs(mean)), "\(metric.name), month \(row)")
                #expect(summary.q05 >= values.min()! && summary.q95 <= values.max()!)
                // The mean of the governments' means is the Region's mean.
                let governmentMeans = statistics.series.filter {
                    $0.month == row && $0.metric == metric.name && $0.government != RunStatistics.regionName
                }.map(\.summary.mean)
                #expect(governmentMeans.count == input.governments.count)
                #expect(abs(governmentMeans.reduce(0, +) / g - summary.mean) <= 1e-9 * max(1, abs(mean)))
            }
            // The shares of governments at each predicate add up to one in every replicate.
            let shares = region.filter { $0.month == row && $0.metric.hasPrefix("share_") }
            #expect(shares.count == SPBEPredicate.allCases.count)
            #expect(abs(shares.map(\.summary.mean).reduce(0, +) - 1) <= 1e-12)
        }
        // The last month's SPBE index is the final index of summary.csv's Region row.
        let final = try #require(region.first { $0.month == input.months && $0.metric == "spbe" }).summary
        let summary = try #require(statistics.summary(.finalSpbe, government: RunStatistics.regionName))
        #expect(final.mean == summary.mean)
    }

    @Test func oneGovernmentHasNoRegion() async throws {
        let (statistics, _, _) = try await Self.statistics("classroom", replicates: 4)
        #expect(!statistics.series.contains { $0.government == RunStatistics.regionName })
    }
}

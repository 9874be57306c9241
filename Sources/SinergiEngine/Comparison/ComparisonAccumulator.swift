import Foundation
import SinergiModel
import SinergiStats

/// Folds baseline and policy replicates, pair by pair in replicate order, into streamed
/// paired statistics: every compared outcome of every government and of the region, and
/// the monthly SPBE index and adoption. Memory does not grow with the replicate count.
final class ComparisonAccumulator: @unchecked Sendable {
    /// Monthly series whose paired effect is tracked over time.
    static let seriesMetrics: [SeriesMetric] = [.spbe, .adoption]

    let policies: [String]
    /// The scenario's governments; the region is index `governments.count` when there are
    /// two or more.
    let governments: [String]
    let layout: SeriesLayout
    let months: Int
    let outcomes = Outcome.compared
    /// outcomeCells[p]: government-major, outcome-minor paired samples.
    private var outcomeCells: [[PairedSample]]
    /// seriesCells[p]: government-major, then row, then metric.
    private var seriesCells: [[PairedSample]]
    /// Package cost per policy and government (policy − baseline lever cost), set from the
    /// first replicate: costs do not depend on the draws.
    private(set) var costs: [[Double]]
    private(set) var count = 0

    var hasRegion: Bool { governments.count > 1 }
    var units: Int { governments.count + (hasRegion ? 1 : 0) }

    init(policies: [String], governments: [String], layout: SeriesLayout, months: Int) {
        self.policies = policies
        self.governments = governments
        self.layout = layout
        self.months = months
        let units = governments.count + (governments.count > 1 ? 1 : 0)
        outcomeCells = Array(
            repeating: Array(repeating: PairedSample(), count: units * Outcome.compared.count),
            count: policies.count)
        seriesCells = Array(
            repeating: Array(
                repeating: PairedSample(),
                count: units * layout.rows * Self.seriesMetrics.count),
            count: policies.count)
        costs = Array(repeating: Array(repeating: .nan, count: units), count: policies.count)
    }

    /// Adds the pairs of consecutive replicates of policy `p`: `policy[i]` and
    /// `baseline[i]` are runs of the same replicate.
    func add(policy p: Int, baseline: [ReplicateRecord], policy records: [ReplicateRecord]) {
        precondition(baseline.count == records.count, "baseline and policy batches must pair up")
        guard !records.isEmpty else { return }
        let g = governments.count
        if costs[p][0].isNaN {
            var total = 0.0
            for i in 0..<g {
                costs[p][i] = records[0].outcomes[i].leverCost - baseline[0].outcomes[i].leverCost
                total += costs[p][i]
            }
            if hasRegion { costs[p][g] = total }
        }
        let k = outcomes.count
        let months = self.months
        outcomeCells[p].withUnsafeMutableBufferPointer { cells in
            for (x, y) in zip(baseline, records) {
                for (o, outcome) in outcomes.enumerated() {
                    var sumX = 0.0, sumY = 0.0
                    for i in 0..<g {
                        let a = outcome.pairedValue(x.outcomes[i], months: months)
                        let b = outcome.pairedValue(y.outcomes[i], months: months)
                        cells[i * k + o].add(baseline: a, policy: b)
                        sumX += a
                        sumY += b
                    }
                    if hasRegion { cells[g * k + o].add(baseline: sumX / Double(g), policy: sumY / Double(g)) }
                }
            }
        }
        let metrics = Self.seriesMetrics
        let rows = layout.rows
        seriesCells[p].withUnsafeMutableBufferPointer { cells in
            for (x, y) in zip(baseline, records) {
                for row in 0..<rows {
                    for (j, metric) in metrics.enumerated() {
                        var sumX = 0.0, sumY = 0.0
                        for i in 0..<g {
                            let at = layout.offsets[i] + row * layout.widths[i] + metric.rawValue
                            cells[(i * rows + row) * metrics.count + j].add(
                                baseline: x.series[at], policy: y.series[at])
                            sumX += x.series[at]
                            sumY += y.series[at]
                        }
                        if hasRegion {
                            cells[(g * rows + row) * metrics.count + j]
                                .add(baseline: sumX / Double(g), policy: sumY / Double(g))
                        }
                    }
                }
            }
        }
        if p == policies.count - 1 { count += records.count }
    }

    /// The paired statistics of `outcome` for policy `p` and unit `u` (a government index,
    /// or `governments.count` for the region).
    func statistics(policy p: Int, unit u: Int, outcome: String) -> PairedSample.Statistics? {
        guard let o = outcomes.firstIndex(where: { $0.name == outcome }), u < units else { return nil }
        return outcomeCells[p][u * outcomes.count + o].statistics
    }

    func unitName(_ u: Int) -> String { u < governments.count ? governments[u] : RunStatistics.regionName }

    /// Every paired effect, policy-major, then government (region last), then outcome.
    func effects() -> [PairedEffect] {
        var rows: [PairedEffect] = []
        for (p, policy) in policies.enumerated() {
            for u in 0..<units {
                for (o, outcome) in outcomes.enumerated() {
                    let s = outcomeCells[p][u * outcomes.count + o].statistics
                    let cost = costs[p][u]
                    // Every compared outcome has a direction (OutcomeRegistryTests).
                    let better = outcome.better ?? .higher
                    rows.append(
                        PairedEffect(
                            policy: policy, government: unitName(u), outcome: outcome.name, better: better,
                            replicates: s.count, baselineMean: s.baselineMean, policyMean: s.policyMean,
                            difference: s.difference, differenceSD: s.differenceSD, ci95Low: s.ci95Low,
                            ci95High: s.ci95High,
                            unpairedCI95Low: s.unpairedCI95Low, unpairedCI95High: s.unpairedCI95High,
                            ciWidthRatio: s.ciWidthRatio,
                            pBetter: better == .higher ? s.shareIncreased : s.shareDecreased,
                            pWorse: better == .higher ? s.shareDecreased : s.shareIncreased,
                            cost: cost, effectPerCost: cost > 0 ? s.difference / cost : .nan))
                }
            }
        }
        return rows
    }

    /// The paired effect on the tracked series, policy-major, then government (region
    /// last), month and metric.
    func effectsOverTime() -> [EffectOverTime] {
        var rows: [EffectOverTime] = []
        let metrics = Self.seriesMetrics
        for (p, policy) in policies.enumerated() {
            for u in 0..<units {
                for row in 0..<layout.rows {
                    for (j, metric) in metrics.enumerated() {
                        let s = seriesCells[p][(u * layout.rows + row) * metrics.count + j].statistics
                        rows.append(
                            EffectOverTime(
                                policy: policy, government: unitName(u), month: row, metric: metric.name,
                                baselineMean: s.baselineMean, policyMean: s.policyMean, difference: s.difference,
                                ci95Low: s.ci95Low, ci95High: s.ci95High))
                    }
                }
            }
        }
        return rows
    }
}

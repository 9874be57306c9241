import Foundation
import SinergiModel
import SinergiStats

/// Folds replicate records, in replicate order, into streamed summaries of every outcome
/// (per government and for the region) and every monthly series cell, so memory does not
/// grow with the replicate count.
///
/// Each government's cells are independent, so a batch is folded with one task per
/// government; within a government the records go in replicate order, which keeps every
/// statistic identical whatever the thread count.
final class RunAccumulator: @unchecked Sendable {
    /// Exact quantiles for outcomes up to this many replicates, sketched beyond.
    static let outcomeExactCapacity = 10_000
    /// Exact quantiles for series cells up to this many replicates, sketched beyond, when
    /// the run has few enough cells (see ``seriesExactCapacity(cells:)``).
    static let seriesExactCapacity = 256
    /// Exact values all the series cells of a run may hold together: 2²⁴ values, 128 MiB.
    static let seriesExactBudget = 1 << 24
    /// The fewest exact values a series cell holds, whatever the number of cells.
    static let seriesExactFloor = 32

    /// The exact capacity of each series cell of a run with `cells` cells (governments ×
    /// months + 1 × metrics): 256 while the cells hold at most ``seriesExactBudget`` values
    /// together (up to 65,536 cells, e.g. about 60 governments with four initiatives over 60
    /// months), else the budget's share of each cell, never below ``seriesExactFloor``. It
    /// depends only on the scenario, so results stay identical for any thread count; past
    /// the capacity a cell's quantiles come from its sketch, which holds at most one entry
    /// per non-empty bucket.
    static func seriesExactCapacity(cells: Int) -> Int {
        Swift.min(seriesExactCapacity, Swift.max(seriesExactFloor, seriesExactBudget / Swift.max(1, cells)))
    }

    let layout: SeriesLayout
    let governmentNames: [String]
    let columns = Outcome.all
    /// Column indices that have a region row.
    let regionColumns: [Int]
    /// cells[g]: outcome and series summaries of government g; the region is the extra
    /// last entry (outcomes only). One object per government so that governments can be
    /// folded concurrently without sharing a mutable container.
    private let cells: [Cells]
    /// Metric names of each government's series cells, model metrics then shares.
    let seriesNames: [[String]]
    /// Metric names of the region's series cells (empty with one government): the model
    /// metrics every government has, as the mean over governments, then the share of
    /// governments at each predicate.
    let regionSeriesNames: [String]
    /// Exact capacity of every series cell of this run.
    let seriesCapacity: Int
    private(set) var count = 0

    /// The per-month predicate shares derived from the SPBE series.
    static let shareMetrics = SPBEPredicate.allCases.map { "share_\($0.columnName)" }

    init(layout: SeriesLayout, governmentNames: [String]) {
        self.layout = layout
        self.governmentNames = governmentNames
        let columns = self.columns
        regionColumns = governmentNames.count > 1 ? columns.indices.filter { columns[$0].region != .none } : []
        let names = layout.metricNames.map { $0 + Self.shareMetrics }
        seriesNames = names
        let regionNames = governmentNames.count > 1 ? SeriesMetric.allCases.map(\.name) + Self.shareMetrics : []
        regionSeriesNames = regionNames
        let outcomeCount = columns.count
        let capacity = Self.seriesExactCapacity(
            cells: names.reduce(regionNames.count * layout.rows) { $0 + $1.count * layout.rows })
        seriesCapacity = capacity
        cells =
            names.map { Cells(outcomes: outcomeCount, series: $0.count * layout.rows, seriesCapacity: capacity) }
            + (governmentNames.count > 1
                ? [Cells(outcomes: outcomeCount, series: regionNames.count * layout.rows, seriesCapacity: capacity)]
                : [])
    }

    /// Adds the records of consecutive replicates, in order.
    func add(_ records: [ReplicateRecord]) {
        guard !records.isEmpty else { return }
        let governments = governmentNames.count
        DispatchQueue.concurrentPerform(iterations: governments + (regionColumns.isEmpty ? 0 : 1)) { g in
            if g == governments { foldRegion(records) } else { foldGovernment(g, records) }
        }
        count += records.count
    }

    /// Folds one government's cells. Cell by cell, each taking the whole batch in
    /// replicate order: a cell's summary depends only on its own sequence of values, and
    /// visiting cells one at a time keeps each one's buckets in cache.
    private func foldGovernment(_ g: Int, _ records: [ReplicateRecord]) {
        let cells = self.cells[g]
        let width = layout.widths[g]
        let cellsPerRow = seriesNames[g].count
        let spbe = SeriesMetric.spbe.rawValue
        let base = layout.offsets[g]
        let shares = Self.shareMetrics.count
        let outcomes = records.map { $0.outcomes[g] }
        for c in columns.indices {
            let value = columns[c].value
            for outcome in outcomes { cells.outcomes[c].add(value(outcome)) }
        }
        var predicates = [Int](repeating: 0, count: records.count)
        // One cell's values of the batch, in replicate order, handed over together.
        var batch = [Double](repeating: 0, count: records.count)
        cells.series.withUnsafeMutableBufferPointer { series in
            batch.withUnsafeMutableBufferPointer { batch in
                for row in 0..<layout.rows {
                    let source = base + row * width
                    let target = row * cellsPerRow
                    for j in 0..<width {
                        for (r, record) in records.enumerated() { batch[r] = record.series[source + j] }
                        series[target + j].add(contentsOf: UnsafeBufferPointer(batch))
                    }
                    for (r, record) in records.enumerated() {
                        predicates[r] = SPBEPredicate(index: record.series[source + spbe]).rawValue
                    }
                    for k in 0..<shares {
                        for (r, predicate) in predicates.enumerated() { batch[r] = predicate == k ? 1 : 0 }
                        series[target + width + k].add(contentsOf: UnsafeBufferPointer(batch))
                    }
                }
            }
        }
    }

    /// Folds the region's outcomes and series. A replicate's region value of a series metric
    /// is the mean over governments of their values that month, and of a share metric the
    /// fraction of governments at that predicate (docs/statistics.md, "The Region").
    private func foldRegion(_ records: [ReplicateRecord]) {
        let region = cells[governmentNames.count]
        for record in records {
            for c in regionColumns {
                let column = columns[c]
                var total = 0.0
                for outcome in record.outcomes { total += column.value(outcome) }
                region.outcomes[c].add(column.region == .total ? total : total / Double(record.outcomes.count))
            }
        }
        let metrics = SeriesMetric.allCases.count
        let spbe = SeriesMetric.spbe.rawValue
        let shares = Self.shareMetrics.count
        let cellsPerRow = regionSeriesNames.count
        let governments = governmentNames.count
        let n = Double(governments)
        var means = [Double](repeating: 0, count: metrics * records.count)
        var counts = [Double](repeating: 0, count: shares * records.count)
        var batch = [Double](repeating: 0, count: records.count)
        region.series.withUnsafeMutableBufferPointer { series in
            for row in 0..<layout.rows {
                for r in means.indices { means[r] = 0 }
                for r in counts.indices { counts[r] = 0 }
                for (r, record) in records.enumerated() {
                    for g in 0..<governments {
                        let source = layout.offsets[g] + row * layout.widths[g]
                        for m in 0..<metrics { means[r * metrics + m] += record.series[source + m] }
                        counts[r * shares + SPBEPredicate(index: record.series[source + spbe]).rawValue] += 1
                    }
                }
                let target = row * cellsPerRow
                for m in 0..<metrics {
                    for r in records.indices { batch[r] = means[r * metrics + m] / n }
                    batch.withUnsafeBufferPointer { series[target + m].add(contentsOf: $0) }
                }
                for k in 0..<shares {
                    for r in records.indices { batch[r] = counts[r * shares + k] / n }
                    batch.withUnsafeBufferPointer { series[target + metrics + k].add(contentsOf: $0) }
                }
            }
        }
    }

    /// Exact values and sketch buckets held by all series cells (8 bytes each).
    var retainedSeriesEntries: Int {
        cells.reduce(0) { total, cell in cell.series.reduce(total) { $0 + $1.retainedEntries } }
    }

    /// The current summary of outcome `column` for government index `g` (the region is
    /// index `governmentNames.count`).
    func outcomeSummary(column: String, government g: Int) -> Summary? {
        guard let c = columns.firstIndex(where: { $0.name == column }), g < cells.count else { return nil }
        if g == governmentNames.count && !regionColumns.contains(c) { return nil }
        return cells[g].outcomes[c].summary()
    }

    /// The statistics of everything folded so far.
    func statistics() -> RunStatistics {
        var outcomeRows: [RunStatistics.OutcomeSummary] = []
        for (g, name) in governmentNames.enumerated() {
            for (c, column) in columns.enumerated() {
                outcomeRows.append(
                    .init(government: name, outcome: column.name, summary: cells[g].outcomes[c].summary()))
            }
        }
        for c in regionColumns {
            outcomeRows.append(
                .init(
                    government: RunStatistics.regionName, outcome: columns[c].name,
                    summary: cells[governmentNames.count].outcomes[c].summary()))
        }
        let slots = SeriesSlots(count: governmentNames.count)
        DispatchQueue.concurrentPerform(iterations: governmentNames.count) { g in
            let names = seriesNames[g]
            var rows: [RunStatistics.SeriesSummary] = []
            let series = cells[g].series
            rows.reserveCapacity(series.count)
            for row in 0..<layout.rows {
                for (j, metric) in names.enumerated() {
                    rows.append(
                        .init(
                            month: row, government: governmentNames[g], metric: metric,
                            summary: series[row * names.count + j].summary()))
                }
            }
            slots.store(rows, at: g)
        }
        var regionRows: [RunStatistics.SeriesSummary] = []
        if !regionSeriesNames.isEmpty {
            let series = cells[governmentNames.count].series
            for row in 0..<layout.rows {
                for (j, metric) in regionSeriesNames.enumerated() {
                    regionRows.append(
                        .init(
                            month: row, government: RunStatistics.regionName, metric: metric,
                            summary: series[row * regionSeriesNames.count + j].summary()))
                }
            }
        }
        return RunStatistics(outcomes: outcomeRows, series: slots.values.flatMap { $0 } + regionRows)
    }
}

/// The streamed summaries of one government (or the region).
final class Cells: @unchecked Sendable {
    var outcomes: [StreamingSummary]
    var series: [StreamingSummary]

    init(outcomes: Int, series: Int, seriesCapacity: Int) {
        self.outcomes = Array(
            repeating: StreamingSummary(exactCapacity: RunAccumulator.outcomeExactCapacity), count: outcomes)
        self.series = Array(repeating: StreamingSummary(exactCapacity: seriesCapacity), count: series)
    }
}

/// Per-government result slots filled concurrently, each index written exactly once.
final class SeriesSlots: @unchecked Sendable {
    private var storage: [[RunStatistics.SeriesSummary]]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: [], count: count) }

    func store(_ rows: [RunStatistics.SeriesSummary], at index: Int) {
        lock.lock()
        storage[index] = rows
        lock.unlock()
    }

    var values: [[RunStatistics.SeriesSummary]] { lock.lock(); defer { lock.unlock() }; return storage }
}

import Foundation
import SinergiModel
import SinergiStats

/// Across-replicate statistics of a Monte Carlo result (MODEL.md §5), computed in
/// replicate order so they are identical whatever the thread count.
public struct RunStatistics: Sendable {
    /// One row of summary.csv: an outcome of one government (or the region).
    public struct OutcomeSummary: Sendable {
        public var government: String
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
    public static let regionName = "Region"

    public var outcomes: [OutcomeSummary]
    public var series: [SeriesSummary]

    public init(result: MonteCarlo.Result, governmentNames: [String]) {
        let records = result.records
        let columns = OutcomeColumn.all + OutcomeColumn.predicateShares
        var outcomes: [OutcomeSummary] = []
        for (g, name) in governmentNames.enumerated() {
            for column in columns {
                let values = records.map { column.value($0.outcomes[g]) }
                outcomes.append(OutcomeSummary(government: name, outcome: column.name, summary: Summary(values)))
            }
        }
        if governmentNames.count > 1 {
            for column in columns {
                guard let rule = column.region else { continue }
                let values = records.map { record -> Double in
                    let total = record.outcomes.reduce(0.0) { $0 + column.value($1) }
                    return rule == .total ? total : total / Double(record.outcomes.count)
                }
                outcomes.append(OutcomeSummary(government: Self.regionName, outcome: column.name, summary: Summary(values)))
            }
        }
        self.outcomes = outcomes

        // Each government's series cells are independent: summarise governments
        // concurrently into their own slots, then concatenate in government order.
        let layout = result.layout
        let slots = SeriesSlots(count: governmentNames.count)
        DispatchQueue.concurrentPerform(iterations: governmentNames.count) { g in
            var rows: [SeriesSummary] = []
            rows.reserveCapacity(layout.rows * layout.widths[g])
            var buffer = ContiguousArray<Double>(repeating: 0, count: records.count)
            let width = layout.widths[g]
            for month in 0..<layout.rows {
                for (j, metric) in layout.metricNames[g].enumerated() {
                    let position = layout.offsets[g] + month * width + j
                    buffer.removeAll(keepingCapacity: true)
                    for record in records where !record.series[position].isNaN {
                        buffer.append(record.series[position])
                    }
                    rows.append(SeriesSummary(month: month, government: governmentNames[g], metric: metric,
                                              summary: Summary(summarising: &buffer)))
                }
            }
            slots.store(rows, at: g)
        }
        let series = slots.values.flatMap { $0 }
        self.series = series
    }

    /// The summary of `outcome` for `government`, if there is one.
    public func summary(_ outcome: String, government: String) -> Summary? {
        outcomes.first { $0.government == government && $0.outcome == outcome }?.summary
    }
}

/// Per-government result slots filled concurrently, each index written exactly once.
private final class SeriesSlots: @unchecked Sendable {
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

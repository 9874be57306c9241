import SinergiModel
import SinergiStats

/// Turns the replicate records of one design point into the rows the store keeps: one per
/// replicate and government, and one summary per government (and the Region) and outcome.
///
/// The summaries are those summary.csv gives for a `sinergi run` of the point's values with
/// the same replicates: the same columns, the same region rules, and the values folded in
/// replicate order into the same streamed summaries.
struct PointSummariser: Sendable {
    let governments: [String]
    let columns = Outcome.all
    /// Columns of the replicate table (replicates.csv's outcome columns).
    let rowColumns = Outcome.replicateColumns

    init(governments: [String]) {
        self.governments = governments
    }

    var outcomeColumnNames: [String] { rowColumns.map(\.name) }

    /// The store's rows for `point` from `records` (replicates 0 … n − 1, in order) and
    /// their `seeds`.
    func result(point: Int, seeds: [UInt64], records: [ReplicateRecord]) -> PointResult {
        var rows: [ReplicateRow] = []
        rows.reserveCapacity(records.count * governments.count)
        for (r, record) in records.enumerated() {
            for (g, name) in governments.enumerated() {
                let outcome = record.outcomes[g]
                rows.append(
                    ReplicateRow(
                        replicate: r, seed: seeds[r], government: name, values: rowColumns.map { $0.value(outcome) },
                        finalPredicate: outcome.finalPredicate.name))
            }
        }
        var summaries: [PointSummaryRow] = []
        func row(_ government: String, _ column: Outcome, _ values: [Double]) -> PointSummaryRow {
            var summary = StreamingSummary(exactCapacity: RunAccumulator.outcomeExactCapacity)
            for value in values { summary.add(value) }
            let s = summary.summary()
            return PointSummaryRow(
                point: point, government: government, outcome: column.name, n: s.count, mean: s.mean,
                sd: s.standardDeviation, ci95Low: s.ci95Low, ci95High: s.ci95High)
        }
        for (g, name) in governments.enumerated() {
            for column in columns {
                summaries.append(row(name, column, records.map { column.value($0.outcomes[g]) }))
            }
        }
        if governments.count > 1 {
            for column in columns where column.region != .none {
                let rule = column.region
                let values = records.map { record -> Double in
                    var total = 0.0
                    for outcome in record.outcomes { total += column.value(outcome) }
                    return rule == .total ? total : total / Double(record.outcomes.count)
                }
                summaries.append(row(RunStatistics.regionName, column, values))
            }
        }
        return PointResult(point: point, replicates: records.count, rows: rows, summaries: summaries)
    }
}

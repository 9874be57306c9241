import Foundation
import SinergiModel
import SinergiStats

/// The CSV data files of a run (DESIGN.md "Outputs"). Their bytes depend only on the
/// scenario and the seed.
enum DataFiles {
    /// The columns of replicates.csv: one row per (replicate, government).
    static let replicatesHeader =
        ["replicate", "seed", "government"] + Outcome.replicateColumns.map(\.name) + ["final_predicate"]

    /// Appends the rows of consecutive replicates, the first of them `firstReplicate`, with
    /// their `seeds`, each row preceded by the `prefix` fields (a comparison's policy column).
    static func appendReplicates(
        _ records: [ReplicateRecord], seeds: [UInt64], firstReplicate: Int, governments: [String],
        prefix: [String] = [], to csv: inout CSV
    ) {
        let columns = Outcome.replicateColumns
        for (offset, record) in records.enumerated() {
            for (g, name) in governments.enumerated() {
                let outcome = record.outcomes[g]
                csv.appendRow(
                    prefix + [String(firstReplicate + offset), String(seeds[offset]), name]
                        + columns.map { CSV.number($0.value(outcome)) } + [outcome.finalPredicate.name])
            }
        }
    }

    /// timeseries.csv, tidy: month, government, metric, mean, sd, q05, q50, q95; handed to
    /// `write` in pieces of about a megabyte, since a national run's file is tens of
    /// megabytes.
    static func timeseries(_ statistics: RunStatistics, write: (Data) throws(RunError) -> Void) throws(RunError) {
        var csv = CSV(header: ["month", "government", "metric", "mean", "sd", "q05", "q50", "q95"])
        for (i, row) in statistics.series.enumerated() {
            let s = row.summary
            csv.appendRow(
                [String(row.month), row.government, row.metric]
                    + [s.mean, s.standardDeviation, s.q05, s.q50, s.q95].map(CSV.number))
            if i % 10_000 == 9_999 { try write(csv.drain()) }
        }
        try write(csv.drain())
    }

    /// summary.csv: government, outcome, n, mean, sd, 95% CI, quantiles.
    static func summary(_ statistics: RunStatistics) -> String {
        var csv = CSV(header: [
            "government", "outcome", "n", "mean", "sd", "ci95_low", "ci95_high",
            "q05", "q25", "q50", "q75", "q95",
        ])
        for row in statistics.outcomes {
            let s = row.summary
            csv.appendRow(
                [row.government, row.outcome, String(s.count)]
                    + [s.mean, s.standardDeviation, s.ci95Low, s.ci95High, s.q05, s.q25, s.q50, s.q75, s.q95].map(
                        CSV.number))
        }
        return csv.contents
    }
}

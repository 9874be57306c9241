import Foundation
import SinergiModel

/// points.csv and replicates.csv of a sweep, written from its stores point by point, so a
/// sweep of any size is written in bounded memory, and a merge of shards writes the same
/// bytes as the unsharded sweep.
///
/// - points.csv: `point`, one column per factor (its value at the point), `government`,
///   `outcome`, `n`, `mean`, `sd`, `ci95_low`, `ci95_high` — one row per point, government
///   (and the Region) and outcome (long format: pandas and R read it without options).
/// - replicates.csv: `point`, `replicate`, `seed`, `government`, one column per outcome,
///   `final_predicate` — one row per point, replicate and government.
enum SweepFiles {
    /// Points read from the stores at a time: a block's rows are written to the files before
    /// the next block is read.
    static let pointsPerRead = 256

    static func pointsHeader(factors: [String]) -> [String] {
        ["point"] + factors + ["government", "outcome", "n", "mean", "sd", "ci95_low", "ci95_high"]
    }

    static func replicatesHeader(outcomes: [String]) -> [String] {
        ["point", "replicate", "seed", "government"] + outcomes + ["final_predicate"]
    }

    /// Writes both files for points `0 ..< design.count`, each point read from `store(point)`,
    /// through `points` and `replicates` (called with pieces of the files in order).
    static func write(
        design: [[Double]], factors: [String], outcomes: [String], store: (Int) -> SweepStore,
        points: (Data) throws(RunError) -> Void, replicates: (Data) throws(RunError) -> Void
    ) throws(RunError) {
        var pointsCSV = CSV(header: pointsHeader(factors: factors))
        var replicatesCSV = CSV(header: replicatesHeader(outcomes: outcomes))
        var factorFields: [[String]] = []
        func fields(_ point: Int) -> [String] {
            // The block's factor values, formatted once per point.
            factorFields[point % pointsPerRead]
        }
        var start = 0
        while start < design.count {
            let end = Swift.min(design.count, start + pointsPerRead)
            factorFields = design[start..<end].map { $0.map(CSV.number) }
            // A block whose points share a store is read with one query per table; the
            // points of a block spread over several stores, one query per point and store.
            let source = store(start)
            let oneStore = (start..<end).allSatisfy { store($0) === source }
            let reads: [(SweepStore, Range<Int>)] =
                oneStore ? [(source, start..<end)] : (start..<end).map { (store($0), $0..<($0 + 1)) }
            for (source, range) in reads {
                try source.forEachSummary(points: range) { (row) throws(RunError) in
                    guard range.contains(row.point) else { return }
                    pointsCSV.appendRow(
                        [String(row.point)] + fields(row.point) + [row.government, row.outcome, String(row.n)]
                            + [row.mean, row.sd, row.ci95Low, row.ci95High].map(CSV.number))
                }
            }
            for (source, range) in reads {
                try source.forEachReplicateRow(points: range) { (point, row) throws(RunError) in
                    guard range.contains(point) else { return }
                    replicatesCSV.appendRow(
                        [String(point), String(row.replicate), String(row.seed), row.government]
                            + row.values.map(CSV.number) + [row.finalPredicate])
                }
            }
            try points(pointsCSV.drain())
            try replicates(replicatesCSV.drain())
            start = end
        }
    }
}

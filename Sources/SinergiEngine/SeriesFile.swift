import Foundation
import SinergiModel

/// series.csv of a run folder (`--series replicates`): every replicate's monthly series,
/// long — replicate, month, government, metric, value (a comparison adds its `policy`
/// column first) — written batch by batch like replicates.csv, so it is never held in
/// memory. Rows: replicates × (months + 1) × the series metrics of each government
/// (docs/cli.md gives the count for the shipped scenarios). Its SHA-256 is computed as it
/// is written.
public final class SeriesFile {
    public static let name = "series.csv"
    static let header = ["replicate", "month", "government", "metric", "value"]

    private let stream: HashingFileStream
    private var csv: CSV
    private let layout: SeriesLayout
    private let governments: [String]
    private let armLabels: [String]?

    init(
        in folder: RunFolder, layout: SeriesLayout, governments: [String], armColumn: String?, arms: [StudyArm]
    ) throws(RunError) {
        stream = try folder.openStream(Self.name)
        csv = CSV(header: (armColumn.map { [$0] } ?? []) + Self.header)
        self.layout = layout
        self.governments = governments
        armLabels = armColumn == nil ? nil : arms.map(\.name)
    }

    /// Appends the batch's rows: arm, replicate, government, month, metric, in that order
    /// of nesting, in pieces of about a megabyte.
    func append(_ batch: StudyBatch) throws(RunError) {
        for a in 0..<batch.arms {
            let prefix = armLabels.map { [$0[a]] } ?? []
            for (offset, record) in batch.records(arm: a).enumerated() {
                let replicate = String(batch.replicates.lowerBound + offset)
                for (g, government) in governments.enumerated() {
                    let base = layout.offsets[g], width = layout.widths[g], names = layout.metricNames[g]
                    for month in 0..<layout.rows {
                        let row = base + month * width
                        for (j, metric) in names.enumerated() {
                            csv.appendRow(
                                prefix + [
                                    replicate, String(month), government, metric, CSV.number(record.series[row + j]),
                                ])
                        }
                    }
                    if csv.contents.utf8.count >= 1 << 20 { try stream.append(csv.drain()) }
                }
            }
        }
        try stream.append(csv.drain())
    }

    func finish() throws(RunError) -> String {
        try stream.append(csv.drain())
        return try stream.finish()
    }
}

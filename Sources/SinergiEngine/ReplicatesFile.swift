import Foundation
import SinergiModel

/// replicates.csv of a run folder, written batch by batch as the study core hands the
/// batches over: one row per (arm, replicate, government), each batch's arms in order, so
/// the file never has to be held in memory. Its SHA-256 is computed as it is written.
final class ReplicatesFile {
    private let stream: HashingFileStream
    private var csv: CSV
    private let governments: [String]
    /// Each arm's label in the first column, or nil for a single-arm study (no such column).
    private let armLabels: [String]?

    /// Creates replicates.csv in `folder`. With `armColumn` (a comparison's "policy"), every
    /// row starts with its arm's name from `arms`.
    init(in folder: RunFolder, governments: [String], armColumn: String?, arms: [StudyArm]) throws(RunError) {
        stream = try folder.openStream("replicates.csv")
        csv = CSV(header: (armColumn.map { [$0] } ?? []) + DataFiles.replicatesHeader)
        self.governments = governments
        armLabels = armColumn == nil ? nil : arms.map(\.name)
    }

    /// Appends the batch's rows, arm by arm.
    func append(_ batch: StudyBatch) throws(RunError) {
        for a in 0..<batch.arms {
            DataFiles.appendReplicates(
                batch.records(arm: a), seeds: batch.seeds, firstReplicate: batch.replicates.lowerBound,
                governments: governments, prefix: armLabels.map { [$0[a]] } ?? [], to: &csv)
        }
        try stream.append(csv.drain())
    }

    /// Writes the header if no batch came, closes the file and returns its SHA-256.
    func finish() throws(RunError) -> String {
        try stream.append(csv.drain())
        return try stream.finish()
    }
}

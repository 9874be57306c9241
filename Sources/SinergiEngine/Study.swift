import Crypto
import Foundation
import SinergiModel
import SinergiStats

/// `sinergi run`: a Monte Carlo study of one arm, written to a run folder.
///
/// The arm runs through the study core (``StudyCore``) in batches; after each batch the
/// records are folded, in replicate order, into streamed statistics and appended to
/// replicates.csv, so memory stays bounded whatever the replicate count. Under a precision
/// target the rule is checked between batches. A cancelled run (an interrupt) keeps the
/// replicates completed before the first one that did not run, so its data are those of a
/// fixed run of that many replicates.
public enum Study {
    /// What a finished run produced.
    public struct Outcome: Sendable {
        /// The run folder, e.g. results/classroom/20261122-101500-s1.
        public var folder: URL
        public var statistics: RunStatistics
        public var governments: [String]
        public var manifest: Manifest
        /// Why the run stopped (the manifest's `stopping.reason` in words).
        public var stopReason: StopReason
        /// Whether the run was interrupted before its stopping rule was met.
        public var interrupted: Bool { manifest.status == .interrupted }
    }

    /// Data files of every run folder, in the order they are written.
    public static let dataFiles = ["replicates.csv", "timeseries.csv", "summary.csv"]

    /// Runs `request` and writes its folder; `report` draws report.html (none when nil).
    public static func run(
        _ request: RunRequest, control: RunControl = RunControl(), report: (any ReportRenderer)? = nil
    ) async throws(RunError) -> Outcome {
        let names = request.input.governments.map(\.name)
        let output = RunOutput(layout: SeriesLayout(input: request.input), governments: names)
        let finished = try await FolderStudy.run(
            request, arms: [StudyArm(name: "run", input: request.input)], output: output, control: control,
            report: report)
        return Outcome(
            folder: finished.folder, statistics: finished.result, governments: names, manifest: finished.manifest,
            stopReason: finished.end.reason)
    }

    /// Lower-case hexadecimal SHA-256 of `data`.
    public static func sha256(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

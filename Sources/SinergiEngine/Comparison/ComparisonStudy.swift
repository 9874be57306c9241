import Foundation
import SinergiModel
import SinergiScenario
import SinergiStats

/// `sinergi compare`: a comparison on common random numbers, written to a folder.
///
/// The baseline and every package are the arms of one study (``StudyCore``): they run the
/// same replicate seeds (design point 0, the seeds of `sinergi run`), and inside a
/// replicate the per-process streams of MODEL.md §6, so each replicate is one paired
/// observation. After each batch every package's pairs are folded in replicate order, so
/// the files are identical whatever the thread count, and an interrupted comparison keeps
/// the prefix of replicates every arm completed.
public enum ComparisonStudy {
    public struct Outcome: Sendable {
        public var folder: URL
        public var comparison: Comparison
        public var manifest: Manifest
        /// Why the comparison stopped (the manifest's `stopping.reason` in words).
        public var stopReason: StopReason
        public var interrupted: Bool { manifest.status == .interrupted }
    }

    /// Data files of a comparison folder, in the order they are written.
    public static let dataFiles = ["replicates.csv", "comparison.csv", "effects-over-time.csv"]

    /// The arms of `request`: the baseline, then each package in request order.
    public static func arms(_ request: ComparisonRequest) -> [StudyArm] {
        [StudyArm(name: "baseline", input: request.baseline.input)]
            + request.policies.map { StudyArm(name: $0.name, input: request.input(for: $0)) }
    }

    /// Runs `request` and writes its folder; `report` draws report.html (none when nil).
    public static func run(
        _ request: ComparisonRequest, control: RunControl = RunControl(), report: (any ReportRenderer)? = nil
    ) async throws(RunError) -> Outcome {
        let base = request.baseline
        let output = ComparisonOutput(
            layout: SeriesLayout(input: base.input), governments: base.input.governments.map(\.name),
            policies: request.policies.map(\.name), months: base.input.months)
        let finished = try await FolderStudy.run(
            base, arms: arms(request), output: output, control: control, report: report)
        return Outcome(
            folder: finished.folder, comparison: finished.result, manifest: finished.manifest,
            stopReason: finished.end.reason)
    }
}

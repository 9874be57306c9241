/// Draws report.html, the page a reader opens first in a run or comparison folder.
///
/// The engine writes the data files and the manifest; the page is drawn by a module above
/// it (SinergiReport) from the same statistics, in the same run, and the command-line tool
/// passes it in. A study given no renderer writes no report.html.
public protocol ReportRenderer: Sendable {
    /// The page of a finished run, from its statistics and manifest.
    func html(statistics: RunStatistics, manifest: Manifest) -> String

    /// The page of a finished comparison, from its paired effects (with the baseline's
    /// statistics) and manifest.
    func html(comparison: Comparison, manifest: Manifest) -> String

    /// The page of a finished sweep, from the main effects read from its store and its
    /// manifest.
    func html(sweep: SweepAnalysis, manifest: Manifest) -> String

    /// The page of a finished sensitivity analysis, from its indices (a default draws them
    /// as plain text).
    func html(sensitivity: SensitivityReport) -> String

    /// The page of a finished calibration; nil writes no report.html.
    func html(calibration: CalibrationAnalysis, manifest: Manifest) -> String?
}

extension ReportRenderer {
    public func html(calibration: CalibrationAnalysis, manifest: Manifest) -> String? { nil }
}

import SinergiEngine

/// The report a study writes as report.html: ``ReportPage`` handed to the engine as its
/// ``ReportRenderer``, so the engine draws no HTML itself.
public struct HTMLReport: ReportRenderer {
    public init() {}

    public func html(statistics: RunStatistics, manifest: Manifest) -> String {
        ReportPage.html(statistics: statistics, manifest: manifest)
    }

    public func html(comparison: Comparison, manifest: Manifest) -> String {
        ReportPage.html(comparison: comparison, manifest: manifest)
    }

    public func html(sweep: SweepAnalysis, manifest: Manifest) -> String {
        SweepPage.html(sweep, manifest: manifest)
    }

    public func html(sensitivity: SensitivityReport) -> String {
        SensitivityPage.html(sensitivity)
    }
}

extension HTMLReport {
    public func html(calibration: CalibrationAnalysis, manifest: Manifest) -> String? {
        CalibrationPage.html(calibration, manifest: manifest)
    }
}

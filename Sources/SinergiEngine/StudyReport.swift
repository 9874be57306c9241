/// What report.html shows about a study.
public enum StudyReport: Sendable {
    /// A run: its statistics.
    case run(RunStatistics)
    /// A comparison: its paired effects, then the baseline's statistics.
    case comparison(Comparison)
}

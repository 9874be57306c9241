/// What a folder study wrote after its replicates: the data files' SHA-256 by name, the
/// quantile method its statistics used (for the manifest), what the report shows, and the
/// command's result.
struct StudyFiles<Result> {
    var hashes: [String: String]
    var quantiles: String
    var report: StudyReport
    var result: Result
}

/// The sink of a folder study: each batch goes to replicates.csv (and series.csv when asked
/// for) and to the command's statistics, which also answer the precision target.
final class FolderSink<Output: FolderOutput>: StudySink {
    let replicates: ReplicatesFile
    let series: SeriesFile?
    let output: Output

    init(replicates: ReplicatesFile, series: SeriesFile?, output: Output) {
        self.replicates = replicates
        self.series = series
        self.output = output
    }

    func consume(_ batch: StudyBatch) throws(RunError) {
        try output.consume(batch)
        try replicates.append(batch)
        try series?.append(batch)
    }

    var precisionMeasure: PrecisionMeasure { output.precisionMeasure }

    func largestHalfWidth(_ target: PrecisionTarget) -> Double? { output.largestHalfWidth(target) }
}

/// The sink of a folder study: each batch goes to replicates.csv and to the command's
/// statistics, which also answer the precision target.
final class FolderSink<Output: FolderOutput>: StudySink {
    let replicates: ReplicatesFile
    let output: Output

    init(replicates: ReplicatesFile, output: Output) {
        self.replicates = replicates
        self.output = output
    }

    func consume(_ batch: StudyBatch) throws(RunError) {
        try output.consume(batch)
        try replicates.append(batch)
    }

    var precisionMeasure: PrecisionMeasure { output.precisionMeasure }

    func largestHalfWidth(_ target: PrecisionTarget) -> Double? { output.largestHalfWidth(target) }
}

import Foundation
import SinergiModel

/// `sinergi run`'s part of its folder: the arm's streamed statistics (``RunAccumulator``)
/// and, at the end, timeseries.csv and summary.csv.
final class RunOutput: FolderOutput {
    let accumulator: RunAccumulator

    init(layout: SeriesLayout, governments: [String]) {
        accumulator = RunAccumulator(layout: layout, governmentNames: governments)
    }

    var command: String { "run" }

    func consume(_ batch: StudyBatch) throws(RunError) { try accumulator.consume(batch) }

    var precisionMeasure: PrecisionMeasure { accumulator.precisionMeasure }

    func largestHalfWidth(_ target: PrecisionTarget) -> Double? { accumulator.largestHalfWidth(target) }

    func finish(replicates: Int, folder: RunFolder, control: RunControl) throws(RunError) -> StudyFiles<RunStatistics> {
        control.begin("summarising")
        let statistics = accumulator.statistics()
        control.begin("writing timeseries.csv")
        let timeseries = try folder.openStream("timeseries.csv")
        try DataFiles.timeseries(statistics, write: timeseries.append)
        var hashes = ["timeseries.csv": try timeseries.finish()]
        control.begin("writing summary.csv")
        let summary = Data(DataFiles.summary(statistics).utf8)
        try folder.write(summary, to: "summary.csv")
        hashes["summary.csv"] = Study.sha256(summary)
        return StudyFiles(
            hashes: hashes, quantiles: Manifest.quantileMethod(seriesCapacity: accumulator.seriesCapacity),
            report: .run(statistics), result: statistics)
    }
}

import Foundation
import SinergiModel

/// `sinergi compare`'s part of its folder: the baseline's statistics (for the report's
/// baseline charts), the paired statistics of every package, and at the end
/// comparison.csv and effects-over-time.csv. Arm 0 is the baseline, arm p + 1 package p.
final class ComparisonOutput: FolderOutput {
    let baseline: RunAccumulator
    let paired: ComparisonAccumulator

    init(layout: SeriesLayout, governments: [String], policies: [String], months: Int) {
        baseline = RunAccumulator(layout: layout, governmentNames: governments)
        paired = ComparisonAccumulator(policies: policies, governments: governments, layout: layout, months: months)
    }

    var command: String { "compare" }
    var armColumn: String? { "policy" }

    func consume(_ batch: StudyBatch) throws(RunError) {
        try baseline.consume(batch)
        try paired.consume(batch)
    }

    /// A precision target applies to the paired effects.
    var precisionMeasure: PrecisionMeasure { paired.precisionMeasure }

    func largestHalfWidth(_ target: PrecisionTarget) -> Double? { paired.largestHalfWidth(target) }

    func finish(replicates: Int, folder: RunFolder, control: RunControl) throws(RunError) -> StudyFiles<Comparison> {
        control.begin("summarising")
        let comparison = Comparison(
            policies: paired.policies, units: (0..<paired.units).map(paired.unitName), replicates: replicates,
            effects: paired.effects(), overTime: paired.effectsOverTime(), baseline: baseline.statistics())
        var hashes: [String: String] = [:]
        for (name, text) in [
            ("comparison.csv", ComparisonFiles.comparison(comparison)),
            ("effects-over-time.csv", ComparisonFiles.effectsOverTime(comparison)),
        ] {
            let data = Data(text.utf8)
            try folder.write(data, to: name)
            hashes[name] = Study.sha256(data)
        }
        return StudyFiles(
            hashes: hashes, quantiles: Manifest.quantileMethod(seriesCapacity: baseline.seriesCapacity),
            report: .comparison(comparison), result: comparison)
    }

    func describe(_ manifest: inout Manifest) {
        manifest.policies = paired.policies
    }
}

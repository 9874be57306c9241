/// A run's statistics as the sink of the study core: they fold arm 0, the run's only arm
/// (a comparison's baseline), and answer a precision target on an outcome's mean.
extension RunAccumulator: StudySink {
    func consume(_ batch: StudyBatch) throws(RunError) {
        add(batch.records(arm: 0))
    }

    var precisionMeasure: PrecisionMeasure { .halfWidth }

    /// The largest 95% CI half-width of the target's metric over its scope: every
    /// government, or the region when the scope is the region and there are two or more.
    func largestHalfWidth(_ target: PrecisionTarget) -> Double? {
        let governments = governmentNames.count
        let indices = target.scope == .region && governments > 1 ? [governments] : Array(0..<governments)
        var largest = 0.0
        for g in indices {
            guard let summary = outcomeSummary(column: target.metric, government: g), !summary.ci95HalfWidth.isNaN
            else { return nil }
            largest = Swift.max(largest, summary.ci95HalfWidth)
        }
        return largest
    }
}

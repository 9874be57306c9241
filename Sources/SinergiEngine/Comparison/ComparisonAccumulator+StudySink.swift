/// A comparison's paired statistics as the sink of the study core: arm 0 is the baseline
/// and arm p + 1 package p, replicate by replicate a pair.
extension ComparisonAccumulator: StudySink {
    func consume(_ batch: StudyBatch) throws(RunError) {
        let baseline = batch.records(arm: 0)
        for p in policies.indices {
            add(policy: p, baseline: baseline, policy: batch.records(arm: p + 1))
        }
    }

    var precisionMeasure: PrecisionMeasure { .pairedHalfWidth }

    /// The largest paired 95% CI half-width of the target's metric over every package and
    /// the target's scope; nil while any is undefined.
    func largestHalfWidth(_ target: PrecisionTarget) -> Double? {
        let units = target.scope == .region && hasRegion ? [governments.count] : Array(0..<governments.count)
        var largest = 0.0
        for p in policies.indices {
            for u in units {
                guard let s = statistics(policy: p, unit: u, outcome: target.metric), !s.ci95Low.isNaN else {
                    return nil
                }
                largest = Swift.max(largest, (s.ci95High - s.ci95Low) / 2)
            }
        }
        return largest
    }
}

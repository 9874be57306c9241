import Foundation
import SinergiModel
import SinergiScenario
import SinergiStats

/// Runs a comparison on common random numbers and writes its folder.
///
/// Baseline and every package run the same replicate seeds (design point 0, the seeds of
/// `sinergi run`), and inside a replicate the per-process streams of MODEL.md §6, so each
/// replicate is one paired observation. Replicates go in batches as in ``Study``; after each
/// batch every package's pairs are folded in replicate order, so the files are identical
/// whatever the thread count, and an interrupted comparison keeps the completed prefix.
public enum ComparisonStudy {
    public struct Outcome: Sendable {
        public var folder: URL
        public var comparison: Comparison
        public var manifest: Manifest
        public var interrupted: Bool { manifest.status == "interrupted" }
    }

    /// Data files of a comparison folder, in the order they are written.
    public static let dataFiles = ["replicates.csv", "comparison.csv", "effects-over-time.csv"]

    /// Runs `request` and writes its folder; `report` draws report.html (none when nil).
    public static func run(
        _ request: ComparisonRequest, control: RunControl = RunControl(), report: (any ReportRenderer)? = nil
    ) async throws(RunError) -> Outcome {
        let started = Date()
        let clock = ContinuousClock()
        let begin = clock.now
        let base = request.baseline
        let names = base.input.governments.map(\.name)
        let baselinePool = WorkerPool(input: base.input, threads: base.threads)
        let policyPools = request.policies.map { WorkerPool(input: request.input(for: $0), threads: base.threads) }
        let baselineStatistics = RunAccumulator(layout: baselinePool.layout, governmentNames: names)
        let paired = ComparisonAccumulator(
            policies: request.policies.map(\.name), governments: names,
            layout: baselinePool.layout, months: base.input.months)
        control.plan(base.stopping.maximumReplicates * (1 + request.policies.count))

        let folder = try RunFolder(
            root: base.outputRoot, slug: base.slug, seed: base.masterSeed, date: started,
            kind: "compare")
        do throws(RunError) {
            let rows = try folder.openStream("replicates.csv")
            var replicatesCSV = CSV(header: ["policy"] + DataFiles.replicatesHeader)
            var done = 0
            var reason = ""
            var achieved: Double?
            let batchSize: Int
            switch base.stopping {
            case .fixed:
                batchSize = RunRequest.fixedBatch(
                    recordValues: baselinePool.layout.count, arms: 1 + request.policies.count)
            case .precision(let target): batchSize = target.batch
            }
            let maximum = base.stopping.maximumReplicates
            batches: while true {
                let range = done..<Swift.min(maximum, done + batchSize)
                var baseline = try await baselinePool.run(
                    range, masterSeed: base.masterSeed, designPoint: 0, control: control)
                var complete = baseline.records.count
                var arms: [WorkerPool.Batch] = []
                for pool in policyPools where complete > 0 {
                    let arm = try await pool.run(
                        range.lowerBound..<(range.lowerBound + complete), masterSeed: base.masterSeed,
                        designPoint: 0, control: control)
                    complete = Swift.min(complete, arm.records.count)
                    arms.append(arm)
                }
                // Keep only replicates every arm completed (all of them unless interrupted).
                baseline.truncate(to: complete)
                for i in arms.indices { arms[i].truncate(to: complete) }
                if complete > 0 {
                    baselineStatistics.add(baseline.records)
                    DataFiles.appendReplicates(
                        baseline, firstReplicate: done, governments: names, prefix: ["baseline"],
                        to: &replicatesCSV)
                    for (p, arm) in arms.enumerated() {
                        paired.add(policy: p, baseline: baseline.records, policy: arm.records)
                        DataFiles.appendReplicates(
                            arm, firstReplicate: done, governments: names,
                            prefix: [request.policies[p].name], to: &replicatesCSV)
                    }
                    try rows.append(replicatesCSV.drain())
                }
                done += complete
                if complete < range.count || control.isCancelled {
                    reason = "interrupted (\(control.cancellationReason ?? "cancelled")) after \(done) replicates"
                    break batches
                }
                if case .precision(let target) = base.stopping {
                    achieved = largestHalfWidth(target, paired)
                    control.report(halfWidth: achieved ?? .nan)
                }
                if let stop = base.stopping.reasonToStop(
                    done: done, achieved: achieved, measure: "paired 95% CI half-width")
                {
                    reason = stop
                    break batches
                }
            }
            var hashes = ["replicates.csv": try rows.finish()]
            guard done > 0 else {
                throw RunError.interruptedBeforeFirstReplicate(control.cancellationReason ?? "cancelled")
            }
            control.begin("summarising")
            let comparison = Comparison(
                policies: paired.policies, units: (0..<paired.units).map(paired.unitName), replicates: done,
                effects: paired.effects(), overTime: paired.effectsOverTime(), baseline: baselineStatistics.statistics()
            )
            for (name, text) in [
                ("comparison.csv", ComparisonFiles.comparison(comparison)),
                ("effects-over-time.csv", ComparisonFiles.effectsOverTime(comparison)),
            ] {
                let data = Data(text.utf8)
                try folder.write(data, to: name)
                hashes[name] = Study.sha256(data)
            }
            let interrupted = control.isCancelled && reason.hasPrefix("interrupted")
            var manifest = Study.manifest(
                base, replicates: done, reason: reason, achieved: achieved,
                interruptedBy: interrupted ? control.cancellationReason : nil,
                started: started, seconds: (clock.now - begin).seconds,
                batch: batchSize, seriesCapacity: baselineStatistics.seriesCapacity)
            manifest.command = "compare"
            manifest.policies = paired.policies
            manifest.files = hashes
            try folder.finish(manifest: manifest, control: control) {
                report?.html(comparison: comparison, manifest: manifest)
            }
            return Outcome(folder: folder.final, comparison: comparison, manifest: manifest)
        } catch {
            folder.discard()
            throw error
        }
    }

    /// The largest paired 95% CI half-width of the target's metric over every package and
    /// the target's scope; nil while any is undefined.
    static func largestHalfWidth(_ target: PrecisionTarget, _ paired: ComparisonAccumulator) -> Double? {
        let units =
            target.scope == .region && paired.hasRegion
            ? [paired.governments.count]
            : Array(0..<paired.governments.count)
        var largest = 0.0
        for p in paired.policies.indices {
            for u in units {
                guard let s = paired.statistics(policy: p, unit: u, outcome: target.metric), !s.ci95Low.isNaN else {
                    return nil
                }
                largest = Swift.max(largest, (s.ci95High - s.ci95Low) / 2)
            }
        }
        return largest
    }
}

import Crypto
import Foundation
import SinergiModel
import SinergiStats

/// Runs a Monte Carlo study and writes its run folder.
///
/// Replicates run in batches; after each batch the records are folded, in replicate
/// order, into streamed statistics and appended to replicates.csv, so memory stays bounded
/// whatever the replicate count. Under a precision target the rule is checked between
/// batches. A cancelled run (an interrupt) keeps the replicates completed before the first
/// one that did not run, so its data are those of a fixed run of that many replicates.
public enum Study {
    /// What a finished run produced.
    public struct Outcome: Sendable {
        /// The run folder, e.g. results/classroom/20261122-101500-s1.
        public var folder: URL
        public var statistics: RunStatistics
        public var governments: [String]
        public var manifest: Manifest
        /// Whether the run was interrupted before its stopping rule was met.
        public var interrupted: Bool { manifest.status == "interrupted" }
    }

    /// Data files of every run folder, in the order they are written.
    public static let dataFiles = ["replicates.csv", "timeseries.csv", "summary.csv"]

    public static func run(_ request: RunRequest, control: RunControl = RunControl()) async throws(RunError) -> Outcome
    {
        let started = Date()
        let clock = ContinuousClock()
        let begin = clock.now
        let names = request.input.governments.map(\.name)
        let pool = WorkerPool(input: request.input, threads: request.threads)
        let accumulator = RunAccumulator(layout: pool.layout, governmentNames: names)
        control.plan(request.stopping.maximumReplicates)

        let folder = try RunFolder(
            root: request.outputRoot, slug: request.slug, seed: request.masterSeed, date: started)
        do throws(RunError) {
            let rows = try folder.openStream("replicates.csv")
            var replicatesCSV = CSV(header: DataFiles.replicatesHeader)
            var done = 0
            var reason = ""
            var achieved: Double?
            let batchSize: Int
            switch request.stopping {
            case .fixed: batchSize = RunRequest.fixedBatch(recordValues: pool.layout.count)
            case .precision(let target): batchSize = target.batch
            }
            let maximum = request.stopping.maximumReplicates
            while true {
                let range = done..<Swift.min(maximum, done + batchSize)
                let batch = try await pool.run(range, masterSeed: request.masterSeed, designPoint: 0, control: control)
                accumulator.add(batch.records)
                DataFiles.appendReplicates(batch, firstReplicate: done, governments: names, to: &replicatesCSV)
                try rows.append(replicatesCSV.drain())
                done += batch.records.count
                if batch.records.count < range.count {
                    reason = "interrupted (\(control.cancellationReason ?? "cancelled")) after \(done) replicates"
                    break
                }
                if case .precision(let target) = request.stopping {
                    achieved = Self.largestHalfWidth(target, accumulator: accumulator, governments: names.count)
                    control.report(halfWidth: achieved ?? .nan)
                }
                if let stop = request.stopping.reasonToStop(
                    done: done, achieved: achieved, measure: "95% CI half-width")
                {
                    reason = stop
                    break
                }
                if control.isCancelled {
                    reason = "interrupted (\(control.cancellationReason ?? "cancelled")) after \(done) replicates"
                    break
                }
            }
            var hashes = ["replicates.csv": try rows.finish()]
            guard done > 0 else {
                throw RunError.interruptedBeforeFirstReplicate(control.cancellationReason ?? "cancelled")
            }

            control.begin("summarising")
            let statistics = accumulator.statistics()
            control.begin("writing timeseries.csv")
            let timeseries = try folder.openStream("timeseries.csv")
            try DataFiles.timeseries(statistics, write: timeseries.append)
            hashes["timeseries.csv"] = try timeseries.finish()
            control.begin("writing summary.csv")
            let summary = Data(DataFiles.summary(statistics).utf8)
            try folder.write(summary, to: "summary.csv")
            hashes["summary.csv"] = sha256(summary)
            let interrupted = control.isCancelled && reason.hasPrefix("interrupted")
            var manifest = Self.manifest(
                request, replicates: done, reason: reason, achieved: achieved,
                interruptedBy: interrupted ? control.cancellationReason : nil,
                started: started, seconds: (clock.now - begin).seconds,
                batch: batchSize, seriesCapacity: accumulator.seriesCapacity)
            manifest.files = hashes
            try folder.finish(manifest: manifest, control: control) {
                ReportPage.html(statistics: statistics, manifest: manifest)
            }
            return Outcome(folder: folder.final, statistics: statistics, governments: names, manifest: manifest)
        } catch {
            folder.discard()
            throw error
        }
    }

    /// The largest 95% CI half-width of the target's metric over its scope (nil while
    /// any is undefined, i.e. fewer than two values).
    static func largestHalfWidth(_ target: PrecisionTarget, accumulator: RunAccumulator, governments: Int) -> Double? {
        let indices = target.scope == .region && governments > 1 ? [governments] : Array(0..<governments)
        var largest = 0.0
        for g in indices {
            guard let summary = accumulator.outcomeSummary(column: target.metric, government: g),
                !summary.ci95HalfWidth.isNaN
            else { return nil }
            largest = Swift.max(largest, summary.ci95HalfWidth)
        }
        return largest
    }

    static func manifest(
        _ request: RunRequest, replicates: Int, reason: String, achieved: Double?,
        interruptedBy: String?, started: Date, seconds: Double, batch: Int,
        seriesCapacity: Int
    ) -> Manifest {
        var tool = Manifest.Tool()
        if let git = Provenance.gitCommit() {
            tool.gitCommit = git.commit
            tool.gitDirty = git.dirty
        }
        let stopping: Manifest.Stopping
        switch request.stopping {
        case .fixed(let count):
            stopping = .init(rule: "fixed", reason: reason, batch: batch, requestedReplicates: count)
        case .precision(let target):
            stopping = .init(
                rule: "precision", reason: reason, batch: target.batch, precision: target,
                achievedHalfWidth: achieved)
        }
        let iso = ISO8601DateFormatter()
        return Manifest(
            tool: tool, overrides: request.overrides.isEmpty ? nil : request.overrides,
            scenario: .init(
                path: request.scenarioPath, name: request.scenarioName,
                sha256: sha256(Data(request.scenarioText.utf8)), resolved: request.resolvedScenario),
            randomness: .init(
                masterSeed: request.masterSeed, algorithm: request.input.algorithm.rawValue,
                designPoint: 0, seedScheme: Manifest.seedScheme),
            replicates: replicates, stopping: stopping, status: interruptedBy == nil ? "complete" : "interrupted",
            interruptedBy: interruptedBy, replayOf: request.replayOf, threads: request.threads,
            months: request.input.months,
            governments: request.input.governments.map(\.name),
            quantiles: Manifest.quantileMethod(seriesCapacity: seriesCapacity),
            host: Provenance.host(),
            timing: .init(
                started: iso.string(from: started), finished: iso.string(from: Date()), wallSeconds: seconds,
                replicatesPerSecond: seconds > 0 ? Double(replicates) / seconds : 0),
            files: [:])
    }

    /// Lower-case hexadecimal SHA-256 of `data`.
    public static func sha256(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

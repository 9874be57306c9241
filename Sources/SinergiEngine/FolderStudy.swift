import Foundation
import SinergiModel

/// What `sinergi run` and `sinergi compare` share around the study core: the run folder,
/// replicates.csv, the manifest, the report, and the clean-up of a failed study.
///
/// The arms run through one ``StudyCore`` into a ``FolderSink`` (replicates.csv and the
/// command's statistics). Then the command writes its data files, and the folder is
/// finished in one place: report.html and manifest.json, and the rename into place. A
/// study interrupted before its first replicate, or failing, leaves no folder behind.
enum FolderStudy {
    /// A finished folder study.
    struct Finished<Result> {
        var folder: URL
        var manifest: Manifest
        var end: StudyEnd
        var result: Result
    }

    static func run<Output: FolderOutput>(
        _ request: RunRequest, arms: [StudyArm], output: Output, control: RunControl, report: (any ReportRenderer)?
    ) async throws(RunError) -> Finished<Output.Result> {
        let started = Date()
        let clock = ContinuousClock()
        let begin = clock.now
        let core = StudyCore(stopping: request.stopping, masterSeed: request.masterSeed, threads: request.threads)
        let runners = arms.map { ReplicateRunner(input: $0.input) }
        control.plan(request.stopping.maximumReplicates * arms.count)

        let folder = try RunFolder(
            root: request.outputRoot, slug: request.slug, seed: request.masterSeed, date: started,
            kind: output.command == "run" ? nil : output.command, name: request.folderName)
        do throws(RunError) {
            let replicates = try ReplicatesFile(
                in: folder, governments: request.input.governments.map(\.name), armColumn: output.armColumn,
                arms: arms)
            let series =
                request.seriesPerReplicate
                ? try SeriesFile(
                    in: folder, layout: SeriesLayout(input: request.input),
                    governments: request.input.governments.map(\.name), armColumn: output.armColumn, arms: arms)
                : nil
            let end = try await core.run(
                runners, into: FolderSink(replicates: replicates, series: series, output: output), control: control)
            var hashes = ["replicates.csv": try replicates.finish()]
            if let series { hashes[SeriesFile.name] = try series.finish() }
            guard end.replicates > 0 else {
                throw RunError.interruptedBeforeFirstReplicate(control.cancellationReason ?? "cancelled")
            }
            let files = try output.finish(replicates: end.replicates, folder: folder, control: control)
            hashes.merge(files.hashes) { _, new in new }
            var manifest = Self.manifest(
                request, end: end, seedPoint: core.seedPoint, quantiles: files.quantiles, started: started,
                seconds: (clock.now - begin).seconds)
            manifest.command = output.command
            output.describe(&manifest)
            manifest.files = hashes
            manifest.report = report != nil
            try folder.finish(manifest: manifest, control: control) {
                report.map { reportPage(files.report, manifest: manifest, renderer: $0) }
            }
            return Finished(folder: folder.final, manifest: manifest, end: end, result: files.result)
        } catch {
            folder.discard()
            throw error
        }
    }

    /// report.html: every study's report is drawn here, by the renderer the command gives,
    /// from what the study shows and its manifest.
    private static func reportPage(_ report: StudyReport, manifest: Manifest, renderer: any ReportRenderer) -> String {
        switch report {
        case .run(let statistics): return renderer.html(statistics: statistics, manifest: manifest)
        case .comparison(let comparison): return renderer.html(comparison: comparison, manifest: manifest)
        }
    }

    /// The manifest of a study of `request` whose arms ran on the replicate seeds of design
    /// point `seedPoint` and ended with `end` (files still empty).
    static func manifest(
        _ request: RunRequest, end: StudyEnd, seedPoint: Int, quantiles: String, started: Date, seconds: Double
    ) -> Manifest {
        var tool = Manifest.Tool()
        if let git = Provenance.gitCommit() {
            tool.gitCommit = git.commit
            tool.gitDirty = git.dirty
        }
        let stopping: Manifest.Stopping
        switch request.stopping {
        case .fixed(let count):
            stopping = .init(
                rule: "fixed", reason: end.reason.description, batch: end.batch, requestedReplicates: count)
        case .precision(let target):
            stopping = .init(
                rule: "precision", reason: end.reason.description, batch: target.batch, precision: target,
                achievedHalfWidth: end.achievedHalfWidth)
        }
        let iso = ISO8601DateFormatter()
        var manifest = Manifest(
            tool: tool,
            scenario: .init(
                path: request.scenarioPath, name: request.scenarioName,
                sha256: Study.sha256(Data(request.scenarioText.utf8)), resolved: request.resolvedScenario),
            randomness: .init(
                masterSeed: request.masterSeed, algorithm: request.input.algorithm.rawValue,
                designPoint: seedPoint, seedScheme: Manifest.seedScheme),
            replicates: end.replicates, stopping: stopping, status: end.status,
            interruptedBy: end.interruptedBy, replayOf: request.replayOf, threads: request.threads,
            months: request.input.months,
            governments: request.input.governments.map(\.name),
            quantiles: quantiles,
            host: Provenance.host(),
            timing: .init(
                started: iso.string(from: started), finished: iso.string(from: Date()), wallSeconds: seconds,
                replicatesPerSecond: seconds > 0 ? Double(end.replicates) / seconds : 0),
            files: [:])
        manifest.overrides = request.overrides.isEmpty ? nil : request.overrides
        return manifest
    }
}

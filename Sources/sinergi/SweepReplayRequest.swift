import ArgumentParser
import Foundation
import SinergiEngine
import SinergiScenario

extension SweepCommand {
    /// `--replay MANIFEST`: the sweep of a manifest run again (``SweepReplayRequest``), then
    /// design.csv, points.csv and replicates.csv compared with the manifest's hashes.
    func replaySweep(_ path: String) async throws {
        let (request, original) = try SweepReplayRequest.make(
            path, command: "sweep", threads: threads ?? AvailableCPUs.count(), out: out)
        guard let replayed = try await runSweep(request) else { return }
        // A merge's manifest lists the same data files, under its own hashes.
        try Replay.check(replayed, against: original, dataFiles: SweepReplay.dataFiles, what: "sweep", quiet: quiet)
    }
}

/// The request that runs a sweep or a sensitivity analysis of a manifest again: its
/// scenario file (which must still have the manifest's SHA-256) with its `--set` values, the
/// points of the design.csv beside it (checked against the manifest's SHA-256 first), its
/// replicates per point, master seed, seed blocks, heat maps and, for an analysis, its plan.
enum SweepReplayRequest {
    static func make(
        _ path: String, command: String, threads: Int, out: String
    ) throws -> (request: SweepRequest, original: Manifest) {
        func refuse(_ message: String) throws -> Never {
            printError("error: \(path): \(message); nothing was run")
            throw ExitCode.failure
        }
        if let manifest = try? Manifest.read(from: URL(fileURLWithPath: path)), let shard = manifest.sweep?.shard,
            manifest.command == command, shard != "1/1"
        {
            try refuse(
                "this is shard \(shard) of a \(command), which holds its points in sweep.sqlite, not in data files "
                    + "to check; replay the whole \(command), or rerun the shard with --resume")
        }
        // A merged sweep or analysis (`sinergi merge`) replays as the whole of it.
        let merged = (try? Manifest.read(from: URL(fileURLWithPath: path)))?.command == "merge"
        let (_, original) = try Replay.load(path, command: merged ? "merge" : command)
        guard let info = original.sweep else { try refuse("the manifest has no sweep section") }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let points: [[Double]]
        do {
            let text = try String(contentsOf: folder.appendingPathComponent("design.csv"), encoding: .utf8)
            points = try SweepReplay.points(designCSV: text, factors: info.factors)
        } catch let error as RunError {
            try refuse(error.description)
        }
        guard points.count == info.points else {
            try refuse("design.csv has \(points.count) points, the manifest \(info.points)")
        }
        let shard: ShardSpec
        do { shard = try ShardSpec(parsing: info.shard) } catch {
            try refuse("shard '\(info.shard)': \(error.message)")
        }
        // The scenario file itself, not the resolved text: a factor such as
        // defaults.agency.ego acts through the file's defaults, which the resolved text has
        // written out into every agency.
        let scenarioPath = original.scenario.path
        guard let data = FileManager.default.contents(atPath: scenarioPath) else {
            try refuse("the sweep's scenario file \(scenarioPath) is not there (a sweep is replayed from its file)")
        }
        guard Study.sha256(data) == original.scenario.sha256 else {
            try refuse("\(scenarioPath) has changed since the sweep (its SHA-256 differs from the manifest's)")
        }
        let source = try loadSource(scenarioPath)
        let overrides = try readOverrides(original.overrides ?? [])
        let base: Scenario
        do { base = try source.scenario(with: overrides) } catch {
            for line in error.lines() { printError(line) }
            try refuse("the manifest's --set values no longer apply to its scenario")
        }
        let factors = info.factors
        let paths: [ScenarioPath]
        do { paths = try factors.map { try ScenarioPath($0) } } catch {
            try refuse("a factor path is not valid: \(error)")
        }
        var request = SweepRequest(
            scenarioPath: base.path, scenarioName: base.name, slug: base.slug, scenarioText: base.sourceText,
            resolvedScenario: base.resolvedYAML, factors: factors,
            designMethod: info.method, design: points,
            input: { point in
                try source.input(
                    with: overrides + zip(paths, points[point]).map { ScenarioOverride(path: $0, number: $1) })
            },
            governments: base.input.governments.map(\.name), replicates: info.replicatesPerPoint,
            masterSeed: original.randomness.masterSeed, threads: threads, shard: shard,
            outputRoot: URL(fileURLWithPath: out, isDirectory: true), into: nil, resume: nil,
            overrides: original.overrides ?? [])
        request.seedBlock = info.seedBlock
        request.heatmaps = (info.heatmaps ?? []).compactMap { pair in
            let names = pair.split(separator: "|").map(String.init)
            guard names.count == 2, let a = factors.firstIndex(of: names[0]), let b = factors.firstIndex(of: names[1])
            else { return nil }
            return (a, b)
        }
        if command == "sensitivity" {
            guard let plan = original.sensitivity else { try refuse("the manifest has no sensitivity plan") }
            request.sensitivity = plan
        } else if original.sensitivity != nil {
            try refuse("this is a sensitivity analysis: rerun it with `sinergi sensitivity --replay \(path)`")
        }
        try checkMemory(base.input, threads: request.threads)
        return (request, original)
    }
}

import ArgumentParser
import Foundation
import SinergiEngine
import SinergiScenario

/// `--replay MANIFEST` for `run`, `compare`, `sweep` and `sensitivity`: read a manifest, refuse one that cannot or
/// must not be rerun, and after the rerun check the new data files against it.
enum Replay {
    /// The commands whose manifests `--replay` reruns.
    static let replayable: Set<String> = ["run", "compare", "sweep", "sensitivity", "calibrate"]

    /// The data files each command's manifest records (nil: every file the manifest lists).
    static func dataFiles(of command: String) -> [String]? {
        switch command {
        case "run": return Study.dataFiles
        case "compare": return ComparisonStudy.dataFiles
        case "sweep", "merge": return SweepReplay.dataFiles
        default: return nil
        }
    }

    /// series.csv, when the original run wrote it (`--series replicates`): its replay writes
    /// and checks it too.
    static func seriesFile(of original: Manifest) -> [String] {
        original.files[SeriesFile.name] == nil ? [] : [SeriesFile.name]
    }

    /// Reads a manifest written by `command` and the resolved scenario it holds.
    static func load(_ path: String, command: String) throws -> (Scenario, Manifest) {
        let manifest: Manifest
        do {
            manifest = try Manifest.read(from: URL(fileURLWithPath: path))
        } catch {
            printError("error: \(path): cannot read the manifest: \(error.localizedDescription)")
            throw ExitCode.failure
        }
        try checkReplayable(manifest, at: path, command: command)
        if manifest.tool.version != SinergiVersion.current {
            printError(
                "warning: the manifest was written by sinergi \(manifest.tool.version); this is \(SinergiVersion.current)"
            )
        }
        do {
            return (try ScenarioLoader.parse(text: manifest.scenario.resolved, path: manifest.scenario.path), manifest)
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            printError("\(path): the resolved scenario in this manifest is not valid; nothing was run or written")
            throw ExitCode.failure
        }
    }

    /// Refuses a manifest `command --replay` cannot or must not rerun: another command's
    /// (with the command to use), impossible counts, or data files beside it that no longer
    /// match their recorded SHA-256 (each changed or missing file is named).
    static func checkReplayable(_ manifest: Manifest, at path: String, command: String) throws {
        func refuse(_ message: String) throws -> Never {
            printError("error: \(path): \(message); nothing was run")
            throw ExitCode.failure
        }
        let written = manifest.command ?? "run"
        guard written == command else {
            try refuse(
                "this manifest was written by `sinergi \(written)`, not `sinergi \(command)`: "
                    + (replayable.contains(written)
                        ? "rerun it with `sinergi \(written) --replay \(path)`"
                        : "rerun it with the command recorded in the manifest"))
        }
        guard (1...1_000_000_000).contains(manifest.replicates) else {
            try refuse("replicates must be between 1 and 10^9, the manifest says \(manifest.replicates)")
        }
        guard (1...StudyOptions.maximumThreads).contains(manifest.threads) else {
            try refuse(
                "threads must be between 1 and \(StudyOptions.maximumThreads), the manifest says \(manifest.threads)")
        }
        guard manifest.stopping.batch >= 1, manifest.months >= 1, !manifest.governments.isEmpty else {
            try refuse("the manifest's batch, months or governments are not those of a \(command)")
        }
        if command == "compare" && (manifest.policies ?? []).isEmpty {
            try refuse("the manifest names no policy packages")
        }
        let problems = changedFiles(manifest, at: path, names: dataFiles(of: command) ?? manifest.files.keys.sorted())
        if !problems.isEmpty {
            try refuse("the data files beside it do not match it: " + problems.joined(separator: "; "))
        }
    }

    /// What is wrong with the data files `names` beside the manifest at `path`: missing,
    /// without a recorded SHA-256, or changed since.
    static func changedFiles(_ manifest: Manifest, at path: String, names: [String]) -> [String] {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var problems: [String] = []
        for name in names {
            guard let recorded = manifest.files[name] else {
                problems.append("\(name) has no SHA-256 in the manifest")
                continue
            }
            let file = folder.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: file, options: .alwaysMapped) else {
                problems.append("\(name) is missing")
                continue
            }
            if Study.sha256(data) != recorded { problems.append("\(name) was changed after the run") }
        }
        return problems
    }

    /// Compares the replay's data files with the original's recorded SHA-256.
    static func check(
        _ replayed: Manifest, against original: Manifest, dataFiles: [String], what: String, quiet: Bool
    ) throws {
        let differing = dataFiles.filter { replayed.files[$0] != original.files[$0] }
        if differing.isEmpty {
            (quiet ? printError : say)(
                "Replay: \(dataFiles.joined(separator: ", ")) are byte-identical to the original \(what)'s.")
        } else {
            printError("error: the replay's \(differing.joined(separator: ", ")) differ from the original \(what)'s")
            throw ExitCode.failure
        }
    }
}

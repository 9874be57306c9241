import ArgumentParser
import Foundation
import SinergiEngine

extension CalibrateCommand {
    /// `--replay MANIFEST`: the calibration of a manifest run again with the arguments it
    /// recorded (from the folder it was run in: the targets file must still have the
    /// recorded SHA-256), into a new folder under `--out`; then posterior.csv,
    /// generations.csv and predictive.csv compared with the manifest's hashes.
    func replayCalibration(_ path: String) async throws {
        func refuse(_ message: String) throws -> Never {
            printError("error: \(path): \(message); nothing was run")
            throw ExitCode.failure
        }
        let original: Manifest
        do { original = try Manifest.read(from: URL(fileURLWithPath: path)) } catch {
            try refuse("cannot read the manifest: \(error.localizedDescription)")
        }
        let written = original.command ?? "run"
        guard written == "calibrate", let info = original.calibration else {
            try refuse(
                "this manifest was written by `sinergi \(written)`, not `sinergi calibrate`: rerun it with "
                    + "`sinergi \(written) --replay \(path)`")
        }
        guard let arguments = info.arguments else {
            try refuse(
                "the manifest records no arguments (a calibration run as Slurm jobs, or by an older version): rerun "
                    + "it with the command in its calibrated.yaml")
        }
        let problems = Replay.changedFiles(original, at: path, names: Calibration.dataFiles)
        if !problems.isEmpty {
            try refuse("the data files beside it do not match it: " + problems.joined(separator: "; "))
        }
        if let targets = info.targets, let recorded = info.targetsSHA256 {
            guard let data = FileManager.default.contents(atPath: targets), Study.sha256(data) == recorded else {
                try refuse("the targets file \(targets) is not there or has changed since (its SHA-256 differs)")
            }
        }
        var command: CalibrateCommand
        do { command = try CalibrateCommand.parse(arguments) } catch {
            try refuse("its recorded arguments no longer parse: \(CalibrateCommand.message(for: error))")
        }
        command.out = out
        command.into = nil
        command.resume = nil
        command.threads = threads
        command.quiet = quiet
        var request = try command.function != nil ? command.normalNormalRequest() : command.scenarioRequest()
        // The replay records the calibration it reruns, not the `--replay` that ran it.
        request.arguments = arguments
        request.commandLine = (["sinergi", "calibrate"] + arguments).map(Self.shellWord).joined(separator: " ")
        guard let folder = try await command.runCalibration(request) else { return }
        let replayed = try Manifest.read(from: folder.appendingPathComponent("manifest.json"))
        try Replay.check(
            replayed, against: original, dataFiles: Calibration.dataFiles, what: "calibration", quiet: quiet)
    }
}

import ArgumentParser
import Foundation
import SinergiEngine
import Synchronization

/// `sinergi calibrate … --slurm`: the job folder of a chain of Slurm jobs, and the step and
/// array task those jobs run (docs/calibration.md, "On a Slurm cluster").
extension CalibrateCommand {
    /// What is wrong with the Slurm options, or nil.
    func slurmProblem() -> String? {
        if cluster.slurm && (resume != nil || into != nil) {
            return "--slurm writes a job folder and a new calibration folder; drop --resume and --into "
                + "(resubmit.sh in the job folder continues a stopped chain)"
        }
        if cluster.slurm && (slurmStep != nil || slurmTask != nil) {
            return "--slurm writes a job folder; --slurm-step and --slurm-task are its jobs"
        }
        if slurmTask != nil && slurmShard == nil { return "--slurm-task needs --slurm-shard K" }
        if slurmStep != nil && resume == nil {
            return "--slurm-step needs --resume FOLDER, the calibration it continues"
        }
        return cluster.problem(shard: nil, resume: nil, into: nil)
    }

    /// The arguments that rebuild this calibration's request in a job of the chain.
    private func taskArguments(seed: UInt64) -> [String] {
        var arguments = ["calibrate"]
        if let targets { arguments.append(targets) }
        if let function { arguments += ["--function", function] }
        for factor in factors { arguments += ["--factor", factor] }
        for path in logFactors { arguments += ["--log", path] }
        arguments += [
            "--particles", String(particles), "--max-generations", String(maxGenerations), "--min-acceptance",
            String(minAcceptance), "--replicates", String(replicates), "--seed", String(seed),
        ]
        return arguments
    }

    /// `--slurm`: creates the calibration's folder and store as a run would, and beside it
    /// the job folder whose chain of jobs runs it.
    func writeJobFolder(_ request: CalibrationRequest) throws {
        let partial: URL
        do { partial = try Calibration.prepare(request) } catch {
            printError("error: \(request.scenarioPath): \(error)")
            throw ExitCode.failure
        }
        let name = partial.lastPathComponent
        let results = partial.deletingLastPathComponent().appendingPathComponent(
            String(name.dropFirst().dropLast(".partial".count)))
        let job = URL(fileURLWithPath: results.path + "-slurm", isDirectory: true)
        let resources = cluster.resources
        let folder = CalibrationJobFolder(
            settings: .init(
                calibration: partial.path, results: results.path,
                commandLine: request.commandLine ?? "sinergi calibrate",
                shards: cluster.shards, maxArraySize: resources.maxArraySize),
            resources: resources, arguments: taskArguments(seed: request.seed),
            workingDirectory: FileManager.default.currentDirectoryPath, executable: SweepCommand.executablePath(),
            jobName: "sinergi-\(request.slug)")
        do { try folder.write(to: job) } catch {
            try? FileManager.default.removeItem(at: partial)
            printError("error: \(error)")
            throw ExitCode.failure
        }
        if !quiet {
            say(
                "Wrote a Slurm job folder for the calibration of '\(request.scenarioName)': each batch of candidates "
                    + "in \(cluster.shards) shards (job arrays of at most \(resources.maxArraySize) tasks), "
                    + "a step job between batches.")
            say("Submit it with: bash \(job.path)/submit.sh")
            say("The calibration will be written to \(results.path) when the last step has finished.")
        }
        say("Job folder: \(job.path)")
    }

    /// `--slurm-step JOB`: one step of the chain.
    func runStep(_ request: CalibrationRequest, job path: String) async throws {
        let job = URL(fileURLWithPath: path, isDirectory: true)
        let settings: CalibrationJobFolder.Settings
        do { settings = try CalibrationJobFolder.readSettings(job) } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        var step = request
        step.commandLine = settings.commandLine
        let submitted = SubmittedFlag()
        let batches = CalibrationSlurm.Batches(job: job, shards: settings.shards) { submission throws(RunError) in
            let ids = try CalibrationJobFolder.sbatch(submission, job: job, maxArraySize: settings.maxArraySize)
            submitted.value.store(true, ordering: .relaxed)
            printError(
                "Submitted \(submission.shards.count) of the \(submission.batchShards) shards of "
                    + "\(submission.batch) (\(submission.candidates) candidates) as job array(s) "
                    + "\(ids.arrays.joined(separator: ", ")); the next step is job \(ids.step).")
        }
        try await runCalibration(step, batches: batches) { submitted.value.load(ordering: .relaxed) }
    }

    /// `--slurm-task BATCH --slurm-shard K`: simulates one shard of a batch.
    func runTask(_ request: CalibrationRequest, batch path: String, shard: Int) async throws {
        let finished = try await WatchedStudy(quiet: true, unit: "runs").run(scenarioPath: request.scenarioPath) {
            control in
            try await CalibrationSlurm.task(
                model: request.model, batch: URL(fileURLWithPath: path, isDirectory: true), shard: shard,
                threads: request.threads, control: control)
        }
        if !finished.outcome { throw finished.interruptedExitCode }
    }
}

/// Whether a step submitted the next batch (it then ends without results, successfully).
private final class SubmittedFlag: Sendable {
    let value = Atomic<Bool>(false)
}

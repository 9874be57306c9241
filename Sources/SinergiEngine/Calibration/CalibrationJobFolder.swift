import Foundation

/// The job folder that `sinergi calibrate … --slurm` writes instead of running: a chain of
/// Slurm jobs that runs the calibration in its own (incomplete) folder, which it completes.
///
/// ```
/// <folder>/
///   job.json       the calibration folder, the command line, the shards and MaxArraySize
///   step.sbatch    one step: records the finished batch, commits complete generations and
///                  submits the next batch (array.sbatch) and the next step (afterok); at
///                  the end, the posterior predictive check and the calibration's files
///   array.sbatch   one task = one shard of a batch of candidates (BATCH, SHARD_OFFSET)
///   submit.sh      submits the first step
///   resubmit.sh    submits a step again after a failure: it resubmits only missing shards
///   batches/       one folder per batch: batch.json and the shards' outputs
///   logs/          Slurm's output files
///   jobs.txt       the ids of the jobs submitted
/// ```
public struct CalibrationJobFolder: Sendable {
    /// What a step reads from job.json.
    public struct Settings: Codable, Sendable, Equatable {
        /// The calibration's incomplete folder (`.NAME.partial`), which the step resumes.
        public var calibration: String
        /// The folder it becomes when complete.
        public var results: String
        /// The command that wrote the job folder, for calibrated.yaml's header.
        public var commandLine: String
        public var shards: Int
        public var maxArraySize: Int

        public init(calibration: String, results: String, commandLine: String, shards: Int, maxArraySize: Int) {
            self.calibration = calibration
            self.results = results
            self.commandLine = commandLine
            self.shards = shards
            self.maxArraySize = maxArraySize
        }
    }

    public var settings: Settings
    public var resources: SlurmJobFolder.Resources
    /// `sinergi`'s arguments that rebuild the calibration (`calibrate TARGETS --factor … --seed S`).
    public var arguments: [String]
    /// The folder those arguments are relative to: the one `--slurm` ran in.
    public var workingDirectory: String
    public var executable: String
    public var jobName: String

    public init(
        settings: Settings, resources: SlurmJobFolder.Resources, arguments: [String], workingDirectory: String,
        executable: String, jobName: String
    ) {
        self.settings = settings
        self.resources = resources
        self.arguments = arguments
        self.workingDirectory = workingDirectory
        self.executable = executable
        self.jobName = jobName
    }

    public static func readSettings(_ job: URL) throws(RunError) -> Settings {
        let url = job.appendingPathComponent("job.json")
        do { return try JSONDecoder().decode(Settings.self, from: Data(contentsOf: url)) } catch {
            throw .io("cannot read \(url.path), the job folder's settings: \(error.localizedDescription)")
        }
    }

    /// Writes the folder `job` (which must not exist); removes it again when that fails.
    public func write(to job: URL) throws(RunError) {
        let files = FileManager.default
        do {
            try files.createDirectory(at: job, withIntermediateDirectories: true)
            for name in ["logs", "batches"] {
                try files.createDirectory(at: job.appendingPathComponent(name), withIntermediateDirectories: true)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            try encoder.encode(settings).write(to: job.appendingPathComponent("job.json"))
            for (name, text) in scripts(job: job) {
                let url = job.appendingPathComponent(name)
                try Data(text.utf8).write(to: url)
                try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
            }
        } catch {
            try? files.removeItem(at: job)
            throw .io("cannot write the job folder \(job.path): \(error.localizedDescription)")
        }
    }

    private var base: SlurmJobFolder {
        SlurmJobFolder(
            shards: settings.shards, resources: resources, taskArguments: arguments, executable: executable,
            jobName: jobName)
    }

    private func command(_ extra: [String]) -> String {
        (arguments + extra).map(base.shellQuoted).joined(separator: " ")
    }

    /// The scripts, by file name.
    public func scripts(job: URL) -> [(name: String, text: String)] {
        let q = base.shellQuoted
        let step = """
            #!/usr/bin/env bash
            # One step of the calibration: records the batch whose shards have finished, commits
            # each complete generation to calibration.sqlite, then submits the next batch's shards
            # (array.sbatch) and the next step after them (afterok); when the calibration has
            # stopped, runs the posterior predictive check and writes the calibration's files.
            #SBATCH --job-name=\(jobName)-step
            #SBATCH --output=logs/step-%j.out
            \(base.commonHeader)
            \(base.preamble)
            cd \(q(workingDirectory))
            exec "$SINERGI" \(command(["--resume", settings.calibration, "--slurm-step", job.path]))

            """
        let array = """
            #!/usr/bin/env bash
            # One task of a job array = one shard of a batch of candidates. The step sets BATCH
            # (the batch's folder) and SHARD_OFFSET (arrays hold at most MaxArraySize tasks); task t
            # simulates shard SHARD_OFFSET + t + 1 and writes its outputs beside the batch.
            #SBATCH --job-name=\(jobName)
            #SBATCH --output=logs/task-%A_%a.out
            \(base.commonHeader)
            \(base.preamble)
            shard=$(( ${SHARD_OFFSET:-0} + SLURM_ARRAY_TASK_ID + 1 ))
            cd \(q(workingDirectory))
            exec "$SINERGI" \(command([])) --slurm-task \(q(job.path))/"$BATCH" --slurm-shard "$shard" --quiet

            """
        let submit = """
            #!/usr/bin/env bash
            # Submits the calibration's first step; each step submits the next batch and step.
            # Job ids go to jobs.txt. Run it from anywhere: it works in its own folder.
            set -euo pipefail
            cd "$(dirname "$0")"
            mkdir -p logs batches
            step=$(sbatch --parsable step.sbatch)
            echo "step ${step%%;*}" >> jobs.txt
            echo "Submitted the first step of the calibration, job ${step%%;*}; each step submits the next."
            echo "Results: \(settings.results) (when the last step has finished)"

            """
        let resubmit = """
            #!/usr/bin/env bash
            # Continues the calibration after a failed, timed-out or cancelled job: submits a step,
            # which resubmits only the shards of the current batch whose outputs are missing.
            set -euo pipefail
            cd "$(dirname "$0")"
            mkdir -p logs batches
            # Jobs still queued or running would run twice: wait for them first.
            if [[ -f jobs.txt ]]; then
                jobs=$(awk '{ printf "%s%s", sep, $2; sep = "," }' jobs.txt)
                if [[ -n $jobs ]] && [[ -n $(squeue -h -j "$jobs" -o %i 2>/dev/null) ]]; then
                    echo "Jobs of this calibration are still queued or running ($jobs); run resubmit.sh when they have ended." >&2
                    exit 1
                fi
            fi
            step=$(sbatch --parsable step.sbatch)
            echo "step ${step%%;*}" >> jobs.txt
            echo "Submitted step ${step%%;*}: it resubmits the missing shards of the current batch."

            """
        return [("step.sbatch", step), ("array.sbatch", array), ("submit.sh", submit), ("resubmit.sh", resubmit)]
    }

    /// Submits `submission` from the job folder `job`: its shards in job arrays of at most
    /// `maxArraySize` tasks, then the next step after them (afterok). Returns the job ids.
    public static func sbatch(_ submission: CalibrationSlurm.Submission, job: URL, maxArraySize: Int)
        throws(RunError) -> (arrays: [String], step: String)
    {
        let chunk = Swift.max(1, maxArraySize)
        var arrays: [String] = []
        var lines: [String] = []
        for (offset, shards) in Dictionary(grouping: submission.shards, by: { ($0 - 1) / chunk * chunk }).sorted(by: {
            $0.key < $1.key
        }) {
            let tasks = arraySpecification(shards.map { $0 - 1 - offset })
            let id = try run(
                [
                    "--parsable", "--array=\(tasks)", "--export=ALL,SHARD_OFFSET=\(offset),BATCH=\(submission.batch)",
                    "array.sbatch",
                ], in: job)
            arrays.append(id)
            lines.append("array \(id)")
        }
        let step = try run(
            [
                "--parsable", "--dependency=afterok:\(arrays.joined(separator: ":"))", "--kill-on-invalid-dep=yes",
                "step.sbatch",
            ], in: job)
        lines.append("step \(step)")
        let url = job.appendingPathComponent("jobs.txt")
        if let handle = try? FileHandle(forWritingTo: url) {
            _ = try? handle.seekToEnd()
            try? handle.write(contentsOf: Data((lines.joined(separator: "\n") + "\n").utf8))
            try? handle.close()
        } else {
            try? Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        }
        return (arrays, step)
    }

    /// Task indices as sbatch's `--array` reads them, runs of consecutive ones as ranges:
    /// [0, 1, 2, 5, 7, 8] → "0-2,5,7-8".
    static func arraySpecification(_ tasks: [Int]) -> String {
        var runs: [ClosedRange<Int>] = []
        for task in Set(tasks).sorted() {
            if let last = runs.last, last.upperBound + 1 == task {
                runs[runs.count - 1] = last.lowerBound...task
            } else {
                runs.append(task...task)
            }
        }
        return runs.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
            .joined(separator: ",")
    }

    /// Runs `sbatch arguments` in `folder` and returns the job id it prints.
    private static func run(_ arguments: [String], in folder: URL) throws(RunError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sbatch"] + arguments
        process.currentDirectoryURL = folder
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { throw .io("cannot run sbatch: \(error.localizedDescription)") }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let id = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: ";").first.map(String.init)
        guard process.terminationStatus == 0, let id, !id.isEmpty else {
            throw .io(
                "sbatch \(arguments.joined(separator: " ")) failed: "
                    + String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return id
    }
}

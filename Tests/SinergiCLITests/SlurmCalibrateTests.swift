import Foundation
import Testing

/// `sinergi calibrate --slurm` without a cluster: the job folder it writes, and bad input.
@Suite struct CalibrateSlurmFolderTests {
    static let arguments = [
        "calibrate", "--function", "normal-normal", "--particles", "60", "--max-generations", "4", "--seed", "7",
    ]

    @Test func slurmWritesAJobFolderAndTheCalibrationFolderWithoutRunning() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try Sinergi.run(
            Self.arguments + ["--slurm", "--shards", "4", "--max-array-size", "10", "--out", root.path])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = try SlurmSweepTests.jobFolder(result.stdout)
        for name in ["job.json", "step.sbatch", "array.sbatch", "submit.sh", "resubmit.sh", "batches", "logs"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name)")
        }
        let settings = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("job.json")))
                as? [String: Any])
        let calibration = try #require(settings["calibration"] as? String)
        let results = try #require(settings["results"] as? String)
        #expect(settings["shards"] as? Int == 4)
        // The calibration's incomplete folder holds only its empty store; nothing has run.
        #expect(try FileManager.default.contentsOfDirectory(atPath: calibration) == ["calibration.sqlite"])
        #expect(!FileManager.default.fileExists(atPath: results))
        #expect(folder.path == results + "-slurm")
        let step = try String(contentsOf: folder.appendingPathComponent("step.sbatch"), encoding: .utf8)
        #expect(step.contains("'--resume' '\(calibration)' '--slurm-step' '\(folder.path)'"), "\(step)")
        #expect(step.contains("'--particles' '60'") && step.contains("'--seed' '7'"), "\(step)")
    }

    @Test func slurmWithResumeOrIntoIsAUsageError() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        for extra in [
            ["--resume", root.appendingPathComponent("x").path], ["--into", root.appendingPathComponent("x").path],
        ] {
            let result = try Sinergi.run(Self.arguments + ["--slurm", "--out", root.path] + extra)
            #expect(result.status == 64, "\(extra): \(result.stderr)")
            #expect(result.stderr.contains("--slurm writes a job folder"), "\(result.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty, "nothing written")
        }
        let shards = try Sinergi.run(Self.arguments + ["--slurm", "--shards", "0", "--out", root.path])
        #expect(shards.status == 64 && shards.stderr.contains("--shards must be at least 1"), "\(shards.stderr)")
    }
}

/// `sinergi calibrate --slurm` on the real one-node cluster of ``SlurmSweepTests`` (in that
/// serialized suite, so the two never share the cluster at once): 12 shards per batch with
/// MaxArraySize 10 make two job arrays per batch.
extension SlurmSweepTests {
    /// Waits until `file` exists, for at most ten minutes: a bound on something that must
    /// happen, not a timing assertion.
    static func waitForFile(_ file: URL, jobs folder: URL) throws {
        let deadline = Date().addingTimeInterval(600)
        while Date() < deadline {
            if FileManager.default.fileExists(atPath: file.path) { return }
            Thread.sleep(forTimeInterval: 0.5)
        }
        let logs = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("logs").path))
        throw SlurmTestError("\(file.path) did not appear within ten minutes; logs: \(logs ?? [])")
    }

    @Test func aCalibrationChainOnSlurmWritesTheFilesOfALocalRun() throws {
        let conf = try Self.startCluster()
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let arguments = CalibrateSlurmFolderTests.arguments
        let (folder, results) = try Self.writeCalibrationJob(arguments, shards: 12, root: root, conf: conf)
        let submit = try Shell.run(
            folder.appendingPathComponent("submit.sh").path, [], environment: ["SLURM_CONF": conf])
        #expect(submit.status == 0, "\(submit.stderr)")
        try Self.waitForFile(results.appendingPathComponent("manifest.json"), jobs: folder)

        let jobs = try String(contentsOf: folder.appendingPathComponent("jobs.txt"), encoding: .utf8)
            .split(separator: "\n")
        let steps = jobs.filter { $0.hasPrefix("step ") }.count
        let arrays = jobs.filter { $0.hasPrefix("array ") }.count
        #expect(steps >= 2 && arrays == 2 * (steps - 1), "two arrays per batch, a step after each: \(jobs)")
        let local = root.appendingPathComponent("local")
        let run = try Sinergi.run(arguments + ["--into", local.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        for name in ["posterior.csv", "generations.csv", "predictive.csv"] {
            #expect(
                try Data(contentsOf: results.appendingPathComponent(name))
                    == Data(contentsOf: local.appendingPathComponent(name)),
                "\(name) through Slurm equals the local one")
        }
        for name in ["calibrated.yaml", "report.html", "calibration.sqlite"] {
            #expect(FileManager.default.fileExists(atPath: results.appendingPathComponent(name).path), "\(name)")
        }
    }
}

extension SlurmSweepTests {
    /// `calibrate … --slurm` with `shards` tasks of one CPU: the job folder and the
    /// calibration folder its last step writes.
    static func writeCalibrationJob(
        _ arguments: [String], shards: Int, root: URL, conf: String
    ) throws -> (folder: URL, results: URL) {
        let generate = try Sinergi.run(
            arguments + [
                "--slurm", "--shards", String(shards), "--cpus-per-task", "1", "--time", "00:10:00", "--mem", "1G",
                "--out", root.path,
            ], environment: ["SLURM_CONF": conf])
        #expect(generate.status == 0, "\(generate.stderr)")
        let folder = try jobFolder(generate.stdout)
        let settings = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("job.json")))
                as? [String: Any])
        return (folder, URL(fileURLWithPath: try #require(settings["results"] as? String), isDirectory: true))
    }

    /// Waits until no job listed in the job folder's jobs.txt is queued or running.
    static func waitForChain(_ folder: URL, conf: String) throws {
        let deadline = Date().addingTimeInterval(600)
        while Date() < deadline {
            let jobs = try String(contentsOf: folder.appendingPathComponent("jobs.txt"), encoding: .utf8)
                .split(separator: "\n").compactMap { $0.split(separator: " ").last }.joined(separator: ",")
            let result = try Shell.run("squeue", ["-h", "-j", jobs, "-o", "%i"], environment: ["SLURM_CONF": conf])
            if result.status == 0 && result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return }
            Thread.sleep(forTimeInterval: 0.5)
        }
        throw SlurmTestError("the jobs of \(folder.path) did not end within ten minutes")
    }

    @Test func aFailedShardStopsTheCalibrationChainAndResubmitFinishesIt() throws {
        let conf = try Self.startCluster()
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let arguments = CalibrateCommandTests.classroom.filter { $0 != "--quiet" }
        let (folder, results) = try Self.writeCalibrationJob(arguments, shards: 4, root: root, conf: conf)
        // A sinergi whose shard 2 fails once, as a crashed or killed task would.
        let failing = root.appendingPathComponent("failing-sinergi")
        let marker = root.appendingPathComponent("failed-once")
        try """
        #!/usr/bin/env bash
        previous=""
        for argument in "$@"; do
            if [[ $previous == --slurm-shard && $argument == 2 && ! -e '\(marker.path)' ]]; then
                touch '\(marker.path)'; echo "shard 2 fails on purpose" >&2; exit 1
            fi
            previous=$argument
        done
        exec \(Sinergi.executable.path) "$@"

        """.write(to: failing, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: failing.path)
        let submit = try Shell.run(
            folder.appendingPathComponent("submit.sh").path, [],
            environment: ["SLURM_CONF": conf, "SINERGI": failing.path])
        #expect(submit.status == 0, "\(submit.stderr)")
        try Self.waitForChain(folder, conf: conf)
        #expect(FileManager.default.fileExists(atPath: marker.path), "shard 2 ran and failed")
        #expect(!FileManager.default.fileExists(atPath: results.path), "the chain stops at the failed shard")

        let resubmit = try Shell.run(
            folder.appendingPathComponent("resubmit.sh").path, [], environment: ["SLURM_CONF": conf])
        #expect(resubmit.status == 0, "\(resubmit.stderr)")
        try Self.waitForFile(results.appendingPathComponent("manifest.json"), jobs: folder)
        let logs = folder.appendingPathComponent("logs")
        let stepLogs = try FileManager.default.contentsOfDirectory(atPath: logs.path).filter { $0.hasPrefix("step-") }
            .map { try String(contentsOf: logs.appendingPathComponent($0), encoding: .utf8) }
        #expect(stepLogs.contains { $0.contains("Submitted 1 of the 4 shards") }, "only the failed shard runs again")

        let local = root.appendingPathComponent("local")
        let run = try Sinergi.run(arguments + ["--into", local.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        for name in ["posterior.csv", "generations.csv", "predictive.csv"] {
            #expect(
                try Data(contentsOf: results.appendingPathComponent(name))
                    == Data(contentsOf: local.appendingPathComponent(name)),
                "\(name) through Slurm equals the local one")
        }
    }
}

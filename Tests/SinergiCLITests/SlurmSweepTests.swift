import Foundation
import Testing

/// `sinergi sweep --slurm` against a real one-node Slurm cluster on localhost
/// (Tests/Slurm/cluster.sh; `make test-deps` installs Slurm and munge).
///
/// The cluster's MaxArraySize is 10, so the 16 shards go in two job arrays and the merge job
/// waits on both. Each test waits for its jobs for at most ten minutes: a bound on something
/// that must happen, not a timing assertion.
@Suite(.serialized) struct SlurmSweepTests {
    static let clusterDirectory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "sinergi-slurm-tests")
    static let shards = 16
    static let sweepArguments = [
        "sweep", "Scenarios/classroom.yaml", "--factor", "parameters.trust.build=0.02:0.2", "--factor",
        "defaults.agency.ego=0.2:0.8", "--design", "lhs", "--points", "40", "--replicates", "3", "--seed", "5",
    ]

    /// Starts the cluster (once for the suite's tests; cluster.sh start is idempotent) and
    /// returns SLURM_CONF.
    static func startCluster() throws -> String {
        let script = Sinergi.packageRoot.appendingPathComponent("Tests/Slurm/cluster.sh").path
        let result = try Shell.run(script, ["start", clusterDirectory.path])
        guard result.status == 0 else {
            throw SlurmTestError(
                "cannot start the test Slurm cluster (make test-deps installs Slurm and munge):\n\(result.stderr)")
        }
        return clusterDirectory.appendingPathComponent("slurm.conf").path
    }

    /// The job folder that `sweep --slurm` printed.
    static func jobFolder(_ output: String) throws -> URL {
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("Job folder: ") })
        return URL(fileURLWithPath: String(line.dropFirst("Job folder: ".count)), isDirectory: true)
    }

    /// Waits until job `id` has left the queue, and returns its final state.
    static func waitForJob(_ id: String, conf: String) throws -> String {
        let deadline = Date().addingTimeInterval(600)
        while Date() < deadline {
            let result = try Shell.run("scontrol", ["-o", "show", "job", id], environment: ["SLURM_CONF": conf])
            if let state = result.stdout.split(separator: " ").first(where: { $0.hasPrefix("JobState=") }) {
                let value = String(state.dropFirst("JobState=".count))
                if !["PENDING", "RUNNING", "CONFIGURING", "COMPLETING", "REQUEUED"].contains(value) { return value }
            }
            Thread.sleep(forTimeInterval: 0.5)
        }
        throw SlurmTestError("job \(id) did not finish within ten minutes")
    }

    /// Waits until none of the sweep's array jobs is queued or running.
    static func waitForArrays(_ folder: URL, conf: String) throws {
        let jobs = try String(contentsOf: folder.appendingPathComponent("jobs.txt"), encoding: .utf8)
            .split(separator: "\n").filter { $0.hasPrefix("array ") }.map { $0.dropFirst("array ".count) }
            .joined(separator: ",")
        let deadline = Date().addingTimeInterval(600)
        while Date() < deadline {
            let result = try Shell.run("squeue", ["-h", "-j", jobs, "-o", "%i"], environment: ["SLURM_CONF": conf])
            if result.status == 0 && result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return }
            Thread.sleep(forTimeInterval: 0.5)
        }
        throw SlurmTestError("array jobs \(jobs) did not end within ten minutes")
    }

    static func mergeJob(_ folder: URL) throws -> String {
        let jobs = try String(contentsOf: folder.appendingPathComponent("jobs.txt"), encoding: .utf8)
        let line = try #require(jobs.split(separator: "\n").last { $0.hasPrefix("merge ") })
        return String(line.dropFirst("merge ".count))
    }

    /// The data files of a sweep folder, by name.
    static func dataFiles(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in ["design.csv", "points.csv", "replicates.csv"] {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    /// The same sweep run locally, unsharded.
    static func localSweep(_ root: URL) throws -> [String: Data] {
        let local = root.appendingPathComponent("local")
        let result = try Sinergi.run(sweepArguments + ["--into", local.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        return try dataFiles(local)
    }

    @Test func sixteenShardsOnSlurmMergeToTheLocalSweep() throws {
        let conf = try Self.startCluster()
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let generate = try Sinergi.run(
            Self.sweepArguments + [
                "--slurm", "--shards", "\(Self.shards)", "--cpus-per-task", "1", "--time", "00:10:00", "--mem", "1G",
                "--out", root.path,
            ], environment: ["SLURM_CONF": conf])
        #expect(generate.status == 0, "\(generate.stderr)")
        let folder = try Self.jobFolder(generate.stdout)
        for name in ["design.csv", "scenario.yaml", "array.sbatch", "merge.sbatch", "submit.sh", "resubmit.sh"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name)")
        }
        let submit = try Shell.run(
            folder.appendingPathComponent("submit.sh").path, [], environment: ["SLURM_CONF": conf])
        #expect(submit.status == 0, "\(submit.stderr)")
        let arrays = try String(contentsOf: folder.appendingPathComponent("jobs.txt"), encoding: .utf8)
            .split(separator: "\n").filter { $0.hasPrefix("array ") }
        #expect(arrays.count == 2, "16 shards with MaxArraySize 10 make two arrays: \(arrays)")
        #expect(try Self.waitForJob(Self.mergeJob(folder), conf: conf) == "COMPLETED")
        let merged = try Self.dataFiles(folder.appendingPathComponent("merged"))
        let local = try Self.localSweep(root)
        for name in local.keys.sorted() { #expect(merged[name] == local[name], "merged \(name) equals the local one") }
    }

    @Test func aFailedShardStopsTheMergeAndResubmitCompletesIt() throws {
        let conf = try Self.startCluster()
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let generate = try Sinergi.run(
            Self.sweepArguments + [
                "--slurm", "--shards", "\(Self.shards)", "--cpus-per-task", "1", "--time", "00:10:00", "--mem", "1G",
                "--out", root.path,
            ], environment: ["SLURM_CONF": conf])
        #expect(generate.status == 0, "\(generate.stderr)")
        let folder = try Self.jobFolder(generate.stdout)
        // A sinergi that fails on shard 3, as a crashed or killed task would.
        let failing = root.appendingPathComponent("failing-sinergi")
        try """
        #!/usr/bin/env bash
        for argument in "$@"; do [[ $argument == 3/\(Self.shards) ]] && { echo "shard 3 fails on purpose" >&2; exit 1; }; done
        exec \(Sinergi.executable.path) "$@"

        """.write(to: failing, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: failing.path)
        let submit = try Shell.run(
            folder.appendingPathComponent("submit.sh").path, [],
            environment: ["SLURM_CONF": conf, "SINERGI": failing.path])
        #expect(submit.status == 0, "\(submit.stderr)")
        let firstMerge = try Self.mergeJob(folder)
        #expect(try Self.waitForJob(firstMerge, conf: conf) != "COMPLETED", "the merge job must not run")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("merged").path))
        // While tasks are still running, resubmit.sh refuses (they would run twice).
        try Self.waitForArrays(folder, conf: conf)

        let resubmit = try Shell.run(
            folder.appendingPathComponent("resubmit.sh").path, [], environment: ["SLURM_CONF": conf])
        #expect(resubmit.status == 0, "\(resubmit.stderr)")
        #expect(resubmit.stdout.contains("Resubmitted 1 shard"), "\(resubmit.stdout)")
        let secondMerge = try Self.mergeJob(folder)
        #expect(secondMerge != firstMerge)
        #expect(try Self.waitForJob(secondMerge, conf: conf) == "COMPLETED")
        let merged = try Self.dataFiles(folder.appendingPathComponent("merged"))
        let local = try Self.localSweep(root)
        for name in local.keys.sorted() { #expect(merged[name] == local[name], "merged \(name) equals the local one") }
    }
}

struct SlurmTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs a program found on PATH and captures its output.
enum Shell {
    static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws
        -> CommandResult
    {
        try Sinergi.capture(URL(fileURLWithPath: "/usr/bin/env"), [program] + arguments, environment: environment)
    }
}

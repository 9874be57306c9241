import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A real run that is interrupted, replayed, watched on a terminal, and measured.
@Suite(.serialized) struct LongRunTests {
    /// Starts `sinergi args…` without waiting.
    func start(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = Sinergi.executable
        process.arguments = arguments
        process.currentDirectoryURL = Sinergi.packageRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    /// Whether a replicates.csv with a data row appears in a folder under `slugFolder`
    /// within `seconds`.
    func waitForRows(under slugFolder: URL, within seconds: TimeInterval) -> Bool {
        let files = FileManager.default
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            for folder in (try? files.contentsOfDirectory(atPath: slugFolder.path)) ?? [] {
                let csv = slugFolder.appendingPathComponent(folder).appendingPathComponent("replicates.csv")
                if let data = files.contents(atPath: csv.path),
                    data.split(separator: UInt8(ascii: "\n")).count > 1
                {
                    return true
                }
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// Whether `process` ends within `seconds`.
    func waitForExit(_ process: Process, within seconds: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return !process.isRunning
    }

    func runFolder(_ root: URL, slug: String) throws -> URL {
        let parent = root.appendingPathComponent(slug)
        let entries = try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0 != "latest" }
        #expect(entries.count == 1, "one run folder and no .partial left: \(entries)")
        return parent.appendingPathComponent(try #require(entries.first))
    }

    @Test(arguments: [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")])
    func aSignalStopsTheRunAndKeepsTheCompletedReplicates(_ signalNumber: Int32, _ name: String) throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("run")
        let (process, stdout, stderr) = try start([
            "run", "Scenarios/jambi-province-2018.yaml", "--replicates", "1000000",
            "--seed", "3", "--out", out.path,
        ])
        // Wait until the first batch of replicates is on disk (rows in the .partial folder's
        // replicates.csv), so the interrupted run has completed replicates to keep, however
        // slow the machine. The bound only ends a run that never writes.
        let slugFolder = out.appendingPathComponent("jambi-province-2018")
        #expect(waitForRows(under: slugFolder, within: 300), "the run wrote no replicate within 300 s")
        kill(process.processIdentifier, signalNumber)
        // A run that ignores the signal would go on for a million replicates: bound the wait
        // for it to stop (not a speed test; measured alone it stops in well under a second).
        let stopped = waitForExit(process, within: 300)
        #expect(stopped, "the run did not stop within 300 s of \(name)")
        if !stopped { kill(process.processIdentifier, SIGKILL) }
        _ = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + signalNumber, "\(errors)")
        #expect(errors.contains("Interrupted by \(name)"))

        let folder = try runFolder(out, slug: "jambi-province-2018")
        let manifest = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: folder.appendingPathComponent("manifest.json"))) as? [String: Any])
        #expect(manifest["status"] as? String == "interrupted")
        #expect(manifest["interruptedBy"] as? String == name)
        let completed = try #require(manifest["replicates"] as? Int)
        #expect(completed > 0 && completed < 1_000_000)
        let rows = try String(contentsOf: folder.appendingPathComponent("replicates.csv"), encoding: .utf8)
            .split(separator: "\n").count
        #expect(rows == 1 + completed * 12)

        // The interrupted run's data are exactly those of a run of that many replicates.
        let again = root.appendingPathComponent("again")
        let fixed = try Sinergi.run([
            "run", "Scenarios/jambi-province-2018.yaml", "--replicates", "\(completed)",
            "--seed", "3", "--out", again.path, "-q",
        ])
        #expect(fixed.status == 0)
        let fixedFolder = try runFolder(again, slug: "jambi-province-2018")
        for file in ["replicates.csv", "timeseries.csv", "summary.csv"] {
            #expect(
                try Data(contentsOf: folder.appendingPathComponent(file))
                    == Data(contentsOf: fixedFolder.appendingPathComponent(file)), "\(file)")
        }
    }

    @Test func replayReproducesTheDataFilesByteForByte() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try Sinergi.run([
            "run", "Scenarios/classroom.yaml", "--precision", "0.05", "--batch", "30",
            "--min-replicates", "30", "--seed", "8", "--out", root.appendingPathComponent("a").path,
        ])
        #expect(first.status == 0, "\(first.stderr)")
        let original = try runFolder(root.appendingPathComponent("a"), slug: "classroom")
        let manifestPath = original.appendingPathComponent("manifest.json").path
        let replay = try Sinergi.run([
            "run", "--replay", manifestPath, "--threads", "1",
            "--out", root.appendingPathComponent("b").path,
        ])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("byte-identical to the original run's"))
        let replayed = try runFolder(root.appendingPathComponent("b"), slug: "classroom")
        for file in ["replicates.csv", "timeseries.csv", "summary.csv"] {
            #expect(
                try Data(contentsOf: original.appendingPathComponent(file))
                    == Data(contentsOf: replayed.appendingPathComponent(file)), "\(file)")
        }
        let manifest = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: replayed.appendingPathComponent("manifest.json"))) as? [String: Any])
        #expect(manifest["replayOf"] as? String == manifestPath)
    }

    @Test func theManifestRecordsProvenance() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try Sinergi.run(["run", "Scenarios/classroom.yaml", "-r", "10", "-o", root.path, "-q"])
        #expect(result.status == 0)
        let folder = try runFolder(root, slug: "classroom")
        let manifest = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: folder.appendingPathComponent("manifest.json"))) as? [String: Any])
        let tool = try #require(manifest["tool"] as? [String: Any])
        #expect(tool["version"] is String)
        let scenario = try #require(manifest["scenario"] as? [String: Any])
        // The recorded hash is the scenario file's, as an independent tool computes it.
        let hasher = Process()
        hasher.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        hasher.arguments = [Sinergi.packageRoot.appendingPathComponent("Scenarios/classroom.yaml").path]
        let pipe = Pipe()
        hasher.standardOutput = pipe
        try hasher.run()
        let expected = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: " ").first.map(String.init)
        hasher.waitUntilExit()
        #expect(scenario["sha256"] as? String == expected)
        #expect((scenario["resolved"] as? String)?.hasPrefix("# Resolved by Sinergi") == true)
        let randomness = try #require(manifest["randomness"] as? [String: Any])
        #expect(randomness["seedScheme"] is String && randomness["algorithm"] as? String == "xoshiro256++")
        let host = try #require(manifest["host"] as? [String: Any])
        #expect((host["cpus"] as? Int ?? 0) >= 1)
        let timing = try #require(manifest["timing"] as? [String: Any])
        #expect(timing["started"] is String && timing["wallSeconds"] is Double)
        let files = try #require(manifest["files"] as? [String: String])
        #expect(Set(files.keys) == ["replicates.csv", "timeseries.csv", "summary.csv"])
    }

    @Test func progressBarOnATerminalOnly() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let command = "\(Sinergi.executable.path) run Scenarios/jambi-province-2018.yaml -r 200 -t 1 -o \(root.path)"
        // script(1) gives the run a pseudo-terminal, as a user's shell would.
        let terminal = Process()
        terminal.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        terminal.arguments = ["-qec", command, "/dev/null"]
        terminal.currentDirectoryURL = Sinergi.packageRoot
        let pipe = Pipe()
        terminal.standardOutput = pipe
        try terminal.run()
        let screen = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        terminal.waitUntilExit()
        #expect(terminal.terminationStatus == 0)
        #expect(screen.contains("replicates ▕") && screen.contains("rep/s"), "a progress bar with a rate")

        let piped = try Sinergi.run(["run", "Scenarios/classroom.yaml", "-r", "200", "-t", "1", "-o", root.path])
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("▕"), "no progress bar when stderr is not a terminal")
        let quiet = try Sinergi.run(["run", "Scenarios/classroom.yaml", "-r", "50", "-o", root.path, "--quiet"])
        #expect(quiet.stderr.isEmpty)
        #expect(quiet.stdout.hasPrefix("Results: "))
    }

    /// Peak resident memory (KiB) of one run, from wait4's rusage.
    func peakMemory(_ arguments: [String]) throws -> Int {
        var pid: pid_t = 0
        let argv = ([Sinergi.executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        posix_spawn_file_actions_addopen(&fileActions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&fileActions, 2, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        let spawned = Sinergi.packageRoot.path.withCString { _ in
            posix_spawn(&pid, Sinergi.executable.path, &fileActions, nil, argv, environ)
        }
        try #require(spawned == 0)
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        try #require(status == 0)
        return usage.ru_maxrss
    }

    @Test func memoryDoesNotGrowWithTheReplicateCount() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let scenario = Sinergi.packageRoot.appendingPathComponent("Scenarios/classroom.yaml").path
        let small = try peakMemory(["run", scenario, "-r", "1500", "-o", root.path, "-q"])
        let large = try peakMemory(["run", scenario, "-r", "15000", "-o", root.path, "-q"])
        #expect(
            Double(large) <= 1.5 * Double(small),
            "peak RSS \(large) KiB for 15,000 vs \(small) KiB for 1,500 replicates")
    }
}

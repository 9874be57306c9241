import Foundation
import Testing

/// `sinergi sweep` and `sinergi merge` as a user runs them.
@Suite struct SweepCommandTests {
    static let factors = [
        "--factor", "parameters.trust.build=0.02:0.2", "--factor", "defaults.agency.ego=0.2:0.8",
    ]

    static func dataFiles(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in ["design.csv", "points.csv", "replicates.csv"] {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    @Test func aSweepWritesItsFilesAndShardsMergeToThem() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let arguments =
            ["sweep", "Scenarios/classroom.yaml"] + Self.factors + [
                "--design", "lhs", "--points", "12", "--replicates", "3", "--seed", "4",
            ]
        let whole = root.appendingPathComponent("whole")
        let result = try Sinergi.run(arguments + ["--into", whole.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Results: \(whole.path)"))
        let names = try FileManager.default.contentsOfDirectory(atPath: whole.path).sorted()
        #expect(
            names == [
                "design.csv", "manifest.json", "points.csv", "replicates.csv", "report.html", "sweep.sqlite",
            ])
        let design = try String(contentsOf: whole.appendingPathComponent("design.csv"), encoding: .utf8)
        #expect(design.hasPrefix("point,parameters.trust.build,defaults.agency.ego\n"))
        #expect(design.split(separator: "\n").count == 13)
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: whole.appendingPathComponent("manifest.json")))
                as? [String: Any])
        #expect(manifest["command"] as? String == "sweep")
        let sweep = try #require(manifest["sweep"] as? [String: Any])
        #expect(sweep["points"] as? Int == 12)
        #expect(sweep["replicatesPerPoint"] as? Int == 3)

        var shards: [String] = []
        for index in 1...3 {
            let folder = root.appendingPathComponent("shards/shard-\(index)")
            let shard = try Sinergi.run(arguments + ["--shard", "\(index)/3", "--into", folder.path, "--quiet"])
            #expect(shard.status == 0, "\(shard.stderr)")
            shards.append(folder.path)
        }
        let merged = root.appendingPathComponent("merged")
        let merge = try Sinergi.run(["merge"] + shards + ["--into", merged.path])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try Self.dataFiles(merged) == Self.dataFiles(whole))

        let missing = try Sinergi.run(["merge", shards[0], shards[2], "--into", root.appendingPathComponent("m2").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("missing points 1, 4, 7, 10"), "\(missing.stderr)")
    }

    @Test func killedAtAnyMomentItResumesToTheSameFiles() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let arguments =
            ["sweep", "Scenarios/classroom.yaml"] + Self.factors + [
                "--design", "lhs", "--points", "400", "--replicates", "4", "--seed", "2", "--threads", "2",
            ]
        let target = root.appendingPathComponent("killed")
        let partial = root.appendingPathComponent(".killed.partial")
        let process = Process()
        process.executableURL = Sinergi.executable
        process.arguments = arguments + ["--into", target.path, "--quiet"]
        process.currentDirectoryURL = Sinergi.packageRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until some points are committed (the write-ahead log has grown), then kill -9.
        let log = partial.appendingPathComponent("sweep.sqlite-wal").path
        var logged = 0
        for _ in 0..<6000 where process.isRunning && logged < 200_000 {
            logged = (try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0
            Thread.sleep(forTimeInterval: 0.005)
        }
        #expect(process.isRunning, "the sweep must still be running when it is killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(!FileManager.default.fileExists(atPath: target.path), "no folder that looks complete")
        #expect(FileManager.default.fileExists(atPath: partial.appendingPathComponent("sweep.sqlite").path))

        let resumed = try Sinergi.run(arguments + ["--resume", partial.path])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let ran = resumed.stdout.split(separator: "\n").first { $0.hasPrefix("Sweep of 400 points") }
        let count = ran.flatMap { line in
            line.split(separator: ":").last?.split(separator: " ").first.flatMap { Int($0) }
        }
        #expect((count ?? 400) < 400, "the points committed before the kill are not run again: \(resumed.stdout)")

        let whole = root.appendingPathComponent("whole")
        let reference = try Sinergi.run(arguments + ["--into", whole.path, "--quiet"])
        #expect(reference.status == 0, "\(reference.stderr)")
        #expect(try Self.dataFiles(target) == Self.dataFiles(whole))
    }

    @Test func anInterruptKeepsTheCompletedPointsAndSaysHowToResume() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let arguments =
            ["sweep", "Scenarios/classroom.yaml"] + Self.factors + [
                "--design", "lhs", "--points", "400", "--replicates", "4", "--seed", "5", "--threads", "2",
            ]
        let target = root.appendingPathComponent("interrupted")
        let partial = root.appendingPathComponent(".interrupted.partial")
        let process = Process()
        process.executableURL = Sinergi.executable
        process.arguments = arguments + ["--into", target.path]
        process.currentDirectoryURL = Sinergi.packageRoot
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        // Once some points are committed (the write-ahead log has grown), Ctrl-C.
        let log = partial.appendingPathComponent("sweep.sqlite-wal").path
        var logged = 0
        for _ in 0..<6000 where process.isRunning && logged < 200_000 {
            logged = (try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0
            Thread.sleep(forTimeInterval: 0.005)
        }
        #expect(process.isRunning, "the sweep must still be running when it is interrupted")
        kill(process.processIdentifier, SIGINT)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("Resume with the same command and --resume '\(partial.path)'"), "\(stderr)")
        #expect(!FileManager.default.fileExists(atPath: target.path), "no folder that looks complete")

        let resumed = try Sinergi.run(arguments + ["--resume", partial.path, "--quiet"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let whole = root.appendingPathComponent("whole")
        let reference = try Sinergi.run(arguments + ["--into", whole.path, "--quiet"])
        #expect(reference.status == 0, "\(reference.stderr)")
        #expect(try Self.dataFiles(target) == Self.dataFiles(whole))
    }

    /// A sweep file in `folder` over the classroom scenario, with `extra` lines appended.
    static func sweepFile(in folder: URL, _ extra: String = "") throws -> URL {
        let url = folder.appendingPathComponent("sweep.yaml")
        let text = """
            sweep: 1
            scenario: \(Sinergi.packageRoot.appendingPathComponent("Scenarios/classroom.yaml").path)
            factors:
              - {path: parameters.trust.build, low: 0.02, high: 0.2}
              - path: defaults.agency.ego
                low: 0.2
                high: 0.8
            design: {method: lhs, points: 12}
            replicates: 3
            seed: 4
            set: [parameters.trust.erode=0.3]

            """
        try Data((text + extra).utf8).write(to: url)
        return url
    }

    @Test func aSweepFileMakesTheSameFilesAsItsCommandLine() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = try Self.sweepFile(in: root)
        let fromFile = root.appendingPathComponent("file")
        let byFile = try Sinergi.run(["sweep", file.path, "--into", fromFile.path, "--quiet", "--threads", "1"])
        #expect(byFile.status == 0, "\(byFile.stderr)")
        let fromLine = root.appendingPathComponent("line")
        let byLine = try Sinergi.run(
            ["sweep", "Scenarios/classroom.yaml"] + Self.factors + [
                "--design", "lhs", "--points", "12", "--replicates", "3", "--seed", "4",
                "--set", "parameters.trust.erode=0.3", "--into", fromLine.path, "--quiet", "--threads", "2",
            ])
        #expect(byLine.status == 0, "\(byLine.stderr)")
        #expect(try Self.dataFiles(fromFile) == Self.dataFiles(fromLine))

        // Options on the command line override the file's.
        let overridden = root.appendingPathComponent("overridden")
        let byBoth = try Sinergi.run(
            ["sweep", file.path, "--replicates", "2", "--points", "5", "--into", overridden.path, "--quiet"])
        #expect(byBoth.status == 0, "\(byBoth.stderr)")
        let design = try String(contentsOf: overridden.appendingPathComponent("design.csv"), encoding: .utf8)
        #expect(design.split(separator: "\n").count == 6)
        let replicates = try String(contentsOf: overridden.appendingPathComponent("replicates.csv"), encoding: .utf8)
        #expect(replicates.split(separator: "\n").count == 1 + 5 * 2)
    }

    @Test(arguments: [
        (
            "factors:\n  - {path: parameters.trust.buidl, low: 0.1, high: 0.2}\n",
            "sweep.yaml:13:5: error: factor: no 'parameters.trust.buidl' in the scenario; did you mean 'parameters.trust.build'?"
        ),
        (
            "factors:\n  - {path: parameters.trust.build, low: 0.3, high: 0.2}\n",
            "sweep.yaml:13:5: error: factor parameters.trust.build=0.3:0.2: LOW must be below HIGH"
        ),
        (
            "heatmaps: [[parameters.trust.build, months]]\n",
            "sweep.yaml:12:12: error: heatmap parameters.trust.build,months: expected two different factor paths"
        ),
        (
            "desing: {method: sobol}\n",
            "sweep.yaml:12:1: error: unknown key 'desing' in the sweep file; did you mean 'design'?"
        ),
    ])
    func aBadSweepFileIsReportedAtItsLineExit64AndWritesNothing(_ extra: String, _ message: String) throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        // The file's own keys are replaced where `extra` gives them again: drop them first.
        var file = try Self.sweepFile(in: root)
        if extra.hasPrefix("factors:") {
            let text = try String(contentsOf: file, encoding: .utf8)
            let kept = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .map { $0.offset >= 2 && $0.offset <= 6 ? "# (factor moved below)" : String($0.element) }
            file = root.appendingPathComponent("sweep.yaml")
            try Data((kept.joined(separator: "\n") + extra).utf8).write(to: file)
        } else {
            file = try Self.sweepFile(in: root, extra)
        }
        let out = root.appendingPathComponent("out")
        let result = try Sinergi.run(["sweep", file.path, "--out", out.path])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(Sinergi.files(below: out).isEmpty, "nothing written")
    }

    @Test(arguments: [
        (["--factor", "parameters.trust.buidl=0.02:0.2"], "did you mean 'parameters.trust.build'?"),
        (["--factor", "parameters.trust.build=0.3:0.2"], "LOW must be below HIGH"),
        (["--factor", "parameters.trust.build=0.1:2"], "must be a number in [0, 1], got 2"),
        (["--factor", "parameters.trust.build=0.1:0.2", "--design", "sobol", "--points", "12"], "power of two"),
        (["--factor", "parameters.trust.build=0.1:0.2", "--shard", "3/2"], "shard 3 of 2 does not exist"),
        (
            [
                "--factor", "parameters.trust.build=0.1:0.2", "--design",
                "csv:Tests/SinergiCLITests/SweepCommandTests.swift",
            ],
            "parameters.trust.build"
        ),
    ])
    func badInputIsOneLineExit64AndWritesNothing(_ options: [String], _ message: String) throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try Sinergi.run(["sweep", "Scenarios/classroom.yaml"] + options + ["--out", root.path])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(Sinergi.files(below: root).isEmpty, "nothing written")
    }
}

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

import Foundation
import Testing

/// `sinergi sweep --replay MANIFEST` (and `sinergi sensitivity --replay`) reruns a sweep or
/// an analysis from its scenario file, `--set` values and design.csv, and checks its data
/// files; what it cannot trust is refused before anything runs.
@Suite struct SweepReplayTests {
    static func sweepFolder(_ root: URL) throws -> URL {
        let slug = root.appendingPathComponent("classroom")
        let name = try #require(
            try FileManager.default.contentsOfDirectory(atPath: slug.path).first { $0.hasPrefix("sweep-") })
        return slug.appendingPathComponent(name)
    }

    @Test func aSweepReplaysByteForByte() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        // A factor that acts through the scenario's defaults, and a --set value.
        let sweep = try Sinergi.run(
            [
                "sweep", "Scenarios/classroom.yaml", "--factor", "defaults.agency.ego=0.2:0.8", "--factor",
                "parameters.trust.build=0.02:0.2", "--set", "parameters.maturity.growth=0.3", "--design", "lhs",
                "--points", "5", "--replicates", "2", "--seed", "9", "-q", "--out",
                root.appendingPathComponent("a").path,
            ])
        #expect(sweep.status == 0, "\(sweep.stderr)")
        let manifest = try Self.sweepFolder(root.appendingPathComponent("a")).appendingPathComponent("manifest.json")
        let replay = try Sinergi.run([
            "sweep", "--replay", manifest.path, "--threads", "1", "--out", root.appendingPathComponent("b").path,
        ])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("design.csv, points.csv, replicates.csv are byte-identical"), "\(replay.stdout)")
    }

    @Test func aShardIsNotReplayedAsAWholeSweep() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let shard = try Sinergi.run([
            "sweep", "Scenarios/classroom.yaml", "--factor", "parameters.trust.build=0.02:0.2", "--points", "3",
            "--design", "lhs", "--replicates", "2", "--shard", "2/3", "-q", "--out",
            root.appendingPathComponent("a").path,
        ])
        #expect(shard.status == 0, "\(shard.stderr)")
        let manifest = try Self.sweepFolder(root.appendingPathComponent("a")).appendingPathComponent("manifest.json")
        let replay = try Sinergi.run(["sweep", "--replay", manifest.path, "-q", "--out", root.path])
        #expect(replay.status == 1)
        #expect(replay.stderr.contains("this is shard 2/3 of a sweep"), "\(replay.stderr)")
    }

    @Test func aChangedFileOrScenarioIsRefusedBeforeRunning() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let scenario = root.appendingPathComponent("mine.yaml")
        try FileManager.default.copyItem(
            at: Sinergi.packageRoot.appendingPathComponent("Scenarios/classroom.yaml"), to: scenario)
        let sweep = try Sinergi.run([
            "sweep", scenario.path, "--factor", "parameters.trust.build=0.02:0.2", "--points", "3", "--design", "lhs",
            "--replicates", "2", "-q", "--out", root.appendingPathComponent("a").path,
        ])
        #expect(sweep.status == 0, "\(sweep.stderr)")
        let folder = try Self.sweepFolder(root.appendingPathComponent("a"))
        let manifest = folder.appendingPathComponent("manifest.json").path
        let out = root.appendingPathComponent("b")

        var points = try Data(contentsOf: folder.appendingPathComponent("points.csv"))
        points.append(contentsOf: Array("\n".utf8))
        try points.write(to: folder.appendingPathComponent("points.csv"))
        let changedFile = try Sinergi.run(["sweep", "--replay", manifest, "-q", "--out", out.path])
        #expect(changedFile.status == 1)
        #expect(changedFile.stderr.contains("points.csv was changed after the run"), "\(changedFile.stderr)")
        points.removeLast()
        try points.write(to: folder.appendingPathComponent("points.csv"))

        try (String(contentsOf: scenario, encoding: .utf8) + "\n# edited\n").write(
            to: scenario, atomically: true, encoding: .utf8)
        let changedScenario = try Sinergi.run(["sweep", "--replay", manifest, "-q", "--out", out.path])
        #expect(changedScenario.status == 1)
        #expect(changedScenario.stderr.contains("has changed since the sweep"), "\(changedScenario.stderr)")
        #expect(Sinergi.files(below: out).isEmpty)

        let mixed = try Sinergi.run(["sweep", "--replay", manifest, "--seed", "3", "--out", out.path])
        #expect(mixed.status == 64)
    }

    @Test func aSensitivityAnalysisReplaysByteForByte() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let analysis = try Sinergi.run([
            "sensitivity", "Scenarios/classroom.yaml", "--method", "morris", "--trajectories", "4", "--replicates", "2",
            "--factor", "parameters.trust.build=0.02:0.2", "--factor", "defaults.agency.ego=0.2:0.8", "-q", "--out",
            root.appendingPathComponent("a").path,
        ])
        #expect(analysis.status == 0, "\(analysis.stderr)")
        let slug = root.appendingPathComponent("a/classroom")
        let name = try #require(
            try FileManager.default.contentsOfDirectory(atPath: slug.path).first { $0.hasPrefix("sensitivity-") })
        let manifest = slug.appendingPathComponent(name).appendingPathComponent("manifest.json").path
        let replay = try Sinergi.run([
            "sensitivity", "--replay", manifest, "--threads", "1", "--out", root.appendingPathComponent("b").path,
        ])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(
            replay.stdout.contains(
                "convergence.csv, design.csv, indices.csv, points.csv, replicates.csv are byte-identical"),
            "\(replay.stdout)")
        let mixed = try Sinergi.run(["sensitivity", "--replay", manifest, "--method", "sobol"])
        #expect(mixed.status == 64)
        let asSweep = try Sinergi.run(["sweep", "--replay", manifest, "-q", "--out", root.path])
        #expect(asSweep.status == 1)
        #expect(asSweep.stderr.contains("rerun it with `sinergi sensitivity --replay"), "\(asSweep.stderr)")
    }

    @Test func aMergedSweepReplaysAsTheWholeSweep() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        for shard in ["1/2", "2/2"] {
            let run = try Sinergi.run([
                "sweep", "Scenarios/classroom.yaml", "--factor", "parameters.trust.build=0.02:0.2", "--design", "lhs",
                "--points", "5", "--replicates", "2", "--seed", "4", "--shard", shard, "-q", "--into",
                root.appendingPathComponent("s\(shard.prefix(1))").path,
            ])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let merged = root.appendingPathComponent("merged")
        let merge = try Sinergi.run([
            "merge", root.appendingPathComponent("s1").path, root.appendingPathComponent("s2").path, "--into",
            merged.path, "-q",
        ])
        #expect(merge.status == 0, "\(merge.stderr)")
        let replay = try Sinergi.run([
            "sweep", "--replay", merged.appendingPathComponent("manifest.json").path, "--out",
            root.appendingPathComponent("r").path,
        ])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("design.csv, points.csv, replicates.csv are byte-identical"), "\(replay.stdout)")
    }
}

import Foundation
import Testing

/// `sinergi calibrate --replay MANIFEST` reruns a calibration with the arguments its manifest
/// recorded and checks posterior.csv, generations.csv and predictive.csv; what it cannot
/// trust is refused before anything runs.
@Suite struct CalibrateReplayTests {
    static func calibrationFolder(_ root: URL, slug: String) throws -> URL {
        let parent = root.appendingPathComponent(slug)
        let name = try #require(
            try FileManager.default.contentsOfDirectory(atPath: parent.path).first { $0.hasPrefix("calibration-") })
        return parent.appendingPathComponent(name)
    }

    @Test func aCalibrationOfTargetsReplaysByteForByte() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try Sinergi.run(CalibrateCommandTests.classroom + ["--out", root.appendingPathComponent("a").path])
        #expect(run.status == 0, "\(run.stderr)")
        let manifest = try Self.calibrationFolder(root.appendingPathComponent("a"), slug: "classroom")
            .appendingPathComponent("manifest.json")
        let replay = try Sinergi.run([
            "calibrate", "--replay", manifest.path, "--threads", "1", "--out", root.appendingPathComponent("b").path,
        ])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(
            replay.stdout.contains("posterior.csv, generations.csv, predictive.csv are byte-identical"),
            "\(replay.stdout)")
        // The replay records the calibration it reruns, so it replays in turn.
        let again = try Self.calibrationFolder(root.appendingPathComponent("b"), slug: "classroom")
        let text = try String(contentsOf: again.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(!text.contains("--replay"))
    }

    @Test func aChangedFileOrAnotherCommandsManifestIsRefused() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try Sinergi.run([
            "calibrate", "--function", "normal-normal", "--particles", "50", "--max-generations", "2", "-q", "--out",
            root.appendingPathComponent("a").path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let folder = try Self.calibrationFolder(root.appendingPathComponent("a"), slug: "normal-normal")
        let manifest = folder.appendingPathComponent("manifest.json").path
        let posterior = folder.appendingPathComponent("posterior.csv")
        try (String(contentsOf: posterior, encoding: .utf8) + "\n").write(
            to: posterior, atomically: true, encoding: .utf8)
        let out = root.appendingPathComponent("b")
        let changed = try Sinergi.run(["calibrate", "--replay", manifest, "-q", "--out", out.path])
        #expect(changed.status == 1)
        #expect(changed.stderr.contains("posterior.csv was changed after the run"), "\(changed.stderr)")
        #expect(Sinergi.files(below: out).isEmpty)

        let asRun = try Sinergi.run(["run", "--replay", manifest, "-q", "--out", out.path])
        #expect(asRun.status == 1)
        #expect(asRun.stderr.contains("rerun it with `sinergi calibrate --replay"), "\(asRun.stderr)")
        let mixed = try Sinergi.run(["calibrate", "--replay", manifest, "--function", "normal-normal"])
        #expect(mixed.status == 64)
    }
}

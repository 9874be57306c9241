import Foundation
import Testing

/// 64-bit seeds survive JSON: manifests write them as strings, and `--replay` still reads a
/// manifest of an older version that wrote the seed as a number.
@Suite struct SeedTextTests {
    static let bigSeed = "18446744073709551557"

    @Test func aManifestWithANumericSeedStillReplays() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let run = try Sinergi.run([
            "run", "Scenarios/classroom.yaml", "-r", "6", "--seed", Self.bigSeed, "--name", "old", "-q", "--out",
            out.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let manifestURL = out.appendingPathComponent("classroom/old/manifest.json")
        let text = try String(contentsOf: manifestURL, encoding: .utf8)
        let quoted = "\"masterSeed\" : \"\(Self.bigSeed)\""
        #expect(text.contains(quoted), "the seed is a string: every digit survives a double")
        // As an older version wrote it: a number (which R and JavaScript would round to 2^64).
        try text.replacingOccurrences(of: quoted, with: "\"masterSeed\" : \(Self.bigSeed)")
            .write(to: manifestURL, atomically: true, encoding: .utf8)
        let replay = try Sinergi.run([
            "run", "--replay", manifestURL.path, "-q", "--out", root.appendingPathComponent("replays").path,
        ])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("byte-identical"), "\(replay.stdout)")
        let replays = root.appendingPathComponent("replays/classroom")
        let folder = try #require(
            try FileManager.default.contentsOfDirectory(atPath: replays.path).first { $0 != "latest" })
        let replayed = try String(
            contentsOf: replays.appendingPathComponent(folder).appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(replayed.contains(quoted), "the replay writes the seed as a string again")
    }

    @Test func aSeedThatIsNotANumberIsRefused() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let run = try Sinergi.run([
            "run", "Scenarios/classroom.yaml", "-r", "2", "--name", "x", "-q", "--out", out.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let manifestURL = out.appendingPathComponent("classroom/x/manifest.json")
        let text = try String(contentsOf: manifestURL, encoding: .utf8)
        try text.replacingOccurrences(of: "\"masterSeed\" : \"1\"", with: "\"masterSeed\" : \"-1\"")
            .write(to: manifestURL, atomically: true, encoding: .utf8)
        let replay = try Sinergi.run([
            "run", "--replay", manifestURL.path, "-q", "--out", root.appendingPathComponent("replays").path,
        ])
        #expect(replay.status != 0)
        #expect(replay.stderr.contains("cannot read the manifest"), "\(replay.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("replays").path))
    }
}

import Foundation
import Testing

/// Run folders under concurrency and tampering: runs started together each own a folder,
/// `latest` names a complete one, and `--replay` checks the files on disk before rerunning.
@Suite struct RunFolderSafetyTests {
    /// Eight runs of the same scenario and seed, started at once into the same --out: eight
    /// complete folders, each of which replays byte for byte.
    @Test func eightRunsStartedTogetherEachOwnAFolder() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        var processes: [(Process, URL)] = []
        for i in 0..<8 {
            let process = Process()
            process.executableURL = Sinergi.executable
            process.arguments = [
                "run", "Scenarios/classroom.yaml", "--replicates", "40", "--seed", "7", "--threads", "1", "-q", "--out",
                out.path,
            ]
            process.currentDirectoryURL = Sinergi.packageRoot
            let log = root.appendingPathComponent("run-\(i).log")
            FileManager.default.createFile(atPath: log.path, contents: nil)
            let handle = try FileHandle(forWritingTo: log)
            process.standardOutput = handle
            process.standardError = handle
            processes.append((process, log))
        }
        for (process, _) in processes { try process.run() }
        for (process, log) in processes {
            process.waitUntilExit()
            let printed = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            #expect(process.terminationStatus == 0, "\(printed)")
        }
        let slug = out.appendingPathComponent("classroom")
        let entries = try FileManager.default.contentsOfDirectory(atPath: slug.path).sorted()
        let folders = entries.filter { !$0.hasPrefix(".") && $0 != "latest" }
        #expect(folders.count == 8, "one folder per run: \(entries)")
        #expect(!entries.contains { $0.hasSuffix(".partial") }, "no temporary folder left: \(entries)")
        let latest = try FileManager.default.destinationOfSymbolicLink(
            atPath: slug.appendingPathComponent("latest").path)
        #expect(folders.contains(latest))
        var replicates: Set<Data> = []
        for folder in folders {
            let manifest = slug.appendingPathComponent(folder).appendingPathComponent("manifest.json")
            let replay = try Sinergi.run([
                "run", "--replay", manifest.path, "-q", "--out", root.appendingPathComponent("replays").path,
            ])
            #expect(replay.status == 0, "\(folder): \(replay.stderr)")
            #expect(replay.stdout.contains("byte-identical"))
            replicates.insert(try Data(contentsOf: slug.appendingPathComponent(folder + "/replicates.csv")))
        }
        #expect(replicates.count == 1, "the same scenario and seed: the same data in every folder")
    }

    /// A changed byte in a data file is found, by file, before anything is rerun.
    @Test func replayChecksTheFilesOnDiskFirst() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try Sinergi.run([
            "run", "Scenarios/classroom.yaml", "--replicates", "6", "-q", "--out",
            root.appendingPathComponent("a").path,
        ])
        #expect(run.status == 0)
        let folder = root.appendingPathComponent("a/classroom/latest").resolvingSymlinksInPath()
        let summary = folder.appendingPathComponent("summary.csv")
        var bytes = try Data(contentsOf: summary)
        bytes[bytes.count - 2] = bytes[bytes.count - 2] == 0x31 ? 0x32 : 0x31
        try bytes.write(to: summary)
        let replays = root.appendingPathComponent("replays")
        let replay = try Sinergi.run([
            "run", "--replay", folder.appendingPathComponent("manifest.json").path, "-q", "--out", replays.path,
        ])
        #expect(replay.status == 1)
        #expect(replay.stderr.contains("summary.csv was changed after the run"), "\(replay.stderr)")
        #expect(!replay.stderr.contains("replicates.csv"), "only the changed file is named")
        #expect(Sinergi.files(below: replays).isEmpty, "nothing was rerun")
    }

    /// A manifest with impossible counts, or one another command wrote, is refused with what
    /// to do instead.
    @Test func replayRefusesAbsurdOrForeignManifests() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try Sinergi.run([
            "run", "Scenarios/classroom.yaml", "--replicates", "4", "-q", "--out",
            root.appendingPathComponent("a").path,
        ])
        #expect(run.status == 0)
        let folder = root.appendingPathComponent("a/classroom/latest").resolvingSymlinksInPath()
        let manifestURL = folder.appendingPathComponent("manifest.json")
        let original = try String(contentsOf: manifestURL, encoding: .utf8)
        let cases: [(String, String, String)] = [
            ("\"replicates\" : 4", "\"replicates\" : -4", "replicates must be between 1 and 10^9"),
            ("\"command\" : \"run\"", "\"command\" : \"compare\"", "rerun it with `sinergi compare"),
        ]
        for (from, to, message) in cases {
            #expect(original.contains(from), "the manifest holds \(from)")
            try original.replacingOccurrences(of: from, with: to).write(
                to: manifestURL, atomically: true, encoding: .utf8)
            let replays = root.appendingPathComponent("replays")
            let replay = try Sinergi.run(["run", "--replay", manifestURL.path, "-q", "--out", replays.path])
            #expect(replay.status == 1)
            #expect(replay.stderr.contains(message), "\(replay.stderr)")
            #expect(Sinergi.files(below: replays).isEmpty)
        }
    }
}

/// `compare --replay` reruns a comparison from its manifest alone and checks its data files.
@Suite struct CompareReplayTests {
    @Test func replayReproducesAComparisonAndRefusesAChangedOne() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try Sinergi.run([
            "compare", "Scenarios/classroom.yaml", "--replicates", "6", "--seed", "4", "--policies",
            "training,champion", "--set", "parameters.trust.build=0.1", "-q", "--out",
            root.appendingPathComponent("a").path,
        ])
        #expect(first.status == 0, "\(first.stderr)")
        let folder = root.appendingPathComponent("a/classroom/latest-compare").resolvingSymlinksInPath()
        let manifest = folder.appendingPathComponent("manifest.json")
        let replays = root.appendingPathComponent("b")
        let replay = try Sinergi.run([
            "compare", "--replay", manifest.path, "-q", "--threads", "1", "--out", replays.path,
        ])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("byte-identical to the original comparison's"))
        let replayed = replays.appendingPathComponent("classroom/latest-compare").resolvingSymlinksInPath()
        for file in ["replicates.csv", "comparison.csv", "effects-over-time.csv"] {
            #expect(
                try Data(contentsOf: folder.appendingPathComponent(file))
                    == Data(contentsOf: replayed.appendingPathComponent(file)), "\(file)")
        }

        // A changed byte is named before anything is rerun; a run manifest is sent to run.
        let comparison = folder.appendingPathComponent("comparison.csv")
        var bytes = try Data(contentsOf: comparison)
        bytes[bytes.count - 2] = bytes[bytes.count - 2] == 0x31 ? 0x32 : 0x31
        try bytes.write(to: comparison)
        let refused = try Sinergi.run([
            "compare", "--replay", manifest.path, "-q", "--out", root.appendingPathComponent("c").path,
        ])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("comparison.csv was changed after the run"), "\(refused.stderr)")
        #expect(Sinergi.files(below: root.appendingPathComponent("c")).isEmpty)

        let both = try Sinergi.run(["compare", "Scenarios/classroom.yaml", "--replay", manifest.path])
        #expect(both.status == 64)
    }
}

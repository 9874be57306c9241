import Foundation
import Testing

/// `--set PATH=VALUE` on `run` and `compare`: a bad path or value is a usage error that
/// writes nothing; a good one changes the run, is recorded in the manifest, and replays.
@Suite struct SetOptionTests {
    static func manifest(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test(arguments: [
        (
            "parameters.trust.buidl=0.1",
            "error: --set: no 'parameters.trust.buidl' in the scenario; did you mean 'parameters.trust.build'?\n"
        ),
        (
            "parameters.trust.build=1.5",
            "error: --set parameters.trust.build=1.5: 'trust.build' must be a number in [0, 1], got 1.5\n"
        ),
        ("months", "error: --set: expected PATH=VALUE, e.g. parameters.trust.build=0.1, got 'months'\n"),
    ])
    func aBadSettingIsAUsageErrorAndWritesNothing(_ setting: String, _ expected: String) throws {
        let out = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        for command in ["run", "compare"] {
            let result = try Sinergi.run([
                command, "Scenarios/classroom.yaml", "-r", "3", "-o", out.path, "--set", "months=12", "--set", setting,
            ])
            #expect(result.status == 64, "\(command)")
            #expect(result.stderr == expected, "\(command)")
            #expect(result.stdout.isEmpty)
            #expect(Sinergi.files(below: out).isEmpty, "\(command) must write nothing")
        }
    }

    @Test func aSettingChangesTheRunIsRecordedAndReplays() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        func run(_ name: String, _ extra: [String]) throws -> URL {
            let out = root.appendingPathComponent(name)
            let result = try Sinergi.run(
                ["run", "Scenarios/classroom.yaml", "-r", "40", "-s", "3", "-q", "-o", out.path] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            return out.appendingPathComponent("classroom/latest").resolvingSymlinksInPath()
        }
        let plain = try run("plain", [])
        let set = try run(
            "set", ["--set", "parameters.trust.build=0.2", "--set", "governments[*].agencies[BPKAD].legacyLockIn=0.1"])

        let plainRows = try Data(contentsOf: plain.appendingPathComponent("replicates.csv"))
        let setRows = try Data(contentsOf: set.appendingPathComponent("replicates.csv"))
        #expect(plainRows != setRows, "the values set change the simulation")

        let plainManifest = try Self.manifest(plain)
        let setManifest = try Self.manifest(set)
        #expect(plainManifest["overrides"] == nil, "a run without --set writes no overrides key")
        #expect(
            setManifest["overrides"] as? [String] == [
                "parameters.trust.build=0.2", "governments[*].agencies[BPKAD].legacyLockIn=0.1",
            ])
        let plainScenario = try #require(plainManifest["scenario"] as? [String: Any])
        let setScenario = try #require(setManifest["scenario"] as? [String: Any])
        #expect(setScenario["sha256"] as? String == plainScenario["sha256"] as? String, "the file's hash")
        let resolved = try #require(setScenario["resolved"] as? String)
        #expect(resolved.contains("trust: {build: 0.2,"))
        #expect(resolved.contains("legacyLockIn: 0.1"))

        let replayOut = root.appendingPathComponent("replay")
        let replay = try Sinergi.run([
            "run", "--replay", set.appendingPathComponent("manifest.json").path, "-q", "-o", replayOut.path,
        ])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("byte-identical"))
        let replayed = replayOut.appendingPathComponent("classroom/latest").resolvingSymlinksInPath()
        #expect(try Data(contentsOf: replayed.appendingPathComponent("replicates.csv")) == setRows)
        #expect(try Self.manifest(replayed)["overrides"] as? [String] == setManifest["overrides"] as? [String])
    }

    @Test func replayTakesNoSetting() throws {
        let result = try Sinergi.run(["run", "--replay", "manifest.json", "--set", "months=12"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("drop --set"))
    }

    @Test func aComparisonRecordsItsSettingsAndAPackageValueChangesItsEffect() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        func compare(_ name: String, _ extra: [String]) throws -> URL {
            let out = root.appendingPathComponent(name)
            let result = try Sinergi.run(
                ["compare", "Scenarios/classroom.yaml", "--policies", "training", "-r", "30", "-q", "-o", out.path]
                    + extra)
            #expect(result.status == 0, "\(result.stderr)")
            return out.appendingPathComponent("classroom/latest-compare").resolvingSymlinksInPath()
        }
        let plain = try compare("plain", [])
        let set = try compare("set", ["--set", "policies.training[0].intensity=1"])
        #expect(try Self.manifest(set)["overrides"] as? [String] == ["policies.training[0].intensity=1"])
        #expect(try Self.manifest(plain)["overrides"] == nil)
        let plainRows = try String(contentsOf: plain.appendingPathComponent("replicates.csv"), encoding: .utf8)
        let setRows = try String(contentsOf: set.appendingPathComponent("replicates.csv"), encoding: .utf8)
        let baseline = { (text: String) in text.split(separator: "\n").filter { $0.contains("baseline") } }
        #expect(baseline(plainRows) == baseline(setRows), "the baseline has no training")
        #expect(plainRows != setRows, "the package trains harder")
    }
}

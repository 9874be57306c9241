import Crypto
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// An installed `sinergi` is one file that works from any folder: `make install` copies only
/// the binary, which carries the classroom page and the classroom scenario (docs/architecture.md,
/// Embedded files). The tests install the built binary with the Makefile's own recipe (its
/// `build` prerequisite skipped with `make -o build`, so nothing is compiled), then run it
/// from an empty folder far from the source tree.
@Suite struct InstallTests {
    /// A temporary PREFIX with the built binary installed by `make install`, and an empty
    /// working folder beside it.
    struct Installed {
        let root: URL
        let binary: URL
        let workingFolder: URL

        init() throws {
            root = try Sinergi.temporaryFolder()
            let prefix = root.appendingPathComponent("prefix")
            let make = try Sinergi.capture(
                URL(fileURLWithPath: "/usr/bin/env"),
                [
                    "make", "--no-print-directory", "-o", "build", "install", "PREFIX=\(prefix.path)",
                    "RELEASE=\(Sinergi.executable.path)",
                ])
            try #require(make.status == 0, "make install: \(make.stderr)")
            binary = prefix.appendingPathComponent("bin/sinergi")
            workingFolder = root.appendingPathComponent("elsewhere")
            try FileManager.default.createDirectory(at: workingFolder, withIntermediateDirectories: true)
        }

        /// Runs the installed binary in the working folder.
        func run(_ arguments: [String]) throws -> CommandResult {
            try Sinergi.capture(binary, arguments, in: workingFolder)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static func source(_ path: String) throws -> Data {
        try Data(contentsOf: Sinergi.packageRoot.appendingPathComponent(path))
    }

    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// `make install` puts exactly one file in PREFIX/bin, and that binary has no way to a
    /// resource bundle: SwiftPM's accessor names the bundle folder (and its absolute build
    /// path) in the binary, so a binary without the name cannot look for one.
    @Test func installPutsOneSelfContainedBinaryInPrefixBin() throws {
        let installed = try Installed()
        defer { installed.remove() }
        let bin = installed.binary.deletingLastPathComponent()
        #expect(try FileManager.default.contentsOfDirectory(atPath: bin.path) == ["sinergi"])
        #expect(FileManager.default.isExecutableFile(atPath: installed.binary.path))
        let bytes = try Data(contentsOf: installed.binary)
        #expect(bytes.range(of: Data("Sinergi_SinergiServe.resources".utf8)) == nil)
        #expect(bytes.range(of: Data(".resources/Assets".utf8)) == nil)

        let uninstall = try Sinergi.capture(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["make", "--no-print-directory", "uninstall", "PREFIX=\(bin.deletingLastPathComponent().path)"])
        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        #expect(!FileManager.default.fileExists(atPath: installed.binary.path))
    }

    /// `run` with no scenario, from an empty folder, runs the built-in classroom scenario: a
    /// complete run folder whose manifest names `<embedded>/classroom.yaml` with the SHA-256
    /// of Scenarios/classroom.yaml, which `run --replay` reproduces byte for byte.
    @Test func runWithoutAScenarioRunsTheBuiltInClassroomScenario() throws {
        let installed = try Installed()
        defer { installed.remove() }
        let run = try installed.run(["run", "--replicates", "2", "--name", "embedded", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let folder = installed.workingFolder.appendingPathComponent("results/classroom/embedded")
        #expect(run.stdout.contains("Results: "), "\(run.stdout)")
        for name in ["manifest.json", "replicates.csv", "timeseries.csv", "summary.csv", "report.html"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name)")
        }
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let scenario = try #require(manifest["scenario"] as? [String: Any])
        #expect(scenario["path"] as? String == "<embedded>/classroom.yaml")
        #expect(scenario["sha256"] as? String == Self.sha256(try Self.source("Scenarios/classroom.yaml")))
        #expect(manifest["status"] as? String == "complete")
        #expect(manifest["replicates"] as? Int == 2)

        let replay = try installed.run([
            "run", "--replay", folder.appendingPathComponent("manifest.json").path, "--out", "replays",
        ])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("byte-identical"), "\(replay.stdout)")
    }

    /// `serve` with no scenario, from an empty folder, serves the classroom scenario and the
    /// page's files byte for byte as they are in the source tree.
    @Test func serveWithoutAScenarioServesTheBuiltInPage() async throws {
        let installed = try Installed()
        defer { installed.remove() }
        let (process, out, _) = try Sinergi.launch(
            installed.binary, ["serve", "--port", "0"], in: installed.workingFolder)
        defer { if process.isRunning { process.terminate() } }

        let line = await Sinergi.firstLine(of: out.fileHandleForReading, process: process, timeout: .seconds(120))
        let match = try #require(line.firstMatch(of: /^Serving Classroom on http:\/\/127\.0\.0\.1:(\d+)\//), "\(line)")
        let base = "http://127.0.0.1:\(match.1)"
        for name in ["index.html", "join.html", "app.js", "style.css"] {
            let (data, response) = try await URLSession.shared.data(from: URL(string: "\(base)/assets/\(name)")!)
            #expect((response as? HTTPURLResponse)?.statusCode == 200, "\(name)")
            #expect(data == (try Self.source("Sources/SinergiServe/Assets/\(name)")), "\(name)")
        }
        // The scenario the page is given is the classroom scenario's.
        let (scenario, response) = try await URLSession.shared.data(from: URL(string: "\(base)/api/scenario")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let object = try #require(try JSONSerialization.jsonObject(with: scenario) as? [String: Any])
        let name = try #require(
            try Self.source("Scenarios/classroom.yaml").split(separator: UInt8(ascii: "\n")).lazy
                .map { String(decoding: $0, as: UTF8.self) }.first { $0.hasPrefix("name: ") })
        #expect(object["name"] as? String == name.dropFirst("name: ".count).trimmingCharacters(in: .whitespaces))

        kill(process.processIdentifier, SIGTERM)
        // A bound on the wait for the graceful shutdown, not a speed test.
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning)
        #expect(process.terminationStatus == 0)
    }

    /// `run` and `serve` say in their help that the scenario may be left out, and what is
    /// used then; docs/cli.md's synopsis says so too.
    @Test func helpAndDocsShowTheScenarioAsOptional() throws {
        for command in ["run", "serve"] {
            let help = try Sinergi.run([command, "--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("[<scenario>]"), "\(command): \(help.stdout)")
            let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(words.contains("default: the built-in classroom scenario"), "\(command)")
        }
        let cli = try String(contentsOf: Sinergi.packageRoot.appendingPathComponent("docs/cli.md"), encoding: .utf8)
        #expect(cli.contains("sinergi run [SCENARIO]"))
        #expect(cli.contains("sinergi serve [SCENARIO]"))
        #expect(cli.contains("<embedded>/classroom.yaml"))
    }
}

import Foundation
import Testing

/// `sinergi calibrate` as a user runs it: the analytic check, a small calibration of the
/// classroom scenario, resuming, and bad targets files.
@Suite struct CalibrateCommandTests {
    static let targets = "Tests/Fixtures/calibration/classroom-targets.yaml"
    static let classroom =
        [
            "calibrate", targets, "--factor", "parameters.trust.build=0.02:0.2", "--factor",
            "defaults.agency.ego=0.2:0.8", "--particles", "8", "--max-generations", "2", "--replicates", "2",
            "--seed", "3", "--quiet",
        ]

    /// Rows of a CSV file without its header, split at commas (no field here holds one).
    static func rows(_ url: URL) throws -> (header: String, rows: [[String]]) {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        return (
            lines[0],
            lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        )
    }

    @Test func theNormalNormalCheckFindsTheExactPosterior() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("nn")
        let result = try Sinergi.run([
            "calibrate", "--function", "normal-normal", "--particles", "1000", "--max-generations", "8", "--seed", "1",
            "--into", folder.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(
            names == [
                "calibrated.yaml", "calibration.sqlite", "generations.csv", "manifest.json", "posterior.csv",
                "predictive.csv", "report.html",
            ])
        let (header, rows) = try Self.rows(folder.appendingPathComponent("posterior.csv"))
        #expect(header == "particle,weight,mean")
        #expect(rows.count == 1000)
        let weights = rows.map { Double($0[1])! }
        let values = rows.map { Double($0[2])! }
        let total = weights.reduce(0, +)
        let mean = zip(values, weights).map { $0 * $1 }.reduce(0, +) / total
        let sd = (zip(values, weights).map { ($0 - mean) * ($0 - mean) * $1 }.reduce(0, +) / total).squareRoot()
        // Exact: mean 5/11, sd 1/√11. With an effective sample of several hundred particles the
        // Monte Carlo error of the mean is about 0.3/√ESS ≈ 0.015 and that of the sd smaller,
        // so 0.03 is twice the sampling error plus the small bias of the final tolerance.
        #expect(Swift.abs(mean - 5.0 / 11) < 0.03, "posterior mean \(mean)")
        #expect(Swift.abs(sd - 1 / 11.0.squareRoot()) < 0.03, "posterior sd \(sd)")
        let generations = try Self.rows(folder.appendingPathComponent("generations.csv"))
        #expect(generations.header == "generation,tolerance,acceptance_rate,ess,simulations")
        #expect(generations.rows.first?[1] == "inf")
        let tolerances = generations.rows.dropFirst().map { Double($0[1])! }
        #expect(zip(tolerances, tolerances.dropFirst()).allSatisfy { $0 > $1 }, "the tolerance falls: \(tolerances)")
        let predictive = try Self.rows(folder.appendingPathComponent("predictive.csv"))
        #expect(predictive.header == "observation,observed,sd,held_out,predictive_mean,q05,q95,inside")
        #expect(predictive.rows.count == 1 && predictive.rows[0].last == "true")
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("manifest.json")))
                as? [String: Any])
        #expect(manifest["command"] as? String == "calibrate")
    }

    @Test func aClassroomCalibrationWritesItsFilesTheSameAtAnyThreadCount() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let one = root.appendingPathComponent("one")
        let two = root.appendingPathComponent("two")
        let first = try Sinergi.run(Self.classroom + ["--threads", "1", "--into", one.path])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try Sinergi.run(Self.classroom + ["--threads", "2", "--into", two.path])
        #expect(second.status == 0, "\(second.stderr)")
        for name in ["posterior.csv", "generations.csv", "predictive.csv"] {
            #expect(
                try Data(contentsOf: one.appendingPathComponent(name))
                    == Data(contentsOf: two.appendingPathComponent(name)), "\(name) differs between thread counts")
        }
        let posterior = try Self.rows(one.appendingPathComponent("posterior.csv"))
        #expect(posterior.header == "particle,weight,parameters.trust.build,defaults.agency.ego")
        #expect(posterior.rows.count == 8)
        for row in posterior.rows {
            let build = Double(row[2])!, ego = Double(row[3])!
            #expect((0.02...0.2).contains(build) && (0.2...0.8).contains(ego))
        }
        let generations = try Self.rows(one.appendingPathComponent("generations.csv"))
        #expect(generations.rows.count == 2)
        let predictive = try Self.rows(one.appendingPathComponent("predictive.csv"))
        #expect(
            predictive.rows.map { $0[0] } == [
                "index after two years", "Kota Contoh at least Baik at the end", "adoption at the end",
            ])
        #expect(predictive.rows.map { $0[3] } == ["false", "false", "true"])
        let calibrated = try String(contentsOf: one.appendingPathComponent("calibrated.yaml"), encoding: .utf8)
        #expect(calibrated.hasPrefix("# yaml-language-server:"), "the scenario's first line stays first")
        #expect(calibrated.contains("\n# Calibrated by `sinergi calibrate`"))
        #expect(calibrated.contains("SHA-256"))
        // calibrated.yaml is a scenario sinergi reads.
        let check = try Sinergi.run(["validate", one.appendingPathComponent("calibrated.yaml").path])
        #expect(check.status == 0, "\(check.stderr)")
        let report = try String(contentsOf: one.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.contains("section-posterior") && report.contains("section-predictive"))
        // One band per observed statistic (three here), with the held-out adoption drawn open.
        #expect(report.contains("section-series"))
        #expect(report.components(separatedBy: "class=\"band\"").count - 1 == 3)
        #expect(report.components(separatedBy: "class=\"fitted\"").count - 1 == 2)
        #expect(report.components(separatedBy: "class=\"held-out\"").count - 1 == 1)
    }

    /// The factor values calibrated.yaml's header gives: `#   PATH = VALUE  (90% …`.
    static func headerValues(_ calibrated: String) -> [(String, String)] {
        calibrated.split(separator: "\n").compactMap { line -> (String, String)? in
            guard line.hasPrefix("#   "), line.contains("(90% ") else { return nil }
            let parts = line.dropFirst(4).components(separatedBy: "  (")[0].components(separatedBy: " = ")
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
    }

    @Test func calibratedYAMLIsTheScenarioTextAndResolvesAsTheMediansSetOnIt() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("cal")
        let result = try Sinergi.run(Self.classroom + ["--into", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let calibrated = try String(contentsOf: folder.appendingPathComponent("calibrated.yaml"), encoding: .utf8)
        let scenario = try String(
            contentsOf: Sinergi.packageRoot.appendingPathComponent("Scenarios/classroom.yaml"), encoding: .utf8)
        // The file's own lines (comments included) are all there; the factors, which the
        // classroom leaves to the defaults, are added with a note.
        let lines = Set(calibrated.split(separator: "\n", omittingEmptySubsequences: false))
        #expect(scenario.split(separator: "\n", omittingEmptySubsequences: false).allSatisfy { lines.contains($0) })
        #expect(calibrated.contains("# posterior median (sinergi calibrate)"))
        #expect(calibrated.contains("# Command:\n#   sinergi calibrate "))
        #expect(calibrated.contains("held out"))
        let values = Self.headerValues(calibrated)
        #expect(values.map(\.0) == ["parameters.trust.build", "defaults.agency.ego"])
        #expect(calibrated.contains("    build: \(values[0].1)  # posterior median"))

        func resolved(_ arguments: [String], _ name: String) throws -> String {
            let out = root.appendingPathComponent(name)
            let run = try Sinergi.run(["run"] + arguments + ["-r", "2", "-q", "-o", out.path])
            #expect(run.status == 0, "\(run.stderr)")
            let manifest = try SetOptionTests.manifest(
                out.appendingPathComponent("classroom/latest").resolvingSymlinksInPath())
            let scenario = try #require(manifest["scenario"] as? [String: Any])
            return try #require(scenario["resolved"] as? String)
        }
        let fromFile = try resolved([folder.appendingPathComponent("calibrated.yaml").path], "file")
        let fromSet = try resolved(
            ["Scenarios/classroom.yaml"] + values.flatMap { ["--set", "\($0.0)=\($0.1)"] }, "set")
        #expect(fromFile == fromSet)
    }

    @Test func anInterruptedCalibrationResumesToTheSameFiles() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        // Three generations, so that the run stopped after generation 0 has two more to go.
        let arguments = Self.classroom.map { $0 == "2" ? "3" : $0 } + ["--threads", "2"]
        let target = root.appendingPathComponent("stopped")
        let partial = root.appendingPathComponent(".stopped.partial")
        let stopped = try Sinergi.run(
            arguments + ["--into", target.path], environment: ["SINERGI_CALIBRATE_INTERRUPT_AFTER": "0"])
        #expect(stopped.status != 0)
        #expect(stopped.stderr.contains("--resume"), "\(stopped.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target.path), "no folder that looks complete")
        #expect(FileManager.default.fileExists(atPath: partial.appendingPathComponent("calibration.sqlite").path))

        let resumed = try Sinergi.run(arguments + ["--resume", partial.path])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let whole = root.appendingPathComponent("whole")
        let reference = try Sinergi.run(arguments + ["--into", whole.path])
        #expect(reference.status == 0, "\(reference.stderr)")
        for name in ["posterior.csv", "generations.csv", "predictive.csv"] {
            #expect(
                try Data(contentsOf: target.appendingPathComponent(name))
                    == Data(contentsOf: whole.appendingPathComponent(name)), "\(name) differs after resuming")
        }
    }

    @Test func aFactorTheTextCannotTakeGivesTheResolvedScenario() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("cal")
        // Diskominfo's hr is written as a distribution, {uniform: [0.5, 0.9]}: not one number
        // to replace in the text.
        let result = try Sinergi.run([
            "calibrate", Self.targets, "--factor", "governments[Kota Contoh].agencies[Diskominfo].hr=0.5:0.9",
            "--particles", "4", "--max-generations", "1", "--replicates", "1", "--seed", "3", "--quiet", "--into",
            folder.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let calibrated = try String(contentsOf: folder.appendingPathComponent("calibrated.yaml"), encoding: .utf8)
        #expect(calibrated.contains("the resolved scenario"))
        #expect(!calibrated.contains("# posterior median (sinergi calibrate)"))
        let check = try Sinergi.run(["validate", folder.appendingPathComponent("calibrated.yaml").path])
        #expect(check.status == 0, "\(check.stderr)")
    }

    /// A targets file for the classroom scenario with `observation` as its one observation.
    static func targetsFile(_ observation: String, in folder: URL) throws -> String {
        let scenario = Sinergi.packageRoot.appendingPathComponent("Scenarios/classroom.yaml").path
        let text = "targets: 1\nscenario: \(scenario)\nobservations:\n" + observation
        let url = folder.appendingPathComponent("targets.yaml")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static let good = """
          - name: index
            outcome: spbe
            statistic: mean
            scope: region
            month: 24
            value: 2.4
            sd: 0.1
            source: test

        """

    @Test(arguments: [
        (
            good.replacingOccurrences(of: "outcome: spbe", with: "outcome: spbee"),
            "targets.yaml:5:14: error: unknown outcome 'spbee'"
        ),
        (good.replacingOccurrences(of: "outcome: spbe", with: "outcome: gain"), "has no monthly value"),
        (
            good.replacingOccurrences(of: "scope: region", with: "scope: Kota Contho"),
            "no government 'Kota Contho'; did you mean 'Kota Contoh'?"
        ),
        (
            good.replacingOccurrences(of: "month: 24", with: "month: 61"),
            "targets.yaml:8:12: error: month 61 is past the scenario's last month, 60"
        ),
        (
            good.replacingOccurrences(of: "sd: 0.1", with: "sd: 0"),
            "targets.yaml:10:9: error: 'sd' must be a number > 0, got 0"
        ),
        (
            good.replacingOccurrences(of: "statistic: mean", with: "statistic: share_at_least"),
            "missing required key 'threshold'"
        ),
        ("  - 5\n", "targets.yaml:4:5: error: expected an observation (a mapping), got number 5"),
    ])
    func aBadTargetsFileIsOneErrorAndWritesNothing(observation: String, message: String) throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = try Self.targetsFile(observation, in: root)
        let out = root.appendingPathComponent("out")
        let result = try Sinergi.run([
            "calibrate", path, "--factor", "parameters.trust.build=0.02:0.2", "--out", out.path,
        ])
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aTargetOutOfReachIsNamed() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        // The classroom's index cannot rise from about 1.5 to 4.9 in two years at any
        // trust-building rate: the distances stop falling far above the target's sd.
        let far = Self.good.replacingOccurrences(of: "name: index", with: "name: far index")
            .replacingOccurrences(of: "value: 2.4", with: "value: 4.9")
        let near = Self.good.replacingOccurrences(of: "name: index", with: "name: start index")
            .replacingOccurrences(of: "month: 24", with: "month: 0").replacingOccurrences(
                of: "value: 2.4", with: "value: 1.5"
            )
            .replacingOccurrences(of: "sd: 0.1", with: "sd: 0.5")
        let path = try Self.targetsFile(far + near, in: root)
        let result = try Sinergi.run([
            "calibrate", path, "--factor", "parameters.trust.build=0.02:0.2", "--particles", "8", "--max-generations",
            "10", "--min-acceptance", "0.2", "--replicates", "1", "--seed", "1", "--into",
            root.appendingPathComponent("run").path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: target 'far index' cannot be reached"), "\(result.stderr)")
        #expect(!result.stderr.contains("target 'start index'"), "\(result.stderr)")
        let manifest = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: root.appendingPathComponent("run/manifest.json"))) as? [String: Any])
        let calibration = try #require(manifest["calibration"] as? [String: Any])
        #expect(calibration["unreachable"] as? [String] == ["far index"])
    }

    @Test func anEmptyObservationListAndAnUnknownFactorAreRefused() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let scenario = Sinergi.packageRoot.appendingPathComponent("Scenarios/classroom.yaml").path
        let empty = root.appendingPathComponent("empty.yaml")
        try Data("targets: 1\nscenario: \(scenario)\nobservations: []\n".utf8).write(to: empty)
        let out = root.appendingPathComponent("out")
        let result = try Sinergi.run([
            "calibrate", empty.path, "--factor", "parameters.trust.build=0.02:0.2", "--out", out.path,
        ])
        #expect(result.status == 64)
        #expect(result.stderr.contains("empty.yaml:3:15: error: 'observations' is empty"), "\(result.stderr)")

        let path = try Self.targetsFile(Self.good, in: root)
        let unknown = try Sinergi.run([
            "calibrate", path, "--factor", "parameters.trust.buidl=0.02:0.2", "--out", out.path,
        ])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("did you mean 'parameters.trust.build'?"), "\(unknown.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}

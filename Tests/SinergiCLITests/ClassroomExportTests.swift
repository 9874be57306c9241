import Foundation
import SinergiClassroom
import SinergiScenario
import Testing

/// The classroom promise: the same seed and settings on the page and in `sinergi run` give
/// the same trajectory.
@Suite struct ClassroomExportTests {
    /// Values of `metric` for government `government` by month, from timeseries.csv (the
    /// mean column; with one replicate it is the replicate's value).
    func series(_ csv: String, government: String, metric: String) -> [Int: Double] {
        var values: [Int: Double] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 8, fields[1] == government, fields[2] == metric,
                let month = Int(fields[0]), let value = Double(fields[3])
            else { continue }
            values[month] = value
        }
        return values
    }

    @Test func theExportedSessionRunsToTheSameTrajectoryWithSinergiRun() throws {
        let scenario = try ScenarioLoader.load(
            path: Sinergi.packageRoot.appendingPathComponent("Scenarios/classroom.yaml").path)
        let classroom = try ClassroomScenario(scenario)
        let seed: UInt64 = 42
        let session = try ClassroomSession(
            id: "ACCEPT", scenario: classroom,
            settings: ClassroomSettings(
                seed: seed, constructs: ["ego": 0.75, "champion": 0.5, "budget": 0.6, "hr": 0.45, "legacyLockIn": 0.9],
                levers: [
                    "external_mandate": LeverSetting(intensity: 0.5), "coordination_team": LeverSetting(intensity: 0.4),
                ],
                participation: true))
        let finance = try session.addPlayer(government: 0, agency: 2, name: "Ani")
        let planning = try session.addPlayer(government: 0, agency: 1, name: "Budi")
        let planning2 = try session.addPlayer(government: 0, agency: 1, name: "Citra")
        _ = try session.step(months: 6)
        try session.setStance(token: finance, month: 6, Stance(training: true, commitBudget: true))
        try session.setStance(token: planning, month: 6, Stance(commitBudget: true))
        try session.setStance(token: planning2, month: 6, Stance(training: nil, commitBudget: true))
        try session.setLever("regulation_integration", on: true, intensity: 0.6)
        _ = try session.step(months: 6)
        try session.setLever("training", on: true, intensity: 0.7)
        try session.setLever("infrastructure", on: true, intensity: 0.3)
        _ = try session.step(months: 12)
        try session.setStance(token: planning, month: 24, Stance(training: true))
        try session.setLever("training", on: false)
        _ = try session.step(months: 12)
        try session.setLever("coordination_team", on: false)
        while !session.isFinished { _ = try session.step(months: 12) }
        let frames = session.frames
        #expect(frames.count == 61)
        #expect(session.choices.count == 3)

        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("session.yaml")
        try session.exportYAML().write(to: file, atomically: true, encoding: .utf8)
        let out = root.appendingPathComponent("out")
        let result = try Sinergi.run([
            "run", file.path, "--replicates", "1", "--seed", "\(seed)", "--out", out.path, "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let slugFolder = try #require(try FileManager.default.contentsOfDirectory(atPath: out.path).first)
        let runs = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent(slugFolder).path)
            .filter { $0 != "latest" }
        let folder = out.appendingPathComponent(slugFolder).appendingPathComponent(try #require(runs.first))
        let csv = try String(contentsOf: folder.appendingPathComponent("timeseries.csv"), encoding: .utf8)

        let name = scenario.input.governments[0].name
        let columns: [(String, (Frame) -> Double)] = [
            ("spbe", { $0.governments[0].spbe }),
            ("adoption", { $0.governments[0].adoption }),
            ("mean_trust", { $0.governments[0].meanTrust }),
            ("mean_effort", { $0.governments[0].meanEffort }),
        ]
        for (metric, value) in columns {
            let printed = series(csv, government: name, metric: metric)
            #expect(printed.count == 61, "\(metric): one row per month 0 … 60")
            for frame in frames {
                // timeseries.csv prints the shortest text that reads back as the same Double.
                #expect(printed[frame.month] == value(frame), "\(metric) at month \(frame.month)")
            }
        }
    }

    /// The scenario file a session exports keeps the scenario's `policies:`: it validates and
    /// `sinergi compare` on it sets the same packages against the session's baseline.
    @Test func theExportedSessionValidatesAndComparesTheSamePackages() throws {
        let scenario = try ScenarioLoader.load(
            path: Sinergi.packageRoot.appendingPathComponent("Scenarios/classroom.yaml").path)
        let session = try ClassroomSession(
            id: "PACKAGES", scenario: ClassroomScenario(scenario), settings: ClassroomSettings(seed: 8))
        try session.setLever("coordination_team", on: true, intensity: 0.5)
        _ = try session.step(months: 2)
        let out = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let file = out.appendingPathComponent("session.yaml")
        try session.exportYAML().write(to: file, atomically: true, encoding: .utf8)

        let validation = try Sinergi.run(["validate", file.path])
        #expect(validation.status == 0, "\(validation.stdout)\(validation.stderr)")
        let result = try Sinergi.run(["compare", file.path, "-r", "4", "--quiet", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = try #require(
            FileManager.default.subpathsOfDirectory(atPath: out.path).first { $0.hasSuffix("comparison.csv") })
        let csv = try String(contentsOf: out.appendingPathComponent(folder), encoding: .utf8)
        let compared = Set(csv.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) })
        #expect(compared == Set(scenario.policies.map(\.name)))
        #expect(compared.count >= 2)
    }
}

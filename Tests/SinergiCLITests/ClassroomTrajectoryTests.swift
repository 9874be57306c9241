import Foundation
import SinergiClassroom
import SinergiScenario
import Testing

/// One replicate runner behind every command: the classroom's live run of a scenario (a
/// session with nobody playing, stepped a month at a time, all governments together) and
/// `sinergi run` of the same scenario and seed (one replicate, each government through all
/// its months in turn, on the engine's workers) follow the same month-by-month trajectory.
@Suite struct ClassroomTrajectoryTests {
    struct Case: Sendable, CustomStringConvertible {
        var scenario: String
        var seed: UInt64
        var description: String { "\(scenario) seed \(seed)" }
    }

    /// The fields of one CSV line (RFC 4180 quoting).
    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = [], field = "", quoted = false, previous: Character? = nil
        for character in line {
            if character == "\"" {
                if quoted && previous == "\"" { field.append("\"") }
                quoted.toggle()
            } else if character == "," && !quoted {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
            previous = character
        }
        fields.append(field)
        return fields
    }

    /// timeseries.csv's mean column by government, metric and month (with one replicate,
    /// the replicate's value); the per-month predicate shares are left out.
    static func trajectories(_ csv: String) -> [String: [String: [Int: Double]]] {
        var values: [String: [String: [Int: Double]]] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let row = fields(line)
            guard row.count == 8, !row[2].hasPrefix("share_"), let month = Int(row[0]), let mean = Double(row[3])
            else { continue }
            values[row[1], default: [:]][row[2], default: [:]][month] = mean
        }
        return values
    }

    @Test(arguments: [Case(scenario: "classroom", seed: 7), Case(scenario: "jambi-province-2018", seed: 2018)])
    func theClassroomsLiveRunFollowsSinergiRun(_ test: Case) throws {
        let path = "Scenarios/\(test.scenario).yaml"
        let scenario = try ScenarioLoader.load(path: Sinergi.packageRoot.appendingPathComponent(path).path)
        let session = try ClassroomSession(
            id: "TRAJECT", scenario: try ClassroomScenario(scenario), settings: ClassroomSettings(seed: test.seed))
        while !session.isFinished { _ = try session.step(months: 12) }
        let frames = session.frames
        #expect(frames.map(\.month) == Array(0...scenario.input.months))

        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try Sinergi.run([
            "run", path, "--replicates", "1", "--seed", "\(test.seed)", "--threads", "2", "--out", root.path, "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("Results: ") })
        let folder = URL(fileURLWithPath: String(line.dropFirst("Results: ".count)))
        let printed = Self.trajectories(
            try String(contentsOf: folder.appendingPathComponent("timeseries.csv"), encoding: .utf8))

        let names = scenario.input.governments.map(\.name)
        #expect(printed.keys.sorted() == (names + (names.count > 1 ? ["Region"] : [])).sorted())
        if names.count > 1 {
            // The Region's index is the mean over the live governments each month.
            let region = printed["Region"]?["spbe"] ?? [:]
            for frame in frames {
                let mean = frame.governments.reduce(0.0) { $0 + $1.spbe } / Double(names.count)
                #expect(region[frame.month]?.bitPattern == mean.bitPattern, "\(test) Region spbe month \(frame.month)")
            }
        }
        for (g, government) in scenario.input.governments.enumerated() {
            var live: [(String, (Frame) -> Double)] = [
                ("mean_maturity", { $0.governments[g].meanMaturity }), ("spbe", { $0.governments[g].spbe }),
                ("mean_trust", { $0.governments[g].meanTrust }),
                ("mean_commitment", { $0.governments[g].meanCommitment }),
                ("mean_effort", { $0.governments[g].meanEffort }),
                ("understanding", { $0.governments[g].understanding }), ("adoption", { $0.governments[g].adoption }),
                ("internet_access", { $0.governments[g].internetAccess }),
            ]
            for (k, initiative) in government.initiatives.enumerated() {
                live.append(("progress:\(initiative.name)", { $0.governments[g].initiatives[k].progress }))
            }
            let series = printed[government.name] ?? [:]
            // Every series the run writes is compared.
            #expect(series.keys.sorted() == live.map(\.0).sorted(), "\(government.name)")
            for (metric, value) in live {
                let months = series[metric] ?? [:]
                #expect(months.count == frames.count, "\(government.name) \(metric): one row per month")
                for frame in frames {
                    // timeseries.csv prints the shortest text that reads back as the same Double.
                    #expect(
                        months[frame.month]?.bitPattern == value(frame).bitPattern,
                        "\(test) \(government.name) \(metric) month \(frame.month)")
                }
            }
        }
    }
}

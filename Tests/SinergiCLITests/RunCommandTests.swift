import Foundation
import Testing

/// `sinergi run` on the shipped scenarios, as a new user runs it.
@Suite struct RunCommandTests {
    static let dataFiles = ["replicates.csv", "timeseries.csv", "summary.csv"]

    /// The single run folder below `root/slug`.
    func runFolder(_ root: URL, slug: String) throws -> URL {
        let parent = root.appendingPathComponent(slug)
        let entries = try FileManager.default.contentsOfDirectory(atPath: parent.path)
            .filter { $0 != "latest" }
        #expect(entries.count == 1, "exactly one complete run folder and no .partial left: \(entries)")
        return parent.appendingPathComponent(try #require(entries.first))
    }

    @Test func classroomWritesFourFilesByteIdenticalForAnyThreadCount() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var contents: [[Data]] = []
        for threads in [1, 2, 3] {
            let out = root.appendingPathComponent("t\(threads)")
            let result = try Sinergi.run([
                "run", "Scenarios/classroom.yaml", "--replicates", "120", "--seed", "1",
                "--threads", "\(threads)", "--out", out.path,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            let folder = try runFolder(out, slug: "classroom")
            #expect(result.stdout.contains("Results: \(folder.path)"))
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            #expect(names == ["manifest.json", "replicates.csv", "report.html", "summary.csv", "timeseries.csv"])
            contents.append(try Self.dataFiles.map { try Data(contentsOf: folder.appendingPathComponent($0)) })

            let manifest =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: folder.appendingPathComponent("manifest.json"))) as? [String: Any]
            #expect(manifest?["replicates"] as? Int == 120)
            #expect(manifest?["threads"] as? Int == threads)
            #expect(manifest?["status"] as? String == "complete")
            let randomness = manifest?["randomness"] as? [String: Any]
            #expect(randomness?["masterSeed"] as? String == "1", "a 64-bit seed is written as a string")
            #expect(randomness?["algorithm"] as? String == "xoshiro256++")
        }
        #expect(contents[0] == contents[1])
        #expect(contents[0] == contents[2])

        let replicates = String(decoding: contents[0][0], as: UTF8.self).split(separator: "\n")
        #expect(replicates.count == 1 + 120, "a header and one row per replicate of the one government")
    }

    @Test func anotherSeedGivesOtherData() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var replicates: [Data] = []
        for seed in [1, 2] {
            let out = root.appendingPathComponent("s\(seed)")
            let result = try Sinergi.run([
                "run", "Scenarios/classroom.yaml", "-r", "20", "-s", "\(seed)", "-o", out.path, "-q",
            ])
            #expect(result.status == 0)
            replicates.append(
                try Data(contentsOf: runFolder(out, slug: "classroom").appendingPathComponent("replicates.csv")))
        }
        #expect(replicates[0] != replicates[1])
    }

    /// Seed 000, Table 2: the SPBE index 2018 of the governments that reported one.
    static let reported2018: [String: Double] = [
        "Jambi Province": 1.79, "Jambi City": 2.20, "Muaro Jambi Regency": 1.22,
        "East Tanjung Jabung Regency": 1.67, "West Tanjung Jabung Regency": 1.40, "Batanghari Regency": 2.20,
        "Tebo Regency": 1.27, "Sarolangun Regency": 1.87, "Merangin Regency": 1.65, "Sungai Penuh City": 1.97,
    ]

    @Test func jambiStartsAtTheReported2018Index() throws {
        let out = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Sinergi.run([
            "run", "Scenarios/jambi-province-2018.yaml", "-r", "40", "-s", "7", "-o", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        for name in Self.reported2018.keys.sorted() + ["Bungo Regency", "Kerinci Regency", "Region"] {
            #expect(result.stdout.contains(name), "the table has a row for \(name)")
        }
        let csv = try String(
            contentsOf: runFolder(out, slug: "jambi-province-2018").appendingPathComponent("replicates.csv"),
            encoding: .utf8)
        let lines = csv.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = lines[0]
        let government = try #require(header.firstIndex(of: "government"))
        let initial = try #require(header.firstIndex(of: "initial_spbe"))
        var checked = 0
        for row in lines.dropFirst() {
            guard let target = Self.reported2018[row[government]] else { continue }
            let value = try #require(Double(row[initial]))
            #expect(abs(value - target) < 1e-9, "\(row[government]): \(value) ≠ \(target)")
            checked += 1
        }
        #expect(checked == 40 * Self.reported2018.count)
    }

    @Test func validateAcceptsTheShippedScenarios() throws {
        let result = try Sinergi.run(["validate", "Scenarios/classroom.yaml", "Scenarios/jambi-province-2018.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Scenarios/classroom.yaml: ok"))
        #expect(result.stdout.contains("Scenarios/jambi-province-2018.yaml: ok — 12 governments"))
    }
}

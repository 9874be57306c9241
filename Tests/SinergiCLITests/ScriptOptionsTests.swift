import Foundation
import Testing

/// `--name`, `--no-report` and `--json` on `run` and `compare`: what a script needs to find
/// and read the results without parsing the console table.
@Suite struct ScriptOptionsTests {
    /// Two small cities with one package, so the results have a Region row and effects.
    static let twoCities = """
        sinergi: 1
        name: Two cities
        start: {year: 2018, month: 1}
        months: 12
        seed: 1
        replicates: 10
        governments:
          - name: Kota A
            kind: city
            agencies:
              - {name: Diskominfo, sector: communication}
              - {name: Bappeda, sector: planning}
            initiatives:
              - {name: e-planning, partners: [Bappeda, Diskominfo]}
          - name: Kota B
            kind: city
            agencies:
              - {name: Diskominfo, sector: communication}
              - {name: BPKAD, sector: finance}
            initiatives:
              - {name: e-budgeting, partners: [BPKAD, Diskominfo]}
        policies:
          champion:
            - {lever: champion, intensity: 0.6, costPerMonth: 5}
        """

    func scenario(in root: URL) throws -> URL {
        let url = root.appendingPathComponent("two-cities.yaml")
        try Self.twoCities.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The rows of summary.csv as government → outcome → (mean, ci95_low, ci95_high).
    func summaryCSV(_ url: URL) throws -> [String: [String: [Double]]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = try #require(lines.first)
        let g = try #require(header.firstIndex(of: "government")), o = try #require(header.firstIndex(of: "outcome"))
        let m = try #require(header.firstIndex(of: "mean")), lo = try #require(header.firstIndex(of: "ci95_low"))
        let hi = try #require(header.firstIndex(of: "ci95_high"))
        var rows: [String: [String: [Double]]] = [:]
        for line in lines.dropFirst() {
            rows[line[g], default: [:]][line[o]] = [line[m], line[lo], line[hi]].map { Double($0) ?? .nan }
        }
        return rows
    }

    @Test func runWithNameNoReportAndJSON() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let result = try Sinergi.run([
            "run", try scenario(in: root).path, "--name", "first try", "--no-report", "--json", "--seed",
            "18446744073709551557", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = out.appendingPathComponent("two-cities/first try")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["manifest.json", "replicates.csv", "summary.csv", "timeseries.csv"], "no report.html")
        let manifest = try json(String(contentsOf: folder.appendingPathComponent("manifest.json"), encoding: .utf8))
        #expect(manifest["report"] as? Bool == false, "the manifest says the report was skipped")

        // stdout is exactly one JSON object.
        #expect(result.stdout.split(separator: "\n").count == 1, "\(result.stdout)")
        let summary = try json(result.stdout)
        #expect(summary["folder"] as? String == folder.path)
        #expect(summary["status"] as? String == "complete")
        #expect(summary["replicates"] as? Int == 10)
        #expect(summary["seed"] as? String == "18446744073709551557", "a 64-bit seed as a string, every digit")
        #expect(summary["report"] is NSNull)
        let outcomes = try #require(summary["outcomes"] as? [String: [String: [String: Any]]])
        #expect(Set(outcomes.keys) == ["Kota A", "Kota B", "Region"])
        // Every estimate is the mean and CI summary.csv holds for the same row.
        let csv = try summaryCSV(folder.appendingPathComponent("summary.csv"))
        #expect(Set(csv.keys) == Set(outcomes.keys))
        for (government, rows) in csv {
            for (outcome, values) in rows {
                let estimate = try #require(outcomes[government]?[outcome], "\(government) \(outcome)")
                let ci = estimate["ci95"] as? [Any]
                let printed = [estimate["mean"], ci?.first, ci?.last].map { ($0 as? Double) ?? .nan }
                for (a, b) in zip(printed, values) where !(a.isNaN && b.isNaN) {
                    #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "\(government) \(outcome): \(printed) vs \(values)")
                }
            }
        }
    }

    @Test func compareJSONHasEffectsPerGovernment() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let result = try Sinergi.run([
            "compare", try scenario(in: root).path, "--name", "cmp", "--json", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = out.appendingPathComponent("two-cities/cmp")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.html").path))
        let summary = try json(result.stdout)
        #expect(summary["command"] as? String == "compare")
        #expect(summary["report"] as? String == folder.appendingPathComponent("report.html").path)
        #expect(summary["seed"] as? String == "1")
        #expect(summary["policies"] as? [String] == ["champion"])
        let effects = try #require(summary["effects"] as? [String: [String: [String: [String: Any]]]])
        #expect(Set(effects["champion"]?.keys.map { $0 } ?? []) == ["Kota A", "Kota B", "Region"])
        let spbe = try #require(effects["champion"]?["Region"]?["final_spbe"])
        let ci = try #require(spbe["ci95"] as? [Double])
        let difference = try #require(spbe["difference"] as? Double)
        #expect(ci[0] <= difference && difference <= ci[1])
    }

    @Test func aTakenNameIsAUsageErrorAndNothingIsWritten() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let path = try scenario(in: root).path
        let first = try Sinergi.run(["run", path, "--name", "same", "-q", "--out", out.path])
        #expect(first.status == 0, "\(first.stderr)")
        let before = Sinergi.files(below: out)
        let manifest = try Data(contentsOf: out.appendingPathComponent("two-cities/same/manifest.json"))
        for command in ["run", "compare"] {
            let second = try Sinergi.run([command, path, "--name", "same", "-q", "--out", out.path])
            #expect(second.status == 64, "\(command): \(second.stderr)")
            #expect(second.stderr.contains("exists already"), "\(second.stderr)")
            #expect(second.stdout.isEmpty)
        }
        #expect(Sinergi.files(below: out) == before, "nothing was written")
        #expect(try Data(contentsOf: out.appendingPathComponent("two-cities/same/manifest.json")) == manifest)
    }

    @Test(arguments: ["", "a/b", ".hidden", "..", "tab\there", "bell\u{7}"])
    func badNamesAreUsageErrors(name: String) throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let result = try Sinergi.run(["run", "Scenarios/classroom.yaml", "--name", name, "-r", "2", "--out", out.path])
        #expect(result.status == 64, "\(name.debugDescription): \(result.stderr)")
        #expect(result.stderr.contains("--name"))
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing written")
    }
}

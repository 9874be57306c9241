import Foundation
import Testing

/// `sinergi compare` through the built binary, as policy staff would run it.
@Suite struct CompareCommandTests {
    /// The ranked table and one plain sentence per package on stdout, the folder with its
    /// files, exit 0.
    @Test func printsARankedTableAndWritesTheFolder() throws {
        let out = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Sinergi.run(["compare", "Scenarios/classroom.yaml", "--replicates", "60", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let packages = ["training", "staff-retention", "champion", "legacy-migration"]
        // One ranked row per package, numbered 1…4, then one numbered plain sentence per
        // package in the same order.
        let rows = lines.filter { $0.first?.isNumber == true && $0.contains("] ") }
        #expect(rows.count == 4, "\(result.stdout)")
        #expect(rows.map { String($0.prefix(1)) } == ["1", "2", "3", "4"])
        let sentences = lines.filter { $0.first?.isNumber == true && $0.contains("simulated futures") }
        #expect(sentences.count == 4)
        func package(in line: String) -> String? {
            packages.first { line.contains(" \($0) ") || line.contains(" \($0),") }
        }
        #expect(rows.map(package) == sentences.map(package))
        #expect(Set(rows.compactMap(package)) == Set(packages))
        let folder = out.appendingPathComponent("classroom/latest-compare")
        for file in ["comparison.csv", "effects-over-time.csv", "replicates.csv", "report.html", "manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(file)")
        }
        #expect(result.stdout.contains("Results: \(out.path)/classroom/compare-"))
        #expect(!Sinergi.files(below: out).contains { $0.contains(".partial") })
    }

    /// --policies picks packages in the order given; the rest are not run.
    @Test func policiesOptionChoosesPackages() throws {
        let out = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Sinergi.run([
            "compare", "Scenarios/classroom.yaml", "--policies", "champion,training",
            "-r", "20", "--quiet", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let csv = try String(
            contentsOf: out.appendingPathComponent("classroom/latest-compare/comparison.csv"), encoding: .utf8)
        var policies: [String] = []
        for line in csv.split(separator: "\n").dropFirst() {
            let policy = String(line.split(separator: ",")[0])
            if policies.last != policy { policies.append(policy) }
        }
        #expect(policies == ["champion", "training"])
        #expect(
            result.stdout == "Results: \(out.path)/classroom/\(try latestName(out))\n", "--quiet prints only the folder"
        )
    }

    func latestName(_ out: URL) throws -> String {
        try FileManager.default.destinationOfSymbolicLink(
            atPath: out.appendingPathComponent("classroom/latest-compare").path)
    }

    /// A misspelt package is a usage error with a suggestion; nothing is written.
    @Test func unknownPackageIsAUsageErrorWithASuggestion() throws {
        let out = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Sinergi.run([
            "compare", "Scenarios/classroom.yaml", "--policies", "trainig", "--out", out.path,
        ])
        #expect(result.status == 64)
        #expect(result.stderr == "error: no policy package 'trainig'; did you mean 'training'?\n")
        #expect(Sinergi.files(below: out).isEmpty)
    }

    /// A scenario without packages has nothing to compare: exit 64, a pointer to the format.
    @Test func scenarioWithoutPackagesIsRejected() throws {
        let out = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let text = try String(
            contentsOf: Sinergi.packageRoot.appendingPathComponent("Scenarios/classroom.yaml"), encoding: .utf8)
        let scenario = out.appendingPathComponent("no-policies.yaml")
        try String(text[..<text.range(of: "\npolicies:")!.lowerBound]).write(
            to: scenario, atomically: true, encoding: .utf8)
        let result = try Sinergi.run(["compare", scenario.path, "--out", out.appendingPathComponent("r").path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("has no policy packages to compare; add a 'policies:' block"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("r").path))
    }

    @Test(arguments: [
        ["compare"],
        ["compare", "Scenarios/classroom.yaml", "--replicates", "0"],
        ["compare", "Scenarios/classroom.yaml", "--rank-by", "happiness"],
        ["compare", "Scenarios/classroom.yaml", "--precision", "0.1", "--metric", "equity"],
        ["compare", "Scenarios/classroom.yaml", "--precision", "0.1", "--replicates", "10"],
        ["compare", "Scenarios/classroom.yaml", "--policies", ","],
        ["compare", "Scenarios/classroom.yaml", "--policies", "training,training"],
    ])
    func usageErrorsExitWith64(_ arguments: [String]) throws {
        let out = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Sinergi.run(arguments + ["--out", out.path])
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(result.stderr.lowercased().contains("error"))
        #expect(Sinergi.files(below: out).isEmpty)
    }
}

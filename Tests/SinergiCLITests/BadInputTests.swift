import Foundation
import Testing

/// Bad input gets a clear error and loses nothing: every broken scenario of the scenario
/// tests, run through the real binary, prints exactly its expected diagnostics, exits 1
/// and writes nothing.
@Suite struct BadInputTests {
    static var brokenCases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Sinergi.brokenDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".expected") }.map { String($0.dropLast(".expected".count)) }.sorted()
    }

    @Test func thereAreAtLeastTwelveKindsOfBrokenFile() {
        #expect(Self.brokenCases.count >= 12)
    }

    @Test(arguments: brokenCases)
    func runRejectsBrokenScenario(_ name: String) throws {
        let path = Sinergi.brokenDirectory.appendingPathComponent("\(name).yaml").path
        let expectedText = try String(
            contentsOf: Sinergi.brokenDirectory.appendingPathComponent("\(name).expected"), encoding: .utf8)
        let expected = expectedText.replacingOccurrences(of: "FILE", with: path)
        let count = expected.split(separator: "\n").count
        let out = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }

        let result = try Sinergi.run(["run", path, "--out", out.path, "--replicates", "3"])
        #expect(result.status == 1)
        #expect(
            result.stderr == expected + "\(path): \(count) error\(count == 1 ? "" : "s"); nothing was run or written\n")
        #expect(result.stdout.isEmpty)
        #expect(Sinergi.files(below: out).isEmpty, "a rejected scenario must write nothing")

        let validation = try Sinergi.run(["validate", path])
        #expect(validation.status == 1)
        #expect(validation.stderr.hasPrefix(expected))
    }

    @Test(arguments: [
        ["run", "Scenarios/classroom.yaml", "--replicates", "0"],
        ["run", "Scenarios/classroom.yaml", "--threads", "0"],
        ["run", "Scenarios/classroom.yaml", "--threads", "100000"],
        ["compare", "Scenarios/classroom.yaml", "--threads", "100000"],
        ["run", "Scenarios/classroom.yaml", "--precision", "inf"],
        ["run", "Scenarios/classroom.yaml", "--precision", "nan"],
        ["run", "Scenarios/classroom.yaml", "--precision", "0.01", "--batch", "1000000000"],
        ["run", "Scenarios/classroom.yaml", "--seed", "minus-one"],
        ["run", "Scenarios/classroom.yaml", "--no-such-option"],
        ["validate"],
        ["frobnicate"],
    ])
    func usageErrorsExitWith64(_ arguments: [String]) throws {
        let out = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Sinergi.run(
            arguments
                + (["run", "compare"].contains(arguments.first) && arguments.count > 1 ? ["--out", out.path] : []))
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("Error:") || result.stderr.contains("error"), "a usage error says what is wrong")
        #expect(Sinergi.files(below: out).isEmpty)
    }

    @Test func unreachableInitialIndexFailsTheRunAndWritesNothing() throws {
        let folder = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("unreachable.yaml")
        try """
        sinergi: 1
        name: Unreachable
        governments:
          - name: Kota Tinggi
            initialSpbe: 4.9
            agencies: [{name: Diskominfo, sector: communication}]
            initiatives: [{name: complaints, partners: [Diskominfo], citizenFacing: true}]
        """.write(to: scenario, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let result = try Sinergi.run(["run", scenario.path, "--out", out.path, "--replicates", "4"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("initialSpbe 4.9 of 'Kota Tinggi' cannot be reached"))
        #expect(Sinergi.files(below: out).isEmpty)
    }
}

/// Names come from files: a control character in one is shown escaped on the terminal, and a
/// name a spreadsheet would run as a formula stays text in the CSV files.
@Suite struct HostileNameTests {
    @Test func controlCharactersAreEscapedAndFormulasNeutralised() throws {
        let folder = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try String(
            contentsOf: Sinergi.packageRoot.appendingPathComponent("Scenarios/classroom.yaml"), encoding: .utf8)
        // A YAML double-quoted string: \e is ESC, so the name clears the screen when obeyed.
        let hostile = original.replacingOccurrences(
            of: "  - name: Kota Contoh", with: "  - name: \"=Kota\\e[2J Contoh\"")
        #expect(hostile != original)
        let scenario = folder.appendingPathComponent("hostile.yaml")
        try hostile.write(to: scenario, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let result = try Sinergi.run(["run", scenario.path, "--replicates", "4", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.unicodeScalars.contains("\u{1B}"), "no raw escape character reaches the terminal")
        #expect(result.stdout.contains("=Kota\\u{1b}[2J Contoh"))
        let summary = try #require(Sinergi.files(below: out).first { $0.hasSuffix("summary.csv") })
        let text = try String(contentsOf: out.appendingPathComponent(summary), encoding: .utf8)
        #expect(text.contains("\n'=Kota\u{1B}[2J Contoh,"), "the CSV keeps the name, as text")
    }
}

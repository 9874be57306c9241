import Foundation
import SinergiScenario
import Testing

/// Every `Broken/NAME.expected` holds the exact diagnostics (as the command line prints them
/// on stderr, one per line, ending with a newline) of loading `Broken/NAME.yaml`, with the
/// path written as the token `FILE`. `NAME.yaml` may be missing or a directory on purpose.
@Suite struct BrokenScenarioTests {
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.brokenDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".expected") }.map { String($0.dropLast(".expected".count)) }.sorted()
    }()

    @Test(arguments: cases)
    func reportsExactlyTheExpectedDiagnostics(_ name: String) throws {
        let path = Fixtures.brokenDirectory.appendingPathComponent("\(name).yaml").path
        let expected = try String(
            contentsOf: Fixtures.brokenDirectory.appendingPathComponent("\(name).expected"), encoding: .utf8)
        let actual = try #require(Fixtures.diagnostics(loading: path), "\(name).yaml loaded without errors")
        #expect(actual + "\n" == expected.replacingOccurrences(of: "FILE", with: path))
    }

    @Test func everyBrokenFileHasItsExpectedOutput() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.brokenDirectory.path)
        for name in names where name.hasSuffix(".yaml") {
            #expect(Self.cases.contains(String(name.dropLast(".yaml".count))), "\(name) has no .expected")
        }
        #expect(Self.cases.count >= 14)
    }

    @Test func theMissingFileReallyIsMissing() {
        let path = Fixtures.brokenDirectory.appendingPathComponent("missing-file.yaml").path
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func parseReportsTheSamePathItWasGiven() {
        let text = "sinergi: 1\nname: x\ngovernments: []\n"
        #expect(
            Fixtures.diagnostics(parsing: text, path: "some/where.yaml")
                == "some/where.yaml:3:14: error: 'governments' must list at least one government")
    }

    @Test func diagnosticsAreSortedByLineThenColumn() throws {
        let path = Fixtures.brokenDirectory.appendingPathComponent("several-errors.yaml").path
        do {
            _ = try ScenarioLoader.load(path: path)
            Issue.record("several-errors.yaml loaded")
        } catch {
            let positions = error.diagnostics.map { [$0.line, $0.column] }
            #expect(positions == positions.sorted { $0.lexicographicallyPrecedes($1) })
            #expect(error.diagnostics.count > 10)
            #expect(error.diagnostics.allSatisfy { $0.file == path })
        }
    }

    @Test func diagnosticDescriptionIsCompilerStyle() {
        let diagnostic = Diagnostic(file: "a.yaml", line: 3, column: 7, message: "bad")
        #expect(diagnostic.description == "a.yaml:3:7: error: bad")
        let error = ScenarioError(diagnostics: [diagnostic, diagnostic])
        #expect(error.description == "a.yaml:3:7: error: bad\na.yaml:3:7: error: bad")
    }
}

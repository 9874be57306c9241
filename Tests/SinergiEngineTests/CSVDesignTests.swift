import Foundation
import SinergiEngine
import Testing

/// `--design csv:FILE`: the user's own points, and every way the file can be wrong.
@Suite struct CSVDesignTests {
    static let factors = [try! Factor("parameters.trust.build=0:0.2"), try! Factor("months=12:60,integer")]

    /// Writes `text` to a new file and reads it as a design.
    static func read(_ text: String) throws -> (Design?, [String], String) {
        let folder = try EngineFixtures.temporaryFolder()
        let url = folder.appendingPathComponent("mine.csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            return (try CSVDesign(path: url.path).design(for: factors), [], url.path)
        } catch {
            return (nil, error.lines, url.path)
        }
    }

    @Test func columnsAreMatchedByNameInAnyOrder() throws {
        let (design, errors, _) = try Self.read("months,parameters.trust.build\n24,0.05\n36,0.1\n")
        #expect(errors.isEmpty)
        #expect(design?.points == [[0.05, 24], [0.1, 36]])
        #expect(design?.unitPoints == nil)
    }

    @Test func aWrittenDesignReadsBackExactly() throws {
        let written = try LatinHypercubeDesign(points: 16, seed: 2).design(for: Self.factors)
        let (design, errors, _) = try Self.read(written.csv)
        #expect(errors.isEmpty)
        #expect(design?.points == written.points, "the point column is ignored and every number round-trips")
        #expect(design?.csv == written.csv)
    }

    @Test func quotedNamesAndCRLF() throws {
        let factors = [try Factor("policies[a, b][0].intensity=0:1")]
        let folder = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("d.csv")
        try Data("\"policies[a, b][0].intensity\"\r\n0.5\r\n1\r\n".utf8).write(to: url)
        #expect(try CSVDesign(path: url.path).design(for: factors).points == [[0.5], [1]])
    }

    @Test func everyMistakeIsOneLineWithItsLine() throws {
        let cases: [(String, (String) -> String)] = [
            ("parameters.trust.build\n0.1\n", { "error: \($0):1: no column 'months' for the factor of that path" }),
            (
                "parameters.trust.buidl,months\n0.1,12\n",
                {
                    "error: \($0):1: column 'parameters.trust.buidl' is not a factor; did you mean 'parameters.trust.build'?"
                }
            ),
            (
                "parameters.trust.build,months\n0.1,12\n0.2,abc\n",
                { "error: \($0):3: column 'months': 'abc' is not a number" }
            ),
            (
                "parameters.trust.build,months\n0.1,12,3\n",
                { "error: \($0):2: 3 values for the 2 columns of the header" }
            ),
            (
                "parameters.trust.build,months\n0.3,12\n",
                { "error: \($0):2: column 'parameters.trust.build': 0.3 is outside the factor's range 0:0.2" }
            ),
            (
                "parameters.trust.build,months\n0.1,12.5\n",
                { "error: \($0):2: column 'months': 12.5 is not a whole number" }
            ),
            ("months,months,parameters.trust.build\n1,1,0\n", { "error: \($0):1: column 'months' appears twice" }),
            ("parameters.trust.build,months\n", { "error: \($0): the design file has no points, only a header" }),
            ("", { "error: \($0):1: the design file is empty; its first line names one column per factor" }),
        ]
        for (text, expected) in cases {
            let (design, errors, path) = try Self.read(text)
            #expect(design == nil)
            #expect(errors == [expected(path)], "\(text)")
        }
    }

    @Test func aMissingFileAndAMissingName() throws {
        #expect(throws: DesignError.file("/nonexistent/d.csv", line: nil, problem: "cannot read the design file")) {
            try CSVDesign(path: "/nonexistent/d.csv").design(for: Self.factors)
        }
        #expect(throws: DesignError.design("csv", problem: "needs a file: --design csv:FILE")) {
            try DesignMethods.method("csv", settings: DesignSettings())
        }
    }
}

import Foundation
import Testing

/// The options that name an outcome (`run --metric`, `compare --metric`, `compare --rank-by`)
/// read one list of names and give one error for a name that is not in it.
@Suite struct OutcomeOptionTests {
    static let options: [[String]] = [
        ["run", "Scenarios/classroom.yaml", "--precision", "0.1", "--metric"],
        ["compare", "Scenarios/classroom.yaml", "--precision", "0.1", "--metric"],
        ["compare", "Scenarios/classroom.yaml", "--rank-by"],
    ]

    /// The first line of stderr for `arguments + [name]`, after checking that it was a usage
    /// error that wrote nothing.
    static func error(_ arguments: [String], _ name: String) throws -> String {
        let out = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Sinergi.run(arguments + [name, "--out", out.path])
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(Sinergi.files(below: out).isEmpty)
        return String(result.stderr.split(separator: "\n").first ?? "")
    }

    @Test(arguments: ["spbee", "happiness"])
    func anUnknownNameGetsTheSameErrorFromEveryOption(_ name: String) throws {
        let errors = try Self.options.map { try Self.error($0, name) }
        #expect(Set(errors).count == 1, "\(errors)")
        #expect(errors[0].hasPrefix("Error: unknown outcome '\(name)'"))
    }

    @Test func aNearMissSuggestsTheName() throws {
        #expect(
            try Self.error(Self.options[2], "integratd")
                == "Error: unknown outcome 'integratd'; did you mean 'integrated'?")
    }

    /// `run --metric` takes every outcome; `compare` only the compared ones, and says which.
    @Test func compareTakesOnlyComparedOutcomes() throws {
        for arguments in Self.options.dropFirst() {
            let error = try Self.error(arguments, "equity")
            #expect(
                error.hasPrefix(
                    "Error: outcome 'equity' (spread of agency maturity) is not one this option takes; use spbe, gain"))
        }
        let out = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Sinergi.run([
            "run", "Scenarios/classroom.yaml", "--precision", "10", "--metric", "equity", "--min-replicates", "2",
            "--batch", "2", "--quiet", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// An alias and a column name rank the same way.
    @Test func aliasesAndColumnNamesRankAlike() throws {
        let out = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        var tables: [String] = []
        for name in ["launch", "months_to_first_launch"] {
            let result = try Sinergi.run([
                "compare", "Scenarios/classroom.yaml", "-r", "6", "--rank-by", name, "--out",
                out.appendingPathComponent(name).path,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            tables.append(
                result.stdout.split(separator: "\n").filter { $0.first?.isNumber == true }.joined(separator: "\n"))
            #expect(result.stdout.contains("Δ months to the first launch [95% CI]"))
        }
        // The timing line differs; the ranked rows and sentences do not.
        #expect(tables[0] == tables[1])
    }
}

import Foundation
import Testing

/// A scenario that needs more memory than the machine has is refused before anything is
/// allocated or written, with the estimate in the message; `validate` prints the estimate.
/// SINERGI_MEMORY_AVAILABLE stands for the machine's available memory.
@Suite struct MemoryLimitTests {
    static let network = "Scenarios/province-1m-citizens.yaml"

    @Test(arguments: [["run"], ["compare"]])
    func aStudyThatDoesNotFitIsRefused(_ command: [String]) throws {
        let out = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Sinergi.run(
            command + [Self.network, "--replicates", "2", "--threads", "2", "--out", out.path],
            environment: ["SINERGI_MEMORY_AVAILABLE": "100000000"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: not enough memory: the scenario needs about"), "\(result.stderr)")
        #expect(result.stderr.contains("with 2 threads (citizens"))
        #expect(result.stderr.contains("this machine has 95 MB available"))
        #expect(result.stderr.contains("nothing was run or written"))
        #expect(Sinergi.files(below: out).isEmpty)
    }

    @Test func validatePrintsTheEstimate() throws {
        let result = try Sinergi.run(["validate", Self.network, "Scenarios/classroom.yaml"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("  memory for a run: about") && $0.contains("(citizens 1") })
        #expect(lines.contains { $0.hasPrefix("  memory to compare every package: about") })
    }
}

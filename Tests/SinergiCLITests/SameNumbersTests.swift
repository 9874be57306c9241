import Crypto
import Foundation
import Testing

/// The numbers of the shipped scenarios, held by the SHA-256 of small runs and comparisons.
///
/// A refactoring of the study loop, the replicate runner or the writers must leave every
/// data file byte for byte as it was. When a change of numbers is deliberate (a model or
/// RNG change), update the hashes in the same commit and say why in its message.
@Suite struct SameNumbersTests {
    struct Case: Sendable, CustomStringConvertible {
        var command: String
        var scenario: String
        var replicates: Int
        /// Data file → SHA-256 (lower-case hex).
        var hashes: [String: String]
        var description: String { "\(command) \(scenario)" }
    }

    static let cases: [Case] = [
        Case(
            command: "run", scenario: "classroom", replicates: 16,
            hashes: [
                "replicates.csv": "6f881066e7d8ff6036d7a8d395c2652a0a51de9cd0ced69c256cb149df3d7d45",
                "timeseries.csv": "da5e5cf5b804a9656ff7ff9010915bdd8bf55b7e9f7a4b42d8ca53e2020fd8e5",
                "summary.csv": "71b5bd5e0342cb935cb0546871440d1cf719b620081f2d209caa2deb56a30327",
            ]),
        Case(
            command: "run", scenario: "jambi-province-2018", replicates: 16,
            hashes: [
                "replicates.csv": "b1996b1d157df0e4bf1c4cc11482c43644863b6dfc5186b9b01c730d79bdc64c",
                "timeseries.csv": "0d1a8caded9c45c64d585fc1b786fdadb34428e0b6d42918823ba7eeda55d676",
                "summary.csv": "1b7cb2e1966c5ca00ee9d256a96679481995f89aecff6b7cfb8bd97493bf0d5c",
            ]),
        Case(
            command: "run", scenario: "indonesia-548", replicates: 2,
            hashes: [
                "replicates.csv": "c710bfb0c62da6c5db9389e9d91d87b39e7f09acc8c4645ddb5e3403432c559e",
                "timeseries.csv": "720f16539ebcfbd40cfb5efd503361ceda5ad170c0e97ddb83b7b38265753bfc",
                "summary.csv": "2102e613093140c895d696edf4fac095bb236b43aaf6929732f8d261aa0a5e0a",
            ]),
        Case(
            command: "run", scenario: "province-1m-citizens", replicates: 1,
            hashes: [
                "replicates.csv": "09a0441a5f1627fb7f84d92a3cfea8d06f5d9ca816c457d73f253dfd01344e8a",
                "timeseries.csv": "4df3989e37c37d8b7ee995ada106dc826ea52036646333a736b403d1a8c9c546",
                "summary.csv": "52747130eef94b2e2af1dd679110e0a4211f69c9e41dc403b3847a47d5fbb9ef",
            ]),
        Case(
            command: "compare", scenario: "classroom", replicates: 8,
            hashes: [
                "replicates.csv": "aaa5654bd7dd406b662b50589e456a4ceeffd49290be9ce09b9162d9fada4d4f",
                "comparison.csv": "f4f37b3f7a429db68f347306bc3064888d36132718f5d5d7786f8e4e87d5391c",
                "effects-over-time.csv": "6e3182a2fd6df4c0ef76cf7602c433331e3c76844c744108374b8d8f930a500a",
            ]),
        Case(
            command: "compare", scenario: "jambi-province-2018", replicates: 8,
            hashes: [
                "replicates.csv": "366fe4a98e544e9d56446a648d40d2a1c55353465f0a5ba3544bbae7cff2259e",
                "comparison.csv": "574e3f4685a8637e3ea8fc56e3a772eb03bc0abefc5a2a86e348444de9e95a0a",
                "effects-over-time.csv": "8016ffa14177466c98ba186fb21f2e13979f9b106e15c2dacd31e1ddca5d7258",
            ]),
    ]

    @Test(arguments: cases)
    func dataFilesKeepTheirHashes(_ test: Case) throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try Sinergi.run([
            test.command, "Scenarios/\(test.scenario).yaml", "--replicates", "\(test.replicates)", "--seed", "11",
            "--threads", "2", "--out", root.path, "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("Results: ") })
        let folder = URL(fileURLWithPath: String(line.dropFirst("Results: ".count)))
        for (name, expected) in test.hashes.sorted(by: { $0.key < $1.key }) {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let actual = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
            #expect(actual == expected, "\(test): \(name) changed")
        }
    }
}

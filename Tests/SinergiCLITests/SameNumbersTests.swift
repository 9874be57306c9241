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
                "replicates.csv": "496f5d4b2f2c3b08f5419d3373e43b767c35c3022b9c41eac276013c8ddf3649",
                "timeseries.csv": "da5e5cf5b804a9656ff7ff9010915bdd8bf55b7e9f7a4b42d8ca53e2020fd8e5",
                "summary.csv": "d79ee6093e7120f6762870f3a2438391a898c2701c569dde5d877813682bbd8d",
            ]),
        Case(
            command: "run", scenario: "jambi-province-2018", replicates: 16,
            hashes: [
                "replicates.csv": "c40e67e040654441b971e98eef109f5dd4e81179914042e454506f53e75a96e7",
                "timeseries.csv": "0d1a8caded9c45c64d585fc1b786fdadb34428e0b6d42918823ba7eeda55d676",
                "summary.csv": "e20e4ad6589ded7873bf428cce9c00f3f47545feadb1606cd32195ffa9f57a20",
            ]),
        Case(
            command: "run", scenario: "indonesia-548", replicates: 2,
            hashes: [
                "replicates.csv": "1187a2a9fed04c54dcf20a4c9541950afa63c815b1768edfee8618495660a553",
                "timeseries.csv": "720f16539ebcfbd40cfb5efd503361ceda5ad170c0e97ddb83b7b38265753bfc",
                "summary.csv": "b2d2a7aafae1ba2c7faa248c92874da09b4cd9c4feddef0c2655f43c4f952676",
            ]),
        Case(
            command: "run", scenario: "province-1m-citizens", replicates: 1,
            hashes: [
                "replicates.csv": "d320bc707935cf6956e14079fc8f5a71d98a462ba9523638580c8c3380bf8f81",
                "timeseries.csv": "4df3989e37c37d8b7ee995ada106dc826ea52036646333a736b403d1a8c9c546",
                "summary.csv": "9c51a82098b5d9285800ab83752426eeb2dbf22da3be79f018339652e17eb8f8",
            ]),
        Case(
            command: "compare", scenario: "classroom", replicates: 8,
            hashes: [
                "replicates.csv": "3a35bafe5ecba09466fd5cef59b48f0e55aa07c57015f254e1a14084076cce8d",
                "comparison.csv": "f4f37b3f7a429db68f347306bc3064888d36132718f5d5d7786f8e4e87d5391c",
                "effects-over-time.csv": "6e3182a2fd6df4c0ef76cf7602c433331e3c76844c744108374b8d8f930a500a",
            ]),
        Case(
            command: "compare", scenario: "jambi-province-2018", replicates: 8,
            hashes: [
                "replicates.csv": "4e3fe840e51476bd9099cff934b02367f00d719ff8811db97311446ab9288e97",
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

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
                "replicates.csv": "fae10e8e03bdcc749a4f80eb9ac3281aa5986e7ef4dc5181ded198beb1ef1d7f",
                "timeseries.csv": "b7225eb70a8affda9e6b306a5456f70ba1952fd6a049ac9ec54190c09aa5350e",
                "summary.csv": "d0c4c71744ffdd1b7be9e58d43010c35a2201f6da2669c99cb79084a40a2c3bb",
            ]),
        Case(
            command: "run", scenario: "jambi-province-2018", replicates: 16,
            hashes: [
                "replicates.csv": "f66495749ea3a668527ab264ec36709f5f7cf5c283283a72d937a10d83bebc41",
                "timeseries.csv": "11e18c6b499d5830b7ac26b36c51d7dc0836a7efc5a8a2f4343893e9f99098ba",
                "summary.csv": "62f14ca02d08a939d76b8f736c7c38334966b7789503fca0bb5cd76ca7a879a9",
            ]),
        Case(
            command: "run", scenario: "indonesia-548", replicates: 2,
            hashes: [
                "replicates.csv": "5d68cca859ab60a5e7ad0dad0e4b81b780cc02b40298e8138a615256a52d0129",
                "timeseries.csv": "a30c61c6b441adc64b1be86555c0c640937fa8492280d3c316cf50078c7bcac0",
                "summary.csv": "ae8db7d37f71aa73cfb41faaa3307e54624ce85f6d5a45240d415c6d45f99522",
            ]),
        Case(
            command: "run", scenario: "province-1m-citizens", replicates: 1,
            hashes: [
                "replicates.csv": "4e38057d89c078abb2edc0a3d9697aac36199e2538d438d59c9bfeb7f5894126",
                "timeseries.csv": "6c4700677efd031e8a8cb14eb2bea6fc996302d43de7badda8d55eb04c199731",
                "summary.csv": "4ad78878894293af479b50a3f8544d5072526b5ac78c8dbf4244a044984b470a",
            ]),
        Case(
            command: "compare", scenario: "classroom", replicates: 8,
            hashes: [
                "replicates.csv": "0d7a471f2e0ec22bb92af9fb429922993b339e0d06f225e406a0c02863adf1fe",
                "comparison.csv": "5a256511aa8ac71500eb860e3775a69417407e48a2e2f0bcb32762e5dc407bcb",
                "effects-over-time.csv": "37dccb020c73025627d9624c816e052ec41ee23868984635e230b4a4d2beecac",
            ]),
        Case(
            command: "compare", scenario: "jambi-province-2018", replicates: 8,
            hashes: [
                "replicates.csv": "063ff82ae013b8cdd75b75cf27be4eb54be7ff76715294876a6df17c2762d069",
                "comparison.csv": "1858a72aa0171e53b345dc522b667bf9a95cf251882ddd6654ef9fc85d5b933c",
                "effects-over-time.csv": "4af0c9b04367dbcd8aa79f7b4d1768b7dc4f8a07fda76d0164721b037ac47d67",
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

import Foundation

/// manifest.json: what was run, with what, and how long it took.
public struct Manifest: Codable, Sendable {
    public struct Tool: Codable, Sendable {
        public var name = "sinergi"
        public var version = SinergiVersion.current
    }
    public struct ScenarioInfo: Codable, Sendable {
        public var path: String
        public var name: String
        public var sha256: String
        /// The fully resolved scenario: a valid scenario file with every default written out.
        public var resolved: String
    }
    public struct Randomness: Codable, Sendable {
        public var masterSeed: UInt64
        public var algorithm: String
        public var designPoint: Int
        public var seedScheme: String
    }
    public struct Timing: Codable, Sendable {
        public var created: String
        public var wallSeconds: Double
        public var replicatesPerSecond: Double
    }

    public var tool = Tool()
    public var scenario: ScenarioInfo
    public var randomness: Randomness
    public var replicates: Int
    public var threads: Int
    public var months: Int
    public var governments: [String]
    public var status: String
    public var files: [String: String]
    public var timing: Timing

    /// The seed derivation, as documented in docs/model.md.
    public static let seedScheme =
        "replicateSeed = mix(mix(mix(master) xor designPoint) xor replicate); "
        + "streamSeed = mix(mix(replicateSeed xor (government + 1)) xor fnv1a64(stream)); "
        + "mix = SplitMix64 (golden-ratio increment, variant-13 finaliser); "
        + "streams init, politics, hr, forum, motivation, citizens; GSL seed = (s xor s>>32) mod 2^32"

    /// Pretty, key-sorted JSON.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

import Foundation
import SinergiModel

/// manifest.json: what was run, with what, on what, how it stopped and how long it took —
/// enough to reproduce the run's data files (`sinergi run --replay`).
public struct Manifest: Codable, Sendable {
    public struct Tool: Codable, Sendable {
        public var name = "sinergi"
        public var version = SinergiVersion.current
        /// The model's version (docs/model.md); absent in manifests of older versions.
        public var modelVersion: String? = SinergiVersion.model
        /// Commit of the source tree the binary was built from, when known.
        public var gitCommit: String?
        /// Whether that tree had uncommitted changes to tracked files.
        public var gitDirty: Bool?
    }
    public struct ScenarioInfo: Codable, Sendable {
        public var path: String
        public var name: String
        public var sha256: String
        /// The fully resolved scenario: a valid scenario file with every default written out.
        public var resolved: String
    }
    public struct Randomness: Codable, Sendable {
        @SeedText public var masterSeed: UInt64
        public var algorithm: String
        public var designPoint: Int
        public var seedScheme: String
    }
    public struct Stopping: Codable, Sendable {
        /// "fixed" or "precision".
        public var rule: String
        /// Why the run stopped, in words.
        public var reason: String
        /// Replicates per batch.
        public var batch: Int
        public var requestedReplicates: Int?
        public var precision: PrecisionTarget?
        /// The largest 95% CI half-width of the metric over the targeted scope at the end.
        public var achievedHalfWidth: Double?
    }
    public struct Host: Codable, Sendable {
        public var name: String
        public var operatingSystem: String
        public var cpus: Int
        public var cpuModel: String?
        public var memoryBytes: UInt64
    }
    public struct Timing: Codable, Sendable {
        public var started: String
        public var finished: String
        public var wallSeconds: Double
        public var replicatesPerSecond: Double
    }

    /// The results format (``resultsFormat``); absent in manifests of format 1.
    public var format: Int? = Manifest.resultsFormat
    public var tool = Tool()
    /// The command that wrote the folder: "run" or "compare".
    public var command: String? = "run"
    /// The policy packages a comparison set against the baseline, in report order.
    public var policies: [String]? = nil
    /// The values set over the scenario file on the command line, `PATH=VALUE` in the order
    /// given (`--set`); absent when there were none. `scenario.sha256` is the file's, and
    /// `scenario.resolved` already holds these values.
    public var overrides: [String]? = nil
    public var scenario: ScenarioInfo
    public var randomness: Randomness
    /// Replicates completed and in the data files.
    public var replicates: Int
    public var stopping: Stopping
    /// "complete" or "interrupted".
    public var status: StudyStatus
    /// What interrupted the run (e.g. "SIGINT"), when it was.
    public var interruptedBy: String?
    /// The manifest this run replays, if it is a replay.
    public var replayOf: String?
    public var threads: Int
    public var months: Int
    public var governments: [String]
    public var quantiles: String
    public var host: Host
    public var timing: Timing
    /// SHA-256 of each data file.
    public var files: [String: String]
    /// Whether report.html was written (false with `--no-report`); absent in manifests of
    /// other commands and of older versions.
    public var report: Bool? = nil
    /// A sweep's design and shard (`"command": "sweep"` or `"merge"`).
    public var sweep: SweepInfo? = nil
    /// The shard folders a merge read.
    public var mergedFrom: [String]? = nil
    /// A calibration's targets, factors and settings (`"command": "calibrate"`).
    public var calibration: CalibrationInfo? = nil
    /// A sensitivity analysis's method, sample size and options (`"command": "sensitivity"`,
    /// or `"merge"` of its shards).
    public var sensitivity: SensitivityPlan? = nil

    /// The format of the data files and the numbers in them. 1: sinergi 0.1–0.2, MT19937 by
    /// default, every initial value by an inverse CDF. 2: xoshiro256++ by default, Beta
    /// initial values from two Gamma draws, the capacity's fourth root as two square roots
    /// (docs/model.md §8, choices 19 and 20): the same distributions, other numbers for
    /// every generator. sinergi 0.2.0 reproduces format 1.
    public static let resultsFormat = 2

    /// The seed derivation, as documented in docs/model.md.
    public static let seedScheme =
        "replicateSeed = mix(mix(mix(master) xor designPoint) xor replicate); "
        + "streamSeed = mix(mix(replicateSeed xor (government + 1)) xor fnv1a64(stream)); "
        + "mix = SplitMix64 (golden-ratio increment, variant-13 finaliser); "
        + "streams init, politics, hr, forum, motivation, citizens; xoshiro256++ state = SplitMix64 outputs "
        + "mix(s + k * 0x9E3779B97F4A7C15), k = 0..3; GSL seed (mt19937, taus2) = (s xor s>>32) mod 2^32"

    /// How the quantile columns of a run are computed, as documented in docs/statistics.md;
    /// `seriesCapacity` is the exact capacity of the run's time-series cells.
    public static func quantileMethod(seriesCapacity: Int) -> String {
        "exact (GSL, linear interpolation between order statistics) while a summary has seen at most "
            + "\(RunAccumulator.outcomeExactCapacity) values (outcomes) or \(seriesCapacity) values (time series: "
            + "\(RunAccumulator.seriesExactCapacity), or \(RunAccumulator.seriesExactBudget) / cells when the run has "
            + "more series cells than \(RunAccumulator.seriesExactBudget / RunAccumulator.seriesExactCapacity), "
            + "at least \(RunAccumulator.seriesExactFloor)), or while it has seen at most half as many distinct "
            + "values; beyond that a relative-error sketch (DDSketch, alpha = 0.005) clamped to the observed range: "
            + "each quantile within 0.5% of the exact value's magnitude"
    }

    /// Pretty, key-sorted JSON.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Reads a manifest written by `sinergi run`.
    public static func read(from url: URL) throws -> Manifest {
        try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: url))
    }
}

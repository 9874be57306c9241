import Foundation

/// What makes two sweep stores parts of the same sweep: the scenario, the factors, the design
/// and the replicate plan. `--resume` and `sinergi merge` refuse stores whose identities differ
/// in anything but the shard.
public struct SweepIdentity: Codable, Sendable, Equatable {
    /// Version of the store's layout and of the sweep's data files.
    public var format = 1
    /// SHA-256 of the scenario text the sweep ran (after `--set` overrides are applied, the
    /// resolved scenario's hash is `resolvedScenarioSHA256`).
    public var scenarioSHA256: String
    public var resolvedScenarioSHA256: String
    /// SHA-256 of design.csv.
    public var designSHA256: String
    /// The factors' paths, in design.csv's column order.
    public var factors: [String]
    /// Number of design points of the whole sweep.
    public var points: Int
    /// Replicates per point.
    public var replicates: Int
    /// Master seed, as text (a 64-bit seed does not fit a JSON number everywhere).
    public var masterSeed: String
    /// Governments, in the scenario's order.
    public var governments: [String]
    /// Outcome columns of the replicate table, in order.
    public var outcomeColumns: [String]
    /// This store's shard (1-based) and the shard count; 1/1 for an unsharded sweep.
    public var shard: ShardSpec
    /// Consecutive points that share replicate seeds: point p runs on the seeds of design
    /// point ⌊p / seedBlock⌋ (a sensitivity sample's base rows or trajectories); absent when
    /// every point runs on the seeds of design point 0 (a sweep).
    public var seedBlock: Int? = nil

    public init(
        scenarioSHA256: String, resolvedScenarioSHA256: String, designSHA256: String, factors: [String], points: Int,
        replicates: Int, masterSeed: UInt64, governments: [String], outcomeColumns: [String], shard: ShardSpec
    ) {
        self.scenarioSHA256 = scenarioSHA256
        self.resolvedScenarioSHA256 = resolvedScenarioSHA256
        self.designSHA256 = designSHA256
        self.factors = factors
        self.points = points
        self.replicates = replicates
        self.masterSeed = String(masterSeed)
        self.governments = governments
        self.outcomeColumns = outcomeColumns
        self.shard = shard
    }

    /// The identity with the shard left out: equal for every shard of one sweep.
    public var sweep: SweepIdentity {
        var copy = self
        copy.shard = ShardSpec.whole
        return copy
    }

    /// The first field in which `other` differs from this identity (shard excluded), in words,
    /// or nil when they describe the same sweep.
    public func difference(from other: SweepIdentity) -> String? {
        if format != other.format { return "the store format (\(format) against \(other.format))" }
        if scenarioSHA256 != other.scenarioSHA256 { return "the scenario file (its SHA-256 differs)" }
        if resolvedScenarioSHA256 != other.resolvedScenarioSHA256 {
            return "the resolved scenario (the --set overrides or the defaults differ)"
        }
        if factors != other.factors {
            return "the factors (\(factors.joined(separator: ", ")) against \(other.factors.joined(separator: ", ")))"
        }
        if designSHA256 != other.designSHA256 { return "the design (design.csv's SHA-256 differs)" }
        if points != other.points { return "the number of points (\(points) against \(other.points))" }
        if replicates != other.replicates {
            return "the replicates per point (\(replicates) against \(other.replicates))"
        }
        if masterSeed != other.masterSeed { return "the seed (\(masterSeed) against \(other.masterSeed))" }
        if governments != other.governments { return "the governments" }
        if outcomeColumns != other.outcomeColumns { return "the outcome columns" }
        if seedBlock != other.seedBlock { return "which points share replicate seeds" }
        return nil
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    static func decoded(from data: Data) throws -> SweepIdentity {
        try JSONDecoder().decode(SweepIdentity.self, from: data)
    }
}

/// One government's outcomes in one replicate of a design point, as stored.
public struct ReplicateRow: Sendable, Equatable {
    public var replicate: Int
    public var seed: UInt64
    public var government: String
    /// One value per outcome column of the store (NaN for a missing value).
    public var values: [Double]
    public var finalPredicate: String

    public init(replicate: Int, seed: UInt64, government: String, values: [Double], finalPredicate: String) {
        self.replicate = replicate
        self.seed = seed
        self.government = government
        self.values = values
        self.finalPredicate = finalPredicate
    }
}

/// The summary across a point's replicates of one outcome of one government (or the Region).
public struct PointSummaryRow: Sendable, Equatable {
    public var point: Int
    public var government: String
    public var outcome: String
    public var n: Int
    public var mean: Double
    public var sd: Double
    public var ci95Low: Double
    public var ci95High: Double

    public init(
        point: Int, government: String, outcome: String, n: Int, mean: Double, sd: Double, ci95Low: Double,
        ci95High: Double
    ) {
        self.point = point
        self.government = government
        self.outcome = outcome
        self.n = n
        self.mean = mean
        self.sd = sd
        self.ci95Low = ci95Low
        self.ci95High = ci95High
    }
}

/// Everything a design point produced, committed to the store in one transaction.
public struct PointResult: Sendable {
    public var point: Int
    public var replicates: Int
    public var rows: [ReplicateRow]
    public var summaries: [PointSummaryRow]

    public init(point: Int, replicates: Int, rows: [ReplicateRow], summaries: [PointSummaryRow]) {
        self.point = point
        self.replicates = replicates
        self.rows = rows
        self.summaries = summaries
    }
}

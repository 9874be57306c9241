import Foundation
import SinergiEngine
import SinergiStats

/// What `run --json` and `compare --json` print on stdout: one JSON object summarising the
/// folder written, for scripts. Its shape is documented in docs/cli.md ("Output for
/// scripts"); the seed is a string, since a 64-bit seed loses digits as a JSON number in R
/// and JavaScript, and a value that is not a number (no replicate to summarise) is null.
struct JSONSummary: Encodable {
    /// A mean and the 95% confidence interval of the mean.
    struct Estimate: Encodable {
        var mean: Double?
        var ci95: [Double?]

        init(_ summary: Summary) {
            mean = Self.finite(summary.mean)
            ci95 = [Self.finite(summary.ci95Low), Self.finite(summary.ci95High)]
        }

        static func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }
    }

    /// A paired effect of a package (policy minus baseline) with its 95% CI and the share
    /// of replicates in which the package does better.
    struct Effect: Encodable {
        var difference: Double?
        var ci95: [Double?]
        var pBetter: Double?
    }

    var command: String
    var folder: String
    var status: String
    var replicates: Int
    var seed: String
    /// report.html's path, or null with `--no-report`.
    var report: String?
    /// Per government (and "Region"), per outcome: the mean and its 95% CI. For a
    /// comparison, the baseline's.
    var outcomes: [String: [String: Estimate]]
    /// A comparison's packages, in report order.
    var policies: [String]?
    /// A comparison's effects: per package, government (and "Region") and outcome.
    var effects: [String: [String: [String: Effect]]]?

    init(command: String, folder: URL, manifest: Manifest, statistics: RunStatistics) {
        self.command = command
        self.folder = folder.path
        status = manifest.status.rawValue
        replicates = manifest.replicates
        seed = String(manifest.randomness.masterSeed)
        report = manifest.report == false ? nil : folder.appendingPathComponent("report.html").path
        var outcomes: [String: [String: Estimate]] = [:]
        for row in statistics.outcomes { outcomes[row.government, default: [:]][row.outcome] = Estimate(row.summary) }
        self.outcomes = outcomes
    }

    init(comparison outcome: ComparisonStudy.Outcome) {
        self.init(
            command: "compare", folder: outcome.folder, manifest: outcome.manifest,
            statistics: outcome.comparison.baseline)
        policies = outcome.comparison.policies
        var effects: [String: [String: [String: Effect]]] = [:]
        for effect in outcome.comparison.effects {
            effects[effect.policy, default: [:]][effect.government, default: [:]][effect.outcome] = Effect(
                difference: Estimate.finite(effect.difference),
                ci95: [Estimate.finite(effect.ci95Low), Estimate.finite(effect.ci95High)],
                pBetter: Estimate.finite(effect.pBetter))
        }
        self.effects = effects
    }

    private enum CodingKeys: String, CodingKey {
        case command, folder, status, replicates, seed, report, outcomes, policies, effects
    }

    /// Every key of a run, `report` as null when there is none; `policies` and `effects`
    /// for a comparison only.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(command, forKey: .command)
        try container.encode(folder, forKey: .folder)
        try container.encode(status, forKey: .status)
        try container.encode(replicates, forKey: .replicates)
        try container.encode(seed, forKey: .seed)
        try container.encode(report, forKey: .report)
        try container.encode(outcomes, forKey: .outcomes)
        try container.encodeIfPresent(policies, forKey: .policies)
        try container.encodeIfPresent(effects, forKey: .effects)
    }

    /// Prints the summary as one line of key-sorted JSON on stdout.
    func print() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }
}

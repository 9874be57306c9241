import Foundation
import SinergiModel
import SinergiStats

/// What `sinergi run` asks the engine to do: a resolved model input plus provenance.
public struct RunRequest: Sendable {
    /// Scenario file as the user named it.
    public var scenarioPath: String
    public var scenarioName: String
    /// Folder name under the results root, e.g. "jambi-province-2018".
    public var slug: String
    /// Exact text of the scenario file (hashed into the manifest).
    public var scenarioText: String
    /// The fully resolved scenario (every default written out), stored in the manifest.
    public var resolvedScenario: String
    public var input: ModelInput
    /// How many replicates: a fixed count or a precision target.
    public var stopping: StoppingRule
    public var masterSeed: UInt64
    public var threads: Int
    /// Results root; the run goes to `<root>/<slug>/<run-id>/`.
    public var outputRoot: URL
    /// The manifest this run replays, if it is a replay.
    public var replayOf: String?
    /// The values set over the scenario file (`--set`), `PATH=VALUE` in the order given;
    /// ``input`` and ``resolvedScenario`` already hold them. Recorded in the manifest.
    public var overrides: [String] = []
    /// The run folder's name under `<root>/<slug>/` (`--name`), instead of the dated run-id;
    /// it must not exist yet.
    public var folderName: String?
    /// Also write every replicate's monthly series to series.csv (`--series replicates`).
    public var seriesPerReplicate = false

    public init(
        scenarioPath: String, scenarioName: String, slug: String, scenarioText: String,
        resolvedScenario: String, input: ModelInput, stopping: StoppingRule, masterSeed: UInt64,
        threads: Int, outputRoot: URL
    ) {
        self.scenarioPath = scenarioPath
        self.scenarioName = scenarioName
        self.slug = slug
        self.scenarioText = scenarioText
        self.resolvedScenario = resolvedScenario
        self.input = input
        self.stopping = stopping
        self.masterSeed = masterSeed
        self.threads = threads
        self.outputRoot = outputRoot
        replayOf = nil
    }

    /// Replicates per batch of a fixed-count run: enough to keep every worker busy, small
    /// enough to bound memory. It does not change any result.
    static let fixedBatch = 128
    /// Series values the records of one batch may hold together: 2²⁴ values, 128 MiB.
    static let batchValueBudget = 1 << 24
    /// The fewest replicates per batch of a fixed-count run.
    static let fixedBatchFloor = 16

    /// Replicates per batch of a fixed-count run whose replicate records hold
    /// `recordValues` series values each, with `arms` records per replicate (a comparison
    /// keeps the baseline's and every package's): ``fixedBatch``, fewer when the records of
    /// a batch would exceed ``batchValueBudget`` (548 governments with four initiatives over
    /// 60 months: 41), never below ``fixedBatchFloor``. Records are folded in replicate
    /// order whatever the batch, so it changes no result.
    static func fixedBatch(recordValues: Int, arms: Int = 1) -> Int {
        let perReplicate = Swift.max(1, recordValues * Swift.max(1, arms))
        return Swift.min(fixedBatch, Swift.max(fixedBatchFloor, batchValueBudget / perReplicate))
    }
}

/// The tool's version, written into every manifest.
public enum SinergiVersion {
    public static let current = "0.3.0"
    /// The model's version, docs/model.md's title: it changes whenever the model does, so a
    /// citation names the model whose results it reports.
    public static let model = "1.1"
    /// What `sinergi --version` prints.
    public static let description = "sinergi \(current) (model version \(model))"
}

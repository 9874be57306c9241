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

    public init(scenarioPath: String, scenarioName: String, slug: String, scenarioText: String,
                resolvedScenario: String, input: ModelInput, stopping: StoppingRule, masterSeed: UInt64,
                threads: Int, outputRoot: URL) {
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
}

/// The tool's version, written into every manifest.
public enum SinergiVersion {
    public static let current = "0.2.0"
}

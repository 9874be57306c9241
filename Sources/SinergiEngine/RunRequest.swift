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
    public var replicates: Int
    public var masterSeed: UInt64
    public var threads: Int
    /// Results root; the run goes to `<root>/<slug>/<run-id>/`.
    public var outputRoot: URL

    public init(scenarioPath: String, scenarioName: String, slug: String, scenarioText: String,
                resolvedScenario: String, input: ModelInput, replicates: Int, masterSeed: UInt64,
                threads: Int, outputRoot: URL) {
        self.scenarioPath = scenarioPath
        self.scenarioName = scenarioName
        self.slug = slug
        self.scenarioText = scenarioText
        self.resolvedScenario = resolvedScenario
        self.input = input
        self.replicates = replicates
        self.masterSeed = masterSeed
        self.threads = threads
        self.outputRoot = outputRoot
    }
}

/// The tool's version, written into every manifest.
public enum SinergiVersion {
    public static let current = "0.1.0"
}

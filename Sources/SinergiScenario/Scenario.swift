import SinergiModel

/// A scenario file, validated and resolved into the model's input.
public struct Scenario: Sendable {
    /// The path as given by the user.
    public var path: String
    /// The scenario's `name`.
    public var name: String
    /// `name` reduced to lowercase `[a-z0-9-]` ("Jambi Province 2018" → "jambi-province-2018"),
    /// used for the results folder.
    public var slug: String
    /// Master seed of the run (default 1).
    public var seed: UInt64
    /// Number of Monte Carlo replicates (default 100).
    public var replicates: Int
    /// The baseline: governments and baseline interventions.
    public var input: ModelInput
    /// Named policy packages, in file order; `sinergi compare` sets each against the baseline.
    public var policies: [PolicyPackage]
    /// The file's exact text.
    public var sourceText: String
    /// The fully resolved scenario — templates expanded, every default written out — as a
    /// valid scenario file. Loading it gives an identical ``input`` and ``policies``.
    public var resolvedYAML: String
    /// Each government's `kind` (province, regency, city, …), nil where the file gives none;
    /// in the order of `input.governments`.
    public var governmentKinds: [String?]

    public init(
        path: String, name: String, slug: String, seed: UInt64, replicates: Int, input: ModelInput,
        policies: [PolicyPackage], sourceText: String, resolvedYAML: String, governmentKinds: [String?]? = nil
    ) {
        self.path = path
        self.name = name
        self.slug = slug
        self.seed = seed
        self.replicates = replicates
        self.input = input
        self.policies = policies
        self.sourceText = sourceText
        self.resolvedYAML = resolvedYAML
        self.governmentKinds = governmentKinds ?? Array(repeating: nil, count: input.governments.count)
    }

    /// The name of the row that combines every government in the results (summary.csv,
    /// comparison.csv, the reports). No government may be called so, in any letter case,
    /// or its rows could not be told from the aggregate's.
    public static let regionName = "Region"
}

/// A named set of interventions that a comparison adds to the baseline.
public struct PolicyPackage: Sendable, Equatable {
    public var name: String
    /// The package's interventions, each with `policy` set to ``name``.
    public var interventions: [Intervention]

    public init(name: String, interventions: [Intervention]) {
        self.name = name
        self.interventions = interventions
    }
}

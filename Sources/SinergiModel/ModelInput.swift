import SinergiStats

/// Everything one run of the model needs, resolved from a scenario: numbers, distributions
/// and indices only — no names are looked up while stepping.
public struct ModelInput: Sendable, Equatable {
    /// Number of simulated months (the horizon); t = 0 … months − 1.
    public var months: Int
    /// Calendar month (1 … 12) of t = 0; month-of-year moy(t) = (startMonth − 1 + t) mod 12.
    public var startMonth: Int
    /// Calendar year of t = 0 (reported only).
    public var startYear: Int
    /// Model constants (MODEL.md defaults unless a scenario overrides them).
    public var parameters: ModelParameters
    /// The governments of the region, stepped independently.
    public var governments: [GovernmentSpec]
    /// Interventions active in this run (baseline plus, in a comparison, one policy package).
    public var interventions: [Intervention]
    /// How citizens are represented.
    public var citizens: CitizenMode
    /// Pseudo-random algorithm of every stream.
    public var algorithm: RandomAlgorithm
    /// Pins used only by tests of the model's properties; all off by default.
    public var testHooks = TestHooks()

    public init(
        months: Int = 60, startMonth: Int = 1, startYear: Int = 2018,
        parameters: ModelParameters = ModelParameters(), governments: [GovernmentSpec],
        interventions: [Intervention] = [], citizens: CitizenMode = .aggregate,
        algorithm: RandomAlgorithm = .standard
    ) {
        self.months = months
        self.startMonth = startMonth
        self.startYear = startYear
        self.parameters = parameters
        self.governments = governments
        self.interventions = interventions
        self.citizens = citizens
        self.algorithm = algorithm
    }
}

/// How citizens are represented (MODEL.md §3).
public enum CitizenMode: Sendable, Hashable {
    /// One adopter share per government, stepped with the exact monthly Bass solution.
    case aggregate
    /// `size` citizen agents per government on a social graph.
    case network(CitizenNetworkSpec)
}

/// The history of collaboration before t = 0, which sets initial trust (MODEL.md §1).
public enum Prehistory: String, Sendable, CaseIterable, Codable {
    case neutral, cooperative, conflict

    /// Initial trust of every agency: 0.4, 0.6 or 0.2.
    public var initialTrust: Double {
        switch self {
        case .neutral: return 0.4
        case .cooperative: return 0.6
        case .conflict: return 0.2
        }
    }
}

/// One government's starting conditions (MODEL.md §1, government table).
public struct GovernmentSpec: Sendable, Equatable {
    public var name: String
    /// W, political will of the head of government; also the distribution of redraws at elections.
    public var politicalWill: Distribution = .uniform(low: 0.3, high: 0.7)
    /// L, facilitative leadership / champion.
    public var champion: Distribution = .constant(0.3)
    /// D, institutional design.
    public var design: Distribution = .constant(0.3)
    /// N, neutral mediation strength.
    public var mediation: Distribution = .constant(0)
    /// I, external mandate / evaluation pressure.
    public var mandate: Distribution = .constant(0.5)
    /// U, shared understanding at t = 0.
    public var understanding: Distribution = .constant(0.2)
    /// ι, citizens' internet access share at t = 0.
    public var internetAccess: Distribution = .constant(0.5)
    /// ι_max, ceiling of internet access.
    public var internetCeiling: Distribution = .constant(0.9)
    /// κ, monthly logistic growth rate of access.
    public var internetGrowth: Distribution = .constant(0.02)
    /// λ, digital readiness of citizens with access.
    public var readiness: Distribution = .constant(0.7)
    /// Prehistory of collaboration, which sets initial trust.
    public var prehistory: Prehistory = .neutral
    /// Observed SPBE index to reproduce at t = 0 by shifting agency maturity (MODEL.md §2).
    public var initialSpbe: Double? = nil
    public var agencies: [AgencySpec]
    public var initiatives: [InitiativeSpec]

    public init(name: String, agencies: [AgencySpec], initiatives: [InitiativeSpec] = []) {
        self.name = name
        self.agencies = agencies
        self.initiatives = initiatives
    }
}

/// One agency (OPD) of a government (MODEL.md §1, agency table).
public struct AgencySpec: Sendable, Equatable {
    public var name: String
    /// Label that levers target, e.g. "finance".
    public var sector: String
    /// Sectoral ego.
    public var ego: Distribution = .beta(alpha: 2, beta: 2)
    /// h, the agency head's commitment; also the distribution of redraws at rotation.
    public var headCommitment: Distribution = .uniform(low: 0.3, high: 0.8)
    /// B⁰, base ICT budget adequacy (available / required), in [0, 1.5].
    public var budget: Distribution = .uniform(low: 0.4, high: 1.0)
    /// H, HR adequacy (competent ICT staff / required).
    public var hr: Distribution = .uniform(low: 0.3, high: 0.9)
    /// u, organisational culture: 0 static … 1 dynamic.
    public var culture: Distribution = .beta(alpha: 2, beta: 2)
    /// ℓ, lock-in to a legacy system.
    public var legacyLockIn: Distribution = .constant(0)
    /// m, e-government maturity of the agency's own systems on the SPBE 1–5 scale.
    public var maturity: Distribution = .uniform(low: 1, high: 2)
    /// T at t = 0; nil takes the government's prehistory.
    public var trust: Distribution? = nil
    /// A fixed motivation type; nil draws one with the model's shares (0.14/0.53/0.33).
    public var motivation: Motivation? = nil

    public init(name: String, sector: String) {
        self.name = name
        self.sector = sector
    }
}

/// Social motivation of an agency (Fischbacher, Gächter & Fehr 2001).
public enum Motivation: UInt8, Sendable, CaseIterable {
    case prosocial = 0, conditional = 1, selfish = 2

    /// Name used in scenario files and outputs.
    public var name: String {
        switch self {
        case .prosocial: return "prosocial"
        case .conditional: return "conditional"
        case .selfish: return "selfish"
        }
    }
}

/// A joint system of one government (MODEL.md §1, initiatives).
public struct InitiativeSpec: Sendable, Equatable {
    public var name: String
    /// Indices into the government's `agencies`.
    public var partners: [Int]
    public var citizenFacing: Bool = false
    public var displacesLegacy: Bool = false
    /// r_k ∈ (0, 1], monthly progress rate.
    public var rate: Double = 0.8
    /// ρ_k of the CES integration rule: −∞ weakest link, 0 geometric mean, 1 mean, +∞ best shot.
    public var integration: Double = -.infinity
    /// Progress at which the system is launched.
    public var launchThreshold: Double = 0.5

    public init(name: String, partners: [Int]) {
        self.name = name
        self.partners = partners
    }
}

/// One intervention entry (MODEL.md §4), resolved to indices.
public struct Intervention: Sendable, Equatable {
    public var lever: Lever
    /// Targeted governments (indices) with, for agency-level levers, the targeted agencies
    /// of each (indices into that government's agencies). A government whose agency
    /// filter matched nobody is not listed.
    public var targets: [InterventionTarget]
    /// First month the lever is active.
    public var start: Int
    /// Number of active months; nil lasts to the end of the run.
    public var duration: Int?
    /// Intensity in [0, 1].
    public var intensity: Double
    /// Cost per active month and one-off cost, in the scenario's cost units.
    public var costPerMonth: Double
    public var oneOffCost: Double
    /// Name of the policy package it comes from; nil for the baseline.
    public var policy: String?

    public init(
        lever: Lever, targets: [InterventionTarget], start: Int = 0, duration: Int? = nil,
        intensity: Double, costPerMonth: Double = 0, oneOffCost: Double = 0, policy: String? = nil
    ) {
        self.lever = lever
        self.targets = targets
        self.start = start
        self.duration = duration
        self.intensity = intensity
        self.costPerMonth = costPerMonth
        self.oneOffCost = oneOffCost
        self.policy = policy
    }

    /// Whether the lever is active at month `t`.
    @inlinable
    public func isActive(at t: Int) -> Bool {
        t >= start && (duration.map { t < start + $0 } ?? true)
    }

    /// Months the lever is active within a horizon of `months`.
    public func activeMonths(horizon months: Int) -> Int {
        guard start < months else { return 0 }
        let end = duration.map { Swift.min(months, start + $0) } ?? months
        return Swift.max(0, end - start)
    }

    /// Total cost of the entry within the horizon: one-off + per month × active months,
    /// nothing when it starts at or after the horizon (MODEL.md §4).
    public func totalCost(horizon months: Int) -> Double {
        guard start < months else { return 0 }
        return oneOffCost + costPerMonth * Double(activeMonths(horizon: months))
    }
}

/// One government targeted by an intervention.
public struct InterventionTarget: Sendable, Hashable {
    public var government: Int
    /// Targeted agencies of that government (indices); all of them for an unfiltered entry.
    public var agencies: [Int]

    public init(government: Int, agencies: [Int]) {
        self.government = government
        self.agencies = agencies
    }
}

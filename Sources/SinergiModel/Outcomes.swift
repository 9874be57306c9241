/// The outcomes of one government in one replicate (MODEL.md §5).
public struct GovernmentOutcome: Sendable, Equatable {
    /// SPBE index of the initial state (before month 0 is stepped).
    public var initialSpbe: Double = .nan
    /// SPBE index at the last month.
    public var finalSpbe: Double = .nan
    /// (final − initial index) / (months / 12).
    public var gainPerYear: Double = .nan
    /// Adopter share of the population at the end.
    public var adoption: Double = .nan
    /// Internet access share at the end.
    public var internetAccess: Double = .nan
    public var initiativesLaunched: Int = 0
    public var initiativesIntegrated: Int = 0
    /// Initiatives stalled at the end (12 or more slow months in a row).
    public var initiativesStalled: Int = 0
    /// Index + 1 of the month of the first launch; nil when none happened (censored).
    public var monthsToFirstLaunch: Int? = nil
    /// Index + 1 of the month of the first small win; nil when none happened (censored).
    public var monthsToFirstWin: Int? = nil
    /// The horizon H, the run's months: the value of a time to an event that did not happen
    /// (``Outcome/monthsToFirstLaunch``).
    public var months: Int = 0
    /// Final-month mean trust and commitment over agencies.
    public var meanTrust: Double = .nan
    public var meanCommitment: Double = .nan
    /// Share of agencies that are selfish at the end.
    public var selfishShare: Double = .nan
    /// Population standard deviation of agency maturity at the end.
    public var equity: Double = .nan
    /// Total lever cost attributed to the government.
    public var leverCost: Double = 0

    public init() {}

    /// The predicate of the final index.
    public var finalPredicate: SPBEPredicate { SPBEPredicate(index: finalSpbe) }
}

/// The monthly time-series metrics recorded for every government (MODEL.md §5); each
/// initiative's progress follows them.
public enum SeriesMetric: Int, Sendable, CaseIterable {
    case meanMaturity, spbe, meanTrust, meanCommitment, meanEffort, understanding, adoption, internetAccess

    /// Column value used in timeseries.csv.
    public var name: String {
        switch self {
        case .meanMaturity: return "mean_maturity"
        case .spbe: return "spbe"
        case .meanTrust: return "mean_trust"
        case .meanCommitment: return "mean_commitment"
        case .meanEffort: return "mean_effort"
        case .understanding: return "understanding"
        case .adoption: return "adoption"
        case .internetAccess: return "internet_access"
        }
    }
}

/// The outcomes of MODEL.md §5, each defined once.
extension Outcome {
    public static let initialSpbe = Outcome(
        name: "initial_spbe", label: "SPBE index at the start", unit: "index points (1–5)", kind: .index,
        region: .mean, aliases: ["initial"]
    ) { $0.initialSpbe }

    public static let finalSpbe = Outcome(
        name: "final_spbe", label: "final SPBE index", unit: "index points (1–5)", kind: .index, region: .mean,
        better: .higher, aliases: ["spbe"]
    ) { $0.finalSpbe }

    public static let gainPerYear = Outcome(
        name: "gain_per_year", label: "SPBE gain per year", unit: "index points a year", kind: .rate,
        region: .mean, better: .higher, aliases: ["gain"]
    ) { $0.gainPerYear }

    public static let adoption = Outcome(
        name: "adoption", label: "citizen adoption", unit: "share of the population", kind: .share,
        region: .mean, better: .higher
    ) { $0.adoption }

    public static let internetAccess = Outcome(
        name: "internet_access", label: "internet access", unit: "share of the population", kind: .share,
        region: .mean, aliases: ["access"]
    ) { $0.internetAccess }

    public static let initiativesLaunched = Outcome(
        name: "initiatives_launched", label: "initiatives launched", unit: "initiatives", kind: .count,
        region: .mean, aliases: ["launched"]
    ) { Double($0.initiativesLaunched) }

    public static let initiativesIntegrated = Outcome(
        name: "initiatives_integrated", label: "initiatives integrated", unit: "initiatives", kind: .count,
        region: .mean, better: .higher, aliases: ["integrated"]
    ) { Double($0.initiativesIntegrated) }

    public static let initiativesStalled = Outcome(
        name: "initiatives_stalled", label: "initiatives stalled", unit: "initiatives", kind: .count,
        region: .mean, aliases: ["stalled"]
    ) { Double($0.initiativesStalled) }

    /// min(T, H): the month of the first launch, or the horizon H when nothing launched
    /// (censored, flagged by ``firstLaunchCensored``); its mean is the restricted mean time
    /// (docs/model.md §7.18). One definition for replicates.csv, summary.csv, comparisons
    /// and sweeps.
    public static let monthsToFirstLaunch = Outcome(
        name: "months_to_first_launch", label: "months to the first launch", unit: "months", kind: .month,
        region: .mean, better: .lower, aliases: ["launch"]
    ) { Double($0.monthsToFirstLaunch ?? $0.months) }

    public static let firstLaunchCensored = Outcome(
        name: "first_launch_censored", label: "chance of no launch by the end", unit: "share of replicates",
        kind: .share, region: .mean
    ) { $0.monthsToFirstLaunch == nil ? 1 : 0 }

    public static let monthsToFirstWin = Outcome(
        name: "months_to_first_win", label: "months to the first small win", unit: "months", kind: .month,
        region: .mean, aliases: ["win"]
    ) { Double($0.monthsToFirstWin ?? $0.months) }

    public static let firstWinCensored = Outcome(
        name: "first_win_censored", label: "chance of no small win by the end", unit: "share of replicates",
        kind: .share, region: .mean
    ) { $0.monthsToFirstWin == nil ? 1 : 0 }

    public static let meanTrust = Outcome(
        name: "mean_trust", label: "mean trust between agencies", unit: "trust (0–1)", kind: .level,
        region: .mean, better: .higher, aliases: ["trust"]
    ) { $0.meanTrust }

    public static let meanCommitment = Outcome(
        name: "mean_commitment", label: "mean commitment of agencies", unit: "commitment (0–1)", kind: .level,
        region: .mean, aliases: ["commitment"]
    ) { $0.meanCommitment }

    public static let selfishShare = Outcome(
        name: "selfish_share", label: "share of selfish agencies", unit: "share of agencies", kind: .share,
        region: .mean, aliases: ["selfish"]
    ) { $0.selfishShare }

    public static let equity = Outcome(
        name: "equity", label: "spread of agency maturity", unit: "maturity levels (SD)", kind: .spread,
        region: .mean
    ) { $0.equity }

    public static let leverCost = Outcome(
        name: "lever_cost", label: "lever cost", unit: "cost units", kind: .cost, region: .total,
        aliases: ["cost"]
    ) { $0.leverCost }

    public static let pBaikOrBetter = Outcome(
        name: "p_baik_or_better", label: "chance of ending at Baik or better", unit: "share of replicates",
        kind: .share, region: .mean, better: .higher, aliases: ["baik"]
    ) { $0.finalPredicate >= .baik ? 1 : 0 }

    /// The share of replicates whose final index is in `predicate`'s band: p_kurang …
    /// p_memuaskan.
    public static func share(endingAt predicate: SPBEPredicate) -> Outcome {
        predicateShares[predicate.rawValue]
    }

    /// The columns of replicates.csv after replicate, seed and government, in order.
    public static let replicateColumns: [Outcome] = [
        initialSpbe, finalSpbe, gainPerYear, adoption, internetAccess, initiativesLaunched, initiativesIntegrated,
        initiativesStalled, monthsToFirstLaunch, firstLaunchCensored, monthsToFirstWin, firstWinCensored, meanTrust,
        meanCommitment, selfishShare, equity, leverCost,
    ]

    /// Indicators summarised as shares across replicates, after the columns in summary.csv:
    /// the final predicate, then P(predicate ≥ Baik at the end).
    public static let predicateShares: [Outcome] =
        SPBEPredicate.allCases.map { predicate in
            Outcome(
                name: "p_\(predicate.columnName)", label: "chance of ending at \(predicate.name)",
                unit: "share of replicates", kind: .share, region: .mean
            ) { $0.finalPredicate == predicate ? 1 : 0 }
        } + [pBaikOrBetter]

    /// Every outcome, in the order of summary.csv.
    public static let all: [Outcome] = replicateColumns + predicateShares

    /// The outcomes `sinergi compare` reports as paired effects, in the order of
    /// comparison.csv; each has a ``better`` direction. The region value is the mean over
    /// governments in each replicate.
    public static let compared: [Outcome] = [
        finalSpbe, gainPerYear, pBaikOrBetter, adoption, initiativesIntegrated, monthsToFirstLaunch, meanTrust,
    ]
}

extension SPBEPredicate {
    /// Name used in column names: kurang, cukup, baik, sangat_baik, memuaskan.
    public var columnName: String { name.lowercased().split(separator: " ").joined(separator: "_") }
}

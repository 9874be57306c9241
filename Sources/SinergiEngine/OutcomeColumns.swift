import SinergiModel

/// One per-replicate outcome as it appears in replicates.csv and summary.csv.
public struct OutcomeColumn: Sendable {
    /// Column name (snake_case, stable: notebooks read it).
    public let name: String
    /// How the region row combines governments: mean or total; nil for no region row.
    public let region: RegionRule?
    /// The value for one government in one replicate; NaN when absent (censored).
    public let value: @Sendable (GovernmentOutcome) -> Double

    public enum RegionRule: Sendable { case mean, total }
}

extension OutcomeColumn {
    /// The outcomes of MODEL.md §5, in output order.
    public static let all: [OutcomeColumn] = [
        OutcomeColumn(name: "initial_spbe", region: .mean) { $0.initialSpbe },
        OutcomeColumn(name: "final_spbe", region: .mean) { $0.finalSpbe },
        OutcomeColumn(name: "gain_per_year", region: .mean) { $0.gainPerYear },
        OutcomeColumn(name: "adoption", region: .mean) { $0.adoption },
        OutcomeColumn(name: "internet_access", region: .mean) { $0.internetAccess },
        OutcomeColumn(name: "initiatives_launched", region: .mean) { Double($0.initiativesLaunched) },
        OutcomeColumn(name: "initiatives_integrated", region: .mean) { Double($0.initiativesIntegrated) },
        OutcomeColumn(name: "initiatives_stalled", region: .mean) { Double($0.initiativesStalled) },
        OutcomeColumn(name: "months_to_first_launch", region: nil) { $0.monthsToFirstLaunch.map(Double.init) ?? .nan },
        OutcomeColumn(name: "first_launch_censored", region: .mean) { $0.monthsToFirstLaunch == nil ? 1 : 0 },
        OutcomeColumn(name: "months_to_first_win", region: nil) { $0.monthsToFirstWin.map(Double.init) ?? .nan },
        OutcomeColumn(name: "first_win_censored", region: .mean) { $0.monthsToFirstWin == nil ? 1 : 0 },
        OutcomeColumn(name: "mean_trust", region: .mean) { $0.meanTrust },
        OutcomeColumn(name: "mean_commitment", region: .mean) { $0.meanCommitment },
        OutcomeColumn(name: "selfish_share", region: .mean) { $0.selfishShare },
        OutcomeColumn(name: "equity", region: .mean) { $0.equity },
        OutcomeColumn(name: "lever_cost", region: .total) { $0.leverCost },
    ]

    /// Indicator outcomes summarised as shares across replicates: the final predicate and
    /// P(predicate ≥ Baik at the end).
    public static let predicateShares: [OutcomeColumn] =
        SPBEPredicate.allCases.map { predicate in
            OutcomeColumn(name: "p_\(predicate.columnName)", region: .mean) { $0.finalPredicate == predicate ? 1 : 0 }
        } + [OutcomeColumn(name: "p_baik_or_better", region: .mean) { $0.finalPredicate >= .baik ? 1 : 0 }]
}

extension SPBEPredicate {
    /// Name used in column names: kurang, cukup, baik, sangat_baik, memuaskan.
    public var columnName: String { name.lowercased().split(separator: " ").joined(separator: "_") }
}

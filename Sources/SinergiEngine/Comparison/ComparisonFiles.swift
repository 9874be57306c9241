import SinergiModel

/// The CSV files of a comparison folder. Their bytes depend only on the scenario, the
/// packages compared and the seed.
enum ComparisonFiles {
    /// comparison.csv columns, documented in docs/policy-guide.md and results/README.md.
    static let comparisonHeader = [
        "policy", "government", "outcome", "better_when", "n", "baseline_mean", "policy_mean", "difference",
        "difference_sd", "ci95_low", "ci95_high", "unpaired_ci95_low", "unpaired_ci95_high", "ci_width_ratio",
        "p_better", "p_worse", "cost", "effect_per_cost",
    ]

    /// comparison.csv, tidy: one row per (policy, government or Region, outcome).
    static func comparison(_ comparison: Comparison) -> String {
        var csv = CSV(header: comparisonHeader)
        for e in comparison.effects {
            csv.appendRow(
                [e.policy, e.government, e.outcome, e.better.rawValue, String(e.replicates)]
                    + [
                        e.baselineMean, e.policyMean, e.difference, e.differenceSD, e.ci95Low, e.ci95High,
                        e.unpairedCI95Low, e.unpairedCI95High, e.ciWidthRatio, e.pBetter, e.pWorse, e.cost,
                        e.effectPerCost,
                    ].map(CSV.number))
        }
        return csv.contents
    }

    /// effects-over-time.csv, tidy: policy, government, month, metric, means, difference, CI.
    static func effectsOverTime(_ comparison: Comparison) -> String {
        var csv = CSV(header: [
            "policy", "government", "month", "metric", "baseline_mean", "policy_mean",
            "difference", "ci95_low", "ci95_high",
        ])
        for e in comparison.overTime {
            csv.appendRow(
                [e.policy, e.government, String(e.month), e.metric]
                    + [e.baselineMean, e.policyMean, e.difference, e.ci95Low, e.ci95High].map(CSV.number))
        }
        return csv.contents
    }
}

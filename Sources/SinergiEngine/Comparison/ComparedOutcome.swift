import SinergiModel

/// An outcome that `sinergi compare` reports as a paired effect (policy − baseline).
public struct ComparedOutcome: Sendable {
    /// Which direction of an outcome is an improvement.
    public enum Direction: String, Sendable { case higher, lower }

    /// Column value in comparison.csv (the name used in replicates.csv where there is one).
    public let name: String
    /// Plain-language name for people: "final SPBE index".
    public let label: String
    /// Whether a policy does better by raising or by lowering the outcome.
    public let better: Direction
    /// The value for one government in one replicate of a run of `months` months.
    public let value: @Sendable (GovernmentOutcome, _ months: Int) -> Double

    /// The outcomes compared, in output order (issue "compare": final SPBE, gain per year,
    /// P(predicate ≥ Baik at the end), adoption, initiatives integrated, months to first
    /// launch, mean trust). The region value is the mean over governments in each replicate.
    public static let all: [ComparedOutcome] = [
        ComparedOutcome(name: "final_spbe", label: "final SPBE index", better: .higher) { o, _ in o.finalSpbe },
        ComparedOutcome(name: "gain_per_year", label: "SPBE gain per year", better: .higher) { o, _ in o.gainPerYear },
        ComparedOutcome(name: "p_baik_or_better", label: "chance of ending at Baik or better", better: .higher) {
            o, _ in
            o.finalPredicate >= .baik ? 1 : 0
        },
        ComparedOutcome(name: "adoption", label: "citizen adoption", better: .higher) { o, _ in o.adoption },
        ComparedOutcome(name: "initiatives_integrated", label: "initiatives integrated", better: .higher) { o, _ in
            Double(o.initiativesIntegrated)
        },
        // Restricted to the horizon: a government with no launch counts as launching at the
        // horizon (the restricted mean time, docs/model.md §8).
        ComparedOutcome(name: "months_to_first_launch", label: "months to the first launch", better: .lower) {
            o, months in
            Double(Swift.min(o.monthsToFirstLaunch ?? months, months))
        },
        ComparedOutcome(name: "mean_trust", label: "mean trust between agencies", better: .higher) { o, _ in o.meanTrust
        },
    ]

    /// The outcome called `name`, if compared.
    public static func named(_ name: String) -> ComparedOutcome? { all.first { $0.name == name } }
}

import SinergiModel
import SinergiScenario

/// What `sinergi compare` asks the engine to do: the baseline run plus the policy packages
/// to set against it.
public struct ComparisonRequest: Sendable {
    /// The baseline: scenario, stopping rule, seed, threads, output root. Under a precision
    /// target the metric is a compared outcome and the half-width that of the paired effect.
    public var baseline: RunRequest
    /// The packages compared, in the order they are reported.
    public var policies: [PolicyPackage]

    public init(baseline: RunRequest, policies: [PolicyPackage]) {
        self.baseline = baseline
        self.policies = policies
    }

    /// The model input of one package: the baseline's interventions, then the package's.
    public func input(for policy: PolicyPackage) -> ModelInput {
        var input = baseline.input
        input.interventions += policy.interventions
        return input
    }
}

/// The result of a comparison: every paired effect, the effects over time and the
/// baseline's own statistics.
public struct Comparison: Sendable {
    /// Compared packages, in request order.
    public var policies: [String]
    /// Governments of the scenario, then "Region" when there are two or more.
    public var units: [String]
    public var replicates: Int
    /// One entry per (policy, government or region, outcome); see ``PairedEffect``.
    public var effects: [PairedEffect]
    /// The paired effect on the monthly SPBE index and adoption.
    public var overTime: [EffectOverTime]
    /// Statistics of the baseline run alone (what `sinergi run` reports).
    public var baseline: RunStatistics

    /// The unit that sums up the scenario: the region, or the only government.
    public var headlineUnit: String { units.last ?? RunStatistics.regionName }

    /// The effect of `policy` on the outcome named `outcome` for `unit` (default: the
    /// headline unit).
    public func effect(_ policy: String, _ outcome: String, unit: String? = nil) -> PairedEffect? {
        let unit = unit ?? headlineUnit
        return effects.first { $0.policy == policy && $0.outcome == outcome && $0.government == unit }
    }

    /// The effect of `policy` on `outcome` for `unit` (default: the headline unit).
    public func effect(_ policy: String, _ outcome: Outcome, unit: String? = nil) -> PairedEffect? {
        effect(policy, outcome.name, unit: unit)
    }

    /// Policies ranked by their effect on `outcome` for the headline unit, best first
    /// (ties keep request order).
    public func ranked(by outcome: Outcome = .finalSpbe) -> [PairedEffect] {
        let rows = policies.compactMap { effect($0, outcome) }
        let sign = (rows.first?.better ?? .higher) == .higher ? 1.0 : -1.0
        return rows.enumerated().sorted { a, b in
            func key(_ e: PairedEffect) -> Double { e.difference.isNaN ? -.infinity : sign * e.difference }
            let x = key(a.element), y = key(b.element)
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }
}

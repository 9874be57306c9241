import Foundation
import SinergiModel
import SinergiStats

/// One row of indices.csv or convergence.csv: an index of one factor (or pair, `a|b`, or
/// the seed, `(seed)`) on one outcome of one government, with its 95% bootstrap interval.
public struct SensitivityRow: Sendable, Equatable {
    public var government: String
    public var outcome: String
    public var factor: String
    /// mu, mu_star, sigma (Morris); S1, ST, S2 (Sobol'); noise_share (the seed).
    public var index: String
    public var estimate: Double
    public var ci95Low: Double
    public var ci95High: Double

    public init(
        government: String, outcome: String, factor: String, index: String, estimate: SensitivityEstimate
    ) {
        self.government = government
        self.outcome = outcome
        self.factor = factor
        self.index = index
        self.estimate = estimate.estimate
        ci95Low = estimate.ci95Low
        ci95High = estimate.ci95High
    }

    public init(
        government: String, outcome: String, factor: String, index: String, estimate: Double, ci95Low: Double,
        ci95High: Double
    ) {
        self.government = government
        self.outcome = outcome
        self.factor = factor
        self.index = index
        self.estimate = estimate
        self.ci95Low = ci95Low
        self.ci95High = ci95High
    }
}

/// The indices of a sensitivity analysis, and the same at N/8, N/4, N/2 and N base rows (or
/// trajectories), for every government and outcome analysed.
public struct SensitivityResult: Sendable {
    /// The factor name of the seed's row.
    public static let seedFactor = "(seed)"
    /// The index name of the seed's row.
    public static let noiseShareIndex = "noise_share"

    public var plan: SensitivityPlan
    /// indices.csv's rows: government by government, outcome by outcome, in the order of
    /// the indices (mu, mu_star, sigma; or S1, ST, S2), factor by factor, then the seed.
    public var rows: [SensitivityRow]
    /// convergence.csv's rows, by sample size (ascending), then as `rows`.
    public var convergence: [(samples: Int, row: SensitivityRow)]
    /// Governments and outcomes in the order analysed.
    public var governments: [String]
    /// Sobol': the noise-to-signal ratio E[Var(Y | x)] / (R V(f)) per government and outcome,
    /// `"government|outcome"`; above 1 the replicates are too few for useful intervals.
    public var noiseToSignal: [String: Double]

    /// indices.csv.
    public var indicesCSV: Data {
        var table = CSV(header: ["government", "outcome", "factor", "index", "estimate", "ci95_low", "ci95_high"])
        for row in rows { table.appendRow(Self.fields(row)) }
        return Data(table.contents.utf8)
    }

    /// convergence.csv: `samples` (base rows or trajectories), then indices.csv's columns.
    public var convergenceCSV: Data {
        var table = CSV(header: [
            "samples", "government", "outcome", "factor", "index", "estimate", "ci95_low", "ci95_high",
        ])
        for (samples, row) in convergence { table.appendRow([String(samples)] + Self.fields(row)) }
        return Data(table.contents.utf8)
    }

    private static func fields(_ row: SensitivityRow) -> [String] {
        [
            row.government, row.outcome, row.factor, row.index, CSV.number(row.estimate), CSV.number(row.ci95Low),
            CSV.number(row.ci95High),
        ]
    }

    /// The rows of `government` and `outcome` with index `index`.
    public func rows(government: String, outcome: String, index: String) -> [SensitivityRow] {
        rows.filter { $0.government == government && $0.outcome == outcome && $0.index == index }
    }
}

/// The analysis of a sensitivity sample's outputs (``SobolAnalysis``, ``MorrisAnalysis``)
/// for every government and outcome, at the full sample size and its convergence steps.
public enum SensitivityAnalysis {
    /// One output to analyse: the values of one outcome of one government at every sample
    /// point and replicate.
    public struct Output: Sendable {
        public var government: String
        public var outcome: String
        public var values: ReplicateOutputs

        public init(government: String, outcome: String, values: ReplicateOutputs) {
            self.government = government
            self.outcome = outcome
            self.values = values
        }
    }

    /// The convergence steps of `units` base rows or trajectories: N/8, N/4, N/2, N, those
    /// of at least 2, without repeats.
    public static func steps(units: Int) -> [Int] {
        var steps: [Int] = []
        for divisor in [8, 4, 2, 1] where units / divisor >= 2 && !steps.contains(units / divisor) {
            steps.append(units / divisor)
        }
        return steps
    }

    /// Analyses `outputs` of `sample` as `plan` says.
    public static func analyze(
        plan: SensitivityPlan, sample: SensitivitySample, outputs: [Output]
    ) throws(SensitivityError) -> SensitivityResult {
        var rows: [SensitivityRow] = []
        var convergence: [(samples: Int, row: SensitivityRow)] = []
        var governments: [String] = []
        var noiseToSignal: [String: Double] = [:]
        let steps = steps(units: sample.units)
        var byStep = [[SensitivityRow]](repeating: [], count: steps.count)
        for output in outputs {
            if !governments.contains(output.government) { governments.append(output.government) }
            for (s, step) in steps.enumerated() {
                let (stepRows, ratio) = try analyze(plan: plan, sample: sample, output: output, units: step)
                byStep[s] += stepRows
                if step == sample.units {
                    rows += stepRows
                    if let ratio { noiseToSignal["\(output.government)|\(output.outcome)"] = ratio }
                }
            }
        }
        for (s, step) in steps.enumerated() { convergence += byStep[s].map { (samples: step, row: $0) } }
        return SensitivityResult(
            plan: plan, rows: rows, convergence: convergence, governments: governments, noiseToSignal: noiseToSignal)
    }

    /// The rows of one output from its first `units` base rows or trajectories.
    static func analyze(
        plan: SensitivityPlan, sample: SensitivitySample, output: Output, units: Int
    ) throws(SensitivityError) -> ([SensitivityRow], Double?) {
        func row(_ factor: String, _ index: String, _ estimate: SensitivityEstimate) -> SensitivityRow {
            SensitivityRow(
                government: output.government, outcome: output.outcome, factor: factor, index: index,
                estimate: estimate)
        }
        let missing = SensitivityEstimate(estimate: .nan, ci95Low: .nan, ci95High: .nan, standardError: .nan)
        var rows: [SensitivityRow] = []
        let factors = plan.factors
        switch sample {
        case .sobol(let sobol):
            let indices = try SobolAnalysis.analyze(
                sobol, outputs: output.values,
                options: SobolOptions(
                    bootstrapResamples: plan.bootstrap, bootstrapSeed: plan.seed,
                    noiseCorrection: plan.noiseCorrection && output.values.replicateCount > 1),
                baseRows: units)
            for (f, estimate) in indices.firstOrder.enumerated() { rows.append(row(factors[f], "S1", estimate)) }
            for (f, estimate) in indices.totalOrder.enumerated() { rows.append(row(factors[f], "ST", estimate)) }
            for pair in indices.secondOrder {
                rows.append(row("\(factors[pair.first])|\(factors[pair.second])", "S2", pair.index))
            }
            rows.append(
                row(SensitivityResult.seedFactor, SensitivityResult.noiseShareIndex, indices.noiseShare ?? missing))
            return (rows, indices.noiseToSignal)
        case .morris(let morris):
            let indices = try MorrisAnalysis.analyze(
                morris, outputs: output.values,
                options: MorrisOptions(bootstrapResamples: plan.bootstrap, bootstrapSeed: plan.seed),
                trajectories: units)
            for (f, estimate) in indices.mu.enumerated() { rows.append(row(factors[f], "mu", estimate)) }
            for (f, estimate) in indices.muStar.enumerated() { rows.append(row(factors[f], "mu_star", estimate)) }
            for (f, estimate) in indices.sigma.enumerated() { rows.append(row(factors[f], "sigma", estimate)) }
            rows.append(
                row(SensitivityResult.seedFactor, SensitivityResult.noiseShareIndex, indices.noiseShare ?? missing))
            return (rows, nil)
        }
    }
}

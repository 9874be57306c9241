import SinergiStats
import Testing

// Helpers of the sensitivity tests: the tolerance of an estimate is derived from its own
// bootstrap standard error, never a fixed number.

/// The two-sided normal quantile that holds `count` simultaneous checks at a family-wise
/// level of 95 % (Bonferroni): Φ⁻¹(1 − 0.05 / (2 · count)).
func simultaneousZ(count: Int) -> Double {
    GSLMath.gaussianQuantile(1 - 0.05 / (2 * Double(count)), 1)
}

/// Whether `exact` lies within the estimate's 95 % bootstrap interval.
func intervalCovers(_ estimate: SensitivityEstimate, _ exact: Double) -> Bool {
    estimate.ci95Low <= exact && exact <= estimate.ci95High
}

/// Whether the estimate lies within z bootstrap standard errors of `exact`.
func withinErrors(_ estimate: SensitivityEstimate, _ exact: Double, z: Double) -> Bool {
    abs(estimate.estimate - exact) <= z * estimate.standardError
}

/// Every index of a Sobol' analysis with its exact value and a name for messages.
func labelledIndices(
    _ indices: SobolIndices, exactFirst: [Double], exactTotal: [Double], exactPair: (Int, Int) -> Double
) -> [(name: String, estimate: SensitivityEstimate, exact: Double)] {
    var rows: [(String, SensitivityEstimate, Double)] = []
    for (i, s) in indices.firstOrder.enumerated() { rows.append(("S1[\(i)]", s, exactFirst[i])) }
    for (i, s) in indices.totalOrder.enumerated() { rows.append(("ST[\(i)]", s, exactTotal[i])) }
    for pair in indices.secondOrder {
        rows.append(("S2[\(pair.first),\(pair.second)]", pair.index, exactPair(pair.first, pair.second)))
    }
    return rows
}

/// One line per index, for the test log.
func describe(_ rows: [(name: String, estimate: SensitivityEstimate, exact: Double)]) -> String {
    rows.map { row in
        let e = row.estimate
        return "\(row.name): \(e.estimate) [\(e.ci95Low), \(e.ci95High)] se \(e.standardError), exact \(row.exact)"
    }.joined(separator: "\n")
}

/// The unit-cube points of a Sobol' sample, in row order.
func points(of sample: SobolSample) -> [[Double]] { (0..<sample.rowCount).map { sample.point($0) } }

/// The unit-cube points of a Morris sample, in row order.
func points(of sample: MorrisSample) -> [[Double]] { (0..<sample.rowCount).map { sample.point($0) } }

/// The variance of the mean response over the points of a sample, with and without the
/// seed's noise, and the mean within-point variance, kept as sums per bootstrap unit (a
/// Sobol' base row, a Morris trajectory) so that a resample only re-weights them.
///
/// With R replicates y_r(p) at point p, mean ȳ(p), deviations d_r(p) = y_r(p) − ȳ(p) and
/// within-point variance s²(p) = Σ_r d_r(p)² / (R − 1), over n points:
/// - naive variance V = mean(ȳ²) − mean(ȳ)² (population variance, as NumPy's `var`);
/// - corrected variance V_c = V − [mean(s²) − Σ_r mean_p(d_r)² / (R − 1)] / R, unbiased for
///   the variance of the noise-free response whether or not the replicates share seeds
///   across points (docs/statistics.md, "Sensitivity analysis and seed noise").
struct ResponseVarianceTerms {
    /// The replicates R at each point.
    let replicates: Int
    /// Points per unit.
    private var count: [Double] = []
    /// Σ (ȳ − m) per unit, m the centre (a constant that keeps the sums small).
    private var sum: [Double] = []
    /// Σ (ȳ − m)² per unit.
    private var sumOfSquares: [Double] = []
    /// Σ s² per unit (R ≥ 2).
    private var within: [Double] = []
    /// Σ_p d_r(p) per unit and replicate, unit-major (R ≥ 2).
    private var deviations: [Double] = []

    /// The terms of `units` (each a list of points) of `outputs`, centred on `center`.
    init(outputs: ReplicateOutputs, units: [[Int]], center: Double) {
        let r = outputs.replicateCount
        replicates = r
        for points in units {
            var s1 = 0.0, s2 = 0.0, w = 0.0
            var deviation = [Double](repeating: 0, count: r > 1 ? r : 0)
            for p in points {
                let mean = outputs.mean(point: p)
                s1 += mean - center
                s2 += (mean - center) * (mean - center)
                guard r > 1 else { continue }
                var squares = 0.0
                for replicate in 0..<r {
                    let d = outputs[p, replicate] - mean
                    squares += d * d
                    deviation[replicate] += d
                }
                w += squares / Double(r - 1)
            }
            count.append(Double(points.count))
            sum.append(s1)
            sumOfSquares.append(s2)
            within.append(w)
            deviations.append(contentsOf: deviation)
        }
    }

    /// The variances from the units weighted by `weights` (all 1 when nil).
    func estimate(weights: [Double]?) -> (naive: Double, corrected: Double?, within: Double?) {
        var n = 0.0, s1 = 0.0, s2 = 0.0, w = 0.0
        let r = replicates
        var deviation = [Double](repeating: 0, count: r > 1 ? r : 0)
        for unit in count.indices {
            let weight = weights?[unit] ?? 1
            guard weight != 0 else { continue }
            n += weight * count[unit]
            s1 += weight * sum[unit]
            s2 += weight * sumOfSquares[unit]
            guard r > 1 else { continue }
            w += weight * within[unit]
            for replicate in 0..<r { deviation[replicate] += weight * deviations[unit * r + replicate] }
        }
        let naive = s2 / n - (s1 / n) * (s1 / n)
        guard r > 1 else { return (naive, nil, nil) }
        let meanWithin = w / n
        var common = 0.0
        for replicate in 0..<r { common += (deviation[replicate] / n) * (deviation[replicate] / n) }
        common /= Double(r - 1)
        return (naive, naive - (meanWithin - common) / Double(r), meanWithin)
    }

    /// The seed's share of one replicate's variance, σ²_ε / (V_c + σ²_ε), with a corrected
    /// variance below 0 (factors that explain nothing the noise hides) counted as 0.
    static func noiseShare(corrected: Double, within: Double) -> Double {
        let total = max(corrected, 0) + within
        return total > 0 ? within / total : .nan
    }
}

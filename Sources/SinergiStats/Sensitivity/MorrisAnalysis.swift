/// Morris's elementary-effects screening measures μ, μ* and σ from the outputs of a
/// ``MorrisSample`` (SALib's `morris.analyze`, unscaled, without groups).
///
/// The elementary effect of factor i on trajectory t is
/// EE = (ȳ(x + Δe_i) − ȳ(x)) / Δ, the change of the replicate mean per unit-cube step,
/// whichever way the trajectory moved; a factor with range [lo, hi] entering the model
/// linearly as c · x has EE = c (hi − lo) on every trajectory. Intervals come from a
/// bootstrap over trajectories (all factors resampled together); SALib reports μ*'s as
/// z(0.975) times ``SensitivityEstimate/standardError``.
public enum MorrisAnalysis {
    /// The measures of one output.
    ///
    /// - Parameters:
    ///   - sample: The trajectories the outputs were computed at.
    ///   - outputs: One value per row of `sample` and replicate.
    ///   - options: The bootstrap.
    ///   - trajectories: Use only the first n trajectories (a convergence step, n ≥ 2); all by default.
    /// - Complexity: O(r k R + B r k) for r trajectories and B resamples.
    public static func analyze(
        _ sample: MorrisSample, outputs: ReplicateOutputs, options: MorrisOptions = MorrisOptions(),
        trajectories: Int? = nil
    ) throws(SensitivityError) -> MorrisIndices {
        guard outputs.pointCount == sample.rowCount else {
            throw .outputCountMismatch(points: outputs.pointCount, expected: sample.rowCount)
        }
        let n = trajectories ?? sample.trajectoryCount
        guard (2...sample.trajectoryCount).contains(n) else {
            throw .prefixOutOfRange(n, available: sample.trajectoryCount)
        }
        let resampling = try BootstrapResampling(
            size: n, resamples: options.bootstrapResamples, seed: options.bootstrapSeed)
        let effects = elementaryEffects(sample, outputs: outputs, trajectories: n)
        let k = sample.factorCount
        let rows = sample.rowsPerTrajectory
        let points = (0..<(n * rows)).map { outputs.mean(point: $0) }
        let variance = ResponseVarianceTerms(
            outputs: outputs, units: (0..<n).map { Array(($0 * rows)..<(($0 + 1) * rows)) },
            center: points.reduce(0, +) / Double(points.count))

        func measures(_ weights: [Double]?) -> [Double] {
            var result = [Double](repeating: 0, count: 3 * k + 1)
            var total = 0.0
            for t in 0..<n { total += weights?[t] ?? 1 }
            for i in 0..<k {
                var sum = 0.0, absolute = 0.0
                for t in 0..<n {
                    let weight = weights?[t] ?? 1
                    sum += weight * effects[t * k + i]
                    absolute += weight * abs(effects[t * k + i])
                }
                let mean = sum / total
                var squares = 0.0
                for t in 0..<n {
                    let deviation = effects[t * k + i] - mean
                    squares += (weights?[t] ?? 1) * deviation * deviation
                }
                result[i] = mean
                result[k + i] = absolute / total
                result[2 * k + i] = (squares / (total - 1)).squareRoot()
            }
            let (_, corrected, within) = variance.estimate(weights: weights)
            result[3 * k] =
                corrected.flatMap { c in within.map { ResponseVarianceTerms.noiseShare(corrected: c, within: $0) } }
                ?? .nan
            return result
        }

        let full = measures(nil)
        var resampled = [[Double]](repeating: [], count: full.count)
        for b in 0..<resampling.resamples {
            for (statistic, value) in measures(resampling.counts(ofResample: b)).enumerated() {
                resampled[statistic].append(value)
            }
        }
        let estimates = zip(full, resampled).map { SensitivityEstimate(estimate: $0, resampled: $1) }
        return MorrisIndices(
            trajectories: n, replicates: outputs.replicateCount, mu: Array(estimates[0..<k]),
            muStar: Array(estimates[k..<(2 * k)]), sigma: Array(estimates[(2 * k)..<(3 * k)]),
            noiseShare: outputs.replicateCount > 1 ? estimates[3 * k] : nil)
    }

    /// The elementary effects on the replicate means of the first `trajectories`
    /// trajectories, trajectory-major: `t · k + i` for factor i.
    public static func elementaryEffects(
        _ sample: MorrisSample, outputs: ReplicateOutputs, trajectories: Int
    ) -> [Double] {
        let k = sample.factorCount
        var effects = [Double](repeating: 0, count: trajectories * k)
        for t in 0..<trajectories {
            for s in 0..<k {
                let before = outputs.mean(point: t * (k + 1) + s)
                let after = outputs.mean(point: t * (k + 1) + s + 1)
                let factor = sample.movedFactors[t * k + s]
                let change = sample.movesUp[t * k + s] ? after - before : before - after
                effects[t * k + factor] = change / sample.delta
            }
        }
        return effects
    }
}

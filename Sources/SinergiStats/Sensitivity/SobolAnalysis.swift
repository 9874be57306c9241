/// Sobol' variance-based sensitivity indices from the outputs of a ``SobolSample``
/// (SALib's `sobol.analyze`): first order by Saltelli et al. (2010), total order by Jansen
/// (1999), second order by Saltelli (2002), intervals by a bootstrap over base rows, and,
/// with R ≥ 2 replicates per point, the seed's noise removed and its share reported.
public enum SobolAnalysis {
    /// The indices of one output.
    ///
    /// - Parameters:
    ///   - sample: The sample the outputs were computed at.
    ///   - outputs: One value per row of `sample` and replicate.
    ///   - options: Bootstrap and noise correction.
    ///   - baseRows: Use only the first n base rows (a convergence step, n ≥ 2); all by default.
    /// - Complexity: O(N R k + B N (k + k² + R)) for B resamples, second order included.
    public static func analyze(
        _ sample: SobolSample, outputs: ReplicateOutputs, options: SobolOptions = SobolOptions(),
        baseRows: Int? = nil
    ) throws(SensitivityError) -> SobolIndices {
        guard outputs.pointCount == sample.rowCount else {
            throw .outputCountMismatch(points: outputs.pointCount, expected: sample.rowCount)
        }
        let n = baseRows ?? sample.baseRows
        guard (2...sample.baseRows).contains(n) else { throw .prefixOutOfRange(n, available: sample.baseRows) }
        let r = outputs.replicateCount
        if options.noiseCorrection && r < 2 { throw .noiseCorrectionNeedsReplicates(r) }
        let resampling = try BootstrapResampling(
            size: n, resamples: options.bootstrapResamples, seed: options.bootstrapSeed)
        let terms = SobolTerms(
            sample: sample, outputs: outputs.prefix(points: n * sample.rowsPerBaseRow), baseRows: n,
            noiseCorrection: options.noiseCorrection)

        let full = terms.estimates(weights: nil)
        var resampled = [[Double]](repeating: [], count: full.count)
        for b in 0..<resampling.resamples {
            let estimates = terms.estimates(weights: resampling.counts(ofResample: b))
            for (statistic, value) in estimates.enumerated() { resampled[statistic].append(value) }
        }
        let estimates = zip(full, resampled).map { SensitivityEstimate(estimate: $0, resampled: $1) }

        let k = sample.factorCount
        return SobolIndices(
            baseRows: n, replicates: r, noiseCorrected: options.noiseCorrection,
            firstOrder: Array(estimates[0..<k]), totalOrder: Array(estimates[k..<(2 * k)]),
            secondOrder: terms.pairs.enumerated().map { pair, factors in
                SobolIndices.Pair(first: factors.0, second: factors.1, index: estimates[2 * k + pair])
            },
            variance: estimates[2 * k + terms.pairs.count],
            noiseShare: r > 1 ? estimates[2 * k + terms.pairs.count + 1] : nil,
            withinPointVariance: terms.variance.estimate(weights: nil).within)
    }
}

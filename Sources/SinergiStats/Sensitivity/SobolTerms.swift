/// The per-base-row terms of the Sobol' estimators for one output, so that the estimate and
/// every bootstrap resample are weighted sums over base rows.
///
/// With m the mean of the replicate means over every row (SALib centres the outputs the same
/// way) and, per base row j, the centred means a = ȳ(A_j) − m, b = ȳ(B_j) − m,
/// ab_i = ȳ(AB_j^(i)) − m, ba_i = ȳ(BA_j^(i)) − m:
/// - S_i numerator (Saltelli et al. 2010): mean_j b (ab_i − a);
/// - S_Ti numerator (Jansen 1999): mean_j (a − ab_i)² / 2;
/// - V_ij (Saltelli 2002): mean_j (ba_i ab_j − a b), and S_ij = V_ij / V − S_i − S_j.
///
/// Each numerator is a quadratic form Q in the replicate means. With noise correction the
/// same form of every replicate's deviations d_r = y_r − ȳ is subtracted,
/// Σ_r Q(d_r) / (R (R − 1)): the bias the seed's noise adds to Q, estimated without bias
/// whatever the covariance of the noise between points (docs/statistics.md).
struct SobolTerms {
    let factorCount: Int
    let baseRows: Int
    let secondOrder: Bool
    let noiseCorrection: Bool
    /// Centred means per base row; the mixed rows are base-row-major, `j · k + i`.
    private var a: [Double], b: [Double], ab: [Double], ba: [Double]
    /// Per-base-row noise terms Σ_r Q_j(d_r) / (R (R − 1)) of the numerators, same layout;
    /// second order `j · pairs + pair`.
    private var firstNoise: [Double], totalNoise: [Double], pairNoise: [Double]
    /// The variance terms of the A and B rows.
    let variance: ResponseVarianceTerms

    /// The pairs (i, j), i < j, of the second-order indices, in order.
    let pairs: [(Int, Int)]

    init(sample: SobolSample, outputs: ReplicateOutputs, baseRows n: Int, noiseCorrection: Bool) {
        let k = sample.factorCount
        factorCount = k
        baseRows = n
        secondOrder = sample.secondOrder
        self.noiseCorrection = noiseCorrection
        pairs = sample.secondOrder ? (0..<k).flatMap { i in ((i + 1)..<k).map { (i, $0) } } : []
        let pointCount = n * sample.rowsPerBaseRow
        let means = (0..<pointCount).map { outputs.mean(point: $0) }
        let center = means.reduce(0, +) / Double(pointCount)
        func row(_ role: SobolSample.Role, _ j: Int) -> Int { sample.row(role, baseRow: j) }
        a = (0..<n).map { means[row(.a, $0)] - center }
        b = (0..<n).map { means[row(.b, $0)] - center }
        ab = (0..<n).flatMap { j in (0..<k).map { means[row(.ab($0), j)] - center } }
        ba = secondOrder ? (0..<n).flatMap { j in (0..<k).map { means[row(.ba($0), j)] - center } } : []
        variance = ResponseVarianceTerms(
            outputs: outputs, units: (0..<n).map { [row(.a, $0), row(.b, $0)] }, center: center)

        firstNoise = []
        totalNoise = []
        pairNoise = []
        let r = outputs.replicateCount
        guard noiseCorrection, r > 1 else { return }
        // δm_r: the mean over every row of replicate r's deviations.
        var meanDeviation = [Double](repeating: 0, count: r)
        for p in 0..<pointCount {
            for replicate in 0..<r { meanDeviation[replicate] += outputs[p, replicate] - means[p] }
        }
        for replicate in 0..<r { meanDeviation[replicate] /= Double(pointCount) }
        func deviation(_ role: SobolSample.Role, _ j: Int, _ replicate: Int) -> Double {
            let p = row(role, j)
            return outputs[p, replicate] - means[p]
        }
        let scale = 1 / Double(r * (r - 1))
        firstNoise = [Double](repeating: 0, count: k * n)
        totalNoise = [Double](repeating: 0, count: k * n)
        pairNoise = [Double](repeating: 0, count: pairs.count * n)
        for j in 0..<n {
            for replicate in 0..<r {
                let dA = deviation(.a, j, replicate)
                let dB = deviation(.b, j, replicate) - meanDeviation[replicate]
                for i in 0..<k {
                    let dAB = deviation(.ab(i), j, replicate)
                    firstNoise[j * k + i] += scale * dB * (dAB - dA)
                    totalNoise[j * k + i] += scale * (dA - dAB) * (dA - dAB) / 2
                }
                let dAc = dA - meanDeviation[replicate]
                for (pair, (i, l)) in pairs.enumerated() {
                    let dBA = deviation(.ba(i), j, replicate) - meanDeviation[replicate]
                    let dAB = deviation(.ab(l), j, replicate) - meanDeviation[replicate]
                    pairNoise[j * pairs.count + pair] += scale * (dBA * dAB - dAc * dB)
                }
            }
        }
    }

    /// The number of statistics ``estimates(weights:)`` returns.
    var statisticCount: Int { 2 * factorCount + pairs.count + 2 }

    /// S_1…S_k, S_T1…S_Tk, the S_ij in `pairs` order, V and the noise share (NaN with one
    /// replicate), from the base rows weighted by `weights` (all 1 when nil), in one pass.
    func estimates(weights: [Double]?) -> [Double] {
        let k = factorCount, n = baseRows, pairCount = pairs.count
        let (naive, corrected, within) = variance.estimate(weights: weights)
        let v = noiseCorrection ? (corrected ?? naive) : naive
        let correcting = noiseCorrection && !firstNoise.isEmpty
        // Weighted sums of the numerators: S_i, S_Ti, V_ij, each less its noise term.
        var first = [Double](repeating: 0, count: k)
        var total = [Double](repeating: 0, count: k)
        var pair = [Double](repeating: 0, count: pairCount)
        var weightSum = 0.0
        for j in 0..<n {
            let weight = weights?[j] ?? 1
            if weight == 0 { continue }
            weightSum += weight
            let aj = a[j], bj = b[j]
            for i in 0..<k {
                let abij = ab[j * k + i]
                var s = bj * (abij - aj)
                var t = (aj - abij) * (aj - abij) / 2
                if correcting {
                    s -= firstNoise[j * k + i]
                    t -= totalNoise[j * k + i]
                }
                first[i] += weight * s
                total[i] += weight * t
            }
            for (index, (i, l)) in pairs.enumerated() {
                var term = ba[j * k + i] * ab[j * k + l] - aj * bj
                if correcting { term -= pairNoise[j * pairCount + index] }
                pair[index] += weight * term
            }
        }
        var result = [Double]()
        result.reserveCapacity(statisticCount)
        let firstOrder = first.map { $0 / weightSum / v }
        result.append(contentsOf: firstOrder)
        result.append(contentsOf: total.map { $0 / weightSum / v })
        for (index, (i, l)) in pairs.enumerated() {
            result.append(pair[index] / weightSum / v - firstOrder[i] - firstOrder[l])
        }
        // Without variance (a constant output, or noise that explains it all) no index is defined.
        if !(v > 0) { result = result.map { _ in .nan } }
        result.append(v)
        if let corrected, let within {
            result.append(ResponseVarianceTerms.noiseShare(corrected: corrected, within: within))
        } else {
            result.append(.nan)
        }
        return result
    }
}

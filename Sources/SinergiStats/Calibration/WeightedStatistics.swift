/// Statistics of a weighted sample — an ABC-SMC population, whose particles carry
/// importance weights. Weights need not be normalised; they must be ≥ 0 with a positive sum.
/// Sums run in the order of the values, so results do not depend on threads.
public enum WeightedStatistics {
    /// The weights divided by their sum.
    public static func normalised(_ weights: [Double]) -> [Double] {
        let total = weights.reduce(0, +)
        precondition(total > 0 && total.isFinite, "weights need a positive, finite sum")
        return weights.map { $0 / total }
    }

    /// Kish's effective sample size (Σ w)² / Σ w²: 1/Σ w² for normalised weights. It is N for
    /// equal weights and 1 when one particle holds all the weight.
    public static func effectiveSampleSize(_ weights: [Double]) -> Double {
        var sum = 0.0
        var squares = 0.0
        for w in weights {
            sum += w
            squares += w * w
        }
        return sum * sum / squares
    }

    /// The weighted mean Σ w_i x_i / Σ w_i.
    public static func mean(_ values: [Double], weights: [Double]) -> Double {
        precondition(values.count == weights.count && !values.isEmpty)
        var sum = 0.0
        var total = 0.0
        for (x, w) in zip(values, weights) {
            sum += w * x
            total += w
        }
        return sum / total
    }

    /// The weighted standard deviation √(Σ w_i (x_i − x̄_w)² / Σ w_i): the sd of the
    /// distribution the weighted sample represents (no small-sample correction).
    public static func standardDeviation(_ values: [Double], weights: [Double]) -> Double {
        let m = mean(values, weights: weights)
        var sum = 0.0
        var total = 0.0
        for (x, w) in zip(values, weights) {
            sum += w * (x - m) * (x - m)
            total += w
        }
        return (sum / total).squareRoot()
    }

    /// The weighted quantile at `p` ∈ [0, 1], by linear interpolation between the sorted
    /// values placed at the midpoints of their weights: value k (sorted) sits at
    /// c_k = (Σ_{j<k} w_j + w_k/2) / Σ w, below c_0 the quantile is the smallest value and
    /// above c_{n−1} the largest. With equal weights c_k = (k + ½)/n, Hazen's rule
    /// (Hyndman & Fan 1996, type 5). pyabc's `weighted_quantile` uses the same rule.
    public static func quantile(_ values: [Double], weights: [Double], p: Double) -> Double {
        precondition(values.count == weights.count && !values.isEmpty)
        // Particles of zero weight do not count; ties keep their index order.
        let order = values.indices.filter { weights[$0] > 0 }
            .sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
        precondition(!order.isEmpty, "weights need a positive sum")
        // Summed in sorted order, so the result does not depend on the order of the values.
        var total = 0.0
        for index in order { total += weights[index] }
        var cumulative = 0.0
        var previousPoint = 0.0
        var previousValue = values[order[0]]
        for (rank, index) in order.enumerated() {
            let w = weights[index]
            let point = (cumulative + w / 2) / total
            cumulative += w
            let value = values[index]
            if p <= point {
                if rank == 0 || point == previousPoint { return value }
                let fraction = (p - previousPoint) / (point - previousPoint)
                return previousValue + fraction * (value - previousValue)
            }
            previousPoint = point
            previousValue = value
        }
        return previousValue
    }

    /// The weighted mean vector and covariance matrix Σ_w = Σ_i w_i (x_i − m)(x_i − m)ᵀ / Σ w
    /// of the rows of `points` (one point per row, the same length each).
    public static func covariance(_ points: [[Double]], weights: [Double]) -> (mean: [Double], covariance: [[Double]]) {
        precondition(points.count == weights.count && !points.isEmpty)
        let dimension = points[0].count
        let total = weights.reduce(0, +)
        var m = [Double](repeating: 0, count: dimension)
        for (x, w) in zip(points, weights) {
            for k in 0..<dimension { m[k] += w * x[k] }
        }
        for k in 0..<dimension { m[k] /= total }
        var c = [[Double]](repeating: [Double](repeating: 0, count: dimension), count: dimension)
        for (x, w) in zip(points, weights) {
            for k in 0..<dimension {
                let dk = w * (x[k] - m[k])
                for l in 0...k { c[k][l] += dk * (x[l] - m[l]) }
            }
        }
        for k in 0..<dimension {
            for l in 0...k {
                c[k][l] /= total
                c[l][k] = c[k][l]
            }
        }
        return (m, c)
    }
}

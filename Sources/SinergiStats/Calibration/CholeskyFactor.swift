import RealModule

/// The lower-triangular Cholesky factor L of a symmetric positive-definite matrix,
/// A = L Lᵀ (the Cholesky–Banachiewicz order, row by row).
///
/// - Complexity: O(d³) to factor, O(d²) per product or triangular solve.
struct CholeskyFactor: Sendable, Hashable {
    let dimension: Int
    /// L, row-major, d × d; the upper triangle is zero.
    let lower: [Double]

    /// Factors `matrix` (d × d, symmetric; only the lower triangle is read), or nil when it
    /// is not numerically positive definite: a pivot that is not finite or not above
    /// 10⁻¹² of its diagonal entry.
    init?(_ matrix: [[Double]]) {
        let d = matrix.count
        var l = [Double](repeating: 0, count: d * d)
        for i in 0..<d {
            for j in 0...i {
                var sum = matrix[i][j]
                for k in 0..<j { sum -= l[i * d + k] * l[j * d + k] }
                if i == j {
                    guard sum.isFinite, sum > 1e-12 * Swift.abs(matrix[i][i]), sum > 0 else { return nil }
                    l[i * d + i] = sum.squareRoot()
                } else {
                    l[i * d + j] = sum / l[j * d + j]
                }
            }
        }
        dimension = d
        lower = l
    }

    /// L z.
    func multiply(_ z: [Double]) -> [Double] {
        let d = dimension
        var result = [Double](repeating: 0, count: d)
        for i in 0..<d {
            var sum = 0.0
            for k in 0...i { sum += lower[i * d + k] * z[k] }
            result[i] = sum
        }
        return result
    }

    /// L⁻¹ b, by forward substitution.
    func solve(_ b: [Double]) -> [Double] {
        let d = dimension
        var y = [Double](repeating: 0, count: d)
        for i in 0..<d {
            var sum = b[i]
            for k in 0..<i { sum -= lower[i * d + k] * y[k] }
            y[i] = sum / lower[i * d + i]
        }
        return y
    }

    /// ln det A = 2 Σ ln L_ii.
    var logDeterminant: Double {
        var sum = 0.0
        for i in 0..<dimension { sum += Double.log(lower[i * dimension + i]) }
        return 2 * sum
    }
}

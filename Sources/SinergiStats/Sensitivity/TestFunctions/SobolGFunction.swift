/// Sobol's G function (Sobol' 1993; Saltelli & Sobol' 1995):
/// G(x) = Π_i (|4x_i − 2| + a_i) / (1 + a_i) on [0, 1]^k. A small a_i makes factor i
/// important, a large one unimportant; every factor interacts with every other.
///
/// Exact: each factor's partial variance is V_i = 1 / (3(1 + a_i)²), an interaction's is
/// the product of its factors', V = Π(1 + V_i) − 1, S_i = V_i / V,
/// S_Ti = V_i Π_{j≠i}(1 + V_j) / V and S_ij = V_i V_j / V.
public struct SobolGFunction: Sendable, Equatable {
    /// The coefficients a_i, one per factor.
    public var coefficients: [Double]

    /// The eight-factor G function of the sensitivity literature (Saltelli et al. 2008):
    /// a = 0, 1, 4.5, 9, 99, 99, 99, 99.
    public init(coefficients: [Double] = [0, 1, 4.5, 9, 99, 99, 99, 99]) {
        self.coefficients = coefficients
    }

    /// x1 … xk.
    public var factorNames: [String] { coefficients.indices.map { "x\($0 + 1)" } }

    /// G at a point of the unit cube.
    public func value(unit u: [Double]) -> Double {
        var product = 1.0
        for (x, a) in zip(u, coefficients) { product *= (abs(4 * x - 2) + a) / (1 + a) }
        return product
    }

    /// The partial variances V_i.
    var partialVariances: [Double] { coefficients.map { 1 / (3 * (1 + $0) * (1 + $0)) } }

    /// V(G).
    public var variance: Double { partialVariances.reduce(1) { $0 * (1 + $1) } - 1 }

    /// The exact first-order indices.
    public var firstOrder: [Double] { partialVariances.map { $0 / variance } }

    /// The exact total-order indices.
    public var totalOrder: [Double] {
        let v = partialVariances
        return v.indices.map { i in
            v.indices.reduce(v[i]) { product, j in j == i ? product : product * (1 + v[j]) } / variance
        }
    }

    /// The exact second-order index S_ij.
    public func secondOrder(_ i: Int, _ j: Int) -> Double {
        partialVariances[i] * partialVariances[j] / variance
    }
}

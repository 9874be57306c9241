import RealModule

/// The perturbation kernel of ABC-SMC: a proposal moves a particle θ_j of the previous
/// population to θ ~ N(θ_j, Σ), with Σ = 2 Σ_w, twice the weighted covariance of that
/// population (Beaumont, Cornuet, Marin & Robert 2009; Filippi, Barnes, Cornebise & Stumpf
/// 2013 show it is the optimal scale of a Gaussian random-walk kernel for the KL criterion).
/// All coordinates are on the prior's working scale (``PriorMarginal``).
///
/// A population may have no spread in some direction — fewer distinct particles than
/// factors, or a factor every particle shares — and then Σ_w is singular. The kernel then
/// adds a ridge to the diagonal: 10⁻¹⁰ of each factor's variance (its prior variance when
/// the population has none), tenfold larger until the Cholesky factorisation succeeds.
public struct MultivariateNormalKernel: Sendable, Hashable {
    /// The multiple of the weighted covariance the kernel uses.
    public static let covarianceScale = 2.0

    /// Σ as used, ridge included (d × d).
    public let covariance: [[Double]]
    /// The ridge added to the diagonal, as a fraction of each factor's variance; 0 when the
    /// covariance was positive definite as given.
    public let ridge: Double
    let cholesky: CholeskyFactor

    /// The number of coordinates.
    public var dimension: Int { covariance.count }

    /// The kernel fitted to a weighted population: Σ = 2 Σ_w of `points` (working scale).
    /// `fallbackVariances` give each coordinate's scale when the population has none in it
    /// (the prior's working variances).
    public init(fittedTo points: [[Double]], weights: [Double], fallbackVariances: [Double]) {
        let fitted = WeightedStatistics.covariance(points, weights: weights).covariance
        self.init(
            covariance: fitted.map { row in row.map { Self.covarianceScale * $0 } },
            fallbackVariances: fallbackVariances)
    }

    /// The kernel with covariance `covariance` (ridged if it is not positive definite).
    public init(covariance: [[Double]], fallbackVariances: [Double]) {
        precondition(
            covariance.count == fallbackVariances.count && covariance.allSatisfy { $0.count == covariance.count })
        if let factor = CholeskyFactor(covariance) {
            self.covariance = covariance
            ridge = 0
            cholesky = factor
            return
        }
        let d = covariance.count
        let scales = (0..<d).map { k in
            let own = covariance[k][k]
            return own.isFinite && own > 0 ? own : fallbackVariances[k]
        }
        var fraction = 1e-10
        while fraction <= 1 {
            var ridged = covariance
            for k in 0..<d { ridged[k][k] += fraction * scales[k] }
            if let factor = CholeskyFactor(ridged) {
                self.covariance = ridged
                ridge = fraction
                cholesky = factor
                return
            }
            fraction *= 10
        }
        // Not finite, or not even close to positive semi-definite: fall back to the prior's
        // variances, which are positive.
        var diagonal = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
        for k in 0..<d { diagonal[k][k] = fallbackVariances[k] }
        self.covariance = diagonal
        ridge = .infinity
        cholesky = CholeskyFactor(diagonal)!
    }

    /// θ_j + L z, with z a vector of d independent standard normals, each the inverse CDF of
    /// one uniform from `stream`.
    public func perturb(_ centre: [Double], _ stream: RandomStream) -> [Double] {
        let z = (0..<dimension).map { _ in GSLMath.gaussianQuantile(stream.uniform(), 1) }
        let step = cholesky.multiply(z)
        return zip(centre, step).map { $0 + $1 }
    }

    /// ln N(x; centre, Σ).
    public func logDensity(_ x: [Double], centre: [Double]) -> Double {
        let y = cholesky.solve(zip(x, centre).map { $0 - $1 })
        var q = 0.0
        for value in y { q += value * value }
        return -0.5 * q - 0.5 * cholesky.logDeterminant - 0.5 * Double(dimension) * Double.log(2 * .pi)
    }

    /// L⁻¹ x: in whitened coordinates the kernel's exponent is −½ ‖y − y_j‖².
    func whitened(_ x: [Double]) -> [Double] { cholesky.solve(x) }
}

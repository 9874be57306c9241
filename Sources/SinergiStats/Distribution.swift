internal import CGSL

/// A scenario value: a constant or a distribution sampled once per replicate.
///
/// Every sample is the inverse CDF of exactly one uniform number (MODEL.md §6), so a
/// redraw costs one number from its stream whatever the distribution.
public enum Distribution: Sendable, Hashable {
    /// Always the same value.
    case constant(Double)
    /// Uniform on [low, high].
    case uniform(low: Double, high: Double)
    /// Beta(α, β) on [0, 1].
    case beta(alpha: Double, beta: Double)
    /// Normal(mean, sd); values beyond `clip` become the bound (clipped, not truncated).
    case normal(mean: Double, sd: Double, clip: ClosedRange<Double>?)
    /// Normal(mean, sd) conditioned on [low, high] (truncated: no mass piles up at a bound).
    case truncatedNormal(mean: Double, sd: Double, low: Double, high: Double)
    /// Triangular on [low, high] with its peak at `mode`.
    case triangular(low: Double, mode: Double, high: Double)
    /// Lognormal: log X ~ Normal(mu, sigma); values beyond `clip` become the bound.
    case lognormal(mu: Double, sigma: Double, clip: ClosedRange<Double>?)
    /// Bernoulli(p): 1 with probability p, else 0.
    case bernoulli(p: Double)

    /// The smallest interval that holds every value the distribution can produce.
    public var support: ClosedRange<Double> {
        switch self {
        case .constant(let value): return value...value
        case .uniform(let low, let high): return low...high
        case .beta: return 0...1
        case .normal(_, _, let clip): return clip ?? -Double.infinity...Double.infinity
        case .truncatedNormal(_, _, let low, let high): return low...high
        case .triangular(let low, _, let high): return low...high
        case .lognormal(_, _, let clip): return clip ?? 0...Double.infinity
        case .bernoulli: return 0...1
        }
    }

    /// Checks the parameters; throws a readable explanation when they are not valid.
    public func validate() throws(DistributionError) {
        func require(_ condition: Bool, _ message: @autoclosure () -> String) throws(DistributionError) {
            if !condition { throw DistributionError(message: message()) }
        }
        func finite(_ values: Double...) -> Bool { values.allSatisfy(\.isFinite) }
        switch self {
        case .constant(let value):
            try require(value.isFinite, "a constant must be a finite number")
        case .uniform(let low, let high):
            try require(
                finite(low, high) && low < high, "uniform needs [low, high] with low < high, got [\(low), \(high)]")
        case .beta(let alpha, let beta):
            // ln B(α, β) also exists for some negative non-integer shapes (B(−1.5, 2) = 4/3), so
            // GSL's domain check alone does not reject them.
            try require(
                finite(alpha, beta) && alpha > 0 && beta > 0,
                "beta needs both shape parameters > 0, got [\(alpha), \(beta)]")
            do { _ = try GSLMath.logBeta(alpha, beta) } catch {
                throw DistributionError(
                    message: "beta needs both shape parameters > 0, got [\(alpha), \(beta)] (\(error))")
            }
        case .normal(let mean, let sd, let clip):
            try require(finite(mean, sd) && sd > 0, "normal needs [mean, sd] with sd > 0, got [\(mean), \(sd)]")
            if let clip {
                try require(
                    finite(clip.lowerBound, clip.upperBound), "normal: clip needs two finite bounds, got \(clip)")
            }
        case .truncatedNormal(let mean, let sd, let low, let high):
            try require(
                finite(mean, sd, low, high) && sd > 0 && low < high,
                "truncatedNormal needs [mean, sd, low, high] with sd > 0 and low < high")
            let mass = gsl_cdf_gaussian_P(high - mean, sd) - gsl_cdf_gaussian_P(low - mean, sd)
            try require(
                mass > 1e-12, "truncatedNormal: [\(low), \(high)] holds almost no probability of normal(\(mean), \(sd))"
            )
        case .triangular(let low, let mode, let high):
            try require(
                finite(low, mode, high) && low <= mode && mode <= high && low < high,
                "triangular needs [low, mode, high] with low ≤ mode ≤ high and low < high, got [\(low), \(mode), \(high)]"
            )
        case .lognormal(let mu, let sigma, let clip):
            try require(
                finite(mu, sigma) && sigma > 0, "lognormal needs [mu, sigma] with sigma > 0, got [\(mu), \(sigma)]")
            if let clip {
                try require(
                    finite(clip.lowerBound, clip.upperBound), "lognormal: clip needs two finite bounds, got \(clip)")
            }
        case .bernoulli(let p):
            try require(p >= 0 && p <= 1, "bernoulli needs a probability in [0, 1], got \(p)")
        }
    }

    /// The inverse cumulative distribution function at `p` ∈ (0, 1).
    ///
    /// Uses GSL's `gsl_cdf_*_Pinv` where GSL has one; the triangular inverse is closed-form.
    /// Call only on a validated distribution.
    @inlinable
    public func quantile(_ p: Double) -> Double {
        switch self {
        case .constant(let value):
            return value
        case .uniform(let low, let high):
            return low + p * (high - low)
        case .beta(let alpha, let beta):
            return GSLMath.betaQuantile(p, alpha, beta)
        case .normal(let mean, let sd, let clip):
            let x = mean + GSLMath.gaussianQuantile(p, sd)
            guard let clip else { return x }
            return Swift.min(Swift.max(x, clip.lowerBound), clip.upperBound)
        case .truncatedNormal(let mean, let sd, let low, let high):
            let lo = GSLMath.gaussianCDF(low - mean, sd)
            let hi = GSLMath.gaussianCDF(high - mean, sd)
            let x = mean + GSLMath.gaussianQuantile(lo + p * (hi - lo), sd)
            return Swift.min(Swift.max(x, low), high)
        case .triangular(let low, let mode, let high):
            let split = (mode - low) / (high - low)
            if p < split {
                return low + (p * (high - low) * (mode - low)).squareRoot()
            }
            return high - ((1 - p) * (high - low) * (high - mode)).squareRoot()
        case .lognormal(let mu, let sigma, let clip):
            let x = GSLMath.lognormalQuantile(p, mu, sigma)
            guard let clip else { return x }
            return Swift.min(Swift.max(x, clip.lowerBound), clip.upperBound)
        case .bernoulli(let probability):
            return p > 1 - probability ? 1 : 0
        }
    }

    /// One sample: the inverse CDF of one uniform from `stream`.
    @inlinable
    public func sample(_ stream: RandomStream) -> Double {
        quantile(stream.uniform())
    }
}

/// Why a distribution's parameters are not valid.
public struct DistributionError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

import RealModule

/// The prior distribution of one calibrated factor, independent of the other factors.
///
/// Each marginal has a *working scale*, the coordinate in which ABC-SMC perturbs particles
/// and computes kernel densities: the value itself for uniform and normal priors, its
/// logarithm for a log-uniform prior (on which scale the prior is uniform, so a factor that
/// spans decades is perturbed in proportion to its size).
public enum PriorMarginal: Sendable, Hashable, Codable {
    /// Uniform on [low, high] (`--factor PATH=LOW:HIGH`).
    case uniform(low: Double, high: Double)
    /// Log-uniform on [low, high] with 0 < low: log θ is uniform on [log low, log high]
    /// (`--factor PATH=LOW:HIGH --log PATH`).
    case logUniform(low: Double, high: Double)
    /// Normal(mean, sd) on the whole real line (the normal–normal check).
    case normal(mean: Double, sd: Double)

    /// Checks the parameters; throws a readable explanation when they are not valid.
    public func validate() throws(CalibrationError) {
        switch self {
        case .uniform(let low, let high):
            guard low.isFinite, high.isFinite, low < high else {
                throw CalibrationError(message: "a uniform prior needs finite low < high, got [\(low), \(high)]")
            }
        case .logUniform(let low, let high):
            guard low.isFinite, high.isFinite, low > 0, low < high else {
                throw CalibrationError(message: "a log-uniform prior needs 0 < low < high, got [\(low), \(high)]")
            }
        case .normal(let mean, let sd):
            guard mean.isFinite, sd.isFinite, sd > 0 else {
                throw CalibrationError(message: "a normal prior needs a finite mean and sd > 0, got [\(mean), \(sd)]")
            }
        }
    }

    /// The values with positive prior density.
    public var support: ClosedRange<Double> {
        switch self {
        case .uniform(let low, let high), .logUniform(let low, let high): return low...high
        case .normal: return -Double.infinity...Double.infinity
        }
    }

    /// Whether `value` lies in the support.
    public func contains(_ value: Double) -> Bool { support.contains(value) }

    /// The prior density at `value` (0 outside the support).
    public func density(_ value: Double) -> Double { Double.exp(logDensity(value)) }

    /// The natural logarithm of the prior density at `value` (−∞ outside the support).
    public func logDensity(_ value: Double) -> Double {
        guard value.isFinite, contains(value) else { return -.infinity }
        switch self {
        case .uniform(let low, let high):
            return -Double.log(high - low)
        case .logUniform(let low, let high):
            // p(θ) = 1 / (θ · ln(high/low)).
            return -Double.log(value) - Double.log(Double.log(high) - Double.log(low))
        case .normal(let mean, let sd):
            let z = (value - mean) / sd
            return -0.5 * z * z - Double.log(sd) - 0.5 * Double.log(2 * .pi)
        }
    }

    /// The inverse cumulative distribution function at `p` ∈ (0, 1).
    public func quantile(_ p: Double) -> Double {
        switch self {
        case .uniform(let low, let high):
            return low + p * (high - low)
        case .logUniform(let low, let high):
            return Swift.min(Swift.max(fromWorking(toWorking(low) + p * (toWorking(high) - toWorking(low))), low), high)
        case .normal(let mean, let sd):
            return mean + GSLMath.gaussianQuantile(p, sd)
        }
    }

    /// One draw: the inverse CDF of one uniform from `stream`.
    public func sample(_ stream: RandomStream) -> Double { quantile(stream.uniform()) }

    /// `value` on the working scale (its logarithm for a log-uniform prior).
    public func toWorking(_ value: Double) -> Double {
        if case .logUniform = self { return Double.log(value) }
        return value
    }

    /// The value whose working coordinate is `x`, kept inside the support against rounding.
    public func fromWorking(_ x: Double) -> Double {
        switch self {
        case .logUniform(let low, let high): return Swift.min(Swift.max(Double.exp(x), low), high)
        case .uniform, .normal: return x
        }
    }

    /// Whether the working coordinate `x` lies in the support.
    func containsWorking(_ x: Double) -> Bool {
        switch self {
        case .uniform(let low, let high): return x >= low && x <= high
        case .logUniform(let low, let high): return x >= Double.log(low) && x <= Double.log(high)
        case .normal: return x.isFinite
        }
    }

    /// The logarithm of the prior density of the working coordinate `x` (−∞ outside the
    /// support): the density of log θ for a log-uniform prior, 1/(ln high − ln low).
    func workingLogDensity(_ x: Double) -> Double {
        guard containsWorking(x) else { return -.infinity }
        switch self {
        case .uniform, .normal: return logDensity(x)
        case .logUniform(let low, let high): return -Double.log(Double.log(high) - Double.log(low))
        }
    }

    /// The prior variance on the working scale: the kernel's fallback scale when a population
    /// has no spread in this factor.
    var workingVariance: Double {
        switch self {
        case .uniform(let low, let high): return (high - low) * (high - low) / 12
        case .logUniform(let low, let high):
            let width = Double.log(high) - Double.log(low)
            return width * width / 12
        case .normal(_, let sd): return sd * sd
        }
    }
}

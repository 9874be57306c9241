/// Why a sensitivity analysis cannot be sampled or analysed, as one line a person can act on.
public enum SensitivityError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Fewer than two factors: there is nothing to apportion the variance among.
    case tooFewFactors(Int)
    /// Saltelli's scheme needs 2k dimensions of the Sobol' sequence, and GSL has 40.
    case tooManyFactors(Int, maximum: Int)
    /// The number of base samples N of a Sobol' analysis is not a power of two (≥ 2).
    case samplesNotPowerOfTwo(Int)
    /// Morris needs at least two trajectories for σ.
    case tooFewTrajectories(Int)
    /// The Morris grid needs an even number of levels p ≥ 2.
    case levelsNotEven(Int)
    /// Fewer than two bootstrap resamples.
    case tooFewResamples(Int)
    /// The outputs do not match the sample they should come from.
    case outputCountMismatch(points: Int, expected: Int)
    /// A replicate count below 1, or values that do not fill points × replicates.
    case malformedOutputs(String)
    /// A missing (NaN) or infinite output.
    case nonFiniteOutput(point: Int, replicate: Int)
    /// The seed's noise can be estimated only from two replicates or more per point.
    case noiseCorrectionNeedsReplicates(Int)
    /// The prefix asked for (a convergence step) is not part of the sample.
    case prefixOutOfRange(Int, available: Int)

    public var description: String {
        switch self {
        case .tooFewFactors(let k):
            return "a sensitivity analysis needs at least 2 factors, got \(k)"
        case .tooManyFactors(let k, let maximum):
            return
                "Sobol' sampling supports at most \(maximum) factors (2k dimensions of GSL's Sobol' sequence), got \(k)"
        case .samplesNotPowerOfTwo(let n):
            return "the number of samples N must be a power of two (2, 4, 8, …), got \(n)"
        case .tooFewTrajectories(let r):
            return "Morris needs at least 2 trajectories, got \(r)"
        case .levelsNotEven(let p):
            return "Morris needs an even number of grid levels p ≥ 2, got \(p)"
        case .tooFewResamples(let b):
            return "bootstrap intervals need at least 2 resamples, got \(b)"
        case .outputCountMismatch(let points, let expected):
            return "outputs for \(points) sample points, but the sample has \(expected)"
        case .malformedOutputs(let reason):
            return "malformed outputs: \(reason)"
        case .nonFiniteOutput(let point, let replicate):
            return "output of sample point \(point), replicate \(replicate) is missing or not finite"
        case .noiseCorrectionNeedsReplicates(let r):
            return "noise correction needs at least 2 replicates per point, got \(r)"
        case .prefixOutOfRange(let n, let available):
            return "cannot analyse the first \(n) samples of \(available)"
        }
    }
}

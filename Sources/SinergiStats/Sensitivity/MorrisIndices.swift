/// The Morris screening measures of one output (one outcome of one government), with
/// bootstrap intervals over trajectories.
public struct MorrisIndices: Sendable, Equatable {
    /// The trajectories the measures use (a convergence step uses a prefix).
    public var trajectories: Int
    /// The replicates R at each point.
    public var replicates: Int
    /// μ_i, the mean elementary effect: the factor's average influence, signed.
    public var mu: [SensitivityEstimate]
    /// μ*_i, the mean absolute elementary effect (Campolongo, Cariboni & Saltelli 2007): how
    /// much the factor matters, effects of opposite signs not cancelling.
    public var muStar: [SensitivityEstimate]
    /// σ_i, the standard deviation of the elementary effects (n − 1): how much the effect
    /// depends on where the others are (interactions or curvature) — and on the seed.
    public var sigma: [SensitivityEstimate]
    /// The share of one replicate's output variance that the seed explains, over the
    /// trajectories' grid points; nil with one replicate per point.
    public var noiseShare: SensitivityEstimate?
}

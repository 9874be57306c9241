/// The Sobol' indices of one output (one outcome of one government), with bootstrap
/// intervals, and how much of the output the seed rather than the factors explains.
public struct SobolIndices: Sendable, Equatable {
    /// The base rows N the estimates use (a convergence step uses a prefix).
    public var baseRows: Int
    /// The replicates R at each point.
    public var replicates: Int
    /// Whether the seed's noise was removed from the estimators.
    public var noiseCorrected: Bool
    /// First-order indices S_i (Saltelli et al. 2010), one per factor.
    public var firstOrder: [SensitivityEstimate]
    /// Total-order indices S_Ti (Jansen 1999), one per factor.
    public var totalOrder: [SensitivityEstimate]
    /// Second-order indices S_ij for i < j (Saltelli 2002), in the order (0,1), (0,2), …,
    /// (1,2), …; empty without a second-order sample.
    public var secondOrder: [Pair]
    /// The variance of the mean response over the factors, V(f) (corrected for the seed's
    /// noise when `noiseCorrected`), in the output's units squared.
    public var variance: SensitivityEstimate
    /// The share of one replicate's output variance that the seed explains,
    /// E[Var(Y | x)] / (V(f) + E[Var(Y | x)]); nil with one replicate per point.
    public var noiseShare: SensitivityEstimate?
    /// The mean within-point variance E[Var(Y | x)] over the A and B rows; nil with one
    /// replicate per point.
    public var withinPointVariance: Double?

    /// A second-order index of two factors.
    public struct Pair: Sendable, Equatable {
        public var first: Int
        public var second: Int
        public var index: SensitivityEstimate

        public init(first: Int, second: Int, index: SensitivityEstimate) {
            self.first = first
            self.second = second
            self.index = index
        }
    }

    /// The variance of a replicate mean's noise relative to the factors' variance,
    /// E[Var(Y | x)] / (R · V(f)): above 1 the noise swamps what the factors do, and more
    /// replicates (or samples) are needed for useful intervals (docs/statistics.md).
    public var noiseToSignal: Double? {
        withinPointVariance.map { $0 / (Double(replicates) * variance.estimate) }
    }
}

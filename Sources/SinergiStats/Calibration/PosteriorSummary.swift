/// The weighted summaries of an ABC-SMC population, per factor: the approximation of each
/// factor's marginal posterior.
public struct PosteriorSummary: Sendable, Hashable {
    /// One factor's marginal posterior.
    public struct Factor: Sendable, Hashable {
        public var name: String
        /// Σ w_i θ_i.
        public var mean: Double
        /// √(Σ w_i (θ_i − mean)²).
        public var sd: Double
        /// Weighted quantiles at 5, 50 and 95% (``WeightedStatistics/quantile(_:weights:p:)``).
        public var q05: Double
        public var q50: Double
        public var q95: Double

        /// The equal-tailed 90% credible interval [q05, q95].
        public var credibleInterval90: ClosedRange<Double> { q05...q95 }
    }

    public let factors: [Factor]
    /// The population's effective sample size, 1 / Σ w².
    public let effectiveSampleSize: Double

    public init(generation: ABCGeneration, prior: Prior) {
        let weights = generation.weights
        factors = prior.factors.enumerated().map { index, factor in
            let values = generation.values(ofFactor: index)
            return Factor(
                name: factor.name, mean: WeightedStatistics.mean(values, weights: weights),
                sd: WeightedStatistics.standardDeviation(values, weights: weights),
                q05: WeightedStatistics.quantile(values, weights: weights, p: 0.05),
                q50: WeightedStatistics.quantile(values, weights: weights, p: 0.5),
                q95: WeightedStatistics.quantile(values, weights: weights, p: 0.95))
        }
        effectiveSampleSize = generation.effectiveSampleSize
    }
}

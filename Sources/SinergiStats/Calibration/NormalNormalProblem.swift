/// The analytic check of ABC-SMC (`sinergi calibrate --function normal-normal`): the mean μ
/// of a normal with known sd σ, from n observations with sample mean x̄, under a
/// Normal(μ₀, τ₀²) prior. The sample mean is sufficient for μ, so the model simulates the
/// mean of n draws and the one target is x̄ with sd σ/√n. The prior is conjugate, so the
/// exact posterior is normal with precision 1/τ₀² + n/σ² and mean (μ₀/τ₀² + n x̄/σ²) over
/// that precision. The standard instance (μ₀ = 0, τ₀ = 1, σ = 1, n = 10, x̄ = 0.5) has the
/// posterior N(0.4545, 0.3015²): mean 5/11, sd 1/√11.
public struct NormalNormalProblem: Sendable, Hashable {
    public var priorMean: Double
    public var priorSD: Double
    public var noiseSD: Double
    public var sampleSize: Int
    public var sampleMean: Double

    public init(
        priorMean: Double = 0, priorSD: Double = 1, noiseSD: Double = 1, sampleSize: Int = 10, sampleMean: Double = 0.5
    ) {
        self.priorMean = priorMean
        self.priorSD = priorSD
        self.noiseSD = noiseSD
        self.sampleSize = sampleSize
        self.sampleMean = sampleMean
    }

    /// The one factor, `mean`, with its normal prior.
    public var prior: Prior { Prior([.init(name: "mean", marginal: .normal(mean: priorMean, sd: priorSD))]) }

    /// The one target, `sample_mean`: x̄ with sd σ/√n.
    public var observations: [Observation] {
        [Observation(name: "sample_mean", value: sampleMean, sd: noiseSD / Double(sampleSize).squareRoot())]
    }

    /// The model: the mean of n draws from Normal(μ, σ), each the inverse CDF of one
    /// uniform from a taus2 stream seeded with `seed`.
    public func simulate(_ parameters: [Double], seed: UInt64) -> [Double] {
        let stream = RandomStream(algorithm: .taus2, seed: seed)
        var sum = 0.0
        for _ in 0..<sampleSize { sum += parameters[0] + GSLMath.gaussianQuantile(stream.uniform(), noiseSD) }
        return [sum / Double(sampleSize)]
    }

    /// The exact posterior precision 1/τ₀² + n/σ².
    private var posteriorPrecision: Double {
        1 / (priorSD * priorSD) + Double(sampleSize) / (noiseSD * noiseSD)
    }

    /// The exact posterior mean.
    public var exactPosteriorMean: Double {
        (priorMean / (priorSD * priorSD) + Double(sampleSize) * sampleMean / (noiseSD * noiseSD)) / posteriorPrecision
    }

    /// The exact posterior sd.
    public var exactPosteriorSD: Double { (1 / posteriorPrecision).squareRoot() }
}

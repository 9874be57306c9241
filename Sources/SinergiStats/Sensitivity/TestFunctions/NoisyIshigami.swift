/// The Ishigami function observed with noise: each evaluation (sample point p, replicate r)
/// adds its own draw from Normal(0, σ²), σ² = 4 by default. A stand-in for a stochastic
/// model whose seed adds variance that no factor explains: naive Sobol' estimators on the
/// replicate means are biased, and the noise-corrected ones must find Ishigami's indices.
///
/// The noise of (p, r) is drawn from a stream seeded with
/// ``SeedDerivation/replicateSeed(master:designPoint:replicate:)``(seed, p, r): independent
/// between points and between replicates, so replicate r does **not** share its noise
/// across points (no common random numbers) — the case in which the seed's noise inflates
/// every variance term by σ²/R.
public struct NoisyIshigami: Sendable, Equatable {
    /// The noise-free function.
    public var ishigami: Ishigami
    /// The noise variance σ² of one evaluation.
    public var noiseVariance: Double

    public init(ishigami: Ishigami = Ishigami(), noiseVariance: Double = 4) {
        self.ishigami = ishigami
        self.noiseVariance = noiseVariance
    }

    /// The noise of point `point`, replicate `replicate`, drawn from `stream` after
    /// reseeding it.
    public func noise(seed: UInt64, point: Int, replicate: Int, stream: RandomStream) -> Double {
        stream.reseed(SeedDerivation.replicateSeed(master: seed, designPoint: point, replicate: replicate))
        return GSLMath.gaussianQuantile(stream.uniform(), noiseVariance.squareRoot())
    }

    /// One noisy evaluation at a point of the unit cube.
    public func value(unit u: [Double], seed: UInt64, point: Int, replicate: Int, stream: RandomStream) -> Double {
        ishigami.value(unit: u) + noise(seed: seed, point: point, replicate: replicate, stream: stream)
    }
}

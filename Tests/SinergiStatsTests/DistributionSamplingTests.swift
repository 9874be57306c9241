import Foundation
import SinergiStats
import Testing

/// Sample means against analytic means: n = 20,000 draws from a fixed seed must land within
/// 4 standard errors, SE = √(Var/n) with Var the distribution's known variance.
@Suite("Distribution.sample")
struct DistributionSamplingTests {
    static let n = 20_000

    /// One distribution with its analytic mean and variance.
    struct Case: Sendable, CustomTestStringConvertible {
        var distribution: Distribution
        var mean: Double
        var variance: Double
        var testDescription: String { "\(distribution)" }
    }

    static let cases: [Case] = {
        let clipped = clippedNormalMoments(mean: 0.5, sd: 0.3, low: 0, high: 1)
        let truncated = truncatedNormalMoments(mean: 0.5, sd: 0.3, low: 0, high: 1)
        let tail = truncatedNormalMoments(mean: 0, sd: 1, low: 4, high: 5)
        let (mu, sigma) = (0.2, 0.5)
        return [
            // U(a, b): (a + b)/2, (b − a)²/12.
            Case(distribution: .uniform(low: 0.4, high: 1.0), mean: 0.7, variance: 0.36 / 12),
            // Beta(a, b): a/(a + b), ab/((a + b)²(a + b + 1)).
            Case(distribution: .beta(alpha: 2, beta: 3), mean: 0.4, variance: 6.0 / (25 * 6)),
            Case(distribution: .beta(alpha: 2, beta: 2), mean: 0.5, variance: 4.0 / (16 * 5)),
            Case(distribution: .beta(alpha: 0.5, beta: 0.5), mean: 0.5, variance: 0.25 / 2),
            Case(distribution: .normal(mean: 10, sd: 2, clip: nil), mean: 10, variance: 4),
            Case(
                distribution: .normal(mean: 0.5, sd: 0.3, clip: 0...1), mean: clipped.mean, variance: clipped.variance),
            Case(
                distribution: .truncatedNormal(mean: 0.5, sd: 0.3, low: 0, high: 1),
                mean: truncated.mean, variance: truncated.variance),
            Case(
                distribution: .truncatedNormal(mean: 0, sd: 1, low: 4, high: 5), mean: tail.mean,
                variance: tail.variance),
            // Triangular(a, c, b): (a + b + c)/3, (a² + b² + c² − ab − ac − bc)/18.
            Case(distribution: .triangular(low: 1, mode: 2, high: 6), mean: 3, variance: 21.0 / 18),
            Case(distribution: .triangular(low: 0, mode: 0, high: 1), mean: 1.0 / 3, variance: 1.0 / 18),
            // Lognormal(μ, σ): e^(μ + σ²/2), (e^σ² − 1)e^(2μ + σ²).
            Case(
                distribution: .lognormal(mu: mu, sigma: sigma, clip: nil),
                mean: exp(mu + sigma * sigma / 2), variance: (exp(sigma * sigma) - 1) * exp(2 * mu + sigma * sigma)),
            Case(distribution: .bernoulli(p: 0.3), mean: 0.3, variance: 0.21),
            Case(distribution: .bernoulli(p: 0.95), mean: 0.95, variance: 0.95 * 0.05),
        ]
    }()

    @Test("sample mean within 4 SE of the analytic mean (MT19937)", arguments: cases)
    func sampleMean(_ c: Case) {
        let values = samples(of: c.distribution, count: Self.n, seed: 20_240_601)
        let se = standardError(variance: c.variance, n: Self.n)
        #expect(abs(average(values) - c.mean) <= 4 * se, "mean \(average(values)) vs \(c.mean), SE \(se)")
    }

    @Test("sample mean within 4 SE of the analytic mean (taus2)", arguments: cases.prefix(5))
    func sampleMeanTaus2(_ c: Case) {
        let values = samples(of: c.distribution, count: Self.n, seed: 77, algorithm: .taus2)
        let se = standardError(variance: c.variance, n: Self.n)
        #expect(abs(average(values) - c.mean) <= 4 * se, "mean \(average(values)) vs \(c.mean), SE \(se)")
    }

    @Test("the sample variance of a normal is σ² within 4 SE")
    func normalVariance() {
        // For normal data Var(s²) = 2σ⁴/(n − 1).
        let values = samples(of: .normal(mean: 10, sd: 2, clip: nil), count: Self.n, seed: 5)
        let mean = average(values)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(Self.n - 1)
        let se = (2 * 16 / Double(Self.n - 1)).squareRoot()
        #expect(abs(variance - 4) <= 4 * se)
    }

    @Test("a constant always samples its value and uses one uniform per sample")
    func constant() {
        let stream = RandomStream(seed: 11)
        let twin = RandomStream(seed: 11)
        #expect((0..<100).allSatisfy { _ in Distribution.constant(0.3).sample(stream) == 0.3 })
        for _ in 0..<100 { _ = twin.uniform() }
        #expect(stream.nextRaw() == twin.nextRaw())
    }

    @Test("every sample costs exactly one uniform (MODEL.md §6)", arguments: cases)
    func oneUniformPerSample(_ c: Case) {
        let stream = RandomStream(seed: 3)
        let twin = RandomStream(seed: 3)
        let sampled = (0..<1000).map { _ in c.distribution.sample(stream) }
        let inverted = (0..<1000).map { _ in c.distribution.quantile(twin.uniform()) }
        #expect(sampled == inverted)
        #expect(stream.nextRaw() == twin.nextRaw())
    }

    @Test("clip puts the tail mass on the bound")
    func clipPilesMassAtBound() {
        // Normal(0, 1) clipped to [−1, 1.5]: P(Y = −1) = Φ(−1), P(Y = 1.5) = 1 − Φ(1.5).
        let values = samples(of: .normal(mean: 0, sd: 1, clip: -1...1.5), count: Self.n, seed: 8)
        let atLow = Double(values.filter { $0 == -1 }.count) / Double(Self.n)
        let atHigh = Double(values.filter { $0 == 1.5 }.count) / Double(Self.n)
        let pLow = standardNormalCDF(-1), pHigh = standardNormalTail(1.5)
        #expect(abs(atLow - pLow) <= 4 * proportionStandardError(p: pLow, n: Self.n))
        #expect(abs(atHigh - pHigh) <= 4 * proportionStandardError(p: pHigh, n: Self.n))
        #expect(values.allSatisfy { $0 >= -1 && $0 <= 1.5 })

        // Lognormal(0, 1) clipped to [0.5, 4]: P(Y = 4) = 1 − Φ(ln 4).
        let logValues = samples(of: .lognormal(mu: 0, sigma: 1, clip: 0.5...4), count: Self.n, seed: 9)
        let atCeiling = Double(logValues.filter { $0 == 4 }.count) / Double(Self.n)
        let pCeiling = standardNormalTail(log(4))
        #expect(abs(atCeiling - pCeiling) <= 4 * proportionStandardError(p: pCeiling, n: Self.n))
    }

    @Test("truncatedNormal stays inside and piles no mass at a bound")
    func truncatedNormalNoPileUp() {
        // Normal(0.5, 0.3) on [0, 1]. Clipping would put Φ(−5/3) ≈ 4.8% exactly on 0; truncation
        // gives the strip [0, 0.03] only (Φ(−1.5667) − Φ(−1.6667))/Z ≈ 1.2%.
        let (mean, sd, low, high) = (0.5, 0.3, 0.0, 1.0)
        let values = samples(
            of: .truncatedNormal(mean: mean, sd: sd, low: low, high: high), count: Self.n, seed: 10)
        #expect(values.allSatisfy { $0 >= low && $0 <= high })
        #expect(values.filter { $0 == low || $0 == high }.count == 0)

        let mass = standardNormalCDF((high - mean) / sd) - standardNormalCDF((low - mean) / sd)
        let strip = (standardNormalCDF((0.03 - mean) / sd) - standardNormalCDF((low - mean) / sd)) / mass
        let observed = Double(values.filter { $0 <= 0.03 }.count) / Double(Self.n)
        #expect(abs(observed - strip) <= 4 * proportionStandardError(p: strip, n: Self.n))
    }

    @Test("samples stay inside the support", arguments: cases)
    func insideSupport(_ c: Case) {
        let support = c.distribution.support
        #expect(samples(of: c.distribution, count: 5000, seed: 12).allSatisfy { support.contains($0) })
    }
}

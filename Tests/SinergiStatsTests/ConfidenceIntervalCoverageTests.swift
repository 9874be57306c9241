import SinergiStats
import Testing

@Suite("Summary 95% CI coverage")
struct ConfidenceIntervalCoverageTests {
    @Test("the t-based 95% CI covers the true mean in 95% of normal experiments")
    func coverage() {
        // 2,000 experiments of n = 30 Normal(10, 2) draws from one fixed-seed stream.
        // The number covered is Binomial(2000, 0.95): SE of the rate √(0.95·0.05/2000) ≈ 0.00487.
        let experiments = 2000, n = 30, trueMean = 10.0
        let distribution = Distribution.normal(mean: trueMean, sd: 2, clip: nil)
        let stream = RandomStream(seed: 0x5EED_C0DE)
        expectNominalCoverage(experiments: experiments, n: n, trueMean: trueMean, distribution, stream)
    }

    @Test("a z-based interval (1.96 instead of t) would undercover at n = 5: the t quantile matters")
    func smallSampleNeedsT() {
        // With n = 5, t(0.975, 4) = 2.776; the CI must cover 95%, which the narrower
        // z interval (nominal 87.8% here) could not.
        let experiments = 4000, n = 5, trueMean = 0.0
        let distribution = Distribution.normal(mean: trueMean, sd: 1, clip: nil)
        let stream = RandomStream(algorithm: .taus2, seed: 4242)
        expectNominalCoverage(experiments: experiments, n: n, trueMean: trueMean, distribution, stream)
    }

    /// Runs `experiments` samples of size n and expects the CI to cover the true mean in
    /// 95% of them within 4 standard errors of a binomial rate, √(0.95·0.05/experiments).
    func expectNominalCoverage(
        experiments: Int, n: Int, trueMean: Double, _ distribution: Distribution,
        _ stream: RandomStream
    ) {
        var covered = 0
        for _ in 0..<experiments {
            let summary = Summary((0..<n).map { _ in distribution.sample(stream) })
            if summary.ci95Low <= trueMean && trueMean <= summary.ci95High { covered += 1 }
        }
        let rate = Double(covered) / Double(experiments)
        let se = (0.95 * 0.05 / Double(experiments)).squareRoot()
        #expect(abs(rate - 0.95) <= 4 * se, "coverage \(rate)")
    }
}

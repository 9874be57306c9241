import Foundation
import SinergiStats
import Testing

@Suite("Distribution.quantile")
struct DistributionQuantileTests {
    /// Probabilities spread over (0, 1), including both tails.
    private static let probabilities: [Double] = [
        1e-9, 0.001, 0.025, 0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.9, 0.975, 0.999, 1 - 1e-9,
    ]

    @Test("constant returns its value at every probability")
    func constant() {
        for p in Self.probabilities {
            #expect(Distribution.constant(3.25).quantile(p) == 3.25)
        }
    }

    @Test("uniform: low + p·(high − low)")
    func uniform() {
        let distribution = Distribution.uniform(low: -2, high: 6)
        for p in Self.probabilities {
            #expect(isClose(distribution.quantile(p), -2 + 8 * p))
        }
    }

    @Test("triangular: both branches of the closed-form inverse")
    func triangular() {
        // Triangular(1, 2, 6): F(x) = (x − 1)²/((6 − 1)(2 − 1)) left of the mode, so
        // F⁻¹(0.1) = 1 + √(0.1·5·1); F(x) = 1 − (6 − x)²/(5·4) right of it, so F⁻¹(0.6) = 6 − √(0.4·5·4).
        let distribution = Distribution.triangular(low: 1, mode: 2, high: 6)
        #expect(isClose(distribution.quantile(0.1), 1 + 0.5.squareRoot()))
        #expect(isClose(distribution.quantile(0.6), 6 - 8.0.squareRoot()))
        // F(mode) = (mode − low)/(high − low) = 0.2: the quantile there is the mode.
        #expect(isClose(distribution.quantile(0.2), 2))
        // F(F⁻¹(p)) = p on both sides.
        func cdf(_ x: Double) -> Double { x <= 2 ? (x - 1) * (x - 1) / 5 : 1 - (6 - x) * (6 - x) / 20 }
        for p in Self.probabilities {
            let x = distribution.quantile(p)
            #expect(x >= 1 && x <= 6)
            #expect(isClose(cdf(x), p, tolerance: 1e-12))
        }
    }

    @Test("triangular with the mode at a bound")
    func triangularDegenerateMode() {
        // Mode at low: F(x) = 1 − (1 − x)², so F⁻¹(p) = 1 − √(1 − p).
        // Mode at high: F(x) = x², so F⁻¹(p) = √p.
        for p in Self.probabilities {
            #expect(isClose(Distribution.triangular(low: 0, mode: 0, high: 1).quantile(p), 1 - (1 - p).squareRoot()))
            #expect(isClose(Distribution.triangular(low: 0, mode: 1, high: 1).quantile(p), p.squareRoot()))
        }
    }

    @Test("bernoulli: 0 up to 1 − p, 1 above")
    func bernoulli() {
        let distribution = Distribution.bernoulli(p: 0.3)
        #expect(distribution.quantile(0.01) == 0)
        #expect(distribution.quantile(0.69) == 0)
        #expect(distribution.quantile(0.71) == 1)
        #expect(distribution.quantile(0.99) == 1)
        for p in Self.probabilities {
            #expect(Distribution.bernoulli(p: 0).quantile(p) == 0)
            #expect(Distribution.bernoulli(p: 1).quantile(p) == 1)
        }
    }

    @Test("beta(1, 1) is the uniform distribution")
    func betaOneOne() {
        for p in Self.probabilities {
            #expect(isClose(Distribution.beta(alpha: 1, beta: 1).quantile(p), p, tolerance: 1e-10))
        }
    }

    @Test("beta(2, 2): median 1/2 and F(x) = 3x² − 2x³")
    func betaTwoTwo() {
        let distribution = Distribution.beta(alpha: 2, beta: 2)
        #expect(isClose(distribution.quantile(0.5), 0.5))
        for p in Self.probabilities where p > 1e-6 && p < 1 - 1e-6 {
            let x = distribution.quantile(p)
            #expect(isClose(3 * x * x - 2 * x * x * x, p, tolerance: 1e-9))
        }
    }

    @Test(
        "beta(a, 1) and beta(1, b) have closed-form inverses, also for extreme shapes",
        arguments: [0.01, 0.05, 0.5, 2, 50, 1000])
    func betaClosedForms(shape: Double) {
        // Beta(a, 1): F(x) = xᵃ, F⁻¹(p) = p^(1/a). Beta(1, b): F⁻¹(p) = 1 − (1 − p)^(1/b).
        for p in [0.001, 0.1, 0.3, 0.5, 0.7, 0.9, 0.999] {
            let left = Distribution.beta(alpha: shape, beta: 1).quantile(p)
            #expect(isClose(left, pow(p, 1 / shape), tolerance: 1e-8), "beta(\(shape), 1) at \(p)")
            let right = Distribution.beta(alpha: 1, beta: shape).quantile(p)
            #expect(isClose(right, -expm1(log1p(-p) / shape), tolerance: 1e-8), "beta(1, \(shape)) at \(p)")
        }
    }

    @Test("beta quantile is finite, within [0, 1] and non-decreasing for any valid shapes")
    func betaMonotone() {
        let shapes = [0.01, 0.1, 1, 10, 1000]
        var bad: [String] = []
        for alpha in shapes {
            for beta in shapes {
                let distribution = Distribution.beta(alpha: alpha, beta: beta)
                var previous = 0.0
                for k in 1..<200 {
                    let x = distribution.quantile(Double(k) / 200)
                    if !(x.isFinite && x >= previous && x <= 1) {
                        bad.append("beta(\(alpha), \(beta)) at \(Double(k) / 200): \(x)")
                    }
                    if x.isFinite { previous = x }
                }
            }
        }
        #expect(bad.isEmpty, "\(bad.count) bad quantiles, e.g. \(bad.prefix(5))")
    }

    @Test("normal: mean + 1.959963984540054·sd at 0.975, the mean at 0.5, symmetric")
    func normal() {
        let distribution = Distribution.normal(mean: 3, sd: 2, clip: nil)
        #expect(isClose(distribution.quantile(0.975), 3 + z975 * 2))
        #expect(isClose(distribution.quantile(0.025), 3 - z975 * 2))
        #expect(isClose(distribution.quantile(0.5), 3))
        for p in Self.probabilities {
            let x = distribution.quantile(p)
            #expect(isClose(standardNormalCDF((x - 3) / 2), p, tolerance: 1e-12))
        }
    }

    @Test("normal clip: values beyond a bound become the bound, values inside are unchanged")
    func normalClip() {
        let clipped = Distribution.normal(mean: 0, sd: 1, clip: -1...1.5)
        let free = Distribution.normal(mean: 0, sd: 1, clip: nil)
        #expect(clipped.quantile(0.01) == -1)
        #expect(clipped.quantile(0.15) == -1)  // Φ(−1) ≈ 0.1587
        #expect(clipped.quantile(0.95) == 1.5)  // Φ(1.5) ≈ 0.9332
        #expect(clipped.quantile(1 - 1e-9) == 1.5)
        for p in [0.2, 0.5, 0.9] {
            #expect(clipped.quantile(p) == free.quantile(p))
        }
    }

    @Test("lognormal: median e^μ, upper 2.5% point e^(μ + 1.96σ), clip at the bound")
    func lognormal() {
        let distribution = Distribution.lognormal(mu: 0.7, sigma: 0.4, clip: nil)
        #expect(isClose(distribution.quantile(0.5), exp(0.7)))
        #expect(isClose(distribution.quantile(0.975), exp(0.7 + z975 * 0.4)))
        #expect(isClose(distribution.quantile(0.025), exp(0.7 - z975 * 0.4)))
        let clipped = Distribution.lognormal(mu: 0.7, sigma: 0.4, clip: 1.5...3)
        #expect(clipped.quantile(0.01) == 1.5)
        #expect(clipped.quantile(0.99) == 3)
        #expect(isClose(clipped.quantile(0.5), exp(0.7)))
    }

    @Test("truncatedNormal: the conditional CDF inverts, always inside [low, high]")
    func truncatedNormal() {
        // F(x) = (Φ((x − μ)/σ) − Φ(α)) / (Φ(β) − Φ(α)).
        let cases: [(mean: Double, sd: Double, low: Double, high: Double)] = [
            (0.5, 0.3, 0, 1), (0, 1, 0.5, 3), (0, 1, -5, -4), (2, 0.5, -10, 10),
        ]
        for c in cases {
            let distribution = Distribution.truncatedNormal(mean: c.mean, sd: c.sd, low: c.low, high: c.high)
            let alpha = (c.low - c.mean) / c.sd, beta = (c.high - c.mean) / c.sd
            for p in Self.probabilities {
                let x = distribution.quantile(p)
                #expect(x >= c.low && x <= c.high)
                let z = (x - c.mean) / c.sd
                let conditional =
                    (standardNormalCDF(z) - standardNormalCDF(alpha))
                    / (standardNormalCDF(beta) - standardNormalCDF(alpha))
                #expect(abs(conditional - p) < 1e-7, "truncatedNormal\(c) at \(p): F(\(x)) = \(conditional)")
            }
        }
    }

    @Test("truncatedNormal in the far upper tail still stays inside and is increasing")
    func truncatedNormalUpperTail() {
        let distribution = Distribution.truncatedNormal(mean: 0, sd: 1, low: 4, high: 5)
        var previous = 4.0
        for k in 1..<100 {
            let x = distribution.quantile(Double(k) / 100)
            #expect(x >= previous && x <= 5)
            previous = x
        }
        // Median: Q(x) = (Q(4) + Q(5))/2 with Q the upper tail.
        let median = distribution.quantile(0.5)
        let target = (standardNormalTail(4) + standardNormalTail(5)) / 2
        #expect(abs(standardNormalTail(median) - target) / target < 1e-8)
    }
}

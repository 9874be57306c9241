import Foundation
import SinergiStats
import Testing

@Suite("MultivariateNormalKernel")
struct MultivariateNormalKernelTests {
    @Test("the fitted covariance is twice the weighted covariance of the population")
    func fittedCovariance() {
        let points: [[Double]] = [[0, 0], [2, 1], [4, 5], [1, 3]]
        let weights = [0.4, 0.2, 0.3, 0.1]
        let kernel = MultivariateNormalKernel(fittedTo: points, weights: weights, fallbackVariances: [1, 1])
        // By hand: m = (0 + 0.4 + 1.2 + 0.1, 0 + 0.2 + 1.5 + 0.3) = (1.7, 2.0).
        let m = [1.7, 2.0]
        for k in 0..<2 {
            for l in 0..<2 {
                var sum = 0.0
                for (x, w) in zip(points, weights) { sum += w * (x[k] - m[k]) * (x[l] - m[l]) }
                #expect(abs(kernel.covariance[k][l] - 2 * sum) < 1e-14)
            }
        }
        #expect(kernel.ridge == 0)
    }

    @Test("perturbations have mean 0 and the kernel's covariance")
    func perturbationMoments() {
        let covariance: [[Double]] = [[4, 1.2], [1.2, 1]]
        let kernel = MultivariateNormalKernel(covariance: covariance, fallbackVariances: [1, 1])
        let stream = RandomStream(seed: 5)
        let n = 40_000
        let steps = (0..<n).map { _ in kernel.perturb([10, -3], stream).enumerated().map { $1 - [10, -3][$0] } }
        let (mean, sample) = WeightedStatistics.covariance(steps, weights: [Double](repeating: 1, count: n))
        // SE of the means √(4/n) = 0.01 and √(1/n) = 0.005; of a variance about σ²√(2/n) = 0.7% of σ².
        #expect(abs(mean[0]) < 4 * 0.01 && abs(mean[1]) < 4 * 0.005)
        #expect(abs(sample[0][0] - 4) < 4 * 4 * (2.0 / Double(n)).squareRoot())
        #expect(abs(sample[1][1] - 1) < 4 * (2.0 / Double(n)).squareRoot())
        // SE of the covariance √((σ₁²σ₂² + σ₁₂²)/n) = 0.011.
        #expect(abs(sample[0][1] - 1.2) < 4 * 0.011)
    }

    @Test("log density is the normal density")
    func logDensity() {
        let one = MultivariateNormalKernel(covariance: [[0.25]], fallbackVariances: [1])
        let expected = -0.5 * pow((1.3 - 1) / 0.5, 2) - log(0.5) - 0.5 * log(2 * Double.pi)
        #expect(abs(one.logDensity([1.3], centre: [1]) - expected) < 1e-14)
        // Bivariate, by the closed form with ρ.
        let (s1, s2, rho) = (2.0, 1.0, 0.6)
        let two = MultivariateNormalKernel(
            covariance: [[s1 * s1, rho * s1 * s2], [rho * s1 * s2, s2 * s2]], fallbackVariances: [1, 1])
        let (x, y) = (1.5, -0.7)
        let q = (x * x / (s1 * s1) - 2 * rho * x * y / (s1 * s2) + y * y / (s2 * s2)) / (1 - rho * rho)
        let closedForm = -q / 2 - log(2 * Double.pi * s1 * s2 * (1 - rho * rho).squareRoot())
        #expect(abs(two.logDensity([x, y], centre: [0, 0]) - closedForm) < 1e-13)
    }

    @Test("a population with no spread in one factor gets a ridge from that factor's prior variance")
    func sharedFactorIsRidged() {
        let points: [[Double]] = [[0.1, 0.5], [0.3, 0.5], [0.2, 0.5]]
        let kernel = MultivariateNormalKernel(
            fittedTo: points, weights: [1, 1, 1].map { $0 / 3 }, fallbackVariances: [1.0 / 12, 1.0 / 12])
        #expect(kernel.ridge > 0 && kernel.ridge <= 1)
        #expect(abs(kernel.covariance[1][1] - kernel.ridge / 12) <= 1e-15 * kernel.ridge)
        let stream = RandomStream(seed: 6)
        let moved = kernel.perturb([0.2, 0.5], stream)
        #expect(moved.allSatisfy(\.isFinite) && moved[1] != 0.5)
    }

    @Test("collinear particles get the smallest ridge that factors")
    func collinearIsRidgedLightly() {
        // Two factors in lockstep: Σ_w has rank 1.
        let points = (0..<10).map { i in [Double(i), 2 * Double(i)] }
        let kernel = MultivariateNormalKernel(
            fittedTo: points, weights: [Double](repeating: 0.1, count: 10), fallbackVariances: [1, 1])
        #expect(kernel.ridge > 0 && kernel.ridge <= 1e-6)
        #expect(abs(kernel.covariance[0][0] - 2 * 8.25) / 16.5 < 1e-5)
        let one = MultivariateNormalKernel(
            fittedTo: [[0.7]], weights: [1], fallbackVariances: [0.5])
        #expect(one.ridge > 0 && abs(one.covariance[0][0] - one.ridge * 0.5) <= 1e-15 * one.ridge)
    }
}

import RealModule
import SinergiStats
import Testing

@testable import SinergiModel

/// MODEL.md §7 property 4: the CES aggregate X = (mean x^ρ)^(1/ρ) is the min, geometric
/// mean, mean and max at ρ = −∞, 0, 1, +∞, and E[min of n uniforms] = 1/(n+1).
@Suite struct CESTests {
    static let values = [0.2, 0.5, 0.8, 0.9]

    @Test func fourLimits() {
        let x = Self.values
        let geometric = Double.pow(x.reduce(1, *), 1.0 / Double(x.count))
        let arithmetic = x.reduce(0, +) / Double(x.count)
        #expect(CESAggregate.of(x, rho: -.infinity) == 0.2)
        #expect(abs(CESAggregate.of(x, rho: 0) - geometric) <= 1e-14)
        #expect(abs(CESAggregate.of(x, rho: 1) - arithmetic) <= 1e-14)
        #expect(CESAggregate.of(x, rho: .infinity) == 0.9)
        // Harmonic mean at ρ = −1, quadratic mean at ρ = 2.
        let harmonic = Double(x.count) / x.reduce(0) { $0 + 1 / $1 }
        let quadratic = (x.reduce(0) { $0 + $1 * $1 } / Double(x.count)).squareRoot()
        #expect(abs(CESAggregate.of(x, rho: -1) - harmonic) <= 1e-14)
        #expect(abs(CESAggregate.of(x, rho: 2) - quadratic) <= 1e-14)
    }

    @Test func orderOfAdditionDoesNotMatter() {
        for rho in [-Double.infinity, -3, 0, 0.5, 1, 4, .infinity] {
            let forward = CESAggregate.of(Self.values, rho: rho)
            let backward = CESAggregate.of(Self.values.reversed(), rho: rho)
            #expect(abs(forward - backward) <= 1e-14, "ρ = \(rho)")
        }
    }

    /// A zero contribution: the weakest link and every ρ ≤ 0 give 0; ρ > 0 do not.
    @Test func zeroContribution() {
        let x = [0.0, 0.5, 1.0]
        #expect(CESAggregate.of(x, rho: -.infinity) == 0)
        #expect(CESAggregate.of(x, rho: -2) == 0)
        #expect(CESAggregate.of(x, rho: 0) == 0)
        #expect(abs(CESAggregate.of(x, rho: 1) - 0.5) <= 1e-15)
        #expect(CESAggregate.of(x, rho: .infinity) == 1)
        #expect(CESAggregate.of([Double](), rho: 1) == 0)
    }

    /// Power means are non-decreasing in ρ (power-mean inequality).
    @Test func monotoneInRho() {
        let rhos: [Double] = [-.infinity, -100, -10, -2, -1, -0.5, -0.01, 0, 0.01, 0.5, 1, 2, 10, 100, .infinity]
        let aggregates = rhos.map { CESAggregate.of(Self.values, rho: $0) }
        for (a, b) in zip(aggregates, aggregates.dropFirst()) { #expect(a <= b + 1e-14) }
        // Near ρ = 0 the power mean approaches the geometric mean continuously.
        let geometric = CESAggregate.of(Self.values, rho: 0)
        #expect(abs(CESAggregate.of(Self.values, rho: 1e-6) - geometric) <= 1e-6)
        #expect(abs(CESAggregate.of(Self.values, rho: -1e-6) - geometric) <= 1e-6)
    }

    /// Large |ρ| approaches min and max: for ρ < 0, min ≤ M_ρ ≤ min·n^(1/|ρ|); for ρ > 0,
    /// max·n^(−1/ρ) ≤ M_ρ ≤ max. Values as small as an agency's contribution can be
    /// (x = e·(0.25 + …) can be 1e-3 or less) must not overflow x^ρ or underflow it to 0.
    @Test(arguments: [
        [0.2, 0.5, 0.8, 0.9],
        [0.001, 0.002, 0.05],
        [0.3, 0.3, 0.3],
        [1e-6, 0.5, 1.0],
    ])
    func largeRhoApproachesMinAndMax(values: [Double]) {
        let n = Double(values.count)
        let low = values.min()!, high = values.max()!
        for magnitude in [50.0, 200, 1000, 1e5] {
            let weakest = CESAggregate.of(values, rho: -magnitude)
            #expect(
                weakest >= low * (1 - 1e-12) && weakest <= low * Double.pow(n, 1 / magnitude) * (1 + 1e-12),
                "ρ = −\(magnitude): \(weakest) for min \(low)")
            let best = CESAggregate.of(values, rho: magnitude)
            #expect(
                best <= high * (1 + 1e-12) && best >= high * Double.pow(n, -1 / magnitude) * (1 - 1e-12),
                "ρ = \(magnitude): \(best) for max \(high)")
        }
    }

    /// E[min of n Uniform(0,1)] = 1/(n+1), Var = n/((n+1)²(n+2)). R = 20,000 draws of the
    /// weakest link per n; the sample mean must lie within 4 standard errors.
    @Test(arguments: [2, 5, 12])
    func weakestLinkOfUniforms(n: Int) {
        let stream = RandomStream(seed: 4_2024 + UInt64(n))
        let draws = 20_000
        var sum = 0.0, sumBest = 0.0
        for _ in 0..<draws {
            var weakest = CESAggregate(rho: -.infinity)
            var best = CESAggregate(rho: .infinity)
            for _ in 0..<n {
                let u = stream.uniform()
                weakest.add(u)
                best.add(u)
            }
            sum += weakest.value
            sumBest += best.value
        }
        let nn = Double(n)
        let variance = nn / ((nn + 1) * (nn + 1) * (nn + 2))  // same for the max
        let standardError = (variance / Double(draws)).squareRoot()
        let mean = sum / Double(draws)
        #expect(
            abs(mean - 1 / (nn + 1)) <= 4 * standardError,
            "n = \(n): mean \(mean), expected \(1 / (nn + 1)), SE \(standardError)")
        let meanBest = sumBest / Double(draws)
        #expect(
            abs(meanBest - nn / (nn + 1)) <= 4 * standardError,
            "n = \(n): mean of max \(meanBest), expected \(nn / (nn + 1)), SE \(standardError)")
    }
}

import Foundation
import SinergiStats
import Testing

/// xoshiro256++ against its reference outputs, and the exact Beta and Gamma samplers of the
/// initial state against the inverse CDF and the analytic moments. Statistical checks use
/// fixed seeds; their tolerances come from the sampling error (4 SE, or the two-sample
/// Kolmogorov–Smirnov bound at α = 0.001).
@Suite("Initial-state sampling and xoshiro256++")
struct InitialSamplingTests {
    @Test("xoshiro256++ from state (1, 2, 3, 4) gives the reference implementation's outputs")
    func xoshiroReferenceOutputs() {
        // xoshiro256plusplus.c (Blackman & Vigna), as checked by rand_xoshiro's `reference` test.
        let stream = RandomStream.xoshiro(state: (1, 2, 3, 4))
        let expected: [UInt] = [
            41_943_041, 58_720_359, 3_588_806_011_781_223, 3_591_011_842_654_386, 9_228_616_714_210_784_205,
            9_973_669_472_204_895_162, 14_011_001_112_246_962_877, 12_406_186_145_184_390_807,
            15_849_039_046_786_891_736, 10_450_023_813_501_588_000,
        ]
        #expect((0..<10).map { _ in stream.nextRaw() } == expected)
    }

    @Test("a seed becomes the first four SplitMix64 outputs from it")
    func xoshiroSeeding() {
        // SplitMix64 (Steele, Lea & Flood 2014) started at 0: its first four outputs.
        let state = RandomStream.xoshiroState(seed: 0)
        #expect(state.0 == 0xE220_A839_7B1D_CDAF)
        #expect(state.1 == 0x6E78_9E6A_A1B9_65F4)
        #expect(state.2 == 0x06C4_5D18_8009_454F)
        #expect(state.3 == 0xF88B_B8A8_724C_81EC)
        let seeded = RandomStream(algorithm: .xoshiro256pp, seed: 0)
        let started = RandomStream.xoshiro(state: state)
        #expect((0..<100).map { _ in seeded.nextRaw() } == (0..<100).map { _ in started.nextRaw() })
        #expect(seeded.stateBytes() == started.stateBytes())
    }

    @Test("xoshiro256++ uniforms are the 53-bit midpoints (⌊x / 2¹¹⌋ + ½) / 2⁵³")
    func xoshiroUniform() {
        let a = RandomStream(algorithm: .xoshiro256pp, seed: 99)
        let b = RandomStream(algorithm: .xoshiro256pp, seed: 99)
        for _ in 0..<1000 {
            let raw = UInt64(b.nextRaw())
            #expect(a.uniform() == (Double(raw >> 11) + 0.5) / 9_007_199_254_740_992)
        }
    }

    @Test("the seed uses all 64 bits with xoshiro256++ (no 32-bit fold)")
    func fullSeed() {
        // 0x1234_5678_9ABC_DEF0 and 0x8888_8888 fold to the same GSL seed.
        let wide = RandomStream(algorithm: .xoshiro256pp, seed: 0x1234_5678_9ABC_DEF0)
        let folded = RandomStream(algorithm: .xoshiro256pp, seed: 0x8888_8888)
        #expect((0..<50).map { _ in wide.nextRaw() } != (0..<50).map { _ in folded.nextRaw() })
    }

    /// Shapes from the scenarios' (2–40) to the extreme (0.05, and 1 against 1000).
    static let betaShapes: [(Double, Double)] = [
        (2, 3), (1, 1), (0.5, 0.5), (0.05, 2), (1, 1000), (30, 70), (8, 2), (0.7, 3),
    ]

    @Test("Beta from two Gamma draws has the inverse CDF's distribution (two-sample KS)", arguments: betaShapes)
    func betaMatchesInverseCDF(shape: (Double, Double)) {
        let n = 20_000
        let distribution = Distribution.beta(alpha: shape.0, beta: shape.1)
        let direct = RandomStream(algorithm: .xoshiro256pp, seed: 2026)
        let inverse = RandomStream(algorithm: .xoshiro256pp, seed: 1207)
        let x = (0..<n).map { _ in distribution.initialSample(direct) }.sorted()
        let y = (0..<n).map { _ in distribution.sample(inverse) }.sorted()
        #expect(x.allSatisfy { $0 >= 0 && $0 <= 1 })
        // Two-sample KS at α = 0.001: c(α) √((n + m)/(nm)), c = √(−ln(α/2)/2) = 1.949.
        let bound = 1.949 * (2.0 / Double(n)).squareRoot()
        #expect(kolmogorovSmirnov(x, y) <= bound, "Beta\(shape): D = \(kolmogorovSmirnov(x, y)), bound \(bound)")
        // Mean a/(a + b), variance ab/((a + b)²(a + b + 1)).
        let (a, b) = shape
        let mean = a / (a + b)
        let variance = a * b / ((a + b) * (a + b) * (a + b + 1))
        #expect(abs(average(x) - mean) <= 4 * standardError(variance: variance, n: n))
    }

    @Test("Gamma variates have mean and variance equal to the shape", arguments: [0.05, 0.3, 1.0, 2.5, 40.0])
    func gammaMoments(shape: Double) {
        let n = 40_000
        let stream = RandomStream(algorithm: .xoshiro256pp, seed: 31)
        let values = (0..<n).map { _ in exp(Gamma.logVariate(shape: shape, stream)) }
        let mean = average(values)
        #expect(abs(mean - shape) <= 4 * standardError(variance: shape, n: n), "mean \(mean)")
        // The sample variance's SE: √((μ₄ − σ⁴)/n) with μ₄ = 3k² + 6k for Gamma(k, 1).
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        let se = ((3 * shape * shape + 6 * shape - shape * shape) / Double(n)).squareRoot()
        #expect(abs(variance - shape) <= 4 * se, "variance \(variance)")
    }

    @Test(
        "only Beta takes the direct sampler; the others use one uniform, with every generator",
        arguments: RandomAlgorithm.allCases)
    func onlyBetaIsDirect(algorithm: RandomAlgorithm) {
        let others: [Distribution] = [
            .uniform(low: 0.4, high: 1), .normal(mean: 0.5, sd: 0.2, clip: 0...1),
            .triangular(low: 0, mode: 1, high: 2),
            .lognormal(mu: 0, sigma: 1, clip: nil), .bernoulli(p: 0.3), .constant(2),
            .truncatedNormal(mean: 0, sd: 1, low: -1, high: 2),
        ]
        for distribution in others {
            let a = RandomStream(algorithm: algorithm, seed: 8)
            let b = RandomStream(algorithm: algorithm, seed: 8)
            for _ in 0..<100 { #expect(distribution.initialSample(a) == distribution.quantile(b.uniform())) }
        }
        let a = RandomStream(algorithm: algorithm, seed: 8)
        let b = RandomStream(algorithm: algorithm, seed: 8)
        let beta = Distribution.beta(alpha: 2, beta: 5)
        #expect((0..<100).map { _ in beta.initialSample(a) } != (0..<100).map { _ in beta.quantile(b.uniform()) })
    }

    /// The two-sample Kolmogorov–Smirnov statistic of two sorted samples.
    private func kolmogorovSmirnov(_ x: [Double], _ y: [Double]) -> Double {
        var i = 0, j = 0, d = 0.0
        while i < x.count && j < y.count {
            let value = Swift.min(x[i], y[j])
            while i < x.count && x[i] <= value { i += 1 }
            while j < y.count && y[j] <= value { j += 1 }
            d = Swift.max(d, abs(Double(i) / Double(x.count) - Double(j) / Double(y.count)))
        }
        return d
    }
}

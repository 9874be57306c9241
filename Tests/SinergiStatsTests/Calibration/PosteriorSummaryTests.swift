import SinergiStats
import Testing

@Suite("PosteriorSummary")
struct PosteriorSummaryTests {
    @Test("weighted mean, sd and quantiles per factor, and the 90% credible interval")
    func smallPopulation() {
        let prior = Prior([
            .init(name: "a", marginal: .uniform(low: 0, high: 10)),
            .init(name: "b", marginal: .logUniform(low: 0.1, high: 10)),
        ])
        let generation = ABCGeneration(
            index: 2, tolerance: 1, particles: [[1, 0.2], [2, 1], [4, 5]], weights: [0.25, 0.25, 0.5],
            distances: [0.5, 0.4, 0.9], candidates: [0, 3, 7], simulations: 8, closestResiduals: [0.4],
            smallestResiduals: [0.4])
        let summary = PosteriorSummary(generation: generation, prior: prior)
        #expect(summary.factors.map(\.name) == ["a", "b"])
        let a = summary.factors[0]
        #expect(a.mean == 2.75 && abs(a.sd - 1.6875.squareRoot()) < 1e-15)
        // Midpoints 0.125, 0.375, 0.75: q05 below the first, q50 between 2 and 4, q95 above the last.
        #expect(a.q05 == 1 && a.q95 == 4)
        #expect(abs(a.q50 - (2 + (0.5 - 0.375) / 0.375 * 2)) < 1e-15)
        #expect(a.credibleInterval90 == 1...4)
        #expect(summary.factors[1].mean == 0.25 * 0.2 + 0.25 * 1 + 0.5 * 5)
        #expect(abs(summary.effectiveSampleSize - 1 / 0.375) < 1e-12)
    }
}

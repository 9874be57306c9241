import Foundation
import SinergiStats
import Testing

@Suite("Prior")
struct PriorTests {
    @Test("uniform: density 1/(high − low) inside, 0 outside; samples inside; quantile linear")
    func uniform() {
        let marginal = PriorMarginal.uniform(low: 2, high: 6)
        #expect(marginal.density(3) == 0.25)
        #expect(marginal.density(2) == 0.25 && marginal.density(6) == 0.25)
        #expect(marginal.density(1.999) == 0 && marginal.density(6.001) == 0)
        #expect(marginal.quantile(0.25) == 3)
        let stream = RandomStream(seed: 1)
        let values = (0..<10_000).map { _ in marginal.sample(stream) }
        #expect(values.allSatisfy { marginal.contains($0) })
        // Mean 4, SE √(16/12/10000) = 0.0115.
        let mean: Double = values.reduce(0, +) / 10_000
        #expect(abs(mean - 4) < 4 * 0.0116)
    }

    @Test("log-uniform: density 1/(θ ln(high/low)), integrating to 1; log θ uniform")
    func logUniform() {
        let marginal = PriorMarginal.logUniform(low: 0.01, high: 100)
        let logRange = log(100.0 / 0.01)
        for theta in [0.01, 0.5, 3, 100] {
            #expect(abs(marginal.density(theta) - 1 / (theta * logRange)) < 1e-12 / theta)
        }
        #expect(marginal.density(0.009) == 0 && marginal.density(101) == 0 && marginal.density(-1) == 0)
        // ∫ p(θ) dθ by the midpoint rule on a log grid: dθ = θ du.
        let steps = 100_000
        let du = logRange / Double(steps)
        var integral = 0.0
        for i in 0..<steps {
            let theta = exp(log(0.01) + (Double(i) + 0.5) * du)
            integral += marginal.density(theta) * theta * du
        }
        #expect(abs(integral - 1) < 1e-9)
        // The median is the geometric mean of the bounds.
        #expect(abs(marginal.quantile(0.5) - 1) < 1e-12)
        let stream = RandomStream(seed: 2)
        let values = (0..<10_000).map { _ in marginal.sample(stream) }
        #expect(values.allSatisfy { marginal.contains($0) })
        // log θ is uniform on [ln 0.01, ln 100]: mean 0, sd 18.42/√12 = 5.32, SE 0.053.
        let logMean: Double = values.map { log($0) }.reduce(0, +) / 10_000
        #expect(abs(logMean) < 4 * 0.054)
    }

    @Test("normal: the normal density; unbounded support")
    func normal() {
        let marginal = PriorMarginal.normal(mean: 1, sd: 2)
        for x in [-3.0, 0, 1, 4.5] {
            let expected = exp(-0.5 * pow((x - 1) / 2, 2)) / (2 * (2 * Double.pi).squareRoot())
            #expect(abs(marginal.density(x) - expected) < 1e-15)
        }
        #expect(marginal.contains(-1e300) && marginal.contains(1e300))
        #expect(abs(marginal.quantile(0.975) - (1 + 2 * 1.959964)) < 1e-5)
    }

    @Test("the joint prior is the product of the marginals, zero outside any factor's support")
    func joint() {
        let prior = Prior([
            .init(name: "a", marginal: .uniform(low: 0, high: 2)),
            .init(name: "b", marginal: .logUniform(low: 1, high: 10)),
            .init(name: "c", marginal: .normal(mean: 0, sd: 1)),
        ])
        let theta = [0.5, 2, -1]
        let expected = 0.5 * (1 / (2 * log(10.0))) * exp(-0.5) / (2 * Double.pi).squareRoot()
        #expect(abs(prior.density(theta) - expected) < 1e-15)
        #expect(prior.contains(theta))
        #expect(!prior.contains([2.5, 2, -1]) && !prior.contains([0.5, 0.5, -1]))
        #expect(prior.density([0.5, 11, 0]) == 0)
        let stream = RandomStream(seed: 3)
        for _ in 0..<1000 { #expect(prior.contains(prior.sample(stream))) }
    }

    @Test(
        "invalid priors are refused with a reason",
        arguments: [
            Prior([]),
            Prior([.init(name: "a", marginal: .uniform(low: 1, high: 1))]),
            Prior([.init(name: "a", marginal: .uniform(low: 0, high: .infinity))]),
            Prior([.init(name: "a", marginal: .logUniform(low: 0, high: 1))]),
            Prior([.init(name: "a", marginal: .normal(mean: 0, sd: 0))]),
            Prior([.init(name: "", marginal: .uniform(low: 0, high: 1))]),
            Prior([
                .init(name: "a", marginal: .uniform(low: 0, high: 1)),
                .init(name: "a", marginal: .uniform(low: 0, high: 1)),
            ]),
        ])
    func invalid(_ prior: Prior) {
        #expect(throws: CalibrationError.self) { try prior.validate() }
    }

    @Test("a prior round-trips through JSON")
    func coding() throws {
        let prior = Prior([
            .init(name: "trust.build", marginal: .uniform(low: 0.01, high: 0.2)),
            .init(name: "bass.p", marginal: .logUniform(low: 0.001, high: 0.1)),
            .init(name: "mean", marginal: .normal(mean: 0, sd: 1)),
        ])
        let decoded = try JSONDecoder().decode(Prior.self, from: JSONEncoder().encode(prior))
        #expect(decoded == prior)
    }
}

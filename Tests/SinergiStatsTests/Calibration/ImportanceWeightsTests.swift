import Foundation
import SinergiStats
import Testing

@Suite("ImportanceWeights")
struct ImportanceWeightsTests {
    @Test("w_i ∝ π(θ_i) / Σ_j W_j K(θ_i | θ_j), computed directly from the densities")
    func matchDirectFormula() {
        let prior = Prior([
            .init(name: "a", marginal: .uniform(low: -2, high: 2)),
            .init(name: "b", marginal: .normal(mean: 0.5, sd: 1.5)),
        ])
        let stream = RandomStream(seed: 21)
        let previous = (0..<30).map { _ in prior.sample(stream) }
        let previousWeights = WeightedStatistics.normalised((0..<30).map { _ in stream.uniform() })
        let kernel = MultivariateNormalKernel(fittedTo: previous, weights: previousWeights, fallbackVariances: [1, 1])
        let particles = (0..<20).map { _ in prior.sample(stream) }
        let weights = ImportanceWeights.weights(
            of: particles, prior: prior, previous: previous, previousWeights: previousWeights, kernel: kernel)
        let direct = particles.map { theta in
            let proposal = zip(previous, previousWeights).map { $1 * exp(kernel.logDensity(theta, centre: $0)) }
            return prior.density(theta) / proposal.reduce(0, +)
        }
        let normalisedDirect = WeightedStatistics.normalised(direct)
        #expect(abs(weights.reduce(0, +) - 1) < 1e-12)
        for (w, d) in zip(weights, normalisedDirect) { #expect(abs(w - d) <= 1e-10 * d) }
    }

    @Test("a log-uniform factor: working-scale weights equal π(θ)/q(θ) on the natural scale, Jacobian included")
    func logUniformJacobian() {
        let marginal = PriorMarginal.logUniform(low: 0.01, high: 10)
        let prior = Prior([.init(name: "rate", marginal: marginal)])
        let previousNatural: [Double] = [0.02, 0.1, 0.5, 2, 7]
        let previous = previousNatural.map { [log($0)] }
        let previousWeights = [0.1, 0.3, 0.3, 0.2, 0.1]
        let kernel = MultivariateNormalKernel(covariance: [[0.5]], fallbackVariances: [1])
        let particles: [Double] = [0.03, 0.4, 1.1, 6]
        let weights = ImportanceWeights.weights(
            of: particles.map { [log($0)] }, prior: prior, previous: previous, previousWeights: previousWeights,
            kernel: kernel)
        // On the natural scale the proposal density of θ = e^u is q_u(ln θ)/θ, and π(θ) = 1/(θ ln 1000).
        let direct = particles.map { theta in
            let qU = zip(previous, previousWeights).map { $1 * exp(kernel.logDensity([log(theta)], centre: $0)) }
                .reduce(0, +)
            return marginal.density(theta) / (qU / theta)
        }
        for (w, d) in zip(weights, WeightedStatistics.normalised(direct)) { #expect(abs(w - d) <= 1e-10 * d) }
    }

    @Test("proposals from the prior itself get equal weights")
    func proposalEqualsPrior() {
        // A single previous particle at the centre of a wide normal kernel, and a normal prior equal to that
        // kernel: π/q is constant.
        let prior = Prior([.init(name: "x", marginal: .normal(mean: 1, sd: 2))])
        let kernel = MultivariateNormalKernel(covariance: [[4]], fallbackVariances: [4])
        let weights = ImportanceWeights.weights(
            of: [[-3], [0], [1], [2.5], [6]], prior: prior, previous: [[1]], previousWeights: [1], kernel: kernel)
        for w in weights { #expect(abs(w - 0.2) < 1e-14) }
    }
}

import SinergiStats
import Testing

/// The analytic check of ABC-SMC: the normal–normal problem, whose posterior is known exactly.
@Suite("Normal–normal ABC-SMC")
struct NormalNormalTests {
    static func calibrate(
        _ problem: NormalNormalProblem, particles: Int, generations: Int, acceptanceFloor: Double = 0.01, seed: UInt64
    ) throws -> (abc: ABCSMC, generations: [ABCGeneration]) {
        let configuration = ABCConfiguration(
            prior: problem.prior, observations: problem.observations, populationSize: particles,
            maximumGenerations: generations, minimumAcceptanceRate: acceptanceFloor, seed: seed)
        var abc = try ABCSMC(configuration: configuration)
        let generations = try abc.run { problem.simulate($0.parameters, seed: $0.simulationSeed) }
        return (abc, generations)
    }

    @Test("the exact posterior of the standard instance is N(5/11, 1/11) = N(0.4545, 0.3015²)")
    func exactPosterior() {
        let problem = NormalNormalProblem()
        // Precision 1/1 + 10/1 = 11; mean 10 · 0.5 / 11.
        #expect(abs(problem.exactPosteriorMean - 5.0 / 11) < 1e-15)
        #expect(abs(problem.exactPosteriorSD - 1 / 11.0.squareRoot()) < 1e-15)
        #expect(abs(problem.exactPosteriorMean - 0.4545) < 5e-5)
        #expect(abs(problem.exactPosteriorSD - 0.3015) < 5e-5)
        // The one target is the sample mean with sd 1/√10.
        #expect(problem.observations == [Observation(name: "sample_mean", value: 0.5, sd: 1 / 10.0.squareRoot())])
    }

    @Test("the simulated sample mean is Normal(μ, σ²/n)")
    func simulatedSampleMean() {
        let problem = NormalNormalProblem()
        let values = (0..<20_000).map { problem.simulate([0.3], seed: UInt64($0))[0] }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)
        // SE of the mean √(0.1/20000) = 0.0022; SE of the variance ≈ 0.1·√(2/20000) = 0.001.
        #expect(abs(mean - 0.3) < 4 * 0.0023)
        #expect(abs(variance - 0.1) < 4 * 0.001)
    }

    @Test("ABC posterior mean and sd within 0.03 of the exact N(0.4545, 0.3015²)")
    func posteriorMatchesExact() throws {
        let problem = NormalNormalProblem()
        // 2,000 particles, 5 generations: over seeds 1…20 the errors had an rms of 0.009 (mean)
        // and 0.006 (sd), and at most 0.019 and 0.015.
        let (abc, generations) = try Self.calibrate(problem, particles: 2000, generations: 5, seed: 2024)
        let posterior = try #require(abc.posterior?.factors.first)
        #expect(abc.stopReason == .maximumGenerations)
        #expect(abs(posterior.mean - problem.exactPosteriorMean) <= 0.03, "mean \(posterior.mean)")
        #expect(abs(posterior.sd - problem.exactPosteriorSD) <= 0.03, "sd \(posterior.sd)")
        // The 90% credible interval against the exact one, mean ± 1.645 sd.
        let half = 1.6449 * problem.exactPosteriorSD
        #expect(abs(posterior.q05 - (problem.exactPosteriorMean - half)) <= 0.06)
        #expect(abs(posterior.q95 - (problem.exactPosteriorMean + half)) <= 0.06)
        // Five generations, the tolerance falling in each.
        #expect(generations.map(\.index) == [0, 1, 2, 3, 4])
        for (earlier, later) in zip(generations, generations.dropFirst()) {
            #expect(later.tolerance < earlier.tolerance)
        }
    }

    @Test("parameter recovery: the 90% credible interval covers the true mean in at least 80% of 25 data sets")
    func credibleIntervalCoverage() throws {
        // True means drawn from the prior, sample means from the model: the setting in which a
        // 90% credible interval covers the truth 90% of the time. Each run goes on until a
        // generation would accept under 5%, so a sample mean far in the prior's tail gets the
        // generations it needs (23 of these 25 intervals cover).
        let draws = RandomStream(seed: 90)
        var covered = 0
        let dataSets = 25
        for dataSet in 0..<dataSets {
            let truth = GSLMath.gaussianQuantile(draws.uniform(), 1)
            let sampleMean = truth + GSLMath.gaussianQuantile(draws.uniform(), 1 / 10.0.squareRoot())
            let problem = NormalNormalProblem(sampleMean: sampleMean)
            let (abc, _) = try Self.calibrate(
                problem, particles: 400, generations: 12, acceptanceFloor: 0.05, seed: UInt64(dataSet))
            let posterior = try #require(abc.posterior?.factors.first)
            if posterior.credibleInterval90.contains(truth) { covered += 1 }
            // Each interval is close to the exact one.
            let half = 1.6449 * problem.exactPosteriorSD
            #expect(abs(posterior.q05 - (problem.exactPosteriorMean - half)) <= 0.15)
            #expect(abs(posterior.q95 - (problem.exactPosteriorMean + half)) <= 0.15)
        }
        #expect(Double(covered) >= 0.8 * Double(dataSets), "covered \(covered) of \(dataSets)")
    }

    @Test("a reachable target gives no reach diagnosis")
    func reachableTargetHasNoDiagnosis() throws {
        let problem = NormalNormalProblem()
        let configuration = ABCConfiguration(
            prior: problem.prior, observations: problem.observations, populationSize: 200, maximumGenerations: 30,
            minimumAcceptanceRate: 0.05, seed: 3)
        var abc = try ABCSMC(configuration: configuration)
        _ = try abc.run { problem.simulate($0.parameters, seed: $0.simulationSeed) }
        // It ran until the tolerance or the acceptance rate gave out, not to the generation cap.
        #expect(abc.stopReason == .acceptanceBelowFloor || abc.stopReason == .toleranceStalled)
        #expect(abc.diagnosis == nil)
    }
}

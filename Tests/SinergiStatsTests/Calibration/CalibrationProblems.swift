import SinergiStats

/// Small calibration problems for the ABC-SMC tests, each a configuration and a model.
struct CalibrationProblem: Sendable {
    var configuration: ABCConfiguration
    var simulate: @Sendable (ABCCandidate) -> [Double]

    /// A fresh run of the problem.
    func start() throws -> ABCSMC { try ABCSMC(configuration: configuration) }

    /// The generations of a run to the end, in batches of `batchSize`.
    func run(batchSize: Int = 256) throws -> (abc: ABCSMC, generations: [ABCGeneration]) {
        var abc = try start()
        let generations = try abc.run(batchSize: batchSize, simulate: simulate)
        return (abc, generations)
    }

    /// One normal draw with sd `sd` from the candidate's simulation stream.
    static func noise(_ candidate: ABCCandidate, sd: Double) -> Double {
        GSLMath.gaussianQuantile(RandomStream(algorithm: .taus2, seed: candidate.simulationSeed).uniform(), sd)
    }

    /// The normal–normal check, small.
    static func normalNormal(particles: Int = 200, generations: Int = 4, seed: UInt64 = 7) -> CalibrationProblem {
        let problem = NormalNormalProblem()
        return CalibrationProblem(
            configuration: ABCConfiguration(
                prior: problem.prior, observations: problem.observations, populationSize: particles,
                maximumGenerations: generations, seed: seed),
            simulate: { problem.simulate($0.parameters, seed: $0.simulationSeed) })
    }

    /// θ uniform on [0, 1], observed 0.98 ± 0.05 through θ plus noise of sd 0.02: the posterior
    /// presses against the upper bound, so many proposals fall outside the support.
    static func nearTheBound() -> CalibrationProblem {
        CalibrationProblem(
            configuration: ABCConfiguration(
                prior: Prior([.init(name: "theta", marginal: .uniform(low: 0, high: 1))]),
                observations: [Observation(name: "y", value: 0.98, sd: 0.05)], populationSize: 200,
                maximumGenerations: 5, seed: 11),
            simulate: { [$0.parameters[0] + noise($0, sd: 0.02)] })
    }

    /// Two factors on [0, 1], each seen through noise of sd 0.05; `y1` is observed at 0.5, `y2` at
    /// 3, which no θ₂ ≤ 1 comes within 3 sds (0.3) of.
    static func unreachable() -> CalibrationProblem {
        CalibrationProblem(
            configuration: ABCConfiguration(
                prior: Prior([
                    .init(name: "theta1", marginal: .uniform(low: 0, high: 1)),
                    .init(name: "theta2", marginal: .uniform(low: 0, high: 1)),
                ]),
                observations: [
                    Observation(name: "y1", value: 0.5, sd: 0.1), Observation(name: "y2", value: 3, sd: 0.1),
                ],
                populationSize: 200, maximumGenerations: 40, seed: 5),
            simulate: { candidate in
                let stream = RandomStream(algorithm: .taus2, seed: candidate.simulationSeed)
                return candidate.parameters.map { $0 + GSLMath.gaussianQuantile(stream.uniform(), 0.05) }
            })
    }
}

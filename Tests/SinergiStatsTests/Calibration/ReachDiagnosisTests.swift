import SinergiStats
import Testing

@Suite("ReachDiagnosis")
struct ReachDiagnosisTests {
    @Test("at the generation cap a target no particle came near is named as not reached yet")
    func namesTheTargetNotReachedAtTheCap() throws {
        var problem = CalibrationProblem.unreachable()
        problem.configuration.maximumGenerations = 2
        let (abc, _) = try problem.run()
        #expect(abc.stopReason == .maximumGenerations)
        let diagnosis = try #require(abc.diagnosis)
        #expect(!diagnosis.settled)
        #expect(diagnosis.unreachable.map(\.observation.name) == ["y2"])
    }

    @Test("a target no parameter value reaches is named when the distances stop falling")
    func namesTheUnreachableTarget() throws {
        let (abc, generations) = try CalibrationProblem.unreachable().run()
        #expect(abc.stopReason == .toleranceStalled || abc.stopReason == .acceptanceBelowFloor)
        #expect(generations.count < 40)
        let diagnosis = try #require(abc.diagnosis)
        #expect(diagnosis.settled)
        #expect(diagnosis.unreachable.map(\.observation.name) == ["y2"])
        let target = diagnosis.unreachable[0]
        // θ₂ ≤ 1 plus noise of sd 0.05 cannot pass about 1.2: at least 18 sds below 3.
        #expect(target.residual < -18 && target.nearestSimulated < 1.2)
        #expect(diagnosis.closestDistance >= abs(target.residual))
        // Particles came near y1: it is not named, even if the closest particle traded it off.
        let last = try #require(abc.lastGeneration)
        #expect(abs(last.smallestResiduals[0]) < 3)
        // The reachable target is matched, and the other factor recovered.
        let posterior = try #require(abc.posterior)
        #expect(abs(posterior.factors[0].mean - 0.5) < 0.1)
        #expect(posterior.factors[1].mean > 0.8)
    }

    @Test("targets no particle came within the threshold of, farthest first; the others are not named")
    func thresholdAndOrder() {
        let observations = ["a", "b", "c", "d"].map { Observation(name: $0, value: 10, sd: 2) }
        let generation = ABCGeneration(
            index: 3, tolerance: 9, particles: [[0], [1]], weights: [0.5, 0.5], distances: [8, 9], candidates: [0, 1],
            simulations: 2, closestResiduals: [2.9, -5, 3.5, 6], smallestResiduals: [2.9, -5, 3.5, 5])
        let diagnosis = ReachDiagnosis(generation: generation, observations: observations, threshold: 3)
        #expect(diagnosis.unreachable.map(\.observation.name) == ["b", "d", "c"])
        #expect(diagnosis.unreachable.map(\.nearestSimulated) == [0, 20, 17])
        #expect(ReachDiagnosis(generation: generation, observations: observations, threshold: 5).unreachable.isEmpty)
    }
}

import Foundation
import SinergiStats
import Testing

@Suite("ABCSMC")
struct ABCSMCTests {
    @Test("the populations do not depend on the batch size or on the order outcomes arrive in")
    func batchSizeDoesNotMatter() throws {
        let problem = CalibrationProblem.normalNormal()
        let reference = try problem.run(batchSize: 256).generations
        #expect(reference.count == 4)
        for batchSize in [1, 37, 1000] {
            #expect(try problem.run(batchSize: batchSize).generations == reference)
        }
        // Batches of 50, each handed back in reverse.
        var abc = try problem.start()
        var generations: [ABCGeneration] = []
        while !abc.isFinished {
            let start = abc.nextCandidateIndex
            let outcomes = abc.candidates(start..<start + 50).map {
                ABCOutcome(index: $0.index, outputs: problem.simulate($0))
            }
            if let generation = try abc.record(outcomes.reversed()) { generations.append(generation) }
        }
        #expect(generations == reference)
    }

    @Test("candidates proposed on many threads at once equal those proposed one by one")
    func candidatesAreThreadIndependent() async throws {
        var abc = try CalibrationProblem.normalNormal().start()
        let simulate = CalibrationProblem.normalNormal().simulate
        // Complete generation 0 so that proposals use the kernel and the ancestors.
        while abc.lastGeneration == nil {
            let start = abc.nextCandidateIndex
            _ = try abc.record(
                abc.candidates(start..<start + 64).map { ABCOutcome(index: $0.index, outputs: simulate($0)) })
        }
        let sequential = abc.candidates(0..<400)
        let state = abc
        let concurrent = await withTaskGroup(of: ABCCandidate.self) { group in
            for index in 0..<400 { group.addTask { state.candidate(at: index) } }
            var all: [ABCCandidate] = []
            for await candidate in group { all.append(candidate) }
            return all.sorted { $0.index < $1.index }
        }
        #expect(concurrent == sequential)
        #expect(sequential.allSatisfy { $0.generation == 1 && $0.ancestor != nil })
        // Distinct candidates, distinct simulation seeds.
        #expect(Set(sequential.map(\.simulationSeed)).count == 400)
    }

    @Test("every generation: weights sum to 1, 1 ≤ ESS ≤ N, distances within the tolerance, honest counts")
    func generationInvariants() throws {
        let problem = CalibrationProblem.normalNormal(particles: 300, generations: 6)
        let generations = try problem.run().generations
        let n = 300
        #expect(generations.count == 6)
        for generation in generations {
            #expect(generation.populationSize == n)
            #expect(abs(generation.weights.reduce(0, +) - 1) < 1e-12)
            #expect(generation.weights.allSatisfy { $0 > 0 })
            let ess = generation.effectiveSampleSize
            #expect(ess >= 1 && ess <= Double(n) * (1 + 1e-12))
            #expect(abs(ess - 1 / generation.weights.map { $0 * $0 }.reduce(0, +)) < 1e-9)
            #expect(generation.distances.allSatisfy { $0 <= generation.tolerance })
            #expect(generation.candidates == generation.candidates.sorted() && Set(generation.candidates).count == n)
            #expect(generation.simulations == generation.candidates.last! + 1)
            #expect(generation.acceptanceRate == Double(n) / Double(generation.simulations))
            #expect(generation.closestDistance == generation.distances.min())
            // The smallest residual per target is at most the closest particle's.
            for (smallest, closest) in zip(generation.smallestResiduals, generation.closestResiduals) {
                #expect(abs(smallest) <= abs(closest))
            }
        }
        // Generation 0 is the prior sample: all accepted, equal weights, ESS = N.
        #expect(generations[0].tolerance == .infinity && generations[0].simulations == n)
        #expect(abs(generations[0].effectiveSampleSize - Double(n)) < 1e-9)
        // Each tolerance is the weighted median of the previous generation's distances, and falls.
        for (previous, next) in zip(generations, generations.dropFirst()) {
            #expect(
                next.tolerance == WeightedStatistics.quantile(previous.distances, weights: previous.weights, p: 0.5))
            #expect(next.tolerance < 0.99 * previous.tolerance)
        }
    }

    @Test("proposals outside the prior's support are drawn again: every candidate lies inside")
    func proposalsStayInSupport() throws {
        let problem = CalibrationProblem.nearTheBound()
        var abc = try problem.start()
        var redraws = 0
        var checked = 0
        while !abc.isFinished {
            let start = abc.nextCandidateIndex
            let candidates = abc.candidates(start..<start + 100)
            for candidate in candidates {
                #expect(problem.configuration.prior.contains(candidate.parameters))
                redraws += candidate.redraws
                checked += 1
            }
            _ = try abc.record(candidates.map { ABCOutcome(index: $0.index, outputs: problem.simulate($0)) })
        }
        #expect(redraws > 0, "the bound was never crossed in \(checked) candidates")
        let posterior = try #require(abc.posterior?.factors.first)
        #expect(posterior.q95 <= 1 && posterior.mean > 0.9)
    }

    @Test("stops after G generations")
    func stopsAtMaximumGenerations() throws {
        let (abc, generations) = try CalibrationProblem.normalNormal(generations: 3).run()
        #expect(abc.stopReason == .maximumGenerations)
        #expect(generations.map(\.index) == [0, 1, 2])
        #expect(abc.lastGeneration == generations.last)
        // The target is reached: nothing to diagnose, whatever the stop.
        #expect(abc.diagnosis == nil)
    }

    @Test("stops when the tolerance falls by less than 1%")
    func stopsWhenToleranceStalls() throws {
        // Every simulation lands exactly 1 sd from the observation, whatever θ.
        var problem = CalibrationProblem.normalNormal(generations: 10)
        let observation = problem.configuration.observations[0]
        problem.simulate = { _ in [observation.value + observation.sd] }
        let (abc, generations) = try problem.run()
        #expect(abc.stopReason == .toleranceStalled)
        #expect(generations.count == 2 && generations[0].tolerance == .infinity)
        #expect(abs(generations[1].tolerance - 1) < 1e-15)
        // Within 3 sds of the target: not a reach problem.
        #expect(abc.diagnosis == nil)
    }

    @Test("abandons a generation that would accept less than A, and keeps the last complete one")
    func stopsAtAcceptanceFloor() throws {
        // The output is pure noise: each median halves the tolerance and the acceptance rate.
        var problem = CalibrationProblem.normalNormal(particles: 100, generations: 20)
        problem.configuration.observations = [Observation(name: "noise", value: 0, sd: 1)]
        problem.configuration.minimumAcceptanceRate = 0.1
        problem.simulate = { [CalibrationProblem.noise($0, sd: 1)] }
        let (abc, generations) = try problem.run(batchSize: 64)
        #expect(abc.stopReason == .acceptanceBelowFloor)
        #expect(problem.configuration.simulationBudget == 1000)
        #expect(abc.nextCandidateIndex == 1000 && abc.acceptedCount < 100)
        #expect(generations.count >= 3 && generations.count < 20)
        #expect(generations.allSatisfy { $0.acceptanceRate >= 0.1 })
        #expect(abc.lastGeneration == generations.last)
        #expect(abc.generation == generations.last!.index + 1)
    }

    @Test("a simulation with a missing output is never accepted")
    func missingOutputsAreRejected() throws {
        var problem = CalibrationProblem.normalNormal(generations: 1)
        let model = problem.simulate
        problem.simulate = { $0.index % 2 == 1 ? [.nan] : model($0) }
        let (_, generations) = try problem.run()
        #expect(generations[0].candidates.allSatisfy { $0 % 2 == 0 })
        #expect(generations[0].simulations == 2 * 200 - 1)
    }

    @Test("resuming after a stored generation gives the run that never stopped")
    func resumeFromStoredGeneration() throws {
        let problem = CalibrationProblem.normalNormal(generations: 5)
        let uninterrupted = try problem.run()
        var first = try problem.start()
        var stored: Data?
        while stored == nil {
            let start = first.nextCandidateIndex
            let outcomes = first.candidates(start..<start + 100).map {
                ABCOutcome(index: $0.index, outputs: problem.simulate($0))
            }
            if let generation = try first.record(outcomes), generation.index == 1 {
                stored = try JSONEncoder().encode(generation)
            }
        }
        let last = try JSONDecoder().decode(ABCGeneration.self, from: stored!)
        #expect(last == uninterrupted.generations[1])
        var resumed = try ABCSMC(configuration: problem.configuration, resumingAfter: last)
        #expect(resumed.generation == 2 && resumed.tolerance == uninterrupted.generations[2].tolerance)
        let rest = try resumed.run(simulate: problem.simulate)
        #expect(rest == Array(uninterrupted.generations[2...]))
        #expect(resumed.stopReason == uninterrupted.abc.stopReason)
        #expect(resumed.posterior == uninterrupted.abc.posterior)
    }

    @Test("generation 0's infinite tolerance is stored as null and read back")
    func infiniteToleranceCoding() throws {
        let generation = try CalibrationProblem.normalNormal(generations: 1).run().generations[0]
        let json = String(decoding: try JSONEncoder().encode(generation), as: UTF8.self)
        #expect(json.contains("\"tolerance\":null"))
        #expect(try JSONDecoder().decode(ABCGeneration.self, from: Data(json.utf8)) == generation)
        let configuration = CalibrationProblem.unreachable().configuration
        #expect(
            try JSONDecoder().decode(ABCConfiguration.self, from: JSONEncoder().encode(configuration)) == configuration)
    }

    @Test("outcomes out of order, of the wrong length, or after the stop are refused")
    func refusesBadOutcomes() throws {
        let problem = CalibrationProblem.normalNormal(generations: 1)
        var abc = try problem.start()
        #expect(throws: CalibrationError.self) { try abc.record([ABCOutcome(index: 1, outputs: [0.5])]) }
        #expect(throws: CalibrationError.self) {
            try abc.record([ABCOutcome(index: 0, outputs: [0.5]), ABCOutcome(index: 2, outputs: [0.5])])
        }
        #expect(throws: CalibrationError.self) {
            try abc.record([ABCOutcome(index: 0, outputs: [0.5]), ABCOutcome(index: 0, outputs: [0.5])])
        }
        #expect(throws: CalibrationError.self) { try abc.record([ABCOutcome(index: 0, outputs: [0.5, 1])]) }
        // Nothing was taken from the refused batches.
        #expect(abc.nextCandidateIndex == 0 && abc.acceptedCount == 0)
        _ = try abc.run(simulate: problem.simulate)
        #expect(throws: CalibrationError.self) { try abc.record([ABCOutcome(index: 0, outputs: [0.5])]) }
    }

    @Test("invalid settings and unusable stored generations are refused")
    func refusesInvalidConfiguration() throws {
        let valid = CalibrationProblem.normalNormal().configuration
        var broken: [ABCConfiguration] = []
        for change in [
            { (c: inout ABCConfiguration) in c.populationSize = 1 },
            { $0.maximumGenerations = 0 },
            { $0.minimumAcceptanceRate = 1 },
            { $0.toleranceQuantile = 0 },
            { $0.toleranceQuantile = 1 },
            { $0.minimumToleranceDecrease = -0.1 },
            { $0.observations = [] },
            { $0.observations = [Observation(name: "y", value: 1, sd: 0)] },
            { $0.observations = [Observation(name: "y", value: .nan, sd: 1)] },
            { $0.observations.append($0.observations[0]) },
            { $0.prior = Prior([]) },
        ] as [(inout ABCConfiguration) -> Void] {
            var c = valid
            change(&c)
            broken.append(c)
        }
        for configuration in broken {
            #expect(throws: CalibrationError.self) { try ABCSMC(configuration: configuration) }
        }
        let generation = try CalibrationProblem.normalNormal(particles: 100, generations: 1).run().generations[0]
        #expect(throws: CalibrationError.self) { try ABCSMC(configuration: valid, resumingAfter: generation) }
    }
}

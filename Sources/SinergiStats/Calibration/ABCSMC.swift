/// Approximate Bayesian computation by sequential Monte Carlo (ABC-SMC; Toni, Welch,
/// Strelkowa, Ipsen & Stumpf 2009; Beaumont, Cornuet, Marin & Robert 2009), as a state
/// machine the engine drives in batches: the expensive part — simulating a candidate's model
/// outputs — happens outside, in parallel or on a cluster.
///
/// 1. ``candidate(at:)`` proposes candidate i of the current generation t. In generation 0 it
///    is a draw from the prior. Later it is a particle of generation t − 1 drawn by weight
///    and moved by the ``MultivariateNormalKernel``; a proposal outside the prior's support
///    is drawn again, ancestor and move both.
/// 2. The engine simulates candidates and hands their outputs to ``record(_:)``, in runs of
///    consecutive indices from ``nextCandidateIndex``. A candidate is accepted when its
///    ``StandardisedDistance`` is at most the tolerance ε_t (ε_0 = +∞: generation 0 accepts
///    every finite simulation and serves as the prior-predictive pilot). Acceptance goes in
///    candidate order, so the first N accepted candidates form the population whatever the
///    batch size.
/// 3. With N accepted, the generation is complete: ``ImportanceWeights`` weigh it, and
///    ``record(_:)`` returns it as an ``ABCGeneration`` for the engine to commit. The next
///    tolerance is the α-quantile of its distances, weighted by the particles' weights
///    (pyabc's `QuantileEpsilon`; α = 0.5, the median, by default).
/// 4. The run stops after G generations (``ABCStopReason/maximumGenerations``); when the
///    next tolerance would fall by less than 1% (``ABCStopReason/toleranceStalled``); or when
///    a generation has used ⌊N / A⌋ simulations without N acceptances, so its acceptance rate
///    would fall below A (``ABCStopReason/acceptanceBelowFloor``): that generation is
///    abandoned, which bounds the cost of a run whose tolerance has become unreachable.
///
/// Every random number a candidate uses comes from its own taus2 stream, seeded from (seed,
/// generation, index) (``SeedDerivation/abcCandidateSeed(master:generation:candidate:)``),
/// so results do not depend on the batch size or the number of threads. The method and its
/// check against the normal–normal problem are in docs/statistics.md, "Calibration (ABC-SMC)".
public struct ABCSMC: Sendable {
    public let configuration: ABCConfiguration
    public let distance: StandardisedDistance
    /// The last complete generation: the current approximation of the posterior.
    public private(set) var lastGeneration: ABCGeneration?
    /// t, the generation being built (after a stop: the one that would have come next).
    public private(set) var generation = 0
    /// ε_t, the tolerance of the generation being built.
    public private(set) var tolerance = Double.infinity
    /// Why the run has stopped; nil while it runs.
    public private(set) var stopReason: ABCStopReason?
    /// The first candidate whose outcome ``record(_:)`` expects.
    public private(set) var nextCandidateIndex = 0
    /// The kernel proposals of the current generation move particles with (nil in generation 0).
    public private(set) var kernel: MultivariateNormalKernel?

    private var previousWorking: [[Double]] = []
    private var cumulativeWeights: [Double] = []
    private var acceptedParticles: [[Double]] = []
    private var acceptedDistances: [Double] = []
    private var acceptedCandidates: [Int] = []
    private var closestResiduals: [Double] = []
    private var closestDistance = Double.infinity
    private var smallestResiduals: [Double] = []

    /// Starts a calibration at generation 0, or resumes it after `last`, its last complete
    /// generation as committed to the store: the run goes on exactly as if never stopped.
    public init(configuration: ABCConfiguration, resumingAfter last: ABCGeneration? = nil) throws(CalibrationError) {
        try configuration.validate()
        self.configuration = configuration
        distance = StandardisedDistance(observations: configuration.observations)
        guard let last else { return }
        try check(resumable: last)
        advance(after: last)
    }

    /// Whether the run has stopped.
    public var isFinished: Bool { stopReason != nil }

    /// The particles accepted so far in the generation being built.
    public var acceptedCount: Int { acceptedParticles.count }

    /// The most candidates a generation may use (⌊N / A⌋); candidates at or beyond it are
    /// never needed.
    public var simulationBudget: Int { configuration.simulationBudget }

    /// Candidate `index` of the current generation: deterministic in (seed, generation,
    /// index) and the previous population; safe to call from many threads at once.
    public func candidate(at index: Int) -> ABCCandidate {
        precondition(index >= 0, "candidate indices start at 0")
        let candidateSeed = SeedDerivation.abcCandidateSeed(
            master: configuration.seed, generation: generation, candidate: index)
        let simulationSeed = SeedDerivation.abcSimulationSeed(candidateSeed: candidateSeed)
        let stream = RandomStream(
            algorithm: .taus2, seed: SeedDerivation.abcProposalSeed(candidateSeed: candidateSeed))
        let prior = configuration.prior
        guard let kernel else {
            return ABCCandidate(
                generation: generation, index: index, parameters: prior.sample(stream), simulationSeed: simulationSeed,
                ancestor: nil, redraws: 0)
        }
        var redraws = 0
        while true {
            let ancestor = drawAncestor(stream.uniform())
            let proposal = kernel.perturb(previousWorking[ancestor], stream)
            if prior.containsWorking(proposal) {
                return ABCCandidate(
                    generation: generation, index: index, parameters: prior.natural(proposal),
                    simulationSeed: simulationSeed, ancestor: ancestor, redraws: redraws)
            }
            redraws += 1
        }
    }

    /// The candidates with indices in `indices`.
    public func candidates(_ indices: Range<Int>) -> [ABCCandidate] { indices.map(candidate(at:)) }

    /// The first particle whose cumulative weight exceeds u · total (binary search).
    private func drawAncestor(_ u: Double) -> Int {
        let target = u * cumulativeWeights[cumulativeWeights.count - 1]
        var low = 0
        var high = cumulativeWeights.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulativeWeights[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// Takes the simulated outputs of the candidates `outcomes` — consecutive indices from
    /// ``nextCandidateIndex``, in any order — and accepts them in index order. Returns the
    /// generation when it completes (outcomes past its N-th acceptance are not used; the next
    /// generation starts at candidate 0), nil while it needs more. Check ``stopReason``
    /// afterwards: a generation abandoned at the acceptance floor is not returned.
    public mutating func record(_ outcomes: [ABCOutcome]) throws(CalibrationError) -> ABCGeneration? {
        guard stopReason == nil else { throw CalibrationError(message: "the calibration has stopped") }
        let sorted = outcomes.sorted { $0.index < $1.index }
        for (offset, outcome) in sorted.enumerated() {
            guard outcome.index == nextCandidateIndex + offset else {
                throw CalibrationError(
                    message: "outcomes must continue from candidate \(nextCandidateIndex) without gaps or repeats, "
                        + "got candidate \(outcome.index) at position \(offset)")
            }
            guard outcome.outputs.count == configuration.observations.count else {
                throw CalibrationError(
                    message: "candidate \(outcome.index) has \(outcome.outputs.count) outputs, "
                        + "the calibration has \(configuration.observations.count) observations")
            }
        }
        for outcome in sorted {
            let residuals = distance.residuals(outcome.outputs)
            let d = StandardisedDistance.norm(residuals)
            nextCandidateIndex += 1
            if d.isFinite && d <= tolerance {
                acceptedParticles.append(candidate(at: outcome.index).parameters)
                acceptedDistances.append(d)
                acceptedCandidates.append(outcome.index)
                if d < closestDistance {
                    closestDistance = d
                    closestResiduals = residuals
                }
                if smallestResiduals.isEmpty {
                    smallestResiduals = residuals
                } else {
                    for (i, r) in residuals.enumerated() where Swift.abs(r) < Swift.abs(smallestResiduals[i]) {
                        smallestResiduals[i] = r
                    }
                }
                if acceptedParticles.count == configuration.populationSize { return completeGeneration() }
            }
            if nextCandidateIndex >= simulationBudget {
                stopReason = .acceptanceBelowFloor
                return nil
            }
        }
        return nil
    }

    /// Weighs the accepted particles, and moves on to the next generation or stops.
    private mutating func completeGeneration() -> ABCGeneration {
        let prior = configuration.prior
        let count = acceptedParticles.count
        let weights: [Double]
        if let kernel, let previous = lastGeneration {
            weights = ImportanceWeights.weights(
                of: acceptedParticles.map(prior.working), prior: prior, previous: previousWorking,
                previousWeights: previous.weights, kernel: kernel)
        } else {
            weights = [Double](repeating: 1 / Double(count), count: count)
        }
        let complete = ABCGeneration(
            index: generation, tolerance: tolerance, particles: acceptedParticles, weights: weights,
            distances: acceptedDistances, candidates: acceptedCandidates, simulations: nextCandidateIndex,
            closestResiduals: closestResiduals, smallestResiduals: smallestResiduals)
        advance(after: complete)
        return complete
    }

    /// The tolerance that follows `generation`: the α-quantile of its distances, weighted by
    /// its particles' weights.
    public static func nextTolerance(after generation: ABCGeneration, quantile: Double) -> Double {
        WeightedStatistics.quantile(generation.distances, weights: generation.weights, p: quantile)
    }

    /// Makes `complete` the last generation, then either stops or prepares the next one.
    private mutating func advance(after complete: ABCGeneration) {
        lastGeneration = complete
        acceptedParticles = []
        acceptedDistances = []
        acceptedCandidates = []
        closestResiduals = []
        closestDistance = .infinity
        smallestResiduals = []
        nextCandidateIndex = 0
        generation = complete.index + 1
        tolerance = Self.nextTolerance(after: complete, quantile: configuration.toleranceQuantile)
        if generation >= configuration.maximumGenerations {
            stopReason = .maximumGenerations
        } else if !(tolerance < (1 - configuration.minimumToleranceDecrease) * complete.tolerance) {
            stopReason = .toleranceStalled
        } else if complete.simulations > simulationBudget {
            // Only on resuming with a higher floor than the generation was made under.
            stopReason = .acceptanceBelowFloor
        }
        guard stopReason == nil else {
            kernel = nil
            previousWorking = []
            cumulativeWeights = []
            return
        }
        let prior = configuration.prior
        previousWorking = complete.particles.map(prior.working)
        kernel = MultivariateNormalKernel(
            fittedTo: previousWorking, weights: complete.weights, fallbackVariances: prior.workingVariances)
        var running = 0.0
        cumulativeWeights = complete.weights.map { w in
            running += w
            return running
        }
    }

    /// Checks that `generation` can continue this configuration's run.
    private func check(resumable generation: ABCGeneration) throws(CalibrationError) {
        let n = configuration.populationSize
        let prior = configuration.prior
        func require(_ condition: Bool, _ problem: String) throws(CalibrationError) {
            if !condition {
                throw CalibrationError(message: "cannot resume after generation \(generation.index): \(problem)")
            }
        }
        try require(generation.index >= 0, "its index is negative")
        try require(
            generation.particles.count == n && generation.weights.count == n && generation.distances.count == n
                && generation.candidates.count == n,
            "it does not hold \(n) particles with weights, distances and candidates")
        try require(generation.particles.allSatisfy(prior.contains), "a particle lies outside the prior's support")
        try require(
            generation.weights.allSatisfy { $0 >= 0 && $0.isFinite } && generation.weights.reduce(0, +) > 0,
            "its weights are not a distribution")
        try require(
            generation.closestResiduals.count == configuration.observations.count
                && generation.smallestResiduals.count == configuration.observations.count,
            "it has residuals for \(generation.closestResiduals.count) observations, not \(configuration.observations.count)"
        )
        try require(generation.simulations >= n, "it reports fewer simulations than particles")
    }
}

extension ABCSMC {
    /// Runs the calibration to its end in this process, simulating candidates in batches of
    /// `batchSize` with `simulate` (outputs in the observations' order), and returns the
    /// generations completed, in order. For the analytic test problems; the engine drives
    /// ``candidate(at:)`` and ``record(_:)`` itself to simulate in parallel and store each
    /// generation. The result does not depend on `batchSize`.
    public mutating func run(
        batchSize: Int = 256, simulate: (ABCCandidate) -> [Double]
    ) throws(CalibrationError) -> [ABCGeneration] {
        precondition(batchSize > 0, "a batch needs at least one candidate")
        var completed: [ABCGeneration] = []
        while !isFinished {
            let start = nextCandidateIndex
            let end = start + Swift.min(batchSize, simulationBudget - start)
            let outcomes = candidates(start..<end).map { ABCOutcome(index: $0.index, outputs: simulate($0)) }
            if let generation = try record(outcomes) { completed.append(generation) }
        }
        return completed
    }

    /// The reach diagnosis of a finished run in which no particle of the last generation
    /// came within ``ABCConfiguration/unreachableResidual`` sds of some target; nil
    /// otherwise. It is ``ReachDiagnosis/settled`` when the run stopped because the distances
    /// stopped falling (tolerance stalled or acceptance floor): the target is out of reach
    /// within the priors. At the generation cap the distances may still have been falling,
    /// and the target is only not reached yet.
    public var diagnosis: ReachDiagnosis? {
        guard let stopReason, let last = lastGeneration else { return nil }
        let diagnosis = ReachDiagnosis(
            generation: last, observations: configuration.observations, threshold: configuration.unreachableResidual,
            settled: stopReason == .toleranceStalled || stopReason == .acceptanceBelowFloor)
        return diagnosis.unreachable.isEmpty ? nil : diagnosis
    }

    /// The posterior summaries of the last complete generation (nil before generation 0 completes).
    public var posterior: PosteriorSummary? {
        lastGeneration.map { PosteriorSummary(generation: $0, prior: configuration.prior) }
    }
}

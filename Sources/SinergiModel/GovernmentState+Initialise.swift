import SinergiStats

extension GovernmentState {
    /// Samples the initial state of `government` from the `init` stream (MODEL.md §1), shifts
    /// maturity to an observed `initialSpbe` when one is given, and evaluates the initial
    /// commitment (step 9 on the initial state, no levers).
    ///
    /// Sampling order: government values, then per agency ego, head commitment, budget, HR,
    /// culture, lock-in, maturity, trust (when set) and motivation (when not fixed, one
    /// uniform). Each value is ``Distribution/initialSample(_:)``: the inverse CDF of one
    /// uniform, or with xoshiro256++ a Beta value from two Gamma draws.
    mutating func initialise(
        _ government: CompiledGovernment, parameters: ModelParameters, stream: RandomStream
    ) throws(ModelError) {
        let spec = government.spec
        politicalWill = spec.politicalWill.initialSample(stream)
        champion = spec.champion.initialSample(stream)
        design = spec.design.initialSample(stream)
        mediation = spec.mediation.initialSample(stream)
        mandate = spec.mandate.initialSample(stream)
        understanding = spec.understanding.initialSample(stream)
        internetAccess = spec.internetAccess.initialSample(stream)
        internetCeiling = spec.internetCeiling.initialSample(stream)
        internetGrowth = spec.internetGrowth.initialSample(stream)
        readiness = spec.readiness.initialSample(stream)
        smallWin = false
        smallWinNext = false
        adoption = 0
        mandateReducedUntil = 0
        outreach = 1
        firstLaunchMonth = -1
        firstWinMonth = -1
        budgetGiniIsStale = true
        effortRuleOverridden = false

        let shares = parameters.motivation
        let initialTrust = spec.prehistory.initialTrust
        for i in 0..<government.agencyCount {
            let agency = spec.agencies[i]
            ego[i] = agency.ego.initialSample(stream)
            headCommitment[i] = agency.headCommitment.initialSample(stream)
            baseBudget[i] = agency.budget.initialSample(stream)
            budget[i] = baseBudget[i]
            effectiveBudget[i] = baseBudget[i]
            hr[i] = agency.hr.initialSample(stream)
            culture[i] = agency.culture.initialSample(stream)
            legacyLockIn[i] = agency.legacyLockIn.initialSample(stream)
            maturity[i] = agency.maturity.initialSample(stream)
            trust[i] = agency.trust?.initialSample(stream) ?? initialTrust
            if let fixed = agency.motivation {
                motivation[i] = fixed
            } else {
                let u = stream.uniform()
                motivation[i] =
                    u < shares.prosocialShare
                    ? .prosocial
                    : u < shares.prosocialShare + shares.conditionalShare ? .conditional : .selfish
            }
            shortfall[i] = 0
            attends[i] = false
            disappointedMonths[i] = 0
            learningMultiplier[i] = 1
            rotationMultiplier[i] = 1
            ringfenceFloor[i] = -.infinity
            partnershipBoost[i] = 0
        }
        for k in 0..<government.initiativeCount {
            progress[k] = 0
            status[k] = .active
            slowMonths[k] = 0
        }
        if let target = spec.initialSpbe {
            try shiftMaturity(toIndex: target, government)
        }

        // Initial commitment: step 9 on the initial state with no levers.
        markLockedIn(government)
        effectiveWill = politicalWill
        effectiveChampion = champion
        effectiveMandate = mandate
        evaluateCommitment(government, parameters: parameters, hooks: TestHooks())
        for i in 0..<government.agencyCount {
            intendedEffort[i] = commitment[i]
            effort[i] = parameters.effort.initial
        }
    }

    /// Shifts every agency's maturity by one common offset c (each clipped to [1, 5]) so the
    /// index of the initial state equals `target`; c by bisection on [−4, 4].
    private mutating func shiftMaturity(toIndex target: Double, _ government: CompiledGovernment) throws(ModelError) {
        let n = government.agencyCount
        let hasCitizenFacing = government.hasCitizenFacing
        let meanProgress: Double? = government.initiativeCount > 0 ? 0 : nil
        func index(offset: Double) -> Double {
            var sum = 0.0
            for i in 0..<n { sum += Swift.min(5, Swift.max(1, maturity[i] + offset)) }
            let meanMaturity = sum / Double(n)
            let quality = hasCitizenFacing ? 0 : (meanMaturity - 1) / 4
            return SPBE.index(
                design: design, understanding: understanding, meanProgress: meanProgress,
                meanMaturity: meanMaturity, serviceQuality: quality)
        }
        var low = -4.0, high = 4.0
        let reachable = index(offset: low)...index(offset: high)
        guard target >= reachable.lowerBound - 1e-9, target <= reachable.upperBound + 1e-9 else {
            throw .initialSpbeUnreachable(government: government.spec.name, target: target, reachable: reachable)
        }
        for _ in 0..<200 where high - low > 1e-14 {
            let middle = (low + high) / 2
            if index(offset: middle) < target { low = middle } else { high = middle }
        }
        let offset = (low + high) / 2
        for i in 0..<n { maturity[i] = Swift.min(5, Swift.max(1, maturity[i] + offset)) }
    }
}

import SinergiStats

extension GovernmentState {
    /// Samples the initial state of `government` from the `init` stream (MODEL.md §1), shifts
    /// maturity to an observed `initialSpbe` when one is given, and evaluates the initial
    /// commitment (step 9 on the initial state, no levers).
    ///
    /// Sampling order, one uniform each: government values, then per agency ego, head
    /// commitment, budget, HR, culture, lock-in, maturity, trust (when set) and motivation
    /// (when not fixed).
    mutating func initialise(
        _ government: CompiledGovernment, parameters: ModelParameters, stream: RandomStream
    ) throws(ModelError) {
        let spec = government.spec
        politicalWill = spec.politicalWill.sample(stream)
        champion = spec.champion.sample(stream)
        design = spec.design.sample(stream)
        mediation = spec.mediation.sample(stream)
        mandate = spec.mandate.sample(stream)
        understanding = spec.understanding.sample(stream)
        internetAccess = spec.internetAccess.sample(stream)
        internetCeiling = spec.internetCeiling.sample(stream)
        internetGrowth = spec.internetGrowth.sample(stream)
        readiness = spec.readiness.sample(stream)
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
            ego[i] = agency.ego.sample(stream)
            headCommitment[i] = agency.headCommitment.sample(stream)
            baseBudget[i] = agency.budget.sample(stream)
            budget[i] = baseBudget[i]
            effectiveBudget[i] = baseBudget[i]
            hr[i] = agency.hr.sample(stream)
            culture[i] = agency.culture.sample(stream)
            legacyLockIn[i] = agency.legacyLockIn.sample(stream)
            maturity[i] = agency.maturity.sample(stream)
            trust[i] = agency.trust?.sample(stream) ?? initialTrust
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

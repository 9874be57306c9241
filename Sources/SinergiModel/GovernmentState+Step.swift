import RealModule
import SinergiStats

/// σ(z) = 1 / (1 + e^(−z)).
@inline(__always) func logistic(_ z: Double) -> Double { 1 / (1 + Double.exp(-z)) }

/// Clips to [0, 1].
@inline(__always) func unit(_ x: Double) -> Double { Swift.min(1, Swift.max(0, x)) }

extension GovernmentState {
    /// Advances the government by month `t`: steps 1–16 of MODEL.md §2 in order. The SPBE
    /// index of step 17 is read afterwards with ``spbeIndex(_:)``.
    mutating func step(
        month t: Int, moy: Int, _ government: CompiledGovernment, parameters: ModelParameters,
        hooks: TestHooks, streams: GovernmentStreams
    ) {
        politics(month: t, government, parameters.politics, stream: streams.politics)
        applyLevers(month: t, government)
        if t == 0 || moy == 0 { updateBudget(government, parameters.budget) }
        applyBudgetLevers(government)
        updateHR(government, parameters.hr, stream: streams.hr)
        forum(government, parameters.forum, stream: streams.forum)
        updateShortfall(government)
        updateTrust(government, parameters.trust)
        updateUnderstanding(government, parameters.understanding)
        markLockedIn(government)
        evaluateCommitment(government, parameters: parameters, hooks: hooks)
        switchMotivation(government, parameters.motivation, hooks: hooks, stream: streams.motivation)
        updateEffort(government, parameters.effort, hooks: hooks)
        updateMaturity(government, parameters.maturity)
        updateInitiatives(month: t, government, parameters.initiatives)
        updateServiceQuality(government, hooks: hooks)
        updateCitizens(parameters.citizens, government)
    }

    // MARK: 1. Politics

    /// Elections at `firstElection` and every `termMonths` after; agency-head rotation.
    /// Draws 2 + 2n uniforms every month (election change and new W; per agency rotation
    /// and new h) whatever happens, so other processes keep their numbers.
    mutating func politics(
        month t: Int, _ government: CompiledGovernment, _ p: ModelParameters.Politics,
        stream: RandomStream
    ) {
        let changeDraw = stream.uniform()
        let willDraw = stream.uniform()
        let isElection = t >= p.firstElection && (t - p.firstElection) % p.termMonths == 0
        if isElection && changeDraw < p.changeProbability {
            politicalWill = government.spec.politicalWill.quantile(willDraw)
            mandateReducedUntil = t + p.mandateReductionMonths
        }
        for i in 0..<government.agencyCount {
            let rotationDraw = stream.uniform()
            let headDraw = stream.uniform()
            if rotationDraw < p.headTurnover {
                headCommitment[i] = government.spec.agencies[i].headCommitment.quantile(headDraw)
                trust[i] *= p.rotationTrustRetention
            }
        }
        effectiveWill = politicalWill
        effectiveChampion = champion
        effectiveMediation = mediation
        effectiveMandate = t < mandateReducedUntil ? mandate * p.mandateAfterElection : mandate
        effectiveGrowth = internetGrowth
        outreach = 1
    }

    // MARK: 2. Levers

    /// Applies the interventions active in month `t` (MODEL.md §4): state changes, then this
    /// month's effective values; entries of one lever compound in the order listed.
    mutating func applyLevers(month t: Int, _ government: CompiledGovernment) {
        let n = government.agencyCount
        for i in 0..<n {
            rotationMultiplier[i] = 1
            ringfenceFloor[i] = -.infinity
            partnershipBoost[i] = 0
        }
        for entry in government.levers where t >= entry.start && t < entry.end {
            let x = entry.intensity
            let first = entry.agencyStart, last = entry.agencyStart + entry.agencyCount
            switch entry.lever {
            case .politicalWill:
                effectiveWill += x * (1 - effectiveWill)
            case .champion:
                effectiveChampion += x * (1 - effectiveChampion)
            case .coordinationTeam:
                if t == entry.start { design += x * (1 - design) }
            case .neutralMediator:
                effectiveMediation = Swift.max(effectiveMediation, x)
            case .externalMandate:
                effectiveMandate += x * (1 - effectiveMandate)
            case .budgetRingfence:
                for j in first..<last {
                    let i = government.agencyIndices[j]
                    ringfenceFloor[i] = Swift.max(ringfenceFloor[i], x)
                }
            case .training:
                for j in first..<last {
                    let i = government.agencyIndices[j]
                    hr[i] += 0.1 * x * (1 - hr[i])
                    if t == entry.start { learningMultiplier[i] *= 1 + x }
                }
            case .staffRetention:
                for j in first..<last { rotationMultiplier[government.agencyIndices[j]] *= 1 - x }
            case .legacyMigration:
                for j in first..<last { legacyLockIn[government.agencyIndices[j]] *= 1 - 0.1 * x }
            case .regulationIntegration:
                if t == entry.start {
                    for j in first..<last { ego[government.agencyIndices[j]] *= 1 - 0.5 * x }
                }
            case .cultureChange:
                for j in first..<last {
                    let i = government.agencyIndices[j]
                    culture[i] += 0.02 * x * (1 - culture[i])
                }
            case .citizenOutreach:
                outreach = Swift.max(outreach, 1 + 2 * x)
                readiness += 0.01 * x * (1 - readiness)
            case .infrastructure:
                if t == entry.start { internetCeiling += x * (1 - internetCeiling) }
                effectiveGrowth *= 1 + x
            case .partnership:
                for j in first..<last {
                    let i = government.agencyIndices[j]
                    partnershipBoost[i] += 0.2 * x
                    hr[i] += 0.05 * x * (1 - hr[i])
                }
            }
        }
    }

    // MARK: 3. Budget

    /// Annual budget: B ← clip(B⁰·(1 + 0.5·(W − 0.5) + 0.1·(m − m̄)), 0, 1.5) with effective W.
    mutating func updateBudget(_ government: CompiledGovernment, _ p: ModelParameters.Budget) {
        let n = government.agencyCount
        let meanMaturity = mean(maturity, n)
        for i in 0..<n {
            let factor =
                1 + p.politicalWillWeight * (effectiveWill - 0.5) + p.maturityWeight * (maturity[i] - meanMaturity)
            budget[i] = Swift.min(1.5, Swift.max(0, baseBudget[i] * factor))
        }
    }

    /// B_eff = min(1.5, max(B, ring-fence floor) + 0.2·Σ partnership intensities).
    mutating func applyBudgetLevers(_ government: CompiledGovernment) {
        var changed = false
        effectiveBudget.withUnsafeMutableBufferPointer { effectiveBudget in
            for i in 0..<government.agencyCount {
                let value = Swift.min(1.5, Swift.max(budget[i], ringfenceFloor[i]) + partnershipBoost[i])
                if value.bitPattern != effectiveBudget[i].bitPattern { changed = true }
                effectiveBudget[i] = value
            }
        }
        if changed { budgetGiniIsStale = true }
    }

    // MARK: 4. HR

    /// A trained operator leaves with probability μ_rot (H ← max(0, H − 0.2)); otherwise
    /// H ← H + r_H·h·(0.5 + 0.5u)·(1 − H). One draw per agency.
    mutating func updateHR(_ government: CompiledGovernment, _ p: ModelParameters.HR, stream: RandomStream) {
        // The written array through its buffer: one uniqueness check per month, not per agency.
        hr.withUnsafeMutableBufferPointer { hr in
            for i in 0..<government.agencyCount {
                let draw = stream.uniform()
                if draw < p.staffRotation * rotationMultiplier[i] {
                    hr[i] = Swift.max(0, hr[i] - p.rotationLoss)
                } else {
                    let learning =
                        p.learningRate * learningMultiplier[i] * headCommitment[i] * (0.5 + 0.5 * culture[i])
                    hr[i] += Swift.min(1, learning) * (1 - hr[i])
                }
            }
        }
    }

    // MARK: 5. Forum

    /// Meeting, attendance and dialogue quality q = (0.3 + 0.7·D)·(1 − (1 − N)·Gini(w)),
    /// w the budget power weights (Ansell & Gash 2008: power imbalance; Innes & Booher 2003).
    mutating func forum(_ government: CompiledGovernment, _ p: ModelParameters.Forum, stream: RandomStream) {
        let n = government.agencyCount
        let meetDraw = stream.uniform()
        meeting = meetDraw < p.baseMeeting + (1 - p.baseMeeting) * (effectiveChampion + design) / 2
        attends.withUnsafeMutableBufferPointer { attends in
            for i in 0..<n {
                attends[i] = stream.uniform() < p.baseAttendance + (1 - p.baseAttendance) * commitment[i]
            }
        }
        if budgetGiniIsStale {
            budgetGini = gini(effectiveBudget, n)
            budgetGiniIsStale = false
        }
        dialogueQuality = (p.baseDialogue + (1 - p.baseDialogue) * design) * (1 - (1 - effectiveMediation) * budgetGini)
    }

    // MARK: 6. Shortfall

    /// v_i = max(0, mean over j ≠ i of (C_j − d_j)), last month's values.
    mutating func updateShortfall(_ government: CompiledGovernment) {
        let n = government.agencyCount
        guard n > 1 else { shortfall[0] = 0; return }
        var sum = 0.0
        for j in 0..<n { sum += commitment[j] - intendedEffort[j] }
        for i in 0..<n {
            shortfall[i] = Swift.max(0, (sum - (commitment[i] - intendedEffort[i])) / Double(n - 1))
        }
    }

    // MARK: 7. Trust

    /// T ← clip(T + α_T·meet·attend·q·(1 − T) + α_W·win·(1 − T) − β_T·v·T): trust builds
    /// slower than it erodes (Luna-Reyes et al. 2004).
    mutating func updateTrust(_ government: CompiledGovernment, _ p: ModelParameters.Trust) {
        let dialogue = meeting ? p.build * dialogueQuality : 0
        let win = smallWin ? p.smallWin : 0
        trust.withUnsafeMutableBufferPointer { trust in
            for i in 0..<government.agencyCount {
                let t = trust[i]
                let attended = attends[i] ? dialogue : 0
                trust[i] = unit(t + attended * (1 - t) + win * (1 - t) - p.erode * shortfall[i] * t)
            }
        }
    }

    // MARK: 8. Shared understanding

    /// U ← clip(U + α_U·meet·T̄·q·(1 − U) − δ_U·U) with this month's T̄.
    mutating func updateUnderstanding(_ government: CompiledGovernment, _ p: ModelParameters.Understanding) {
        let meanTrust = mean(trust, government.agencyCount)
        let build = meeting ? p.build * meanTrust * dialogueQuality * (1 - understanding) : 0
        understanding = unit(understanding + build - p.decay * understanding)
    }

    // MARK: 9. Commitment

    /// χ_i = 1 when agency i partners a not-yet-integrated initiative that displaces a legacy system.
    mutating func markLockedIn(_ government: CompiledGovernment) {
        for i in 0..<government.agencyCount { lockedIn[i] = false }
        for k in 0..<government.initiativeCount where government.displacesLegacy[k] && status[k] != .integrated {
            for j in government.partnerStart[k]..<government.partnerStart[k + 1] {
                lockedIn[government.partners[j]] = true
            }
        }
    }

    /// C = σ(θ₀ + θ_T·T + θ_U·U + θ_L·L + θ_h·h + θ_W·W + θ_I·I − θ_E·ego − θ_ℓ·ℓ·χ).
    mutating func evaluateCommitment(_ government: CompiledGovernment, parameters: ModelParameters, hooks: TestHooks) {
        let c = parameters.commitment
        let shared =
            c.intercept + c.understanding * understanding + c.leadership * effectiveChampion
            + c.politicalWill * effectiveWill + c.mandate * effectiveMandate
        commitment.withUnsafeMutableBufferPointer { commitment in
            for i in 0..<government.agencyCount {
                if let pinned = hooks.pinnedCommitment { commitment[i] = pinned; continue }
                let lock = lockedIn[i] ? c.legacyLockIn * legacyLockIn[i] : 0
                commitment[i] = logistic(
                    shared + c.trust * trust[i] + c.headCommitment * headCommitment[i]
                        - c.ego * ego[i] - lock)
            }
        }
    }

    // MARK: 10. Motivation switching

    /// Simultaneous switching, one draw per agency: conditional → selfish with probability
    /// ψ_down·v; selfish → conditional with ψ_up·L·(0.2 + 0.8·win); prosocial → conditional
    /// in the third consecutive month with v > 0.2 (Choi & Robertson 2019).
    mutating func switchMotivation(
        _ government: CompiledGovernment, _ p: ModelParameters.Motivation,
        hooks: TestHooks, stream: RandomStream
    ) {
        let upProbability = p.switchUp * effectiveChampion * (0.2 + 0.8 * (smallWin ? 1 : 0))
        for i in 0..<government.agencyCount {
            let draw = stream.uniform()
            if hooks.noSwitching { continue }
            switch motivation[i] {
            case .conditional:
                if draw < p.switchDown * shortfall[i] { motivation[i] = .selfish }
            case .selfish:
                if draw < upProbability { motivation[i] = .conditional }
            case .prosocial:
                disappointedMonths[i] = shortfall[i] > p.prosocialShortfall ? disappointedMonths[i] + 1 : 0
                if disappointedMonths[i] >= p.prosocialPatience {
                    motivation[i] = .conditional
                    disappointedMonths[i] = 0
                }
            }
        }
    }

    // MARK: 11–12. Effort

    /// Intended effort by motivation type, then delivered effort e = d·min(1, B, H)
    /// (Fischbacher, Gächter & Fehr 2001 conditional cooperation; Leontief resource cap).
    /// A stance imposed through ``effortRule`` replaces the motivation's rule for this month
    /// (docs/model.md §8, stances).
    mutating func updateEffort(_ government: CompiledGovernment, _ p: ModelParameters.Effort, hooks: TestHooks) {
        let n = government.agencyCount
        var totalEffort = 0.0
        for j in 0..<n { totalEffort += effort[j] }
        intendedEffort.withUnsafeMutableBufferPointer { intendedEffort in
            for i in 0..<n {
                let c = commitment[i]
                let d: Double
                switch motivation[i] {
                case .prosocial:
                    d = c
                case .conditional:
                    let reciprocity: Double
                    if n > 1 {
                        let others = (totalEffort - effort[i]) / Double(n - 1)
                        reciprocity = Swift.min(1, p.reciprocity * others / p.reference)
                    } else {
                        reciprocity = 1
                    }
                    d = c * (p.conditionalFloor + (1 - p.conditionalFloor) * reciprocity)
                case .selfish:
                    d = c * (p.selfishBase + p.mandateCompliance * effectiveMandate)
                }
                intendedEffort[i] = d
            }
        }
        if effortRuleOverridden {
            for i in 0..<n {
                switch effortRule[i] {
                case .own: break
                case .prosocial: intendedEffort[i] = commitment[i]
                case .selfish:
                    intendedEffort[i] = commitment[i] * (p.selfishBase + p.mandateCompliance * effectiveMandate)
                }
            }
        }
        effort.withUnsafeMutableBufferPointer { effort in
            for i in 0..<n {
                let cap = hooks.noResourceCap ? 1 : Swift.min(1, effectiveBudget[i], hr[i])
                effort[i] = intendedEffort[i] * cap
            }
        }
    }

    // MARK: 13. Maturity

    /// m ← clip(m + r_m·e·(0.5 + 0.5u)·(5 − m)/4 − δ_m·(m − 1)·(1 − e), 1, 5).
    mutating func updateMaturity(_ government: CompiledGovernment, _ p: ModelParameters.Maturity) {
        maturity.withUnsafeMutableBufferPointer { maturity in
            for i in 0..<government.agencyCount {
                let m = maturity[i], e = effort[i]
                let next = m + p.growth * e * (0.5 + 0.5 * culture[i]) * (5 - m) / 4 - p.decay * (m - 1) * (1 - e)
                maturity[i] = Swift.min(5, Swift.max(1, next))
            }
        }
    }

    // MARK: 14. Initiatives

    /// Progress π ← π + r·X·K·(1 − π) with X the CES aggregate of partner contributions and
    /// K the capacity for joint action (Emerson, Nabatchi & Balogh 2012); launches,
    /// integration, small wins and stalls.
    mutating func updateInitiatives(month t: Int, _ government: CompiledGovernment, _ p: ModelParameters.Initiatives) {
        let floor = p.capacityFloor
        let sharedCapacity =
            Swift.max(floor, design) * Swift.max(floor, effectiveChampion) * Swift.max(floor, understanding)
        var anyWin = false
        var launchMonth = firstLaunchMonth, winMonth = firstWinMonth
        // The three written arrays through their buffers: one uniqueness check each per month.
        progress.withUnsafeMutableBufferPointer { progress in
            status.withUnsafeMutableBufferPointer { status in
                slowMonths.withUnsafeMutableBufferPointer { slowMonths in
                    for k in 0..<government.initiativeCount where status[k] != .integrated {
                        var aggregate = CESAggregate(rho: government.integration[k])
                        var resources = 0.0
                        let first = government.partnerStart[k], last = government.partnerStart[k + 1]
                        let displaces = government.displacesLegacy[k]
                        for j in first..<last {
                            let i = government.partners[j]
                            let lock = displaces ? legacyLockIn[i] : 0
                            aggregate.add(effort[i] * (0.25 + 0.75 * (maturity[i] - 1) / 4) * (1 - lock))
                            resources += Swift.min(1, effectiveBudget[i], hr[i])
                        }
                        let meanResources = resources / Double(last - first)
                        // The fourth root as two square roots: a tenth of pow's cost, within one ulp of it.
                        let capacity = (sharedCapacity * Swift.max(floor, meanResources)).squareRoot().squareRoot()
                        let before = progress[k]
                        let gain = government.rate[k] * aggregate.value * capacity * (1 - before)
                        let after = before + gain
                        progress[k] = after
                        var win =
                            crossed(0.25, before, after) || crossed(0.5, before, after)
                            || crossed(0.75, before, after) || crossed(p.integrated, before, after)
                        if status[k] == .active && after >= government.launchThreshold[k] {
                            status[k] = .launched
                            win = true
                            if launchMonth < 0 { launchMonth = t }
                        }
                        if after >= p.integrated { status[k] = .integrated }
                        slowMonths[k] = gain < p.stallProgress ? slowMonths[k] + 1 : 0
                        if win {
                            anyWin = true
                            if winMonth < 0 { winMonth = t }
                        }
                    }
                }
            }
        }
        firstLaunchMonth = launchMonth
        firstWinMonth = winMonth
        smallWinNext = anyWin
        smallWin = smallWinNext
    }

    // MARK: 15. Service quality

    /// Q = mean over citizen-facing initiatives of π when launched (else 0), or (m̄ − 1)/4
    /// without any; S = √Q·√((m̄ − 1)/4).
    mutating func updateServiceQuality(_ government: CompiledGovernment, hooks: TestHooks) {
        let maturityScore = (mean(maturity, government.agencyCount) - 1) / 4
        serviceQuality = government.hasCitizenFacing ? citizenFacingQuality(government) : maturityScore
        serviceScore = hooks.pinnedServiceQuality ?? (serviceQuality.squareRoot() * maturityScore.squareRoot())
    }

    func citizenFacingQuality(_ government: CompiledGovernment) -> Double {
        var sum = 0.0, count = 0
        for k in 0..<government.initiativeCount where government.citizenFacing[k] {
            count += 1
            if status[k] != .active { sum += progress[k] }
        }
        return count > 0 ? sum / Double(count) : 0
    }

    // MARK: 16. Citizens

    /// Bass adoption with p = p₀·S·o and q_b = q₀·S — aggregate on the potential M = ι·λ, or
    /// citizen by citizen on the network (``CitizenNetwork``) — then logistic growth of
    /// internet access ι ← ι + κ·ι·(1 − ι/ι_max).
    mutating func updateCitizens(_ p: ModelParameters.Citizens, _ government: CompiledGovernment) {
        let potential = internetAccess * readiness
        if government.network != nil {
            adoption = network.step(
                innovation: p.innovation * serviceScore * outreach,
                imitation: p.imitation * serviceScore, access: internetAccess, readiness: readiness)
        } else if potential > 0 {
            let fraction = unit(adoption / potential)
            let next = BassDiffusion.step(
                fraction: fraction, innovation: p.innovation * serviceScore * outreach,
                imitation: p.imitation * serviceScore)
            adoption = next * potential
        } else {
            adoption = 0
        }
        internetAccess += effectiveGrowth * internetAccess * (1 - internetAccess / internetCeiling)
        internetAccess = unit(internetAccess)
    }

    // MARK: 17. SPBE index

    /// The SPBE index of the current state (MODEL.md §2 step 17).
    func spbeIndex(_ government: CompiledGovernment) -> Double {
        let n = government.agencyCount
        let meanMaturity = mean(maturity, n)
        let quality = government.hasCitizenFacing ? citizenFacingQuality(government) : (meanMaturity - 1) / 4
        return SPBE.index(
            design: design, understanding: understanding, meanProgress: meanProgress(government),
            meanMaturity: meanMaturity, serviceQuality: quality)
    }

    func meanProgress(_ government: CompiledGovernment) -> Double? {
        guard government.initiativeCount > 0 else { return nil }
        return mean(progress, government.initiativeCount)
    }
}

/// Whether progress went from below `threshold` to at least it.
@inline(__always) func crossed(_ threshold: Double, _ before: Double, _ after: Double) -> Bool {
    before < threshold && after >= threshold
}

/// Gini coefficient of the first `n` entries, Σ_i Σ_j |x_i − x_j| ÷ (2n·Σx), summed over
/// every ordered pair (n² terms); 0 when the total is not positive or n < 2.
func gini(_ values: ContiguousArray<Double>, _ n: Int) -> Double {
    var total = 0.0
    for i in 0..<n { total += values[i] }
    guard total > 0 && n > 1 else { return 0 }
    var sum = 0.0
    for i in 0..<n {
        for j in 0..<n { sum += Swift.abs(values[i] - values[j]) }
    }
    return sum / total / (2 * Double(n))
}

/// Mean of the first `count` entries.
@inline(__always) func mean(_ values: ContiguousArray<Double>, _ count: Int) -> Double {
    var sum = 0.0
    for i in 0..<count { sum += values[i] }
    return sum / Double(count)
}

import Testing

@testable import SinergiModel

/// One paired comparison per lever (MODEL.md §4): on the same replicate seeds, baseline
/// and the lever at intensity 0.8 from month 0 on every agency of the classroom
/// government. (a) the variable the lever acts on moves the right way; (b) the outcomes
/// MODEL.md implies move the right way — the paired mean difference over n = 200
/// replicates has its 95% CI (mean ± t·SE) on the expected side of 0.
@Suite struct LeverEffectTests {
    static let replicates = 200
    static let intensity = 0.8

    /// A state variable a lever acts on, as its mean over the months of the run (agency
    /// variables averaged over agencies), or for rotation losses the number of agency-months
    /// in which H fell.
    enum Target: String, CaseIterable, Sendable {
        case effectiveWill, effectiveChampion, design, effectiveMediation, effectiveMandate
        case effectiveBudget, hr, rotationLosses, legacyLockIn, ego, culture
        case outreach, readiness, internetCeiling, internetGrowth, internetAccess
    }

    enum Outcome: String, Sendable {
        case finalSpbe, meanCommitment, meanTrust, adoption, internetAccess
        func value(_ o: GovernmentOutcome) -> Double {
            switch self {
            case .finalSpbe: return o.finalSpbe
            case .meanCommitment: return o.meanCommitment
            case .meanTrust: return o.meanTrust
            case .adoption: return o.adoption
            case .internetAccess: return o.internetAccess
            }
        }
    }

    enum Direction: Sendable { case up, down }

    struct Expectation: Sendable {
        var targets: [(Target, Direction)]
        var outcomes: [Outcome]
    }

    /// What MODEL.md says each lever does (§4) and which outcomes that must move (§2).
    static let expectations: [Lever: Expectation] = [
        // W enters commitment (θ_W) and the budget factor 0.5·(W − 0.5).
        .politicalWill: Expectation(
            targets: [(.effectiveWill, .up), (.effectiveBudget, .up)],
            outcomes: [.meanCommitment, .finalSpbe]),
        // L enters commitment (θ_L), meeting probability and K.
        .champion: Expectation(
            targets: [(.effectiveChampion, .up)], outcomes: [.meanCommitment, .finalSpbe, .meanTrust]),
        // D is the policy domain (1 + 4D) and raises meetings and dialogue quality.
        .coordinationTeam: Expectation(targets: [(.design, .up)], outcomes: [.finalSpbe, .meanTrust]),
        // N removes the power-imbalance penalty on q, so forum trust builds faster.
        .neutralMediator: Expectation(targets: [(.effectiveMediation, .up)], outcomes: [.meanTrust]),
        // I enters commitment (θ_I) and selfish effort.
        .externalMandate: Expectation(targets: [(.effectiveMandate, .up)], outcomes: [.meanCommitment, .finalSpbe]),
        // A floor on B lifts the resource cap on effort and R̄.
        .budgetRingfence: Expectation(targets: [(.effectiveBudget, .up)], outcomes: [.finalSpbe]),
        .training: Expectation(targets: [(.hr, .up)], outcomes: [.finalSpbe]),
        .staffRetention: Expectation(targets: [(.rotationLosses, .down), (.hr, .up)], outcomes: [.finalSpbe]),
        // ℓ penalises commitment (θ_ℓ) of e-budgeting partners and the finance contribution.
        .legacyMigration: Expectation(targets: [(.legacyLockIn, .down)], outcomes: [.meanCommitment, .finalSpbe]),
        .regulationIntegration: Expectation(targets: [(.ego, .down)], outcomes: [.meanCommitment, .finalSpbe]),
        // u speeds HR learning and maturity growth.
        .cultureChange: Expectation(targets: [(.culture, .up), (.hr, .up)], outcomes: [.finalSpbe]),
        .citizenOutreach: Expectation(targets: [(.outreach, .up), (.readiness, .up)], outcomes: [.adoption]),
        .infrastructure: Expectation(
            targets: [(.internetCeiling, .up), (.internetGrowth, .up), (.internetAccess, .up)],
            outcomes: [.internetAccess, .adoption]),
        .partnership: Expectation(targets: [(.effectiveBudget, .up), (.hr, .up)], outcomes: [.finalSpbe]),
    ]

    struct Observed: Sendable {
        var outcome: GovernmentOutcome
        var targets: [Target: Double]
    }

    static func observe(_ input: ModelInput, seeds: [UInt64]) -> [Observed] {
        let driver = Driver(input)
        let n = driver.agencyCount
        return seeds.map { seed in
            var sums = [Target: Double]()
            for target in Target.allCases { sums[target] = 0 }
            let outcome = try! driver.run(seed: seed) { _, before, s in
                sums[.effectiveWill]! += s.effectiveWill
                sums[.effectiveChampion]! += s.effectiveChampion
                sums[.design]! += s.design
                sums[.effectiveMediation]! += s.effectiveMediation
                sums[.effectiveMandate]! += s.effectiveMandate
                sums[.effectiveBudget]! += agencyMean(s.effectiveBudget, n)
                sums[.hr]! += agencyMean(s.hr, n)
                for i in 0..<n where s.hr[i] < before.hr[i] { sums[.rotationLosses]! += 1 }
                sums[.legacyLockIn]! += agencyMean(s.legacyLockIn, n)
                sums[.ego]! += agencyMean(s.ego, n)
                sums[.culture]! += agencyMean(s.culture, n)
                sums[.outreach]! += s.outreach
                sums[.readiness]! += s.readiness
                sums[.internetCeiling]! += s.internetCeiling
                sums[.internetGrowth]! += s.effectiveGrowth
                sums[.internetAccess]! += s.internetAccess
            }
            var means = sums
            for target in Target.allCases where target != .rotationLosses {
                means[target]! /= Double(input.months)
            }
            return Observed(outcome: outcome, targets: means)
        }
    }

    static let seeds = replicateSeeds(replicates)
    /// The baseline, run once for all fourteen comparisons.
    static let baseline = observe(classroomInput(), seeds: seeds)

    static func policy(_ lever: Lever) -> Intervention {
        Intervention(
            lever: lever, targets: [InterventionTarget(government: 0, agencies: Array(0..<7))],
            intensity: intensity)
    }

    @Test(arguments: Lever.allCases)
    func leverMovesItsTargetAndOutcomes(lever: Lever) {
        guard let expectation = Self.expectations[lever] else {
            Issue.record("no paired test for lever \(lever.rawValue): add it to LeverEffectTests.expectations")
            return
        }
        let policy = Self.observe(classroomInput(interventions: [Self.policy(lever)]), seeds: Self.seeds)
        for (target, direction) in expectation.targets {
            let difference = PairedDifference(
                policy: policy.map { $0.targets[target]! },
                baseline: Self.baseline.map { $0.targets[target]! })
            switch direction {
            case .up: #expect(difference.ciLow > 0, "\(lever.rawValue) should raise \(target.rawValue): \(difference)")
            case .down:
                #expect(difference.ciHigh < 0, "\(lever.rawValue) should lower \(target.rawValue): \(difference)")
            }
        }
        for outcome in expectation.outcomes {
            let difference = PairedDifference(
                policy: policy.map { outcome.value($0.outcome) },
                baseline: Self.baseline.map { outcome.value($0.outcome) })
            #expect(difference.ciLow > 0, "\(lever.rawValue) should raise \(outcome.rawValue): \(difference)")
        }
    }
}

import RealModule
import Testing

@testable import SinergiModel

/// MODEL.md §2, step by step: every month of a run, the state after the step is what the
/// equations give from the state before it (and, for the stochastic steps, from the
/// realised events: meetings, attendance, rotations). The equations are written out here
/// from MODEL.md with its default constants. A ring-fence (agency 0, months 0–29) and a
/// partnership (agencies 2 and 5 from month 5) make the effective budget B_eff differ from
/// B; B_eff is what the forum's power weights, the resource cap and R̄ read.
@Suite struct MonthlyStepTests {
    static func input() -> ModelInput {
        let all = [InterventionTarget(government: 0, agencies: [])]
        var input = classroomInput(
            months: 60,
            interventions: [
                Intervention(lever: .externalMandate, targets: all, start: 10, duration: 30, intensity: 0.5),
                Intervention(lever: .champion, targets: all, start: 20, intensity: 0.6),
                Intervention(
                    lever: .budgetRingfence, targets: [InterventionTarget(government: 0, agencies: [0])],
                    duration: 30, intensity: 0.9),
                Intervention(
                    lever: .partnership, targets: [InterventionTarget(government: 0, agencies: [2, 5])],
                    start: 5, intensity: 0.5),
            ])
        input.startMonth = 4  // budget updates at t = 0, 9, 21, 33, 45, 57
        input.parameters.politics.firstElection = 15
        input.parameters.politics.termMonths = 24
        return input
    }

    static func sigmoid(_ z: Double) -> Double { 1 / (1 + Double.exp(-z)) }
    static func clip(_ x: Double, _ low: Double = 0, _ high: Double = 1) -> Double { min(high, max(low, x)) }

    @Test(arguments: replicateSeeds(20))
    func everyStepFollowsItsEquation(seed: UInt64) throws {
        let input = Self.input()
        let driver = Driver(input)
        let n = driver.agencyCount
        let initiatives = input.governments[0].initiatives
        var disappointed = [Int](repeating: 0, count: n)
        var problems: [String] = []
        func check(_ t: Int, _ ok: Bool, _ what: @autoclosure () -> String) {
            if !ok && problems.count < 10 { problems.append("month \(t): \(what())") }
        }
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 }

        _ = try driver.run(seed: seed) { t, b, s in
            let moy = (input.startMonth - 1 + t) % 12
            let W = s.effectiveWill, L = s.effectiveChampion, D = s.design, I = s.effectiveMandate

            // 1. Head rotation: h redrawn, T ← 0.8·T.
            let rotated = (0..<n).map { s.headCommitment[$0] != b.headCommitment[$0] }

            // 3. Budget at t = 0 and whenever moy = 0, from last month's maturity.
            let mBefore = agencyMean(b.maturity, n)
            for i in 0..<n {
                let expected =
                    t == 0 || moy == 0
                    ? Self.clip(s.baseBudget[i] * (1 + 0.5 * (W - 0.5) + 0.1 * (b.maturity[i] - mBefore)), 0, 1.5)
                    : b.budget[i]
                check(t, close(s.budget[i], expected), "B[\(i)] \(s.budget[i]) ≠ \(expected)")
                let floor = i == 0 && t < 30 ? 0.9 : 0
                let boost = [2, 5].contains(i) && t >= 5 ? 0.2 * 0.5 : 0
                check(t, close(s.effectiveBudget[i], min(1.5, max(s.budget[i], floor) + boost)), "B_eff[\(i)]")
            }

            // 4. HR: either an operator left, or learning (after the partnership's H bump).
            for i in 0..<n {
                var h = b.hr[i]
                if [2, 5].contains(i) && t >= 5 { h += 0.05 * 0.5 * (1 - h) }
                let learnt = h + 0.03 * s.headCommitment[i] * (0.5 + 0.5 * s.culture[i]) * (1 - h)
                check(t, close(s.hr[i], max(0, h - 0.2)) || close(s.hr[i], learnt), "H[\(i)]")
            }

            // 5. Dialogue quality with the Gini of the budget weights.
            let total = (0..<n).reduce(0) { $0 + s.effectiveBudget[$1] }
            var gini = 0.0
            for i in 0..<n { for j in 0..<n { gini += abs(s.effectiveBudget[i] - s.effectiveBudget[j]) / total } }
            gini /= 2 * Double(n)
            let q = (0.3 + 0.7 * D) * (1 - (1 - s.effectiveMediation) * gini)
            check(t, close(s.dialogueQuality, q), "q \(s.dialogueQuality) ≠ \(q)")

            // 6. Shortfall from last month's C and d.
            var v = [Double](repeating: 0, count: n)
            for i in 0..<n {
                let others = (0..<n).filter { $0 != i }.reduce(0) { $0 + b.commitment[$1] - b.intendedEffort[$1] }
                v[i] = max(0, others / Double(n - 1))
                check(t, abs(s.shortfall[i] - v[i]) <= 1e-12, "v[\(i)]")
            }

            // 7. Trust.
            let win = b.smallWin ? 1.0 : 0
            for i in 0..<n {
                let T = b.trust[i] * (rotated[i] ? 0.8 : 1)
                let meet = s.meeting && s.attends[i] ? 1.0 : 0
                let expected = Self.clip(T + 0.08 * meet * q * (1 - T) + 0.15 * win * (1 - T) - 0.2 * v[i] * T)
                check(t, close(s.trust[i], expected), "T[\(i)] \(s.trust[i]) ≠ \(expected)")
            }

            // 8. Shared understanding with this month's mean trust.
            let meanTrust = agencyMean(s.trust, n)
            let U = Self.clip(
                b.understanding + (s.meeting ? 0.06 * meanTrust * q * (1 - b.understanding) : 0)
                    - 0.01 * b.understanding)
            check(t, close(s.understanding, U), "U \(s.understanding) ≠ \(U)")

            // 9. Commitment; χ for partners of the unfinished legacy-displacing initiative.
            for i in 0..<n {
                let chi =
                    initiatives.indices.contains { k in
                        initiatives[k].displacesLegacy && b.status[k] != .integrated
                            && initiatives[k].partners.contains(i)
                    } ? 1.0 : 0
                let z =
                    -2.5 + 2 * s.trust[i] + 1.5 * U + 1.5 * L + s.headCommitment[i] + W + I
                    - 2 * s.ego[i] - 1.5 * s.legacyLockIn[i] * chi
                check(t, close(s.commitment[i], Self.sigmoid(z)), "C[\(i)]")
            }

            // 10. Switching: only the transitions MODEL.md allows, prosocial patience exact.
            for i in 0..<n {
                switch (b.motivation[i], s.motivation[i]) {
                case (.conditional, .selfish): check(t, v[i] > 0, "conditional → selfish without shortfall")
                case (.selfish, .conditional): check(t, L > 0, "selfish → conditional without a champion")
                case (.prosocial, _):
                    disappointed[i] = v[i] > 0.2 ? disappointed[i] + 1 : 0
                    let turns = disappointed[i] >= 3
                    if turns { disappointed[i] = 0 }
                    check(t, s.motivation[i] == (turns ? .conditional : .prosocial), "prosocial patience")
                case let (x, y): check(t, x == y, "switch \(x) → \(y)")
                }
            }

            // 11–12. Intended effort by this month's type, delivered effort capped by B and H.
            let effortBefore = (0..<n).reduce(0) { $0 + b.effort[$1] }
            for i in 0..<n {
                let c = s.commitment[i]
                let d: Double
                switch s.motivation[i] {
                case .prosocial: d = c
                case .conditional:
                    let others = (effortBefore - b.effort[i]) / Double(n - 1)
                    d = c * (0.2 + 0.8 * min(1, 0.9 * others / 0.2))
                case .selfish: d = c * (0.1 + 0.2 * I)
                }
                check(t, close(s.intendedEffort[i], d), "d[\(i)] (\(s.motivation[i]))")
                check(t, close(s.effort[i], d * min(1, s.effectiveBudget[i], s.hr[i])), "e[\(i)]")
            }

            // 13. Maturity.
            for i in 0..<n {
                let m = b.maturity[i], e = s.effort[i]
                let expected = Self.clip(
                    m + 0.15 * e * (0.5 + 0.5 * s.culture[i]) * (5 - m) / 4 - 0.005 * (m - 1) * (1 - e), 1, 5)
                check(t, close(s.maturity[i], expected), "m[\(i)]")
            }

            // 14. Initiatives: weakest link X, capacity K, progress and status.
            let shared = max(0.05, D) * max(0.05, L) * max(0.05, U)
            for k in initiatives.indices {
                let spec = initiatives[k]
                guard b.status[k] != .integrated else {
                    check(t, s.progress[k] == b.progress[k], "integrated initiative moved")
                    continue
                }
                let x = spec.partners.map { i in
                    s.effort[i] * (0.25 + 0.75 * (s.maturity[i] - 1) / 4)
                        * (1 - (spec.displacesLegacy ? s.legacyLockIn[i] : 0))
                }
                let resources =
                    spec.partners.reduce(0) { $0 + min(1, s.effectiveBudget[$1], s.hr[$1]) }
                    / Double(spec.partners.count)
                let K = Double.pow(shared * max(0.05, resources), 0.25)
                let expected = b.progress[k] + 0.8 * x.min()! * K * (1 - b.progress[k])
                check(t, close(s.progress[k], expected), "π[\(k)] \(s.progress[k]) ≠ \(expected)")
                let status: InitiativeStatus = expected >= 0.99 ? .integrated : expected >= 0.5 ? .launched : .active
                check(t, s.status[k] == status, "status[\(k)]")
            }

            // 15–16. Service quality, adoption and internet access.
            let mNow = agencyMean(s.maturity, n)
            let Q = s.status[2] != .active ? s.progress[2] : 0  // the complaints service
            let S = Q.squareRoot() * ((mNow - 1) / 4).squareRoot()
            check(t, close(s.serviceQuality, Q) && close(s.serviceScore, S), "Q, S")
            let potential = b.internetAccess * s.readiness
            let F = BassDiffusion.step(
                fraction: Self.clip(b.adoption / potential), innovation: 0.03 * S, imitation: 0.38 * S)
            check(t, close(s.adoption, F * potential), "a")
            let access = b.internetAccess + 0.02 * b.internetAccess * (1 - b.internetAccess / 0.9)
            check(t, close(s.internetAccess, access), "ι")
        }
        #expect(problems.isEmpty, "seed \(seed):\n\(problems.joined(separator: "\n"))")
    }
}

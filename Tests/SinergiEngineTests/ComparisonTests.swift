import Foundation
import SinergiEngine
import SinergiModel
import SinergiScenario
import SinergiStats
import Testing

/// `sinergi compare`: packages against the baseline on common random numbers.
@Suite struct ComparisonTests {
    static func request(
        _ scenario: Scenario, policies: [String]? = nil, replicates: Int, seed: UInt64 = 3,
        threads: Int = 2, root: URL
    ) throws -> ComparisonRequest {
        ComparisonRequest(
            baseline: EngineFixtures.request(
                scenario, replicates: replicates, seed: seed, threads: threads, root: root),
            policies: try scenario.policies(named: policies))
    }

    static func rows(_ folder: URL, _ file: String) throws -> [[String: String]] {
        let lines = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    /// MODEL.md §7 property 7 for comparisons: every data file is byte-identical whatever
    /// the thread count.
    @Test func filesDoNotDependOnTheThreadCount() async throws {
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let scenario = try EngineFixtures.scenario("classroom")
        let one = try await ComparisonStudy.run(
            Self.request(
                scenario, replicates: 150, threads: 1,
                root: root.appendingPathComponent("a")))
        let three = try await ComparisonStudy.run(
            Self.request(
                scenario, replicates: 150, threads: 3,
                root: root.appendingPathComponent("b")))
        for file in ComparisonStudy.dataFiles {
            #expect(
                try Data(contentsOf: one.folder.appendingPathComponent(file))
                    == Data(contentsOf: three.folder.appendingPathComponent(file)), "\(file)")
        }
        #expect(one.manifest.files == three.manifest.files)
        #expect(one.manifest.command == "compare")
        #expect(one.manifest.policies == scenario.policies.map(\.name))
        #expect(one.folder.lastPathComponent.hasPrefix("compare-"))
    }

    /// The baseline arm is `sinergi run` of the scenario with the same seed, and every
    /// package runs the same replicate seeds (the pairing).
    @Test func armsShareTheReplicateSeedsOfARun() async throws {
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let scenario = try EngineFixtures.scenario("classroom")
        let compared = try await ComparisonStudy.run(Self.request(scenario, replicates: 40, root: root))
        let run = try await Study.run(
            EngineFixtures.request(
                scenario, replicates: 40, seed: 3, threads: 2,
                root: root.appendingPathComponent("run")))
        let runRows = try Self.rows(run.folder, "replicates.csv")
        let comparedRows = try Self.rows(compared.folder, "replicates.csv")
        let baseline = comparedRows.filter { $0["policy"] == "baseline" }
        #expect(baseline.count == runRows.count)
        for (a, b) in zip(baseline, runRows) {
            var a = a
            a["policy"] = nil
            #expect(a == b)
        }
        for policy in scenario.policies.map(\.name) {
            let arm = comparedRows.filter { $0["policy"] == policy }
            #expect(arm.map { $0["seed"] } == runRows.map { $0["seed"] }, "\(policy)")
            #expect(arm.map { $0["replicate"] } == runRows.map { $0["replicate"] })
        }
    }

    /// Each effect equals the statistics computed directly from the paired replicates of
    /// two Monte Carlo runs with the same seeds (mean difference, t interval, shares).
    @Test func effectsEqualTheDirectPairedStatistics() async throws {
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let scenario = try EngineFixtures.scenario("jambi-province-2018")
        let request = try Self.request(scenario, policies: ["capacity-first"], replicates: 30, root: root)
        let compared = try await ComparisonStudy.run(request).comparison
        let baseline = try await MonteCarlo.run(input: scenario.input, replicates: 30, masterSeed: 3, threads: 2)
        let policy = try await MonteCarlo.run(
            input: request.input(for: request.policies[0]), replicates: 30,
            masterSeed: 3, threads: 1)
        let months = scenario.input.months
        let g = scenario.input.governments.count
        for outcome in Outcome.compared {
            for unit in 0...g {
                func value(_ record: ReplicateRecord) -> Double {
                    unit < g
                        ? outcome.pairedValue(record.outcomes[unit], months: months)
                        : record.outcomes.map { outcome.pairedValue($0, months: months) }.reduce(0, +) / Double(g)
                }
                let x = baseline.records.map(value), y = policy.records.map(value)
                let d = zip(y, x).map { $0 - $1 }
                let direct = Summary(d)
                let name = unit < g ? scenario.input.governments[unit].name : "Region"
                let effect = try #require(compared.effect("capacity-first", outcome.name, unit: name))
                #expect(
                    abs(effect.difference - direct.mean) <= 1e-12 * max(1, abs(direct.mean)), "\(name) \(outcome.name)")
                if direct.standardDeviation > 0 {
                    #expect(abs(effect.ci95Low - direct.ci95Low) <= 1e-9, "\(name) \(outcome.name)")
                    #expect(abs(effect.ci95High - direct.ci95High) <= 1e-9)
                }
                let better = outcome.better == .higher ? d.filter { $0 > 0 }.count : d.filter { $0 < 0 }.count
                #expect(effect.pBetter == Double(better) / 30)
                #expect(abs(effect.baselineMean - Summary(x).mean) <= 1e-12 * max(1, abs(Summary(x).mean)))
            }
        }
    }

    /// The cost is the package's own cost (the baseline's interventions cancel), summed
    /// over governments for the region; the effect per cost divides by it.
    @Test func costIsThePackagesOwn() async throws {
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let scenario = try EngineFixtures.scenario("jambi-province-2018")
        let request = try Self.request(
            scenario, policies: ["legacy-migration", "citizen-side"], replicates: 4, root: root)
        let comparison = try await ComparisonStudy.run(request).comparison
        for package in request.policies {
            let withPackage = try await MonteCarlo.run(
                input: request.input(for: package), replicates: 1, masterSeed: 1, threads: 1)
            let without = try await MonteCarlo.run(input: scenario.input, replicates: 1, masterSeed: 1, threads: 1)
            var total = 0.0
            for (g, government) in scenario.input.governments.enumerated() {
                let cost = withPackage.records[0].outcomes[g].leverCost - without.records[0].outcomes[g].leverCost
                total += cost
                let effect = try #require(comparison.effect(package.name, "final_spbe", unit: government.name))
                #expect(effect.cost == cost)
                if cost > 0 {
                    #expect(effect.effectPerCost == effect.difference / cost)
                } else {
                    #expect(effect.effectPerCost.isNaN)
                }
            }
            #expect(total > 0, "\(package.name) costs something somewhere")
            #expect(try #require(comparison.effect(package.name, "final_spbe")).cost == total)
        }
    }

    /// Common random numbers at work on classroom.yaml: for the HR-only staff-retention
    /// package the paired 95% CI of the final SPBE effect is at least 3× narrower than two
    /// independent runs would give, and the narrowing grows as the lever weakens (with a
    /// vanishing lever the pairs differ by almost nothing).
    @Test func pairingNarrowsTheInterval() async throws {
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let scenario = try EngineFixtures.scenario("classroom")
        let shipped = try await ComparisonStudy.run(
            Self.request(
                scenario, policies: ["staff-retention"], replicates: 1000,
                root: root.appendingPathComponent("shipped"))
        ).comparison
        let effect = try #require(shipped.effect("staff-retention", "final_spbe"))
        #expect(effect.clearlyBetter)
        #expect(effect.ciWidthRatio >= 3, "paired CI only \(effect.ciWidthRatio)× narrower")

        var weaker = scenario
        let everyAgency = [
            InterventionTarget(government: 0, agencies: Array(scenario.input.governments[0].agencies.indices))
        ]
        weaker.policies = [0.9, 0.3, 0.03].map { intensity in
            PolicyPackage(
                name: "retention-\(intensity)",
                interventions: [Intervention(lever: .staffRetention, targets: everyAgency, intensity: intensity)])
        }
        let sweep = try await ComparisonStudy.run(
            Self.request(weaker, replicates: 400, root: root.appendingPathComponent("sweep"))
        )
        .comparison
        let effects = try weaker.policies.map { try #require(sweep.effect($0.name, "final_spbe")) }  // strongest first
        #expect(effects.allSatisfy { $0.difference > 0 && $0.ciWidthRatio.isFinite }, "\(effects.map(\.difference))")
        let ratios = effects.map(\.ciWidthRatio)
        #expect(ratios == ratios.sorted(), "\(ratios)")
    }

    /// Under a precision target the comparison stops at the first batch where every
    /// package's paired half-width is small enough, whatever the thread count.
    @Test func precisionStopsOnThePairedHalfWidth() async throws {
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let scenario = try EngineFixtures.scenario("classroom")
        let target = PrecisionTarget(metric: "final_spbe", halfWidth: 0.05, minimum: 20, maximum: 5_000, batch: 20)
        var results: [ComparisonStudy.Outcome] = []
        for threads in [1, 2] {
            var request = try Self.request(
                scenario, policies: ["training", "staff-retention"], replicates: 1, threads: threads,
                root: root.appendingPathComponent("t\(threads)"))
            request.baseline.stopping = .precision(target)
            results.append(try await ComparisonStudy.run(request))
        }
        let n = results[0].manifest.replicates
        #expect(n == results[1].manifest.replicates)
        #expect(results[0].manifest.stopping.reason.hasPrefix("precision reached"))
        let widths = results[0].comparison.policies.map {
            results[0].comparison.effect($0, "final_spbe")!.ci95HalfWidth
        }
        #expect(widths.allSatisfy { $0 <= 0.05 })
        var earlier = try Self.request(
            scenario, policies: ["training", "staff-retention"], replicates: n - 20,
            root: root.appendingPathComponent("earlier"))
        earlier.baseline.stopping = .fixed(replicates: n - 20)
        let before = try await ComparisonStudy.run(earlier).comparison
        #expect(before.policies.contains { before.effect($0, "final_spbe")!.ci95HalfWidth > 0.05 })
    }
}

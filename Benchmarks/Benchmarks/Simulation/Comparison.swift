import Benchmark
import Foundation
import SinergiEngine
import SinergiModel
import SinergiReport
import SinergiScenario

// The cost of pairing: `sinergi compare` against `sinergi run` doing the same simulation
// work, whole studies with statistics and files (report.html too, as the command writes
// them). Jambi Province 2018 with its six packages: the comparison runs N paired
// replicates of 7 arms; the run runs 7N replicates of the baseline. Both on all cores,
// back to back in one iteration.
//
//   arm-replicate-months/s  = arms × replicates × months ÷ wall seconds of the study
//   compare ÷ run (%)       = the comparison's arm-replicate-months/s ÷ the run's
//                             replicate-months/s: 100% means pairing and the paired
//                             statistics cost nothing beyond the simulation itself.

enum ComparisonMetric {
    static let armMonths = BenchmarkMetric.custom(
        "arm-replicate-months/s", polarity: .prefersLarger, useScalingFactor: false)
    static let relative = BenchmarkMetric.custom(
        "compare ÷ run (%)", polarity: .prefersLarger, useScalingFactor: false)
}

/// Paired replicates per comparison iteration.
let comparedReplicates = 128

func studyRate(_ scenario: Scenario, threads: Int, compare: Bool) async throws -> Double {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("sinergi-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let arms = 1 + scenario.policies.count
    let replicates = compare ? comparedReplicates : comparedReplicates * arms
    let request = RunRequest(
        scenarioPath: scenario.path, scenarioName: scenario.name, slug: scenario.slug,
        scenarioText: scenario.sourceText,
        resolvedScenario: scenario.resolvedYAML, input: scenario.input, stopping: .fixed(replicates: replicates),
        masterSeed: 1, threads: threads, outputRoot: root)
    let clock = ContinuousClock()
    let start = clock.now
    try await withTaskExecutorPreference(WorkerThreads.shared(threads)) {
        if compare {
            blackHole(
                try await ComparisonStudy.run(
                    ComparisonRequest(baseline: request, policies: scenario.policies), report: HTMLReport()))
        } else {
            blackHole(try await Study.run(request, report: HTMLReport()))
        }
    }
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return Double(comparedReplicates * arms * scenario.input.months) / seconds
}

func comparisonBenchmarks(cores: Int) {
    let configuration = Benchmark.Configuration(
        metrics: [ComparisonMetric.armMonths, ComparisonMetric.relative, .wallClock],
        tags: ["threads": "\(cores)", "replicates": "\(comparedReplicates) × 7 arms"],
        timeUnits: .milliseconds,
        units: [ComparisonMetric.armMonths: .count, ComparisonMetric.relative: .count],
        warmupIterations: 1,
        maxDuration: .seconds(15),
        maxIterations: 8
    )
    Benchmark("jambi-province-2018 compare vs run", configuration: configuration) { benchmark, scenario in
        let compared = try await studyRate(scenario, threads: cores, compare: true)
        let run = try await studyRate(scenario, threads: cores, compare: false)
        benchmark.measurement(ComparisonMetric.armMonths, Int(compared.rounded()))
        benchmark.measurement(ComparisonMetric.relative, Int((100 * compared / run).rounded()))
    } setup: {
        try ScenarioLoader.load(path: scenarioPath("jambi-province-2018.yaml"))
    }
}

import Benchmark
import Foundation
import SinergiEngine
import SinergiModel
import SinergiReport
import SinergiScenario

// The cost of a sweep: `sinergi sweep` against `sinergi run` doing the same simulation work,
// whole commands with their files (report.html too), on the classroom scenario, all cores.
//
//   sweep vs run: a Latin hypercube of 2,000 points × 10 replicates over
//   parameters.trust.build = 0.02 … 0.2 (its store, points.csv, replicates.csv, report),
//   then one run of 20,000 replicates (statistics, quantile sketches, CSVs, report), back
//   to back in one iteration.
//     replicates/s      = points × replicates ÷ wall seconds of the sweep
//     sweep ÷ run (%)   = the sweep's replicates/s ÷ the run's: 100% means the design
//                         points, their store and their files cost nothing beyond the
//                         simulation; the goal is at least 95% (an overhead of at most 5%).
//   sweep vs run, agency ego: the same over defaults.agency.ego = 0.2 … 0.8, a value every
//     agency takes from `defaults` (set on the read input per point, as the constant is).
//   sweep 10⁴ points: 10,000 points × 10 replicates, the trust-building rate.
//     points/s          = points ÷ wall seconds of the sweep, files and report included.

enum SweepMetric {
    static let replicates = BenchmarkMetric.custom(
        "replicates/s", polarity: .prefersLarger, useScalingFactor: false)
    static let relative = BenchmarkMetric.custom(
        "sweep ÷ run (%)", polarity: .prefersLarger, useScalingFactor: false)
    static let points = BenchmarkMetric.custom(
        "points/s", polarity: .prefersLarger, useScalingFactor: false)
}

/// Replicates per point in both sweep benchmarks.
let sweepReplicates = 10

/// What a sweep benchmark needs, made once outside the measurement.
struct PreparedSweep: Sendable {
    var source: ScenarioSource
    var design: Design
}

/// The classroom scenario and a Latin hypercube of `points` over `factor` (the
/// trust-building rate unless given).
func prepareSweep(points: Int, factor: String = "parameters.trust.build=0.02:0.2") throws -> PreparedSweep {
    let source = try ScenarioSource.load(path: scenarioPath("classroom.yaml"))
    let factor = try Factor(factor)
    let method = try DesignMethods.method("lhs", settings: DesignSettings(points: points, seed: 1))
    return PreparedSweep(source: source, design: try method.design(for: [factor]))
}

/// Wall seconds of a whole sweep of `prepared` (every file and the report), as
/// `sinergi sweep` runs it.
func sweepSeconds(_ prepared: PreparedSweep, threads: Int) async throws -> Double {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("sinergi-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let scenario = prepared.source.scenario
    let source = prepared.source
    let design = prepared.design
    let request = SweepRequest(
        scenarioPath: scenario.path, scenarioName: scenario.name, slug: scenario.slug,
        scenarioText: scenario.sourceText, resolvedScenario: scenario.resolvedYAML,
        factors: design.factors.map(\.name), designMethod: "lhs, \(design.count) points", design: design.points,
        input: { point in try source.input(with: design.overrides(at: point)) },
        governments: scenario.input.governments.map(\.name), replicates: sweepReplicates, masterSeed: 1,
        threads: threads, outputRoot: root)
    let clock = ContinuousClock()
    let start = clock.now
    try await withTaskExecutorPreference(WorkerThreads.shared(threads)) {
        blackHole(try await Sweep.run(request, report: HTMLReport()))
    }
    return (clock.now - start).benchmarkSeconds
}

/// Wall seconds of a whole `sinergi run` of `replicates` replicates of `scenario`.
func runStudySeconds(_ scenario: Scenario, replicates: Int, threads: Int) async throws -> Double {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("sinergi-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let request = RunRequest(
        scenarioPath: scenario.path, scenarioName: scenario.name, slug: scenario.slug,
        scenarioText: scenario.sourceText, resolvedScenario: scenario.resolvedYAML, input: scenario.input,
        stopping: .fixed(replicates: replicates), masterSeed: 1, threads: threads, outputRoot: root)
    let clock = ContinuousClock()
    let start = clock.now
    try await withTaskExecutorPreference(WorkerThreads.shared(threads)) {
        blackHole(try await Study.run(request, report: HTMLReport()))
    }
    return (clock.now - start).benchmarkSeconds
}

extension Duration {
    fileprivate var benchmarkSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}

func sweepBenchmarks(cores: Int) {
    let overhead = Benchmark.Configuration(
        metrics: [SweepMetric.replicates, SweepMetric.relative, .wallClock],
        tags: ["threads": "\(cores)", "replicates": "2,000 points × \(sweepReplicates) vs 20,000"],
        timeUnits: .milliseconds,
        units: [SweepMetric.replicates: .count, SweepMetric.relative: .count],
        warmupIterations: 1,
        maxDuration: .seconds(30),
        maxIterations: 6
    )
    for (name, factor) in [
        ("classroom sweep vs run", "parameters.trust.build=0.02:0.2"),
        ("classroom sweep vs run, agency ego", "defaults.agency.ego=0.2:0.8"),
    ] {
        Benchmark(name, configuration: overhead) { benchmark, prepared in
            let total = prepared.design.count * sweepReplicates
            let sweep = Double(total) / (try await sweepSeconds(prepared, threads: cores))
            let run =
                Double(total) / (try await runStudySeconds(prepared.source.scenario, replicates: total, threads: cores))
            benchmark.measurement(SweepMetric.replicates, Int(sweep.rounded()))
            benchmark.measurement(SweepMetric.relative, Int((100 * sweep / run).rounded()))
        } setup: {
            try prepareSweep(points: 2_000, factor: factor)
        }
    }

    let large = Benchmark.Configuration(
        metrics: [SweepMetric.points, SweepMetric.replicates, .wallClock, .peakMemoryResident],
        tags: ["threads": "\(cores)", "replicates": "10,000 points × \(sweepReplicates)"],
        timeUnits: .milliseconds,
        units: [SweepMetric.points: .count, SweepMetric.replicates: .count],
        warmupIterations: 1,
        maxDuration: .seconds(40),
        maxIterations: 4
    )
    Benchmark("classroom sweep 10⁴ points", configuration: large) { benchmark, prepared in
        let seconds = try await sweepSeconds(prepared, threads: cores)
        benchmark.measurement(SweepMetric.points, Int((Double(prepared.design.count) / seconds).rounded()))
        benchmark.measurement(
            SweepMetric.replicates, Int((Double(prepared.design.count * sweepReplicates) / seconds).rounded()))
    } setup: {
        try prepareSweep(points: 10_000)
    }
}

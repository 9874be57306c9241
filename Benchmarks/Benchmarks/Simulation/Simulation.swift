import Benchmark
import Foundation
import SinergiEngine
import SinergiModel
import SinergiScenario

// Throughput of the Monte Carlo core: `MonteCarlo.run` on a scenario's model input and
// nothing else — no statistics, no CSV, no files. Each scenario runs on one worker thread,
// on every core, and as a pair of the two that gives the parallel efficiency.
//
// The figures are custom metrics, one value per iteration, in the units their names say:
//   replicate-months/s  = replicates × months ÷ wall seconds of the MonteCarlo.run call
//   replicates/s        = replicate-months/s ÷ months: whole replicates of the scenario
//   agency-months/s     = replicate-months/s × agencies (all governments of the scenario)
//   state bytes/agency  = Simulator.footprint's bytes per agency, read after one replicate
//                         outside the measurement (the same in every iteration)
//   parallel efficiency = (replicate-months/s on K cores) ÷ (K × replicate-months/s on 1)
// The library's own `throughput` metric counts whole iterations per second as an integer,
// 1 to 5 for iterations of 0.2–1 s: too coarse to compare, hence the custom metrics.

/// A scenario file and how many replicates one iteration runs per worker thread, chosen so
/// that an iteration lasts about 0.35 s on one core of the reference machine
/// (docs/performance.md).
struct Workload: Sendable {
    var label: String
    var file: String
    var replicatesPerThread: Int
    /// Master seed: fixed, so every iteration simulates exactly the same replicates.
    var seed: UInt64 = 1
}

let workloads = [
    Workload(label: "classroom", file: "classroom.yaml", replicatesPerThread: 4_000),
    Workload(label: "jambi-province-2018", file: "jambi-province-2018.yaml", replicatesPerThread: 400),
]

enum SimulationMetric {
    static let replicateMonths = BenchmarkMetric.custom(
        "replicate-months/s", polarity: .prefersLarger, useScalingFactor: false)
    static let agencyMonths = BenchmarkMetric.custom(
        "agency-months/s", polarity: .prefersLarger, useScalingFactor: false)
    static let replicates = BenchmarkMetric.custom(
        "replicates/s", polarity: .prefersLarger, useScalingFactor: false)
    static let agencyBytes = BenchmarkMetric.custom(
        "state bytes/agency", polarity: .prefersSmaller, useScalingFactor: false)
    static let efficiency = BenchmarkMetric.custom(
        "parallel efficiency (%)", polarity: .prefersLarger, useScalingFactor: false)
}

/// What the measured call needs, loaded once per benchmark outside the measurement.
struct Prepared: Sendable {
    var input: ModelInput
    /// Agencies summed over the scenario's governments.
    var agencies: Int
    /// Bytes of simulator state per agency (``Simulator/footprint``).
    var bytesPerAgency: Int
}

/// The path of a file in the repository's Scenarios folder.
func scenarioPath(_ file: String) -> String {
    URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Simulation
        .deletingLastPathComponent()  // Benchmarks (sources)
        .deletingLastPathComponent()  // Benchmarks (package)
        .deletingLastPathComponent()  // repository root
        .appendingPathComponent("Scenarios").appendingPathComponent(file).path
}

/// The model input of a scenario in the repository's Scenarios folder.
func prepare(_ workload: Workload) throws -> Prepared {
    let input = try ScenarioLoader.load(path: scenarioPath(workload.file)).input
    let footprint = try footprintAfterOneReplicate(input)
    return Prepared(
        input: input, agencies: input.governments.reduce(0) { $0 + $1.agencies.count },
        bytesPerAgency: Int(footprint.bytesPerAgency.rounded()))
}

/// The simulator's footprint after one replicate of `input` (replicate seed 1), outside any
/// measurement.
func footprintAfterOneReplicate(_ input: ModelInput) throws -> Simulator.Footprint {
    let simulator = Simulator(input: input)
    var record = simulator.makeRecord()
    try simulator.run(replicateSeed: 1, into: &record)
    return simulator.footprint
}

/// Wall seconds of one `MonteCarlo.run` of `replicates` replicates of `input` on `threads`
/// worker threads.
func runSeconds(_ input: ModelInput, replicates: Int, seed: UInt64 = 1, threads: Int) async throws -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try await withTaskExecutorPreference(WorkerThreads.shared(threads)) {
        try await MonteCarlo.run(input: input, replicates: replicates, masterSeed: seed, threads: threads)
    }
    let elapsed = clock.now - start
    blackHole(result)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}

/// Runs `workload` on `threads` worker threads, `replicatesPerThread × threads` replicates,
/// and returns replicate-months per second of wall time.
func replicateMonthsPerSecond(_ workload: Workload, _ input: ModelInput, threads: Int) async throws -> Double {
    let replicates = workload.replicatesPerThread * threads
    let seconds = try await runSeconds(input, replicates: replicates, seed: workload.seed, threads: threads)
    return Double(replicates * input.months) / seconds
}

let benchmarks: @Sendable () -> Void = {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let units: [BenchmarkMetric: BenchmarkUnits] = [
        SimulationMetric.replicateMonths: .count, SimulationMetric.agencyMonths: .kilo,
        SimulationMetric.replicates: .count, SimulationMetric.agencyBytes: .count, SimulationMetric.efficiency: .count,
    ]

    for workload in workloads {
        // Throughput on 1 thread and on all cores (once only on a single-core machine).
        for threads in cores > 1 ? [1, cores] : [1] {
            let configuration = Benchmark.Configuration(
                metrics: [
                    SimulationMetric.replicateMonths, SimulationMetric.replicates, SimulationMetric.agencyMonths,
                    SimulationMetric.agencyBytes, .wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident,
                ],
                tags: ["threads": "\(threads)", "replicates": "\(workload.replicatesPerThread * threads)"],
                timeUnits: .milliseconds,
                units: units,
                warmupIterations: 1,
                maxDuration: .seconds(10),
                maxIterations: 15
            )
            Benchmark(
                "\(workload.label) \(threads == 1 ? "1 thread" : "all cores")", configuration: configuration
            ) { benchmark, prepared in
                let rate = try await replicateMonthsPerSecond(workload, prepared.input, threads: threads)
                benchmark.measurement(SimulationMetric.replicateMonths, Int(rate.rounded()))
                benchmark.measurement(
                    SimulationMetric.replicates, Int((rate / Double(prepared.input.months)).rounded()))
                benchmark.measurement(SimulationMetric.agencyMonths, Int((rate * Double(prepared.agencies)).rounded()))
                benchmark.measurement(SimulationMetric.agencyBytes, prepared.bytesPerAgency)
            } setup: {
                try prepare(workload)
            }
        }

        // Parallel efficiency, from a 1-thread and an all-cores run made back to back in the
        // same iteration, so that both see the same machine load.
        guard cores > 1 else { continue }
        let configuration = Benchmark.Configuration(
            metrics: [SimulationMetric.efficiency, .wallClock],
            tags: ["threads": "1 and \(cores)"],
            timeUnits: .milliseconds,
            units: units,
            warmupIterations: 1,
            maxDuration: .seconds(10),
            maxIterations: 10
        )
        Benchmark("\(workload.label) parallel efficiency", configuration: configuration) { benchmark, prepared in
            let one = try await replicateMonthsPerSecond(workload, prepared.input, threads: 1)
            let all = try await replicateMonthsPerSecond(workload, prepared.input, threads: cores)
            benchmark.measurement(SimulationMetric.efficiency, Int((100 * all / (Double(cores) * one)).rounded()))
        } setup: {
            try prepare(workload)
        }
    }

    comparisonBenchmarks(cores: cores)
    sweepBenchmarks(cores: cores)
    networkBenchmarks(cores: cores)
    scalingBenchmarks()
    randomNumberBenchmarks()
}

import Benchmark
import Foundation
import SinergiEngine
import SinergiModel
import SinergiScenario

// Network citizens (docs/model.md §7.16): the classroom city with N citizens on a
// Watts–Strogatz graph (k = 10, β = 0.1), 60 months, and nothing else left to vary, as in
// the model's own network tests: service quality S pinned to 1, internet access, its
// ceiling and readiness constant 1, so every citizen can adopt from the first month.
//
// Each iteration runs the same R replicates twice with the same seeds, on one thread:
// 60 months, then 1 month. Graph building and the draws of t = 0 are identical in both,
// so their difference is 59 months of stepping.
//
//   citizen-months/s           = R × N × 60 ÷ wall seconds of the 60-month run: whole
//                                replicates, graph building and citizens' draws included
//   stepping citizen-months/s  = R × N × 59 ÷ (seconds of the 60-month run − seconds of the
//                                1-month run): the monthly sweep alone (it also holds the
//                                59 months of the classroom's seven agencies, a few per cent
//                                at 10⁴, nothing to speak of at 10⁶)
//   state bytes/citizen ×100   = Simulator.footprint's bytes per citizen, times 100
//   state bytes/neighbour entry = Simulator.footprint's bytes per neighbour entry; each
//                                undirected edge is two entries
//   neighbour entries/citizen  = entries ÷ N (k = 10: ten, five edges per citizen)
//   parallel efficiency (%)    = as in Simulation.swift, on the 60-month run at 10⁴

/// One network size and the replicates per thread of one iteration, chosen so that an
/// iteration (both runs) lasts about 0.5–1 s on one core of the reference machine.
struct NetworkWorkload: Sendable {
    var label: String
    var citizens: Int
    var replicatesPerThread: Int
}

let networkWorkloads = [
    NetworkWorkload(label: "10⁴", citizens: 10_000, replicatesPerThread: 100),
    NetworkWorkload(label: "10⁶", citizens: 1_000_000, replicatesPerThread: 1),
]

enum NetworkMetric {
    static let citizenMonths = BenchmarkMetric.custom(
        "citizen-months/s", polarity: .prefersLarger, useScalingFactor: false)
    static let steppingMonths = BenchmarkMetric.custom(
        "stepping citizen-months/s", polarity: .prefersLarger, useScalingFactor: false)
    static let citizenBytes = BenchmarkMetric.custom(
        "state bytes/citizen ×100", polarity: .prefersSmaller, useScalingFactor: false)
    static let entryBytes = BenchmarkMetric.custom(
        "state bytes/neighbour entry", polarity: .prefersSmaller, useScalingFactor: false)
    static let entriesPerCitizen = BenchmarkMetric.custom(
        "neighbour entries/citizen", polarity: .prefersSmaller, useScalingFactor: false)
}

/// The classroom city with `citizens` network citizens on the benchmark's graph, only the
/// citizens left to vary (S = 1, access = ceiling = readiness = 1), over `months` months.
func networkInput(citizens: Int, months: Int = 60) throws -> ModelInput {
    var input = try ScenarioLoader.load(path: scenarioPath("classroom.yaml")).input
    input.months = months
    input.governments[0].internetAccess = .constant(1)
    input.governments[0].internetCeiling = .constant(1)
    input.governments[0].readiness = .constant(1)
    input.testHooks.pinnedServiceQuality = 1
    input.citizens = .network(CitizenNetworkSpec(size: citizens, graph: .wattsStrogatz(k: 10, beta: 0.1)))
    return input
}

/// What a network benchmark needs, built once before the iterations.
struct PreparedNetwork: Sendable {
    var full: ModelInput
    var oneMonth: ModelInput
    var bytesPerCitizen: Double
    var bytesPerEntry: Double
    var entriesPerCitizen: Double
}

func prepareNetwork(_ workload: NetworkWorkload) throws -> PreparedNetwork {
    let full = try networkInput(citizens: workload.citizens)
    let footprint = try footprintAfterOneReplicate(full)
    return PreparedNetwork(
        full: full, oneMonth: try networkInput(citizens: workload.citizens, months: 1),
        bytesPerCitizen: footprint.bytesPerCitizen, bytesPerEntry: footprint.bytesPerNeighbourEntry,
        entriesPerCitizen: Double(footprint.neighbourEntries) / Double(footprint.citizens))
}

func networkBenchmarks(cores: Int) {
    let units: [BenchmarkMetric: BenchmarkUnits] = [
        NetworkMetric.citizenMonths: .mega, NetworkMetric.steppingMonths: .mega,
        NetworkMetric.citizenBytes: .count, NetworkMetric.entryBytes: .count,
        NetworkMetric.entriesPerCitizen: .count, SimulationMetric.efficiency: .count,
    ]

    for workload in networkWorkloads {
        let configuration = Benchmark.Configuration(
            metrics: [
                NetworkMetric.citizenMonths, NetworkMetric.steppingMonths, NetworkMetric.citizenBytes,
                NetworkMetric.entryBytes, NetworkMetric.entriesPerCitizen,
                .wallClock, .cpuTotal, .peakMemoryResident,
            ],
            tags: ["threads": "1", "replicates": "\(workload.replicatesPerThread) × (60 + 1 months)"],
            timeUnits: .milliseconds,
            units: units,
            warmupIterations: 1,
            maxDuration: .seconds(10),
            maxIterations: 12
        )
        Benchmark("network \(workload.label) citizens 1 thread", configuration: configuration) { benchmark, prepared in
            let r = workload.replicatesPerThread
            let full = try await runSeconds(prepared.full, replicates: r, threads: 1)
            let first = try await runSeconds(prepared.oneMonth, replicates: r, threads: 1)
            let n = Double(r * workload.citizens)
            benchmark.measurement(NetworkMetric.citizenMonths, Int((n * 60 / full).rounded()))
            if full > first {
                benchmark.measurement(NetworkMetric.steppingMonths, Int((n * 59 / (full - first)).rounded()))
            }
            benchmark.measurement(NetworkMetric.citizenBytes, Int((100 * prepared.bytesPerCitizen).rounded()))
            benchmark.measurement(NetworkMetric.entryBytes, Int(prepared.bytesPerEntry.rounded()))
            benchmark.measurement(NetworkMetric.entriesPerCitizen, Int(prepared.entriesPerCitizen.rounded()))
        } setup: {
            try prepareNetwork(workload)
        }
    }

    // Parallel efficiency at 10⁴ citizens, 1 thread and all cores back to back in one
    // iteration, whole 60-month replicates.
    guard cores > 1, let workload = networkWorkloads.first else { return }
    let configuration = Benchmark.Configuration(
        metrics: [SimulationMetric.efficiency, .wallClock],
        tags: ["threads": "1 and \(cores)"],
        timeUnits: .milliseconds,
        units: units,
        warmupIterations: 1,
        maxDuration: .seconds(10),
        maxIterations: 10
    )
    Benchmark("network \(workload.label) citizens parallel efficiency", configuration: configuration) {
        benchmark, input in
        let r = workload.replicatesPerThread
        let one = Double(r) / (try await runSeconds(input, replicates: r, threads: 1))
        let all = Double(r * cores) / (try await runSeconds(input, replicates: r * cores, threads: cores))
        benchmark.measurement(SimulationMetric.efficiency, Int((100 * all / (Double(cores) * one)).rounded()))
    } setup: {
        try networkInput(citizens: workload.citizens)
    }
}

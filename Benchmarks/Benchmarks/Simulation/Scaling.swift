import Benchmark
import Foundation
import SinergiEngine
import SinergiModel
import SinergiScenario

// How the time of a replicate grows with the size of the model, on one thread, 60 months:
//
// - agencies: one government with A agencies, A = 10 … 1,000 in half-decade steps — the
//   classroom city's seven agencies repeated in order (A = 10 is the seven, then the first
//   three again), its three initiatives and their partners unchanged, aggregate citizens;
// - citizens: the network benchmark's input (Network.swift) with N = 10³ … 10⁶ citizens in
//   half-decade steps, whole replicates with graph building.
//
//   µs/replicate              = wall seconds of R replicates ÷ R, one benchmark per size
//   log–log slope ×100        = 100 × the least-squares slope of ln(seconds per replicate)
//                               on ln(size) over every size of the sweep, all sizes timed
//                               in one iteration: 100 is linear, 200 quadratic
//   top-decade slope ×100     = the same over the sizes of the largest decade only
//                               (100 … 1,000 agencies, 10⁵ … 10⁶ citizens)

/// One size of a sweep and its replicates per run, chosen so that a run lasts about
/// 0.1–0.25 s on one core of the reference machine.
struct ScalingPoint: Sendable {
    var size: Int
    var replicates: Int
}

let agencyPoints = [
    ScalingPoint(size: 10, replicates: 1_500),
    ScalingPoint(size: 32, replicates: 400),
    ScalingPoint(size: 100, replicates: 150),
    ScalingPoint(size: 316, replicates: 40),
    ScalingPoint(size: 1_000, replicates: 12),
]

let citizenPoints = [
    ScalingPoint(size: 1_000, replicates: 400),
    ScalingPoint(size: 3_162, replicates: 150),
    ScalingPoint(size: 10_000, replicates: 50),
    ScalingPoint(size: 31_623, replicates: 10),
    ScalingPoint(size: 100_000, replicates: 4),
    ScalingPoint(size: 316_228, replicates: 1),
    ScalingPoint(size: 1_000_000, replicates: 1),
]

enum ScalingMetric {
    static let replicateTime = BenchmarkMetric.custom(
        "µs/replicate", polarity: .prefersSmaller, useScalingFactor: false)
    static let slope = BenchmarkMetric.custom(
        "log–log slope ×100", polarity: .prefersSmaller, useScalingFactor: false)
    static let topSlope = BenchmarkMetric.custom(
        "top-decade slope ×100", polarity: .prefersSmaller, useScalingFactor: false)
}

/// The classroom city with `agencies` agencies: its seven repeated in order, renamed
/// "<name> 2", "<name> 3", … from the second round; initiatives unchanged.
func agencyInput(agencies: Int) throws -> ModelInput {
    var input = try ScenarioLoader.load(path: scenarioPath("classroom.yaml")).input
    let seven = input.governments[0].agencies
    input.governments[0].agencies = (0..<agencies).map { i in
        var agency = seven[i % seven.count]
        if i >= seven.count { agency.name += " \(i / seven.count + 1)" }
        return agency
    }
    return input
}

/// The least-squares slope of y on x.
func leastSquaresSlope(_ x: [Double], _ y: [Double]) -> Double {
    let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
    var sxy = 0.0, sxx = 0.0
    for (a, b) in zip(x, y) {
        sxy += (a - mx) * (b - my)
        sxx += (a - mx) * (a - mx)
    }
    return sxy / sxx
}

/// Seconds per replicate of each point's input, one after the other on one thread.
func sweep(_ points: [ScalingPoint], _ inputs: [ModelInput]) async throws -> [Double] {
    var times: [Double] = []
    for (point, input) in zip(points, inputs) {
        times.append(try await runSeconds(input, replicates: point.replicates, threads: 1) / Double(point.replicates))
    }
    return times
}

func scalingBenchmarks() {
    let units: [BenchmarkMetric: BenchmarkUnits] = [
        ScalingMetric.replicateTime: .count, ScalingMetric.slope: .count, ScalingMetric.topSlope: .count,
    ]
    let sweeps: [(label: String, unit: String, points: [ScalingPoint], input: @Sendable (Int) throws -> ModelInput)] = [
        ("agencies", "agencies", agencyPoints, { try agencyInput(agencies: $0) }),
        ("citizens", "network citizens", citizenPoints, { try networkInput(citizens: $0) }),
    ]

    for sweepSpec in sweeps {
        // One benchmark per size, for the table of times.
        for point in sweepSpec.points {
            let configuration = Benchmark.Configuration(
                metrics: [ScalingMetric.replicateTime, .wallClock],
                tags: ["threads": "1", "replicates": "\(point.replicates)"],
                timeUnits: .milliseconds,
                units: units,
                warmupIterations: 1,
                maxDuration: .seconds(3),
                maxIterations: 10
            )
            let name = "scaling \(point.size) \(sweepSpec.unit)"
            Benchmark(name, configuration: configuration) { benchmark, input in
                let seconds = try await runSeconds(input, replicates: point.replicates, threads: 1)
                benchmark.measurement(
                    ScalingMetric.replicateTime, Int((1e6 * seconds / Double(point.replicates)).rounded()))
            } setup: {
                try sweepSpec.input(point.size)
            }
        }

        // The slopes, from every size timed back to back in one iteration.
        let configuration = Benchmark.Configuration(
            metrics: [ScalingMetric.slope, ScalingMetric.topSlope, .wallClock],
            tags: ["threads": "1", "sizes": sweepSpec.points.map { "\($0.size)" }.joined(separator: ", ")],
            timeUnits: .milliseconds,
            units: units,
            warmupIterations: 1,
            maxDuration: .seconds(8),
            maxIterations: 8
        )
        Benchmark("scaling slope with \(sweepSpec.label)", configuration: configuration) { benchmark, inputs in
            let times = try await sweep(sweepSpec.points, inputs)
            let x = sweepSpec.points.map { log(Double($0.size)) }, y = times.map { log($0) }
            let largest = x.max()!
            let top = x.indices.filter { x[$0] >= largest - log(10) - 1e-9 }
            benchmark.measurement(ScalingMetric.slope, Int((100 * leastSquaresSlope(x, y)).rounded()))
            benchmark.measurement(
                ScalingMetric.topSlope, Int((100 * leastSquaresSlope(top.map { x[$0] }, top.map { y[$0] })).rounded()))
        } setup: {
            try sweepSpec.points.map { try sweepSpec.input($0.size) }
        }
    }
}

import Benchmark
import SinergiStats

// The cost of the random numbers a replicate uses, for each generator a scenario can name
// (`rng`), on one thread:
//   random draw <algorithm>     ps/draw    = wall picoseconds of 10⁷ `uniform()` calls ÷ 10⁷
//   random seeding <algorithm>  ns/seeding = wall ns of 10⁵ `reseed(_:)` calls, each
//                               followed by one draw (MT19937 regenerates its 624 words
//                               then), ÷ 10⁵
//   random beta <method>        ns/value   = Beta(2, 5) values at t = 0: the inverse CDF of
//                               one uniform (`sample`, GSL's gsl_cdf_beta_Pinv) against two
//                               Gamma draws (`initialSample`), 10⁵ each, xoshiro256++
// Each figure is one value per iteration; the checksum keeps the work from being removed.

enum RandomMetric {
    static let perDraw = BenchmarkMetric.custom("ps/draw", polarity: .prefersSmaller, useScalingFactor: false)
    static let perSeeding = BenchmarkMetric.custom("ns/seeding", polarity: .prefersSmaller, useScalingFactor: false)
    static let perValue = BenchmarkMetric.custom("ns/value", polarity: .prefersSmaller, useScalingFactor: false)
}

/// Wall nanoseconds (× `scale`) of one run of `body`, divided by `count` and rounded.
private func nanoseconds(per count: Int, scale: Double = 1, _ body: () -> Double) -> Int {
    let clock = ContinuousClock()
    let start = clock.now
    blackHole(body())
    let elapsed = clock.now - start
    let ns = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) * 1e-9
    return Int((scale * ns / Double(count)).rounded())
}

func randomNumberBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [RandomMetric.perDraw, RandomMetric.perSeeding, RandomMetric.perValue],
        tags: ["threads": "1"],
        units: [RandomMetric.perDraw: .count, RandomMetric.perSeeding: .count, RandomMetric.perValue: .count],
        warmupIterations: 1,
        maxDuration: .seconds(3),
        maxIterations: 10
    )
    for algorithm in RandomAlgorithm.allCases {
        Benchmark("random draw \(algorithm.rawValue)", configuration: configuration) { benchmark in
            let stream = RandomStream(algorithm: algorithm, seed: 1)
            let draws = 10_000_000
            benchmark.measurement(
                RandomMetric.perDraw,
                nanoseconds(per: draws, scale: 1000) {
                    var sum = 0.0
                    for _ in 0..<draws { sum += stream.uniform() }
                    return sum
                })
        }
        Benchmark("random seeding \(algorithm.rawValue)", configuration: configuration) { benchmark in
            let stream = RandomStream(algorithm: algorithm, seed: 1)
            let seedings = 100_000
            benchmark.measurement(
                RandomMetric.perSeeding,
                nanoseconds(per: seedings) {
                    var sum = 0.0
                    for seed in 0..<UInt64(seedings) {
                        stream.reseed(SeedDerivation.mix(seed))
                        sum += stream.uniform()
                    }
                    return sum
                })
        }
    }
    let beta = Distribution.beta(alpha: 2, beta: 5)
    let methods: [(String, @Sendable (Distribution, RandomStream) -> Double)] = [
        ("inverse CDF", { $0.sample($1) }), ("two Gamma draws", { $0.initialSample($1) }),
    ]
    for (label, draw) in methods {
        Benchmark("random beta \(label)", configuration: configuration) { benchmark in
            let stream = RandomStream(algorithm: .xoshiro256pp, seed: 1)
            let values = 100_000
            benchmark.measurement(
                RandomMetric.perValue,
                nanoseconds(per: values) {
                    var sum = 0.0
                    for _ in 0..<values { sum += draw(beta, stream) }
                    return sum
                })
        }
    }
}

import SinergiStats

@testable import SinergiModel

/// Replicate seeds the statistical tests share: replicate r of design point 0 under a
/// fixed master seed, derived as every command derives them (MODEL.md §6).
func replicateSeeds(_ count: Int, master: UInt64 = 20_240_601) -> [UInt64] {
    (0..<count).map { ReplicateRunner.replicateSeed(masterSeed: master, replicate: $0) }
}

/// Steps one government of an input month by month through the ``ReplicateRunner``, as
/// `Simulator.run` does, but keeps the state reachable so tests can read internal
/// variables (hr, ego, design …). `DriverTests` checks that its outcomes equal the
/// simulator's bit for bit.
final class Driver {
    let input: ModelInput
    let runner: ReplicateRunner
    var state: GovernmentState
    let streams: GovernmentStreams

    init(_ input: ModelInput) {
        self.input = input
        runner = ReplicateRunner(input: input)
        state = GovernmentState(
            agencyCapacity: input.governments.map(\.agencies.count).max() ?? 1,
            initiativeCapacity: input.governments.map(\.initiatives.count).max() ?? 1)
        streams = GovernmentStreams(algorithm: input.algorithm)
    }

    var governments: [CompiledGovernment] { runner.governments }

    var agencyCount: Int { governments[0].agencyCount }

    /// Reseeds and initialises government `g`; returns the index of the initial state.
    @discardableResult
    func initialise(seed: UInt64, government g: Int = 0) throws(ModelError) -> Double {
        try runner.start(government: g, replicateSeed: seed, state: &state, streams: streams)
    }

    /// Steps month `t` of government `g`; returns the index at its end.
    @discardableResult
    func step(_ t: Int, government g: Int = 0) -> Double {
        runner.advance(month: t, government: g, state: &state, streams: streams)
    }

    /// Runs all months of government `g`, calling `observe(t, before, after)` after each
    /// month with the state before and after the step; returns the outcomes.
    func run(
        seed: UInt64, government g: Int = 0,
        observe: (Int, GovernmentState, GovernmentState) -> Void = { _, _, _ in }
    ) throws(ModelError) -> GovernmentOutcome {
        let initialIndex = try initialise(seed: seed, government: g)
        var index = initialIndex
        for t in 0..<input.months {
            let before = state
            index = step(t, government: g)
            observe(t, before, state)
        }
        return state.outcome(
            governments[g], initialIndex: initialIndex, finalIndex: index, months: input.months,
            stallMonths: input.parameters.initiatives.stallMonths)
    }
}

/// Mean of the first `n` entries of an agency array.
func agencyMean(_ values: ContiguousArray<Double>, _ n: Int) -> Double {
    var sum = 0.0
    for i in 0..<n { sum += values[i] }
    return sum / Double(n)
}

/// The paired difference of an outcome over replicates (policy − baseline): mean, its
/// standard error and the t-based 95% confidence interval.
struct PairedDifference: CustomStringConvertible {
    let n: Int
    let mean: Double
    let standardError: Double
    let ciLow: Double
    let ciHigh: Double

    init(policy: [Double], baseline: [Double]) {
        precondition(policy.count == baseline.count && policy.count > 1)
        let differences = zip(policy, baseline).map { $0 - $1 }
        let count = differences.count
        let average = differences.reduce(0, +) / Double(count)
        let variance = differences.reduce(0) { $0 + ($1 - average) * ($1 - average) } / Double(count - 1)
        let se = (variance / Double(count)).squareRoot()
        let t = GSLMath.studentTQuantile(0.975, degreesOfFreedom: Double(count - 1))
        n = count
        mean = average
        standardError = se
        ciLow = average - t * se
        ciHigh = average + t * se
    }

    var description: String {
        "paired mean difference \(mean) (n = \(n), SE \(standardError), 95% CI [\(ciLow), \(ciHigh)])"
    }
}

/// The bit patterns of a series, for bitwise comparison (NaN-safe).
func bits(_ series: ContiguousArray<Double>) -> [UInt64] { series.map(\.bitPattern) }

/// The bit patterns of every numeric outcome, for bitwise comparison.
func bits(_ o: GovernmentOutcome) -> [UInt64] {
    [
        o.initialSpbe, o.finalSpbe, o.gainPerYear, o.adoption, o.internetAccess, o.meanTrust,
        o.meanCommitment, o.selfishShare, o.equity, o.leverCost,
    ].map(\.bitPattern)
        + [
            o.initiativesLaunched, o.initiativesIntegrated, o.initiativesStalled,
            o.monthsToFirstLaunch ?? -1, o.monthsToFirstWin ?? -1,
        ].map { UInt64(bitPattern: Int64($0)) }
}

/// One replicate's monthly values of `metric` for government 0, months 1 … months (row 0,
/// the initial state, left out).
func monthlySeries(_ metric: SeriesMetric, _ input: ModelInput, seed: UInt64) throws -> [Double] {
    let simulator = Simulator(input: input)
    var record = simulator.makeRecord()
    try simulator.run(replicateSeed: seed, into: &record)
    let width = simulator.layout.widths[0]
    return (0..<input.months).map { record.series[($0 + 1) * width + metric.rawValue] }
}

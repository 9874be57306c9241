import SinergiStats

/// Runs replicates of one ``ModelInput``: a ``ReplicateRunner`` (the compiled input) with
/// a ``ReplicateWorkspace`` of its own (state buffers and random streams), reused for every
/// replicate it runs, so it is meant to be owned by one worker; create one per thread.
/// Governments do not interact in v1, so each is stepped through all months before the next.
public final class Simulator {
    public let runner: ReplicateRunner
    let workspace: ReplicateWorkspace

    public var input: ModelInput { runner.input }
    /// Where each government's monthly series sit in ``ReplicateRecord/series``.
    public var layout: SeriesLayout { runner.layout }

    public init(input: ModelInput) {
        runner = ReplicateRunner(input: input)
        workspace = ReplicateWorkspace(for: runner)
    }

    /// The memory the simulator's state holds, in bytes, after a replicate: per agency
    /// (the agency arrays ÷ their capacity) and, in network mode, per citizen and per
    /// neighbour entry (each undirected edge is two entries). Generator scratch, reused
    /// from replicate to replicate, is not counted.
    public struct Footprint: Sendable {
        public var bytesPerAgency: Double
        public var citizens: Int
        public var neighbourEntries: Int
        public var bytesPerCitizen: Double
        public var bytesPerNeighbourEntry: Double
    }

    /// The footprint of the state as it stands (the last government stepped).
    public var footprint: Footprint {
        let state = workspace.state
        let capacity = state.ego.count
        let network = state.network
        let entries = network.graph.neighbours.count
        let citizenBytes = network.storedBytes - entries * 4
        return Footprint(
            bytesPerAgency: Double(state.agencyBytes) / Double(Swift.max(1, capacity)),
            citizens: network.size, neighbourEntries: entries,
            bytesPerCitizen: network.size > 0 ? Double(citizenBytes) / Double(network.size) : 0,
            bytesPerNeighbourEntry: entries > 0 ? 4 : 0)
    }

    /// A record sized for this input, to pass to ``run(replicateSeed:into:)``.
    public func makeRecord() -> ReplicateRecord { runner.makeRecord() }

    /// Runs one replicate seeded with `replicateSeed` and writes its outcomes and monthly
    /// series into `record` (``ReplicateRunner/run(replicateSeed:in:into:)``).
    public func run(replicateSeed: UInt64, into record: inout ReplicateRecord) throws(ModelError) {
        try runner.run(replicateSeed: replicateSeed, in: workspace, into: &record)
    }
}

extension GovernmentState {
    /// Samples the initial state of `government` (and its citizens in network mode) from
    /// freshly seeded `streams` and returns the SPBE index of that state. The first half of
    /// every replicate (``ReplicateRunner/start(government:replicateSeed:state:streams:)``).
    @inline(__always)
    mutating func begin(
        _ government: CompiledGovernment, parameters: ModelParameters, streams: GovernmentStreams
    ) throws(ModelError) -> Double {
        try initialise(government, parameters: parameters, stream: streams.initial)
        if let spec = government.network {
            try network.initialise(spec, stream: streams.citizens, access: internetAccess, readiness: readiness)
        }
        return spbeIndex(government)
    }

    /// Steps month `t` and returns the SPBE index at its end: the second half of every
    /// replicate, one call per month (``ReplicateRunner/advance(month:government:state:streams:)``).
    @inline(__always)
    mutating func advance(
        month t: Int, startMonth: Int, _ government: CompiledGovernment, parameters: ModelParameters,
        hooks: TestHooks, streams: GovernmentStreams
    ) -> Double {
        let moy = (startMonth - 1 + t) % 12
        step(month: t, moy: moy, government, parameters: parameters, hooks: hooks, streams: streams)
        return spbeIndex(government)
    }
}

/// One replicate's results: outcomes per government and the monthly series.
public struct ReplicateRecord: Sendable {
    public var outcomes: [GovernmentOutcome]
    /// Flat monthly series; see ``SeriesLayout``.
    public var series: ContiguousArray<Double>

    public init(governments: Int, seriesCount: Int) {
        outcomes = Array(repeating: GovernmentOutcome(), count: governments)
        series = ContiguousArray(repeating: .nan, count: seriesCount)
    }
}

/// Where the monthly series of each government sit in a flat buffer: government g,
/// row m, metric j is at `offsets[g] + m · widths[g] + j`. Row 0 is the initial state and
/// row m (1 … months) the state at the end of month t = m − 1, so there are `months + 1`
/// rows. The metrics are ``SeriesMetric`` in order, then each initiative's progress.
public struct SeriesLayout: Sendable, Equatable {
    /// Number of rows per government: months + 1.
    public let rows: Int
    public let offsets: [Int]
    public let widths: [Int]
    /// Metric names of each government, in column order.
    public let metricNames: [[String]]
    public let count: Int

    public init(input: ModelInput) {
        rows = input.months + 1
        var offsets: [Int] = []
        var widths: [Int] = []
        var names: [[String]] = []
        var total = 0
        for government in input.governments {
            let metricNames =
                SeriesMetric.allCases.map(\.name)
                + government.initiatives.map { "progress:\($0.name)" }
            offsets.append(total)
            widths.append(metricNames.count)
            names.append(metricNames)
            total += metricNames.count * (input.months + 1)
        }
        self.offsets = offsets
        self.widths = widths
        metricNames = names
        count = total
    }
}

extension GovernmentState {
    /// Writes this month's series values at `offset`.
    func record(
        into series: UnsafeMutableBufferPointer<Double>, at offset: Int, index: Double,
        _ government: CompiledGovernment
    ) {
        let n = government.agencyCount
        series[offset + SeriesMetric.meanMaturity.rawValue] = mean(maturity, n)
        series[offset + SeriesMetric.spbe.rawValue] = index
        series[offset + SeriesMetric.meanTrust.rawValue] = mean(trust, n)
        series[offset + SeriesMetric.meanCommitment.rawValue] = mean(commitment, n)
        series[offset + SeriesMetric.meanEffort.rawValue] = mean(effort, n)
        series[offset + SeriesMetric.understanding.rawValue] = understanding
        series[offset + SeriesMetric.adoption.rawValue] = adoption
        series[offset + SeriesMetric.internetAccess.rawValue] = internetAccess
        let first = offset + SeriesMetric.allCases.count
        for k in 0..<government.initiativeCount { series[first + k] = progress[k] }
    }

    /// The outcomes of MODEL.md §5 from the final state; an initiative counts as stalled
    /// after `stallMonths` slow months in a row.
    func outcome(
        _ government: CompiledGovernment, initialIndex: Double, finalIndex: Double, months: Int,
        stallMonths: Int
    ) -> GovernmentOutcome {
        let n = government.agencyCount
        var outcome = GovernmentOutcome()
        outcome.initialSpbe = initialIndex
        outcome.finalSpbe = finalIndex
        outcome.gainPerYear = (finalIndex - initialIndex) / (Double(months) / 12)
        outcome.adoption = adoption
        outcome.internetAccess = internetAccess
        for k in 0..<government.initiativeCount {
            if status[k] != .active { outcome.initiativesLaunched += 1 }
            if status[k] == .integrated {
                outcome.initiativesIntegrated += 1
            } else if slowMonths[k] >= stallMonths {
                outcome.initiativesStalled += 1
            }
        }
        outcome.monthsToFirstLaunch = firstLaunchMonth >= 0 ? firstLaunchMonth + 1 : nil
        outcome.monthsToFirstWin = firstWinMonth >= 0 ? firstWinMonth + 1 : nil
        outcome.months = months
        outcome.meanTrust = mean(trust, n)
        outcome.meanCommitment = mean(commitment, n)
        var selfish = 0
        for i in 0..<n where motivation[i] == .selfish { selfish += 1 }
        outcome.selfishShare = Double(selfish) / Double(n)
        let meanMaturity = mean(maturity, n)
        var squares = 0.0
        for i in 0..<n { squares += (maturity[i] - meanMaturity) * (maturity[i] - meanMaturity) }
        outcome.equity = (squares / Double(n)).squareRoot()
        outcome.leverCost = government.leverCost
        return outcome
    }
}

import SinergiStats

/// The one definition of how a replicate runs: which seed it gets, how each government's
/// streams are seeded, and in what order its state is initialised and stepped.
///
/// Replicate r of design point d under master seed m is seeded with
/// ``SeedDerivation/replicateSeed(master:designPoint:replicate:)``. Inside it, governments
/// are independent (v1): government g reseeds its six streams from (replicate seed, g,
/// stream name) (``SeedDerivation/streamSeed(replicateSeed:government:stream:)``), samples
/// its initial state from the `init` stream (and its citizens from the `citizens` stream in
/// network mode), and is then stepped month by month. Every stochastic site draws from its
/// own stream a fixed number of times a month (MODEL.md §6), so it does not matter whether
/// one government goes through all its months before the next (``Simulator``) or all
/// governments step together a month at a time (``LiveRun``): the numbers are the same.
///
/// A runner holds the compiled model input only; it is a read-only value shared by every
/// worker, and the mutable part, a government state and its streams, is the caller's
/// (``ReplicateWorkspace``, or one per government in a live run).
public struct ReplicateRunner: Sendable {
    public let input: ModelInput
    /// Where each government's monthly series sit in ``ReplicateRecord/series``.
    public let layout: SeriesLayout
    let governments: [CompiledGovernment]
    /// Agencies of the largest government, initiatives of the government with the most:
    /// the capacity a ``ReplicateWorkspace`` needs.
    let agencyCapacity: Int
    let initiativeCapacity: Int

    /// Compiles `input` (partner lists, lever entries) for the monthly step.
    public init(input: ModelInput) {
        self.init(
            input: input,
            governments: input.governments.enumerated().map { index, spec in
                CompiledGovernment(
                    spec: spec, index: index, interventions: input.interventions, months: input.months,
                    citizens: input.citizens)
            }, shapeOf: nil)
    }

    /// Compiles `input` as ``init(input:)`` does, taking from `compiled` what does not
    /// change: the design points of a sweep differ in a few values, and a government whose
    /// initiatives, agency count, interventions, horizon and citizens are those of
    /// `compiled` has the same partner lists and lever entries, and its series the same
    /// place: only its spec is new.
    ///
    /// The runner is equal to `ReplicateRunner(input: input)` whatever `compiled` is.
    public init(input: ModelInput, reusing compiled: ReplicateRunner) {
        let previous = compiled.input
        guard input.months == previous.months, input.citizens == previous.citizens,
            input.interventions == previous.interventions, input.governments.count == previous.governments.count
        else {
            self.init(input: input)
            return
        }
        var sameShape = true
        var governments: [CompiledGovernment] = []
        governments.reserveCapacity(input.governments.count)
        for (index, spec) in input.governments.enumerated() {
            var government = compiled.governments[index]
            if spec.initiatives == government.spec.initiatives, spec.agencies.count == government.agencyCount {
                government.spec = spec
            } else {
                sameShape = false
                government = CompiledGovernment(
                    spec: spec, index: index, interventions: input.interventions, months: input.months,
                    citizens: input.citizens)
            }
            governments.append(government)
        }
        self.init(input: input, governments: governments, shapeOf: sameShape ? compiled : nil)
    }

    /// A runner of `input` compiled into `governments`, with the series layout and
    /// capacities of `shape` (a runner whose governments have the same initiatives and
    /// agency counts over the same horizon), or computed when it is nil.
    private init(input: ModelInput, governments: [CompiledGovernment], shapeOf shape: ReplicateRunner?) {
        self.input = input
        self.governments = governments
        layout = shape?.layout ?? SeriesLayout(input: input)
        agencyCapacity = shape?.agencyCapacity ?? input.governments.lazy.map { $0.agencies.count }.max() ?? 1
        initiativeCapacity =
            shape?.initiativeCapacity ?? input.governments.lazy.map { $0.initiatives.count }.max() ?? 1
    }

    /// The seed of replicate `replicate` of design point `designPoint` under `masterSeed`:
    /// the seed every command gives that replicate (`sinergi run` and `compare` use design
    /// point 0, as does the classroom's live run, replicate 0).
    @inlinable
    public static func replicateSeed(masterSeed: UInt64, designPoint: Int = 0, replicate: Int) -> UInt64 {
        SeedDerivation.replicateSeed(master: masterSeed, designPoint: designPoint, replicate: replicate)
    }

    /// A record sized for this input, to pass to ``run(replicateSeed:in:into:)``.
    public func makeRecord() -> ReplicateRecord {
        ReplicateRecord(governments: governments.count, seriesCount: layout.count)
    }

    /// Runs the replicate seeded with `replicateSeed`, one government through every month
    /// before the next, on `workspace`'s state and streams, and writes its outcomes and
    /// monthly series into `record` (made by ``makeRecord()``).
    public func run(
        replicateSeed: UInt64, in workspace: ReplicateWorkspace, into record: inout ReplicateRecord
    ) throws(ModelError) {
        workspace.fit(self)
        let streams = workspace.streams
        for g in governments.indices {
            let offset = layout.offsets[g]
            // One in-place (modify) access to the state per government: reading it through
            // the class property for every month would copy the struct and its arrays.
            record.outcomes[g] = try record.series.withUnsafeMutableBufferPointer {
                (series) throws(ModelError) in
                try simulate(
                    government: g, replicateSeed: replicateSeed, state: &workspace.state, streams: streams,
                    series: series, offset: offset)
            }
        }
    }

    /// Replicate `replicate` of design point `designPoint` under `masterSeed`; see
    /// ``run(replicateSeed:in:into:)``.
    public func run(
        replicate: Int, masterSeed: UInt64, designPoint: Int = 0, in workspace: ReplicateWorkspace,
        into record: inout ReplicateRecord
    ) throws(ModelError) {
        try run(
            replicateSeed: Self.replicateSeed(masterSeed: masterSeed, designPoint: designPoint, replicate: replicate),
            in: workspace, into: &record)
    }

    /// Reseeds government `g`'s streams for the replicate seeded with `replicateSeed` and
    /// samples its initial state; returns the SPBE index of that state. The first half of
    /// every replicate of every government.
    @inline(__always)
    func start(
        government g: Int, replicateSeed: UInt64, state: inout GovernmentState, streams: GovernmentStreams
    ) throws(ModelError) -> Double {
        streams.reseed(replicateSeed: replicateSeed, government: g)
        return try state.begin(governments[g], parameters: input.parameters, streams: streams)
    }

    /// Steps government `g` through month `t` and returns the SPBE index at its end: the
    /// second half of every replicate, one call per month.
    @inline(__always)
    func advance(month t: Int, government g: Int, state: inout GovernmentState, streams: GovernmentStreams) -> Double {
        state.advance(
            month: t, startMonth: input.startMonth, governments[g], parameters: input.parameters,
            hooks: input.testHooks, streams: streams)
    }

    /// Starts government `g` and steps it through every month, writing row 0 (the initial
    /// state) and rows 1 … months of its series at `offset`; returns its outcomes.
    func simulate(
        government g: Int, replicateSeed: UInt64, state: inout GovernmentState, streams: GovernmentStreams,
        series: UnsafeMutableBufferPointer<Double>, offset: Int
    ) throws(ModelError) -> GovernmentOutcome {
        let government = governments[g]
        let parameters = input.parameters
        let hooks = input.testHooks
        let width = SeriesMetric.allCases.count + government.initiativeCount
        let initialIndex = try start(government: g, replicateSeed: replicateSeed, state: &state, streams: streams)
        var index = initialIndex
        state.record(into: series, at: offset, index: index, government)
        // The months of ``advance(month:government:state:streams:)``, with the government and
        // parameters read once rather than every month.
        for t in 0..<input.months {
            index = state.advance(
                month: t, startMonth: input.startMonth, government, parameters: parameters, hooks: hooks,
                streams: streams)
            state.record(into: series, at: offset + (t + 1) * width, index: index, government)
        }
        return state.outcome(
            government, initialIndex: initialIndex, finalIndex: index, months: input.months,
            stallMonths: parameters.initiatives.stallMonths)
    }
}

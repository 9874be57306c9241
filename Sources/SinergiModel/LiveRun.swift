import SinergiStats

/// One replicate stepped a month at a time, for a live class: levers can be switched while
/// it runs and agencies can be played (their intended-effort rule set for a month).
///
/// A live run is the ``ReplicateRunner``'s replicate taken a month at a time: the same
/// seeds, the same reseeding of each government's streams, the same initialisation and the
/// same monthly step. Stepped to the horizon with no stances and no lever changes, its
/// states equal the simulator's series bit for bit. Unlike the simulator, which steps one
/// government through every month before the next and reuses one state for all of them, a
/// live run keeps a state and a set of streams per government and steps them all together.
///
/// Not thread-safe: own it from one task (the classroom server owns it inside an actor).
public final class LiveRun {
    /// The run's input; ``setInterventions(_:)`` replaces its interventions.
    public var input: ModelInput { runner.input }
    /// The seed of the replicate (``ReplicateRunner/replicateSeed(masterSeed:designPoint:replicate:)``).
    public let replicateSeed: UInt64
    /// Months already simulated: 0 after initialisation, ``ModelInput/months`` at the horizon.
    public private(set) var month = 0
    private var runner: ReplicateRunner
    private var states: [GovernmentState]
    private let streams: [GovernmentStreams]
    /// SPBE index of each government's current state.
    private var indices: [Double]

    /// Samples the initial state of every government of `input` for replicate `replicate`
    /// of design point `designPoint` under `masterSeed`: the replicate `sinergi run --seed
    /// masterSeed` runs as number `replicate` (design point 0).
    ///
    /// - Throws: ``ModelError`` when a government cannot be initialised (an unreachable
    ///   `initialSpbe`, an impossible citizen network).
    public convenience init(input: ModelInput, masterSeed: UInt64, designPoint: Int = 0, replicate: Int = 0)
        throws(ModelError)
    {
        try self.init(
            input: input,
            replicateSeed: ReplicateRunner.replicateSeed(
                masterSeed: masterSeed, designPoint: designPoint, replicate: replicate))
    }

    /// Samples the initial state of every government of `input` for the replicate seeded
    /// with `replicateSeed`.
    ///
    /// - Throws: ``ModelError`` when a government cannot be initialised (an unreachable
    ///   `initialSpbe`, an impossible citizen network).
    public init(input: ModelInput, replicateSeed: UInt64) throws(ModelError) {
        let runner = ReplicateRunner(input: input)
        self.runner = runner
        self.replicateSeed = replicateSeed
        states = []
        var allStreams: [GovernmentStreams] = []
        indices = []
        for (g, government) in runner.governments.enumerated() {
            var state = GovernmentState(
                agencyCapacity: government.agencyCount,
                initiativeCapacity: government.initiativeCount)
            state.effortRule = ContiguousArray(repeating: .own, count: Swift.max(1, government.agencyCount))
            let streams = GovernmentStreams(algorithm: input.algorithm)
            indices.append(
                try runner.start(government: g, replicateSeed: replicateSeed, state: &state, streams: streams))
            states.append(state)
            allStreams.append(streams)
        }
        streams = allStreams
    }

    /// Whether the run has reached its horizon.
    public var isFinished: Bool { month >= input.months }

    /// Replaces the run's interventions from now on.
    ///
    /// Each government's levers are recompiled from `interventions`; a lever acts in the
    /// months t ≥ ``month`` that it covers, exactly as if the scenario had listed it from the
    /// beginning. An entry that starts at the current month acts from the next ``step(stances:)``
    /// on (its "at start" effects included); changing an entry's past months changes nothing,
    /// since those months are simulated already. Entries compound in the order given
    /// (MODEL.md §4), so to reproduce a live run with a scenario, list the interventions in
    /// this order.
    public func setInterventions(_ interventions: [Intervention]) {
        var input = runner.input
        input.interventions = interventions
        runner = ReplicateRunner(input: input)
    }

    /// Steps every government by one month (MODEL.md §2, steps 1–17).
    ///
    /// - Parameter stances: per government, per agency, the stance imposed on the agency
    ///   this month (nil: none); an empty array, or a shorter one, imposes nothing on the
    ///   governments it leaves out. Only this month is affected.
    /// - Returns: false, changing nothing, when the run is at its horizon.
    @discardableResult
    public func step(stances: [[AgencyStance?]] = []) -> Bool {
        guard !isFinished else { return false }
        let t = month
        for g in runner.governments.indices {
            let government = runner.governments[g]
            let imposed = g < stances.count ? stances[g] : []
            var overridden = false
            for i in 0..<government.agencyCount {
                let rule: EffortRule
                switch i < imposed.count ? imposed[i]?.shareData : nil {
                case true?: rule = .prosocial
                case false?: rule = .selfish
                case nil: rule = .own
                }
                states[g].effortRule[i] = rule
                if rule != .own { overridden = true }
            }
            states[g].effortRuleOverridden = overridden
            indices[g] = runner.advance(month: t, government: g, state: &states[g], streams: streams[g])
            states[g].effortRuleOverridden = false
        }
        month = t + 1
        return true
    }

    /// The state of every government now.
    public func snapshot() -> LiveSnapshot {
        LiveSnapshot(month: month, governments: runner.governments.indices.map { governmentSnapshot($0) })
    }

    /// Government `g`'s row of the monthly series as ``Simulator`` records it (the metrics of
    /// ``SeriesMetric`` in order, then each initiative's progress), for the current month.
    public func seriesRow(government g: Int) -> [Double] {
        let government = runner.governments[g]
        var row = [Double](repeating: .nan, count: SeriesMetric.allCases.count + government.initiativeCount)
        row.withUnsafeMutableBufferPointer { buffer in
            states[g].record(into: buffer, at: 0, index: indices[g], government)
        }
        return row
    }

    private func governmentSnapshot(_ g: Int) -> GovernmentSnapshot {
        let government = runner.governments[g]
        let row = seriesRow(government: g)
        let state = states[g]
        func metric(_ m: SeriesMetric) -> Double { row[m.rawValue] }
        let initiatives = (0..<government.initiativeCount).map {
            InitiativeSnapshot(progress: state.progress[$0], status: state.status[$0])
        }
        let agencies = (0..<government.agencyCount).map { i in
            AgencySnapshot(
                maturity: state.maturity[i], budget: state.effectiveBudget[i], trust: state.trust[i],
                commitment: state.commitment[i], intendedEffort: state.intendedEffort[i], effort: state.effort[i],
                hr: state.hr[i], ego: state.ego[i], headCommitment: state.headCommitment[i],
                culture: state.culture[i], legacyLockIn: state.legacyLockIn[i], motivation: state.motivation[i])
        }
        return GovernmentSnapshot(
            month: month, spbe: indices[g], predicate: SPBEPredicate(index: indices[g]),
            meanMaturity: metric(.meanMaturity), meanTrust: metric(.meanTrust),
            meanCommitment: metric(.meanCommitment), meanEffort: metric(.meanEffort),
            understanding: metric(.understanding), adoption: metric(.adoption),
            internetAccess: metric(.internetAccess), politicalWill: state.effectiveWill,
            design: state.design, initiatives: initiatives, agencies: agencies)
    }
}

/// What a played agency does in one month (classroom participation; docs/model.md §8).
///
/// Only the data-sharing choice acts inside the monthly step. Training and budget choices
/// are interventions the classroom adds before the step, so a scenario file can replay them.
public struct AgencyStance: Sendable, Hashable {
    /// true: this month the agency's intended effort follows the prosocial rule d = C;
    /// false: the selfish rule d = C·(ε + φ·I_eff); nil: its own motivation's rule.
    public var shareData: Bool?

    public init(shareData: Bool? = nil) {
        self.shareData = shareData
    }
}

/// Every government of a ``LiveRun`` at one month.
public struct LiveSnapshot: Sendable, Equatable {
    /// Months simulated (0: the initial state).
    public var month: Int
    public var governments: [GovernmentSnapshot]
}

/// One government's state at one month: the series of MODEL.md §5 and the agencies and
/// initiatives behind them.
public struct GovernmentSnapshot: Sendable, Equatable {
    public var month: Int
    /// SPBE index (MODEL.md §2 step 17) and its predicate.
    public var spbe: Double
    public var predicate: SPBEPredicate
    public var meanMaturity: Double
    public var meanTrust: Double
    public var meanCommitment: Double
    public var meanEffort: Double
    /// U, shared understanding.
    public var understanding: Double
    /// a, adopter share.
    public var adoption: Double
    /// ι, internet access share.
    public var internetAccess: Double
    /// W with levers, as last used in the monthly step (the initial W at month 0).
    public var politicalWill: Double
    /// D, institutional design.
    public var design: Double
    public var initiatives: [InitiativeSnapshot]
    public var agencies: [AgencySnapshot]
}

/// One initiative's progress π and status.
public struct InitiativeSnapshot: Sendable, Equatable {
    public var progress: Double
    public var status: InitiativeStatus
}

/// One agency's state (MODEL.md §1, agency table).
public struct AgencySnapshot: Sendable, Equatable {
    public var maturity: Double
    /// Effective budget B of the month, after ring-fence and partnership.
    public var budget: Double
    public var trust: Double
    public var commitment: Double
    /// d, intended effort.
    public var intendedEffort: Double
    /// e, delivered effort.
    public var effort: Double
    /// H, HR adequacy.
    public var hr: Double
    public var ego: Double
    /// h, the head's commitment.
    public var headCommitment: Double
    /// u, culture.
    public var culture: Double
    /// ℓ, legacy lock-in.
    public var legacyLockIn: Double
    public var motivation: Motivation
}

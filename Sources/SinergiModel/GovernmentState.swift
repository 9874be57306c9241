import SinergiStats

/// The state of one government and its agencies and initiatives, as struct-of-arrays.
///
/// One value is owned by each replicate worker, sized once for the largest government of
/// the run and reused for every government and replicate, so the monthly step allocates
/// nothing. Agency arrays are indexed 0 ..< agencyCount, initiative arrays
/// 0 ..< initiativeCount; entries past those counts are stale scratch.
struct GovernmentState {
    // MARK: Government (MODEL.md §1, government table)
    var politicalWill = 0.0  // W
    var champion = 0.0  // L
    var design = 0.0  // D
    var mediation = 0.0  // N
    var mandate = 0.0  // I
    var understanding = 0.0  // U
    var smallWin = false  // win, read this month
    var smallWinNext = false  // win, set this month for the next
    var internetAccess = 0.0  // ι
    var internetCeiling = 0.0  // ι_max
    var internetGrowth = 0.0  // κ
    var readiness = 0.0  // λ
    var adoption = 0.0  // a
    /// Months t < this value count the mandate reduced after a change of head.
    var mandateReducedUntil = 0

    // MARK: Effective values this month (after politics and levers)
    var effectiveWill = 0.0
    var effectiveChampion = 0.0
    var effectiveMediation = 0.0
    var effectiveMandate = 0.0
    var outreach = 1.0  // o
    var effectiveGrowth = 0.0  // κ with infrastructure
    var meeting = false  // meet
    var dialogueQuality = 0.0  // q
    var serviceQuality = 0.0  // Q
    var serviceScore = 0.0  // S
    /// Gini of the effective budgets (step 5), kept while no effective budget changes: it
    /// costs n² operations and its inputs move only once a year and when a budget lever
    /// starts or ends. Stale after initialisation and after any change.
    var budgetGini = 0.0
    var budgetGiniIsStale = true
    /// Whether ``effortRule`` overrides some agency's rule this month (participation in a
    /// classroom session, ``LiveRun``). Checked once per step, so a normal run pays one
    /// branch for it.
    var effortRuleOverridden = false
    /// Per agency, the effort rule imposed this month when ``effortRuleOverridden``: see
    /// ``EffortRule``. Empty (never read) unless a ``LiveRun`` sized it.
    var effortRule = ContiguousArray<EffortRule>()

    // MARK: Outcome bookkeeping
    var firstLaunchMonth = -1
    var firstWinMonth = -1

    // MARK: Agencies (MODEL.md §1, agency table)
    var ego: ContiguousArray<Double>
    var headCommitment: ContiguousArray<Double>  // h
    var baseBudget: ContiguousArray<Double>  // B⁰
    var budget: ContiguousArray<Double>  // B
    var effectiveBudget: ContiguousArray<Double>  // B with ring-fence and partnership
    var hr: ContiguousArray<Double>  // H
    var culture: ContiguousArray<Double>  // u
    var legacyLockIn: ContiguousArray<Double>  // ℓ
    var motivation: ContiguousArray<Motivation>  // s
    var trust: ContiguousArray<Double>  // T
    var commitment: ContiguousArray<Double>  // C
    var intendedEffort: ContiguousArray<Double>  // d
    var effort: ContiguousArray<Double>  // e
    var maturity: ContiguousArray<Double>  // m
    var shortfall: ContiguousArray<Double>  // v
    var attends: ContiguousArray<Bool>
    var disappointedMonths: ContiguousArray<Int>  // prosocial patience counter
    var learningMultiplier: ContiguousArray<Double>  // training's trainer cascade on r_H
    var rotationMultiplier: ContiguousArray<Double>  // staff_retention on μ_rot this month
    var ringfenceFloor: ContiguousArray<Double>  // largest active ring-fence, or −∞
    var partnershipBoost: ContiguousArray<Double>  // 0.2 · Σ partnership intensities
    var lockedIn: ContiguousArray<Bool>  // χ: partner of an unfinished legacy-displacing initiative

    // MARK: Initiatives
    var progress: ContiguousArray<Double>  // π
    var status: ContiguousArray<InitiativeStatus>
    var slowMonths: ContiguousArray<Int>  // stall counter

    // MARK: Citizens in network mode (buffers reused for every government and replicate)
    let network = CitizenNetwork()

    init(agencyCapacity: Int, initiativeCapacity: Int) {
        let a = Swift.max(agencyCapacity, 1)
        let k = Swift.max(initiativeCapacity, 1)
        func doubles(_ n: Int) -> ContiguousArray<Double> { ContiguousArray(repeating: 0, count: n) }
        ego = doubles(a); headCommitment = doubles(a); baseBudget = doubles(a); budget = doubles(a)
        effectiveBudget = doubles(a); hr = doubles(a); culture = doubles(a); legacyLockIn = doubles(a)
        motivation = ContiguousArray(repeating: .conditional, count: a)
        trust = doubles(a); commitment = doubles(a); intendedEffort = doubles(a); effort = doubles(a)
        maturity = doubles(a); shortfall = doubles(a)
        attends = ContiguousArray(repeating: false, count: a)
        disappointedMonths = ContiguousArray(repeating: 0, count: a)
        learningMultiplier = doubles(a); rotationMultiplier = doubles(a); ringfenceFloor = doubles(a)
        partnershipBoost = doubles(a)
        lockedIn = ContiguousArray(repeating: false, count: a)
        progress = doubles(k)
        status = ContiguousArray(repeating: .active, count: k)
        slowMonths = ContiguousArray(repeating: 0, count: k)
    }
}

/// The intended-effort rule an agency follows in one month (MODEL.md §2 step 11).
enum EffortRule: UInt8 {
    /// The rule of the agency's own motivation.
    case own = 0
    /// The prosocial rule d = C (a "share data" stance).
    case prosocial = 1
    /// The selfish rule d = C·(ε + φ·I_eff) (a "guard data" stance).
    case selfish = 2
}

/// Where an initiative stands (MODEL.md §1).
public enum InitiativeStatus: UInt8, Sendable {
    case active = 0, launched = 1, integrated = 2
}

/// The six random streams of one government in one replicate (MODEL.md §6).
struct GovernmentStreams {
    let initial: RandomStream
    let politics: RandomStream
    let hr: RandomStream
    let forum: RandomStream
    let motivation: RandomStream
    let citizens: RandomStream

    init(algorithm: RandomAlgorithm) {
        initial = RandomStream(algorithm: algorithm, seed: 0)
        politics = RandomStream(algorithm: algorithm, seed: 0)
        hr = RandomStream(algorithm: algorithm, seed: 0)
        forum = RandomStream(algorithm: algorithm, seed: 0)
        motivation = RandomStream(algorithm: algorithm, seed: 0)
        citizens = RandomStream(algorithm: algorithm, seed: 0)
    }

    /// Reseeds every stream for government `government` of the replicate with `replicateSeed`.
    func reseed(replicateSeed: UInt64, government: Int) {
        initial.reseed(
            SeedDerivation.streamSeed(replicateSeed: replicateSeed, government: government, stream: .initial))
        politics.reseed(
            SeedDerivation.streamSeed(replicateSeed: replicateSeed, government: government, stream: .politics))
        hr.reseed(SeedDerivation.streamSeed(replicateSeed: replicateSeed, government: government, stream: .hr))
        forum.reseed(SeedDerivation.streamSeed(replicateSeed: replicateSeed, government: government, stream: .forum))
        motivation.reseed(
            SeedDerivation.streamSeed(replicateSeed: replicateSeed, government: government, stream: .motivation))
        citizens.reseed(
            SeedDerivation.streamSeed(replicateSeed: replicateSeed, government: government, stream: .citizens))
    }
}

extension GovernmentState {
    /// Bytes of the per-agency arrays (for the agency capacity they were sized for).
    var agencyBytes: Int {
        func bytes<T>(_ array: ContiguousArray<T>) -> Int { array.count * MemoryLayout<T>.stride }
        return [
            ego, headCommitment, baseBudget, budget, effectiveBudget, hr, culture, legacyLockIn, trust, commitment,
            intendedEffort, effort, maturity, shortfall, learningMultiplier, rotationMultiplier, ringfenceFloor,
            partnershipBoost,
        ].reduce(0) { $0 + bytes($1) }
            + bytes(motivation) + bytes(attends) + bytes(disappointedMonths) + bytes(lockedIn)
    }
}

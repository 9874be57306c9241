import SinergiStats
import Testing

@testable import SinergiModel

/// MODEL.md §6: every stochastic site draws the same number of uniforms every month, so a
/// lever that changes one process leaves the other processes' numbers untouched.
@Suite struct CommonRandomNumbersTests {
    struct Month: Equatable {
        var meeting: Bool
        var headCommitment: [Double]
        var politicalWill: Double
        var hr: [Double]
        var motivation: [Motivation]
        var attends: [Bool]
    }

    /// Steps baseline and policy of one replicate in lockstep and returns both histories,
    /// then checks that all six streams end at the same position.
    static func lockstep(policy interventions: [Intervention], seed: UInt64, months: Int = 60)
        throws -> (baseline: [Month], policy: [Month])
    {
        var baselineInput = classroomInput(months: months)
        baselineInput.parameters.politics.firstElection = 20  // two elections in the horizon
        baselineInput.parameters.politics.termMonths = 24
        var policyInput = baselineInput
        policyInput.interventions = interventions
        let baseline = Driver(baselineInput), policy = Driver(policyInput)
        try baseline.initialise(seed: seed)
        try policy.initialise(seed: seed)
        let n = baseline.agencyCount
        func snapshot(_ s: GovernmentState) -> Month {
            Month(
                meeting: s.meeting, headCommitment: Array(s.headCommitment.prefix(n)),
                politicalWill: s.politicalWill, hr: Array(s.hr.prefix(n)),
                motivation: Array(s.motivation.prefix(n)), attends: Array(s.attends.prefix(n)))
        }
        var a: [Month] = [], b: [Month] = []
        for t in 0..<months {
            baseline.step(t)
            policy.step(t)
            a.append(snapshot(baseline.state))
            b.append(snapshot(policy.state))
        }
        // Same number of draws from every stream: the next raw numbers agree.
        for (x, y) in [
            (baseline.streams.politics, policy.streams.politics), (baseline.streams.hr, policy.streams.hr),
            (baseline.streams.forum, policy.streams.forum),
            (baseline.streams.motivation, policy.streams.motivation),
            (baseline.streams.citizens, policy.streams.citizens),
        ] {
            #expect(x.nextRaw() == y.nextRaw())
        }
        return (a, b)
    }

    /// Each stream draws a fixed number of uniforms per month, whatever happens (MODEL.md
    /// §6): politics 2 + 2n (election change and W; per agency rotation and h), hr n (one
    /// per agency), forum 1 + n (meeting, attendance), motivation n (one per agency),
    /// citizens none in aggregate mode. A fresh stream with the derived seed, advanced by
    /// that count, must be where the model's stream is. Checked with elections and every
    /// lever active, for several horizons.
    @Test(arguments: [1, 13, 60])
    func drawsPerMonthAreFixed(months: Int) throws {
        let targets = [InterventionTarget(government: 0, agencies: Array(0..<7))]
        var input = classroomInput(
            months: months,
            interventions: Lever.allCases.map { Intervention(lever: $0, targets: targets, intensity: 0.9) })
        input.parameters.politics.firstElection = 0
        input.parameters.politics.termMonths = 5
        input.parameters.politics.changeProbability = 0.5
        input.parameters.politics.headTurnover = 0.3
        input.parameters.hr.staffRotation = 0.3
        let n = 7
        let perMonth: [(StreamName, Int)] = [
            (.politics, 2 + 2 * n), (.hr, n), (.forum, 1 + n), (.motivation, n), (.citizens, 0),
        ]
        for seed in replicateSeeds(3) {
            let driver = Driver(input)
            _ = try driver.run(seed: seed)
            for (name, count) in perMonth {
                let fresh = RandomStream(
                    seed: SeedDerivation.streamSeed(replicateSeed: seed, government: 0, stream: name))
                for _ in 0..<(count * months) { _ = fresh.uniform() }
                let model: RandomStream
                switch name {
                case .politics: model = driver.streams.politics
                case .hr: model = driver.streams.hr
                case .forum: model = driver.streams.forum
                case .motivation: model = driver.streams.motivation
                case .citizens: model = driver.streams.citizens
                case .initial: model = driver.streams.initial
                }
                #expect(model.nextRaw() == fresh.nextRaw(), "stream \(name.rawValue) after \(months) months")
            }
        }
    }

    /// Training one agency changes only its HR: meetings, head rotations, elections are
    /// identical; the trained agency's hr differs; the other agencies' rotation losses
    /// (the hr stream) fall in the same months.
    @Test(arguments: replicateSeeds(10))
    func trainingOneAgencyLeavesOtherProcessesAlone(seed: UInt64) throws {
        let training = Intervention(
            lever: .training, targets: [InterventionTarget(government: 0, agencies: [3])],
            intensity: 0.8)
        let (baseline, policy) = try Self.lockstep(policy: [training], seed: seed)
        #expect(baseline.map(\.meeting) == policy.map(\.meeting))
        #expect(baseline.map(\.headCommitment) == policy.map(\.headCommitment))
        #expect(baseline.map(\.politicalWill) == policy.map(\.politicalWill))
        // Head rotations happened at all (μ_head = 1/36, 7 agencies, 60 months).
        let rotations = zip(baseline, baseline.dropFirst()).filter { $0.headCommitment != $1.headCommitment }.count
        #expect(rotations > 0)
        // hr of the trained agency is higher every month; the others' hr (their learning and
        // their operators' departures, one hr draw per agency and month) is untouched.
        for (x, y) in zip(baseline, policy) { #expect(y.hr[3] > x.hr[3]) }
        for i in [0, 1, 2, 4, 5, 6] {
            #expect(baseline.map { $0.hr[i] } == policy.map { $0.hr[i] }, "agency \(i)")
        }
    }

    /// A champion raises the meeting probability; with the same forum draws every month a
    /// baseline meeting is also a policy meeting, and head rotations are untouched.
    @Test(arguments: replicateSeeds(10))
    func championOnlyAddsMeetings(seed: UInt64) throws {
        let champion = Intervention(
            lever: .champion, targets: [InterventionTarget(government: 0, agencies: [])],
            intensity: 0.8)
        let (baseline, policy) = try Self.lockstep(policy: [champion], seed: seed)
        for (x, y) in zip(baseline, policy) where x.meeting { #expect(y.meeting) }
        #expect(policy.filter(\.meeting).count > baseline.filter(\.meeting).count)
        #expect(baseline.map(\.headCommitment) == policy.map(\.headCommitment))
        #expect(baseline.map(\.politicalWill) == policy.map(\.politicalWill))
    }

    /// Even a lever that changes every process (all fourteen at once) keeps the streams
    /// in step and leaves the exogenous draws (elections, head rotations) alone.
    @Test func allLeversKeepStreamsInStep() throws {
        let targets = [InterventionTarget(government: 0, agencies: Array(0..<7))]
        let everything = Lever.allCases.map { Intervention(lever: $0, targets: targets, start: 5, intensity: 0.7) }
        let (baseline, policy) = try Self.lockstep(policy: everything, seed: 77)
        #expect(baseline.map(\.headCommitment) == policy.map(\.headCommitment))
        #expect(baseline.map(\.politicalWill) == policy.map(\.politicalWill))
        #expect(baseline.map(\.hr) != policy.map(\.hr))
    }

    /// The check of common random numbers: for a lever that acts only on HR,
    /// baseline and policy runs of a replicate draw the very same numbers from the
    /// politics, forum and citizens streams (and from the others). After every month the
    /// generators' whole internal states are equal byte for byte, so the draws of that
    /// month were equal; the lever still changed the agencies' HR.
    @Test(arguments: [Lever.staffRetention, .training])
    func hrOnlyLeverDrawsTheSameNumbers(lever: Lever) throws {
        var baselineInput = classroomInput(months: 60)
        baselineInput.parameters.politics.firstElection = 20
        baselineInput.parameters.politics.termMonths = 24
        baselineInput.parameters.hr.staffRotation = 0.1  // rotations happen, so retention has work to do
        var policyInput = baselineInput
        policyInput.interventions = [
            Intervention(
                lever: lever, targets: [InterventionTarget(government: 0, agencies: Array(0..<7))],
                start: 0, duration: 24, intensity: 0.8)
        ]
        for seed in replicateSeeds(5) {
            let baseline = Driver(baselineInput), policy = Driver(policyInput)
            try baseline.initialise(seed: seed)
            try policy.initialise(seed: seed)
            var hrDiffers = false
            for t in 0..<60 {
                baseline.step(t)
                policy.step(t)
                for (name, x, y) in [
                    ("politics", baseline.streams.politics, policy.streams.politics),
                    ("forum", baseline.streams.forum, policy.streams.forum),
                    ("citizens", baseline.streams.citizens, policy.streams.citizens),
                    ("motivation", baseline.streams.motivation, policy.streams.motivation),
                    ("hr", baseline.streams.hr, policy.streams.hr),
                ] {
                    #expect(x.stateBytes() == y.stateBytes(), "stream \(name), month \(t), seed \(seed)")
                }
                hrDiffers = hrDiffers || Array(baseline.state.hr.prefix(7)) != Array(policy.state.hr.prefix(7))
            }
            #expect(hrDiffers, "the \(lever.rawValue) lever must change HR")
        }
    }

    /// A stream's state changes when it draws: the check above would notice a lost or extra draw.
    @Test func stateBytesSeeOneDraw() {
        let a = RandomStream(seed: 5), b = RandomStream(seed: 5)
        #expect(a.stateBytes() == b.stateBytes())
        #expect(!a.stateBytes().isEmpty)
        _ = a.uniform()
        #expect(a.stateBytes() != b.stateBytes())
        _ = b.uniform()
        #expect(a.stateBytes() == b.stateBytes())
    }

    /// Network citizens draw everything at t = 0 (docs/model.md §8, choice 23): afterwards
    /// the citizens stream does not move, with or without a lever that acts on citizens,
    /// while that lever does change adoption.
    @Test func networkCitizensDrawNothingAfterTheStart() throws {
        var baselineInput = classroomInput(months: 36)
        baselineInput.citizens = .network(CitizenNetworkSpec(size: 2_000, graph: .wattsStrogatz(k: 6, beta: 0.2)))
        baselineInput.governments[0].internetAccess = .constant(0.6)
        baselineInput.testHooks.pinnedServiceQuality = 0.5  // a service to adopt from the start
        var policyInput = baselineInput
        policyInput.interventions = [
            Intervention(
                lever: .citizenOutreach, targets: [InterventionTarget(government: 0, agencies: [])],
                intensity: 0.9)
        ]
        for seed in replicateSeeds(3) {
            let baseline = Driver(baselineInput), policy = Driver(policyInput)
            try baseline.initialise(seed: seed)
            try policy.initialise(seed: seed)
            let start = baseline.streams.citizens.stateBytes()
            #expect(policy.streams.citizens.stateBytes() == start)
            for t in 0..<36 {
                baseline.step(t)
                policy.step(t)
                #expect(baseline.streams.citizens.stateBytes() == start, "month \(t)")
                #expect(policy.streams.citizens.stateBytes() == start, "month \(t)")
            }
            #expect(policy.state.adoption > baseline.state.adoption)
        }
    }
}

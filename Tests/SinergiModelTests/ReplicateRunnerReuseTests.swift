import SinergiStats
import Testing

@testable import SinergiModel

/// A sweep compiles its first point and takes from it, for every other point, what that
/// point does not change (ReplicateRunner(input:reusing:)): the runner must be the one
/// compiling the point's input from nothing gives, whatever changed.
@Suite struct ReplicateRunnerReuseTests {
    /// Two governments and a lever on each, so that partner lists, lever entries and series
    /// offsets all have something to get wrong.
    static func base() -> ModelInput {
        var input = classroomInput(
            interventions: [
                Intervention(
                    lever: .training, targets: [InterventionTarget(government: 0, agencies: [2, 3])], start: 2,
                    duration: 12, intensity: 0.6, costPerMonth: 20),
                Intervention(
                    lever: .externalMandate,
                    targets: [
                        InterventionTarget(government: 0, agencies: [0, 1, 2, 3, 4, 5, 6]),
                        InterventionTarget(government: 1, agencies: [0, 1, 2, 3, 4, 5, 6]),
                    ], intensity: 0.5),
            ])
        var second = input.governments[0]
        second.name = "Kota Lain"
        second.initiatives.removeLast()
        input.governments.append(second)
        return input
    }

    /// What a design point may change, by name.
    static let changes: [(String, @Sendable (inout ModelInput) -> Void)] = [
        ("nothing", { _ in }),
        ("an agency's value", { $0.governments[1].agencies[3].ego = .constant(0.25) }),
        ("a government's value", { $0.governments[0].mandate = .beta(alpha: 2, beta: 5) }),
        (
            "every agency's value",
            { input in
                for g in input.governments.indices {
                    for a in input.governments[g].agencies.indices {
                        input.governments[g].agencies[a].hr = .constant(0.4)
                    }
                }
            }
        ),
        ("a constant", { $0.parameters.trust.build = 0.125 }),
        ("an initiative's rate", { $0.governments[0].initiatives[1].rate = 0.4 }),
        ("an initiative's partners", { $0.governments[1].initiatives[0].partners = [0, 6] }),
        ("an agency more", { $0.governments[1].agencies.append(AgencySpec(name: "Extra", sector: "extra")) }),
        ("a government fewer", { $0.governments.removeLast() }),
        ("an intervention's intensity", { $0.interventions[0].intensity = 0.9 }),
        ("the horizon", { $0.months = 36 }),
        (
            "citizens",
            { input in
                input.citizens = .network(
                    CitizenNetworkSpec(size: 200, graph: .wattsStrogatz(k: 4, beta: 0.1)))
            }
        ),
    ]

    @Test func aReusedRunnerIsTheOneCompiledFromNothing() throws {
        let base = Self.base()
        let compiled = ReplicateRunner(input: base)
        for (name, change) in Self.changes {
            var input = base
            change(&input)
            let reused = ReplicateRunner(input: input, reusing: compiled)
            let fresh = ReplicateRunner(input: input)
            #expect(reused.input == fresh.input, "\(name)")
            #expect(reused.governments == fresh.governments, "\(name)")
            #expect(reused.layout == fresh.layout, "\(name)")
            #expect(reused.agencyCapacity == fresh.agencyCapacity, "\(name)")
            #expect(reused.initiativeCapacity == fresh.initiativeCapacity, "\(name)")
            // And it runs the same replicate.
            guard case .aggregate = input.citizens else { continue }
            let workspace = ReplicateWorkspace(algorithm: input.algorithm)
            var a = reused.makeRecord()
            var b = fresh.makeRecord()
            try reused.run(replicate: 3, masterSeed: 11, in: workspace, into: &a)
            try fresh.run(replicate: 3, masterSeed: 11, in: workspace, into: &b)
            #expect(a.series == b.series, "\(name)")
        }
    }
}

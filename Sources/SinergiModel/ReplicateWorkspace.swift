import SinergiStats

/// The mutable part of running replicates: one government state (struct-of-arrays buffers,
/// citizen-network scratch) and its six random streams, reused for every government and
/// replicate a worker runs, whatever the ``ReplicateRunner``.
///
/// A workspace grows to the largest government it has run and keeps that capacity, so a
/// worker that runs many arms (a comparison's packages, a sweep's design points) allocates
/// its buffers once. Results do not depend on the capacity: every government's state is
/// initialised from its own seeded streams.
///
/// Not thread-safe: one per worker.
public final class ReplicateWorkspace {
    var state: GovernmentState
    private(set) var streams: GovernmentStreams
    private var algorithm: RandomAlgorithm

    /// A workspace sized for the governments of `runner`.
    public convenience init(for runner: ReplicateRunner) {
        self.init(algorithm: runner.input.algorithm)
        fit(runner)
    }

    /// An empty workspace; it is sized by the first replicate it runs.
    public init(algorithm: RandomAlgorithm = .standard) {
        state = GovernmentState(agencyCapacity: 1, initiativeCapacity: 1)
        streams = GovernmentStreams(algorithm: algorithm)
        self.algorithm = algorithm
    }

    /// Makes room for the largest government of `runner` and gives the streams its
    /// generator; three comparisons when they already fit.
    @inline(__always)
    func fit(_ runner: ReplicateRunner) {
        let agencies = runner.agencyCapacity, initiatives = runner.initiativeCapacity
        if agencies > state.ego.count || initiatives > state.progress.count {
            state = GovernmentState(
                agencyCapacity: Swift.max(agencies, state.ego.count),
                initiativeCapacity: Swift.max(initiatives, state.progress.count))
        }
        if runner.input.algorithm != algorithm {
            algorithm = runner.input.algorithm
            streams = GovernmentStreams(algorithm: algorithm)
        }
    }
}

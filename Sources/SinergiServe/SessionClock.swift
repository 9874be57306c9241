/// The time a server's sessions age by, and how its sweeper waits for its next turn.
///
/// The server uses the system's `ContinuousClock`; tests move a clock of their own by hand,
/// so that a session's expiry and the sweeper are checked without waiting on real time.
protocol SessionClock: Sendable {
    /// The current instant.
    var now: ContinuousClock.Instant { get }
    /// Suspends until `deadline`; throws `CancellationError` when the task is cancelled.
    func sleep(until deadline: ContinuousClock.Instant, tolerance: Duration?) async throws
}

extension ContinuousClock: SessionClock {}

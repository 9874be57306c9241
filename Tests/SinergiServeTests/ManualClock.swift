import Synchronization

@testable import SinergiServe

/// A clock the test moves by hand: sessions age only when the test says so, and a task
/// sleeping on the clock (the sweeper) wakes only when the test moves it past its deadline.
final class ManualClock: SessionClock {
    private struct Sleeper {
        let deadline: ContinuousClock.Instant
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var offset = Duration.zero
        var sleepers: [Int: Sleeper] = [:]
        /// Sleeps cancelled before they were registered.
        var cancelled: Set<Int> = []
        var nextID = 0
        /// Tasks waiting in ``sleeping()``.
        var watchers: [CheckedContinuation<Void, Never>] = []
    }

    private let origin = ContinuousClock.now
    private let state = Mutex(State())

    var now: ContinuousClock.Instant { origin + state.withLock { $0.offset } }

    func sleep(until deadline: ContinuousClock.Instant, tolerance: Duration?) async throws {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let (outcome, watchers) = state.withLock {
                    state -> (Result<Void, any Error>?, [CheckedContinuation<Void, Never>]) in
                    if state.cancelled.remove(id) != nil { return (.failure(CancellationError()), []) }
                    if deadline <= origin + state.offset { return (.success(()), []) }
                    state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    defer { state.watchers = [] }
                    return (nil, state.watchers)
                }
                if let outcome { continuation.resume(with: outcome) }
                for watcher in watchers { watcher.resume() }
            }
        } onCancel: {
            let sleeper = state.withLock { state -> Sleeper? in
                guard let sleeper = state.sleepers.removeValue(forKey: id) else {
                    state.cancelled.insert(id)
                    return nil
                }
                return sleeper
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves the clock on by `duration` and wakes every sleeper whose deadline has come.
    func advance(by duration: Duration) {
        let due = state.withLock { state -> [Sleeper] in
            state.offset += duration
            let now = origin + state.offset
            let ids = state.sleepers.filter { $0.value.deadline <= now }.map(\.key)
            return ids.map { state.sleepers.removeValue(forKey: $0)! }
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Returns once some task sleeps on the clock until a deadline still to come: after an
    /// ``advance(by:)``, the sweeper has done its sweep and waits for its next turn.
    func sleeping() async {
        await withCheckedContinuation { (watcher: CheckedContinuation<Void, Never>) in
            let asleep = state.withLock { state -> Bool in
                if !state.sleepers.isEmpty { return true }
                state.watchers.append(watcher)
                return false
            }
            if asleep { watcher.resume() }
        }
    }
}

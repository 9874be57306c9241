import SinergiClassroom
import Synchronization

@testable import SinergiServe

/// A futures runner that holds every job at a gate until the test opens it, so a test can
/// look at the server while futures are under way, however fast or slow the machine.
final class FuturesGate: Sendable {
    private struct State {
        var open = false
        /// Jobs waiting at the gate.
        var held: [CheckedContinuation<Void, Never>] = []
        /// Tasks waiting in ``waitUntilHolding(_:)`` for a number of held jobs.
        var watchers: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state = Mutex(State())

    /// The runner to give the server: waits at the gate, then runs the job here.
    var runner: LiveSession.FuturesRunner {
        { [self] job throws(ClassroomError) in
            await self.arrive()
            return try job.run()
        }
    }

    private func arrive() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let (pass, ready) = state.withLock { state -> (Bool, [CheckedContinuation<Void, Never>]) in
                if state.open { return (true, []) }
                state.held.append(continuation)
                let ready = state.watchers.filter { $0.count <= state.held.count }.map(\.continuation)
                state.watchers.removeAll { $0.count <= state.held.count }
                return (false, ready)
            }
            if pass { continuation.resume() }
            for watcher in ready { watcher.resume() }
        }
    }

    /// Returns once `count` jobs wait at the gate.
    func waitUntilHolding(_ count: Int) async {
        await withCheckedContinuation { (watcher: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state -> Bool in
                if state.held.count >= count { return true }
                state.watchers.append((count, watcher))
                return false
            }
            if ready { watcher.resume() }
        }
    }

    /// Lets every held job, and every later one, run.
    func open() {
        let held = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.open = true
            defer { state.held = [] }
            return state.held
        }
        for job in held { job.resume() }
    }
}

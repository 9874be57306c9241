import Foundation

/// A task executor backed by its own operating-system threads.
///
/// The benchmark library waits for an async benchmark by blocking the thread that called it,
/// and that thread belongs to Swift's shared concurrency pool, whose width is the number of
/// cores. On a two-core machine `MonteCarlo.run` would then get one core whatever its
/// `threads` argument says. Running the measured call with this executor as its task
/// executor preference (SE-0417) — inherited by the task group's child tasks, so the
/// engine's own code is unchanged — gives the workers `count` threads that nothing else
/// blocks, as the `sinergi` command line gives them the whole shared pool.
final class WorkerThreads: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var next = 0

    private init(count: Int) {
        for index in 0..<count {
            let thread = Thread { [self] in serve() }
            thread.name = "simulation-worker-\(index)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Runs jobs in the order they arrive, for the life of the process.
    private func serve() {
        while true {
            condition.lock()
            while next == jobs.count { condition.wait() }
            let job = jobs[next]
            next += 1
            if next == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                next = 0
            }
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var executors: [Int: WorkerThreads] = [:]

    /// The executor with `count` threads, made on first use and kept for the process.
    static func shared(_ count: Int) -> WorkerThreads {
        lock.lock()
        defer { lock.unlock() }
        if let executor = executors[count] { return executor }
        let executor = WorkerThreads(count: count)
        executors[count] = executor
        return executor
    }
}

import Foundation
import SinergiEngine
import Synchronization

/// A one-line progress display on stderr — replicates done, a bar, replicates (a sweep's
/// points) per second and time left, as ``ProgressLine`` writes it — redrawn ten times a
/// second while a run is going. Shown only when stderr is a terminal.
///
/// It draws from its own thread, not from a task: the workers' replicates occupy every
/// thread of the concurrency pool, so a task would be redrawn only when a replicate ends —
/// every few seconds for a province of a million networked citizens.
final class ProgressBar: @unchecked Sendable {
    private let control: RunControl
    private let precisionTarget: Double?
    /// What is counted: "replicates", or "runs" when a comparison runs several per replicate.
    private let unit: String
    /// For a sweep: replicates per point, to show points and points/s.
    private let replicatesPerPoint: Int?
    private let started = ContinuousClock.now
    /// Signalled by ``stop()`` to end the drawing thread's wait early.
    private let wake = DispatchSemaphore(value: 0)
    /// Signalled by the drawing thread when it has drawn for the last time.
    private let finished = DispatchSemaphore(value: 0)
    private let running = Mutex(false)

    static var stderrIsTerminal: Bool { isatty(FileHandle.standardError.fileDescriptor) == 1 }

    init(control: RunControl, precisionTarget: Double?, unit: String = "replicates", replicatesPerPoint: Int? = nil) {
        self.control = control
        self.precisionTarget = precisionTarget
        self.unit = unit
        self.replicatesPerPoint = replicatesPerPoint
    }

    func start() {
        running.withLock { $0 = true }
        let thread = Thread { [self] in
            while running.withLock({ $0 }) {
                draw()
                _ = wake.wait(timeout: .now() + .milliseconds(100))
            }
            finished.signal()
        }
        thread.name = "progress bar"
        thread.start()
    }

    /// Stops redrawing and clears the line.
    func stop() {
        let wasRunning = running.withLock { value in
            defer { value = false }
            return value
        }
        guard wasRunning else { return }
        wake.signal()
        finished.wait()
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    private func draw() {
        guard control.planned > 0 else {
            FileHandle.standardError.write(Data("\r\u{1B}[K  preparing the simulators…".utf8))
            return
        }
        let elapsed = (ContinuousClock.now - started).components
        let line = ProgressLine(
            done: control.completed, planned: control.planned,
            seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18, unit: unit,
            replicatesPerPoint: replicatesPerPoint, precisionTarget: precisionTarget,
            halfWidth: control.currentHalfWidth, activity: control.activity)
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line.text).utf8))
    }
}

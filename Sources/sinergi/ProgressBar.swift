import Foundation
import SinergiEngine
import Synchronization

/// A one-line progress display on stderr — replicates done, a bar, replicates per second
/// and time left — redrawn ten times a second while a run is going. Shown only when stderr
/// is a terminal.
///
/// It draws from its own thread, not from a task: the workers' replicates occupy every
/// thread of the concurrency pool, so a task would be redrawn only when a replicate ends —
/// every few seconds for a province of a million networked citizens.
final class ProgressBar: @unchecked Sendable {
    private let control: RunControl
    private let precisionTarget: Double?
    /// What is counted: "replicates", or "runs" when a comparison runs several per replicate.
    private let unit: String
    private let started = ContinuousClock.now
    /// Signalled by ``stop()`` to end the drawing thread's wait early.
    private let wake = DispatchSemaphore(value: 0)
    /// Signalled by the drawing thread when it has drawn for the last time.
    private let finished = DispatchSemaphore(value: 0)
    private let running = Mutex(false)

    static var stderrIsTerminal: Bool { isatty(FileHandle.standardError.fileDescriptor) == 1 }

    init(control: RunControl, precisionTarget: Double?, unit: String = "replicates") {
        self.control = control
        self.precisionTarget = precisionTarget
        self.unit = unit
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
        let done = control.completed
        guard control.planned > 0 else {
            FileHandle.standardError.write(Data("\r\u{1B}[K  preparing the simulators…".utf8))
            return
        }
        let planned = control.planned
        let elapsed = (ContinuousClock.now - started).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
        let rate = seconds > 0 ? Double(done) / seconds : 0
        let fraction = Swift.min(1, Double(done) / Double(planned))
        let width = 24
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        var line = "\r\u{1B}[K  \(done)/\(planned) \(unit) ▕\(bar)▏ \(Int(fraction * 100))%  "
        if let activity = control.activity {
            // The replicates are done; what follows (statistics, files, report) can take
            // seconds for a national scenario.
            FileHandle.standardError.write(Data((line + activity + "…").utf8))
            return
        }
        line += String(format: "%.0f \(unit == "replicates" ? "rep" : unit)/s", rate)
        if let target = precisionTarget {
            let current = control.currentHalfWidth
            line += current.isNaN ? "  half-width –" : String(format: "  half-width %.4f → %.4f", current, target)
        } else if rate > 0 {
            let left = Int((Double(planned - done) / rate).rounded(.up))
            line += String(format: "  %d:%02d left", left / 60, left % 60)
        }
        FileHandle.standardError.write(Data(line.utf8))
    }
}

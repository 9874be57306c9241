import Foundation
import SinergiEngine

/// Turns SIGINT (Ctrl-C) and SIGTERM into a cancellation of the running study instead of
/// an immediate exit, so the completed replicates are written and marked interrupted.
final class SignalTrap: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var caught: Int32?

    /// The signal that arrived, if any.
    var signal: Int32? { lock.lock(); defer { lock.unlock() }; return caught }

    init(control: RunControl) {
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            Foundation.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                self.lock.lock()
                if self.caught == nil { self.caught = number }
                self.lock.unlock()
                control.cancel(reason: name)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Restores the default handling.
    func release() {
        for source in sources { source.cancel() }
        sources = []
        Foundation.signal(SIGINT, SIG_DFL)
        Foundation.signal(SIGTERM, SIG_DFL)
    }
}

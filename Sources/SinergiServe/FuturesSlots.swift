import Synchronization

/// The server-wide bound on futures runs going at once: a run takes a slot or is turned
/// away with a 503, and gives it back when it ends.
final class FuturesSlots: Sendable {
    private let inUse = Mutex(0)
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// Takes a slot; false when all are busy.
    func take() -> Bool {
        inUse.withLock { count in
            guard count < capacity else { return false }
            count += 1
            return true
        }
    }

    func give() {
        inUse.withLock { $0 -= 1 }
    }

    var busy: Int { inUse.withLock { $0 } }
}

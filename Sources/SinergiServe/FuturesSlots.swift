import Synchronization

/// The server-wide bound on futures runs going at once: a run takes a slot or is turned
/// away with a 503, and gives it back when it ends. One client address holds at most
/// `perClient` slots at once, so one client cannot take them all.
final class FuturesSlots: Sendable {
    private struct Use {
        var total = 0
        var byClient: [String: Int] = [:]
    }

    private let inUse = Mutex(Use())
    let capacity: Int
    let perClient: Int

    init(capacity: Int, perClient: Int? = nil) {
        self.capacity = capacity
        self.perClient = perClient ?? capacity
    }

    /// Why a slot was not given.
    enum Refusal: Error { case allBusy, clientShareBusy }

    /// Takes a slot for `client`; the refusal says why there is none.
    func take(for client: String = "") -> Refusal? {
        inUse.withLock { use in
            guard use.total < capacity else { return .allBusy }
            guard use.byClient[client, default: 0] < perClient else { return .clientShareBusy }
            use.total += 1
            use.byClient[client, default: 0] += 1
            return nil
        }
    }

    func give(for client: String = "") {
        inUse.withLock { use in
            use.total -= 1
            use.byClient[client, default: 1] -= 1
            if use.byClient[client] == 0 { use.byClient[client] = nil }
        }
    }

    var busy: Int { inUse.withLock { $0.total } }
}

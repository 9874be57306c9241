/// The sessions one server holds, by id: bounded in number, and each dropped once it has
/// gone `ttl` without a request.
///
/// The registry only finds, adds and drops sessions; the work of a request happens on the
/// session itself (an actor of its own), so a slow request in one session does not hold
/// up the others. Expiry is lazy (an expired session is never returned) and a sweeper
/// frees the memory of sessions nobody asks for. Time is read from a ``SessionClock``: the
/// system's continuous clock when serving, a clock moved by hand in tests.
actor SessionRegistry<Session: Sendable> {
    private struct Entry {
        let session: Session
        /// Who created it (the client's address).
        let owner: String
        var lastUsed: ContinuousClock.Instant
    }

    /// Letters and digits of a session id: no 0/O or 1/I to confuse when read aloud.
    static var idAlphabet: [Character] { Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ23456789") }
    /// Characters of a session id, the join code students type: 10 · log2(34) ≈ 50.9 bits,
    /// so a guess hits one of 64 live sessions with probability 64 / 34^10 ≈ 3 · 10^-14.
    static var idLength: Int { 10 }

    let maxSessions: Int
    /// Sessions one owner may hold at once.
    let maxPerOwner: Int
    let ttl: Duration
    private let clock: any SessionClock
    private var entries: [String: Entry] = [:]

    init(maxSessions: Int, maxPerOwner: Int? = nil, ttl: Duration, clock: any SessionClock = ContinuousClock()) {
        self.maxSessions = maxSessions
        self.maxPerOwner = maxPerOwner ?? maxSessions
        self.ttl = ttl
        self.clock = clock
    }

    /// Adds the session `make` builds for a fresh id on behalf of `owner`, or throws a 503
    /// when the registry is full or a 429 when `owner` holds its share (after dropping
    /// expired sessions).
    func add(owner: String = "", _ make: @Sendable (String) throws -> Session) throws -> (id: String, session: Session)
    {
        sweep()
        guard entries.count < maxSessions else {
            throw ErrorReply(
                .serviceUnavailable,
                "the server already holds its maximum of \(maxSessions) sessions; try again when one ends or expires",
                expected:
                    "DELETE /api/sessions/{id} for a session no longer used, or a server started with a larger --max-sessions",
                code: .sessionsFull, parameters: ["maximum": String(maxSessions)])
        }
        let owned = entries.values.count { $0.owner == owner }
        guard owned < maxPerOwner else {
            throw ErrorReply(
                .tooManyRequests,
                "this client already holds \(owned) session\(owned == 1 ? "" : "s"), the most one address may hold at once (of \(maxSessions) on the server)",
                expected:
                    "DELETE /api/sessions/{id} for a session this client no longer uses, or wait until one expires",
                code: .sessionsPerClient, parameters: ["count": String(owned)])
        }
        var id = Self.newID()
        while entries[id] != nil { id = Self.newID() }
        let session = try make(id)
        entries[id] = Entry(session: session, owner: owner, lastUsed: clock.now)
        return (id, session)
    }

    /// The session with this id, its clock reset; nil when there is none or it expired.
    func session(_ id: String) -> Session? {
        let time = clock.now
        guard let entry = entries[id] else { return nil }
        if time - entry.lastUsed > ttl {
            entries[id] = nil
            return nil
        }
        entries[id]!.lastUsed = time
        return entry.session
    }

    /// Drops a session; false when there was none.
    @discardableResult
    func remove(_ id: String) -> Bool {
        entries.removeValue(forKey: id) != nil
    }

    /// The live sessions, ordered by id (their clocks are not reset).
    func all() -> [(id: String, session: Session)] {
        sweep()
        return entries.sorted { $0.key < $1.key }.map { ($0.key, $0.value.session) }
    }

    /// How many sessions are live.
    var count: Int {
        sweep()
        return entries.count
    }

    /// How many sessions are held in memory, expired ones the sweeper has not dropped yet
    /// included.
    var held: Int { entries.count }

    /// Drops every expired session; returns how many.
    @discardableResult
    func sweep() -> Int {
        let time = clock.now
        let expired = entries.filter { time - $0.value.lastUsed > ttl }.map(\.key)
        for id in expired { entries[id] = nil }
        return expired.count
    }

    /// Sweeps every `interval` of the registry's clock until the task is cancelled.
    func sweepUntilCancelled(every interval: Duration) async {
        while !Task.isCancelled {
            do { try await clock.sleep(until: clock.now + interval, tolerance: nil) } catch { return }
            sweep()
        }
    }

    /// A fresh id from the system's cryptographic generator (``RandomCode``).
    static func newID() -> String {
        RandomCode.make(length: idLength, from: idAlphabet)
    }

    /// Whether `text` has the shape of an id (checked before any lookup).
    static func isWellFormed(_ text: some StringProtocol) -> Bool {
        text.count == idLength && text.allSatisfy { idAlphabet.contains($0) }
    }
}

import Foundation
import SinergiClassroom

/// One classroom session behind an actor: requests to the same session take turns, and
/// requests to different sessions run side by side.
///
/// `ClassroomSession` is not thread-safe; it is touched only inside ``with(_:)``, on this
/// actor. A futures run takes a snapshot of the session here and runs elsewhere
/// (``runFutures(count:slots:runner:)``), so the session keeps answering while it computes.
actor LiveSession {
    /// Runs a futures job away from the threads that serve requests and gives its futures.
    typealias FuturesRunner = @Sendable (FuturesJob) async throws(ClassroomError) -> Futures

    private let session: ClassroomSession
    private var futuresRunning = false
    /// Players each client address has joined to this session.
    private var playersByClient: [String: Int] = [:]
    /// What the lecturer's requests carry (`Authorization: Bearer …`); only the page that
    /// created the session has it.
    nonisolated let lecturerToken: String
    /// The session's id, its join code.
    nonisolated let id: String

    init(_ session: ClassroomSession, lecturerToken: String = RandomCode.lecturerToken()) {
        self.session = session
        self.id = session.id
        self.lecturerToken = lecturerToken
    }

    /// Whether an `Authorization` header's value is `Bearer` and this session's lecturer token.
    nonisolated func isLecturer(_ authorization: String?) -> Bool {
        guard let authorization, authorization.hasPrefix("Bearer ") else { return false }
        return RandomCode.equal(String(authorization.dropFirst("Bearer ".count)), lecturerToken)
    }

    /// Players one client address may join to one session: a quarter of the session's
    /// maximum, so one client cannot take every seat.
    static var maxPlayersPerClient: Int { ClassroomSession.maximumPlayers / 4 }

    /// Joins a player on behalf of `client` (the core's checks, then the share per client).
    ///
    /// - Throws: 429 when `client` has joined ``maxPlayersPerClient`` players, the core's
    ///   ``ClassroomError`` otherwise.
    func addPlayer(_ join: JoinRequest, client: String) throws -> String {
        let joined = playersByClient[client, default: 0]
        guard joined < Self.maxPlayersPerClient else {
            throw ErrorReply(
                .tooManyRequests,
                "this client address has already joined \(joined) players to session \(session.id), the most one address may",
                expected: "each student joins from their own device", code: .playersPerClient,
                parameters: ["count": String(joined), "session": session.id])
        }
        let token = try session.addPlayer(government: join.government, agency: join.agency, name: join.name)
        playersByClient[client] = joined + 1
        return token
    }

    /// Runs `body` on the session, on this actor.
    func with<T: Sendable, E: Error>(_ body: @Sendable (ClassroomSession) throws(E) -> T) throws(E) -> T {
        try body(session)
    }

    /// Runs `count` futures of the session's current settings and schedule with `runner`
    /// (the server's: on a thread of their own), holding one of the server's futures slots
    /// meanwhile.
    ///
    /// - Throws: 409 when this session already runs futures, 503 when every slot is busy,
    ///   429 when `client` holds its share of the slots, the core's ``ClassroomError`` for
    ///   a bad count.
    func runFutures(count: Int, slots: FuturesSlots, client: String = "", runner: FuturesRunner) async throws
        -> Futures
    {
        guard !futuresRunning else {
            throw ErrorReply(
                .conflict, "session \(session.id) is already running futures; wait for them",
                expected: "the same request once the running one has answered", code: .futuresRunning,
                parameters: ["session": session.id])
        }
        let job = try session.futuresJob(count: count)
        switch slots.take(for: client) {
        case .allBusy:
            throw ErrorReply(
                .serviceUnavailable,
                "all \(slots.capacity) futures slots of the server are busy; try again in a few seconds",
                expected: "the same request a little later", code: .futuresBusy,
                parameters: ["capacity": String(slots.capacity)])
        case .clientShareBusy:
            throw ErrorReply(
                .tooManyRequests,
                "this client already runs \(slots.perClient) futures at once, the most one address may (of \(slots.capacity) on the server)",
                expected: "the same request once this client's running futures have answered",
                code: .futuresPerClient, parameters: ["count": String(slots.perClient)])
        case nil:
            break
        }
        futuresRunning = true
        defer {
            futuresRunning = false
            slots.give(for: client)
        }
        // The actor is free while the futures run: other requests of this session go on.
        return try await runner(job)
    }

    /// Runs a CPU-bound job on a fresh thread rather than on the small pool of threads
    /// that serves requests, so two long runs cannot stall every other request.
    @Sendable static func runOnOwnThread(_ job: FuturesJob) async throws(ClassroomError) -> Futures {
        let result = await withCheckedContinuation {
            (continuation: CheckedContinuation<Result<Futures, ClassroomError>, Never>) in
            let thread = Thread {
                continuation.resume(returning: Result { () throws(ClassroomError) -> Futures in try job.run() })
            }
            thread.name = "sinergi-futures"
            thread.start()
        }
        return try result.get()
    }
}

import Foundation
import SinergiClassroom
import Testing

@testable import SinergiServe

/// The server's bounds: sessions held, their lifetime, futures at once.
@Suite struct ServerLimitsTests {
    @Test func sessionsBeyondTheMaximumGet503() async throws {
        try await LiveServer.with(limits: ServerLimits(maxSessions: 3, maxSessionsPerClient: 3)) { server in
            let api = APIClient(server)
            var ids: [String] = []
            for _ in 0..<3 { ids.append(try await api.createSession().id) }
            let refused = try await api.http.post("/api/sessions", json: "{}")
            #expect(refused.status == 503)
            #expect((refused.object?["error"] as? String)?.contains("maximum of 3 sessions") == true)
            #expect((refused.object?["expected"] as? String)?.isEmpty == false)
            #expect(try await api.http.get("/health").object?["sessions"] as? Int == 3)
            // Ending one makes room.
            #expect(try await api.http.delete("/api/sessions/\(ids[0])").status == 204)
            _ = try await api.createSession()
        }
    }

    /// Rule: no single client can take a shared bound whole; here, sessions per address.
    @Test func oneClientCannotTakeEverySession() async throws {
        let limits = ServerLimits(maxSessions: 8)
        #expect(limits.maxSessionsPerClient == 2, "a quarter of the sessions")
        try await LiveServer.with(limits: limits) { server in
            let api = APIClient(server)
            let first = try await api.createSession().id
            _ = try await api.createSession()
            let refused = try await api.http.post("/api/sessions", json: "{}")
            #expect(refused.status == 429, "\(refused.text)")
            #expect((refused.object?["error"] as? String)?.contains("one address") == true)
            #expect((refused.object?["expected"] as? String)?.isEmpty == false)
            // Another client still gets sessions.
            let registry = server.running.state.registry
            let scenario = server.running.state.scenario
            for _ in 0..<2 {
                _ = try await registry.add(owner: "10.0.0.7") { id in
                    LiveSession(try ClassroomSession(id: id, scenario: scenario, settings: ClassroomSettings()))
                }
            }
            #expect(await registry.count == 4)
            // Ending one of its sessions gives the client room again.
            #expect(try await api.http.delete("/api/sessions/\(first)").status == 204)
            _ = try await api.createSession()
        }
    }

    /// Rule: the server holds fewer connections than it has file descriptors, so accepting
    /// never fails for want of one (a failing accept is retried at once, spinning a core).
    @Test func connectionsStayBelowTheDescriptorLimit() {
        for limit in [16, 64, 256, 1024, 65_536, Int.max] {
            let cap = ServerLimits.connectionCap(fileDescriptorLimit: limit)
            #expect(cap >= 8 && cap <= 4096)
            if limit >= 256 { #expect(cap + ServerLimits.reservedDescriptors <= limit, "limit \(limit): cap \(cap)") }
        }
        #expect(ServerLimits.connectionCap(fileDescriptorLimit: 256) == 128)
        let limits = ServerLimits()
        #expect(limits.maxConnections < ServerLimits.fileDescriptorLimit())
    }

    @Test func sessionsExpireAfterTheTTLWithoutARequest() async throws {
        // The server's sessions age by a clock the test moves, so nothing depends on how
        // fast the machine answers.
        let clock = ManualClock()
        let limits = ServerLimits(maxSessions: 4, maxSessionsPerClient: 4, sessionTTL: .seconds(30 * 60))
        try await LiveServer.with(limits: limits, clock: clock) { server in
            let api = APIClient(server)
            let forgotten = try await api.createSession().id
            let used = try await api.createSession().id
            // A request keeps one alive past the TTL; the other expires.
            clock.advance(by: .seconds(20 * 60))
            _ = try await api.state(used, since: 0)
            clock.advance(by: .seconds(20 * 60))
            let gone = try await api.http.get("/api/sessions/\(forgotten)")
            #expect(gone.status == 404)
            #expect((gone.object?["error"] as? String)?.contains("expired after 30 minutes without a request") == true)
            #expect(try await api.state(used).month == 0)
            #expect(try await api.http.get("/health").object?["sessions"] as? Int == 1)

            // The sweeper frees the other one without any request to it.
            let registry = server.running.state.registry
            await clock.sleeping()  // the sweeper waits for its next turn
            clock.advance(by: .seconds(31 * 60))
            await clock.sleeping()  // it has swept and waits again
            #expect(await registry.held == 0, "the sweeper should free a session idle for longer than the TTL")
        }
    }

    @Test(.timeLimit(.minutes(5)))
    func futuresAreLimitedServerWideAndLeaveOtherSessionsResponsive() async throws {
        // Futures runs wait at a gate until the test opens it, so the two slots are surely
        // taken while the test looks, however fast the machine computes.
        let gate = FuturesGate()
        // Both runs come from this machine's address: let it hold both slots here.
        try await LiveServer.with(limits: ServerLimits(futuresSlotsPerClient: 2), futuresRunner: gate.runner) {
            server in
            defer { gate.open() }  // a failed check must not leave requests held at stop
            let api = APIClient(server)
            let a = try await api.createSession().id
            let b = try await api.createSession().id
            let c = try await api.createSession().id
            // Each stream of requests has its own client (and connections), as browsers would,
            // with the session's lecturer token.
            let lecturerA = APIClient(server), lecturerB = APIClient(server)
            lecturerA.http.hold(lecturerToken: try #require(api.http.lecturerToken(a)), for: a)
            lecturerB.http.hold(lecturerToken: try #require(api.http.lecturerToken(b)), for: b)
            async let futuresA = lecturerA.futures(a, count: 100)
            await gate.waitUntilHolding(1)
            async let futuresB = lecturerB.futures(b, count: 100)
            await gate.waitUntilHolding(2)

            let again = try await api.http.post("/api/sessions/\(a)/futures", json: #"{"count": 1}"#)
            #expect(again.status == 409, "a second futures run of the same session: \(again.text)")
            let third = try await api.http.post("/api/sessions/\(c)/futures", json: #"{"count": 1}"#)
            #expect(third.status == 503, "a third futures run while two are going: \(third.text)")
            #expect((third.object?["expected"] as? String)?.isEmpty == false)
            // Another session answers while both slots are taken, and so does the busy one.
            #expect(try await api.step(c, months: 3).state.month == 3)
            #expect(try await api.step(a).state.month == 1)
            #expect(server.running.state.futuresSlots.busy == 2)

            gate.open()
            let (resultA, resultB) = try await (futuresA, futuresB)
            #expect(resultA.count == 100 && resultB.count == 100)
            // Slots are free again.
            #expect(try await api.futures(c, count: 5).count == 5)
            #expect(server.running.state.futuresSlots.busy == 0)
        }
    }

    @Test func oneAddressHoldsHalfTheFuturesSlots() async throws {
        let gate = FuturesGate()
        try await LiveServer.with(futuresRunner: gate.runner) { server in
            defer { gate.open() }
            let api = APIClient(server)
            let a = try await api.createSession().id
            let b = try await api.createSession().id
            let lecturerA = APIClient(server)
            lecturerA.http.hold(lecturerToken: try #require(api.http.lecturerToken(a)), for: a)
            async let futuresA = lecturerA.futures(a, count: 10)
            await gate.waitUntilHolding(1)
            let second = try await api.http.post("/api/sessions/\(b)/futures", json: #"{"count": 1}"#)
            #expect(second.status == 429, "a second run from the same address: \(second.text)")
            #expect(server.running.state.futuresSlots.busy == 1, "one slot stays free for other clients")
            gate.open()
            #expect(try await futuresA.count == 10)
            #expect(try await api.futures(b, count: 1).count == 1)
        }
    }

    /// Rule: no single client can take a shared bound whole; here, a session's seats.
    @Test func oneClientCannotTakeEverySeat() async throws {
        try await LiveServer.with { server in
            let api = APIClient(server)
            let id = try await api.createSession(ClassroomSettings(participation: true)).id
            let share = LiveSession.maxPlayersPerClient
            #expect(share == 50, "a quarter of the 200 seats")
            for student in 0..<share { _ = try await api.join(id, agency: student % 3, name: "S\(student)") }
            let refused = try await api.http.post(
                "/api/sessions/\(id)/players", json: #"{"government": 0, "agency": 0, "name": "One more"}"#)
            #expect(refused.status == 429, "\(refused.text)")
            #expect((refused.object?["expected"] as? String)?.isEmpty == false)
            // Another address still joins.
            let live = try #require(await server.running.state.registry.session(id))
            _ = try await live.addPlayer(JoinRequest(government: 0, agency: 1, name: "Other"), client: "10.0.0.7")
            #expect(try await api.state(id).players.count == share + 1)
        }
    }

    /// Rule: no single client can take a shared bound whole; here, connections. A client
    /// holding its share finds a further connection closed without an answer; the
    /// connections it holds keep working.
    @Test func oneClientCannotHoldEveryConnection() async throws {
        try await LiveServer.with(limits: ServerLimits(maxConnectionsPerClient: 3)) { server in
            let port = server.port
            try await Task.detached {
                var held: [Int32] = []
                defer { for fd in held { close(fd) } }
                for _ in 0..<3 {
                    let fd = try RawSocket.connect(port: port)
                    held.append(fd)
                    #expect(try RawSocket.health(fd, port: port) == true, "a connection within the share answers")
                }
                let extra = try RawSocket.connect(port: port)
                #expect(try RawSocket.health(extra, port: port) == false, "the fourth connection is closed unanswered")
                close(extra)
                #expect(try RawSocket.health(held[0], port: port) == true, "the held ones still answer")
                // Once one closes, a new connection is let in (the server sees the close soon).
                close(held.removeFirst())
                var answered = false
                for _ in 0..<200 where !answered {
                    let fd = try RawSocket.connect(port: port)
                    answered = try RawSocket.health(fd, port: port)
                    close(fd)
                }
                #expect(answered)
            }.value
        }
    }
}

/// Blocking loopback sockets that keep their connection open between requests.
enum RawSocket {
    /// A connected loopback socket whose reads and writes give up after 30 s.
    static func connect(port: Int) throws -> Int32 {
        try RawHTTP.connect(host: "127.0.0.1", port: port, timeout: 30)
    }

    /// Sends `GET /health` on `fd` (keeping the connection) and reads the answer: true for
    /// a 200, false when the server closed the connection without one.
    static func health(_ fd: Int32, port: Int) throws -> Bool {
        let request = Array("GET /health HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress!, request.count, Int32(MSG_NOSIGNAL)) }
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !RawHTTP.isComplete(response) {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 { response.append(contentsOf: buffer[0..<n]); continue }
            if n == 0 || errno == ECONNRESET { return false }
            if errno == EINTR { continue }
            throw RawHTTP.Failure("no answer on a held connection (errno \(errno))")
        }
        return String(decoding: response.prefix(12), as: UTF8.self) == "HTTP/1.1 200"
    }
}

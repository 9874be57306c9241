import Foundation
import SinergiClassroom
import Testing

@testable import SinergiServe

/// A class on loopback: 30 students and a lecturer at once, each with a fixed script.
///
/// Each student has its own HTTP client (own connections) and runs in its own task, so the
/// 31 clients overlap; the test checks that every request is answered as the API says,
/// whatever the order the server sees them in. It times nothing: how fast the server
/// answers a class is measured by `make bench-serve` (Benchmarks/serve/).
@Suite struct LoadTests {
    static let students = 30
    /// Polls (and stances, when a poll shows a new month) per student.
    static let rounds = 40
    /// The lecturer steps one month at a time, through the horizon (60) and on after Setup.
    static let steps = 90
    /// The lecturer asks for 200 futures before steps 0, 30 and 60.
    static let futuresEvery = 30

    @Test(.timeLimit(.minutes(10)))
    func thirtyStudentsAndALecturerAtOnce() async throws {
        let stats = LoadStatistics()
        let (sessions, summary) = try await LiveServer.with { server in
            let lecturer = APIClient(server)
            let created = try await lecturer.createSession(ClassroomSettings(participation: true))
            let agencies = created.state.frames?.first?.governments.first?.agencies.count ?? 1

            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await Self.lecture(session: created.id, api: lecturer, stats: stats)
                }
                for student in 0..<Self.students {
                    group.addTask {
                        try await Self.play(
                            student: student, agency: student % agencies, session: created.id,
                            server: server, stats: stats)
                    }
                }
                try await group.waitForAll()
            }
            let health = try await lecturer.http.get("/health")
            return (health.object?["sessions"] as? Int, await stats.summary())
        }
        print(
            """
            Load test: \(Self.students) students + 1 lecturer: \(summary.requests) requests \
            (\(summary.byKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))), \
            \(summary.errors) errors, \(summary.stale) stale-month 409s, peak \(summary.peakInFlight) in flight
            """)
        for example in summary.errorExamples { print("  error: \(example)") }

        #expect(summary.errors == 0, "\(summary.errorExamples)")
        #expect(summary.byKind["join"] == Self.students)
        #expect(summary.byKind["state"] == Self.students * Self.rounds)
        #expect(summary.perStudent == Array(repeating: Self.rounds, count: Self.students), "every poll was answered")
        #expect(summary.byKind["step"] == Self.steps && summary.monthsStepped == Self.steps)
        #expect(summary.restarts == 1, "the lecturer reached the horizon once and set up again")
        #expect(summary.futures == 3)
        #expect(sessions == 1, "one class holds one session")
    }

    // MARK: The lecturer and the students

    /// The lecturer's page: `api` holds the session's lecturer token.
    static func lecture(session: String, api: APIClient, stats: LoadStatistics) async throws {
        var seen = 0
        for step in 0..<steps {
            if step % futuresEvery == 0 {
                let futures: FuturesJSON? = await stats.call(
                    "futures", api.http, "POST", "/api/sessions/\(session)/futures", body: #"{"count": 200}"#)
                if futures?.count == 200 { await stats.ranFutures() }
            }
            let stepped: StepReply? = await stats.call(
                "step", api.http, "POST", "/api/sessions/\(session)/step", body: #"{"months": 1}"#)
            if let stepped {
                await stats.stepped(stepped.frames.count)
                if stepped.state.finished {
                    let _: SessionState? = await stats.call(
                        "setup", api.http, "POST", "/api/sessions/\(session)/setup", body: "{}")
                    await stats.restarted()
                    seen = 0
                }
            }
            // The page reads the new frames like any client.
            let state: SessionState? = await stats.call(
                "lecturer-state", api.http, "GET", "/api/sessions/\(session)?since=\(seen)")
            if let state { seen = state.month }
        }
    }

    static func play(student: Int, agency: Int, session: String, server: LiveServer, stats: LoadStatistics)
        async throws
    {
        let api = APIClient(server)
        let body = #"{"government": 0, "agency": \#(agency), "name": "Student \#(student + 1)"}"#
        guard
            let joined: JoinReply = await stats.call(
                "join", api.http, "POST", "/api/sessions/\(session)/players", body: body)
        else { return }
        var generator = SystemRandomNumberGenerator()
        var stancedMonth = -1, polls = 0
        for _ in 0..<rounds {
            let state: SessionState? = await stats.call(
                "state", api.http, "GET", "/api/sessions/\(session)?since=\(max(0, stancedMonth))")
            if state != nil { polls += 1 }
            if let state, !state.finished, state.month != stancedMonth {
                let stance = StanceRequest(
                    month: state.month,
                    stance: Stance(
                        shareData: Bool.random(using: &generator), training: Bool.random(using: &generator),
                        commitBudget: Bool.random(using: &generator)))
                let json = String(decoding: try JSONEncoder().encode(stance), as: UTF8.self)
                // The lecturer may step between the poll and the stance: then it is a 409.
                let _: StanceReply? = await stats.call(
                    "stance", api.http, "POST", "/api/sessions/\(session)/players/\(joined.token)/stance",
                    body: json, staleIs409: true)
                stancedMonth = state.month
            }
        }
        await stats.studentFinished(polls: polls)
    }
}

/// What the clients saw: every request's kind and outcome.
actor LoadStatistics {
    struct Summary: Sendable {
        var requests: Int
        var byKind: [String: Int]
        var errors: Int
        var stale: Int
        var errorExamples: [String]
        var peakInFlight: Int
        var monthsStepped: Int, restarts: Int, futures: Int
        /// Answered polls of each student who finished, in the order they finished.
        var perStudent: [Int]
    }

    private var requests = 0
    private var byKind: [String: Int] = [:]
    private var errors = 0
    private var stale = 0
    private var errorExamples: [String] = []
    private var inFlight = 0
    private var peakInFlight = 0
    private var monthsStepped = 0, restarts = 0, futures = 0
    private var perStudent: [Int] = []

    /// Sends one request and decodes a 2xx reply as `T` (an expected stale-month 409 of a
    /// stance is counted apart, with its error body checked).
    func call<T: Decodable & Sendable>(
        _ kind: String, _ http: HTTPTestClient, _ method: String, _ path: String,
        body: String? = nil, staleIs409: Bool = false
    ) async -> T? {
        inFlight += 1
        peakInFlight = Swift.max(peakInFlight, inFlight)
        let result: Result<HTTPReply, any Error>
        do {
            result = .success(try await http.send(method, path, body: body.map { Data($0.utf8) }))
        } catch {
            result = .failure(error)
        }
        inFlight -= 1
        requests += 1
        byKind[kind, default: 0] += 1
        switch result {
        case .failure(let error):
            fail("\(kind) \(method) \(path): \(error)")
            return nil
        case .success(let reply) where (200..<300).contains(reply.status):
            do {
                return try reply.decode(T.self)
            } catch {
                fail("\(kind): the reply does not parse as \(T.self): \(reply.text.prefix(200))")
                return nil
            }
        case .success(let reply) where reply.status == 409 && staleIs409:
            if let body = try? reply.decode(HTTPReply.ErrorBody.self), !body.error.isEmpty, !body.expected.isEmpty {
                stale += 1
            } else {
                fail("\(kind): a 409 without a JSON error body: \(reply.text.prefix(200))")
            }
            return nil
        case .success(let reply):
            fail("\(kind) \(method) \(path): \(reply.status) \(reply.text.prefix(200))")
            return nil
        }
    }

    private func fail(_ text: String) {
        errors += 1
        if errorExamples.count < 10 { errorExamples.append(text) }
    }

    func stepped(_ months: Int) { monthsStepped += months }
    func restarted() { restarts += 1 }
    func ranFutures() { futures += 1 }
    func studentFinished(polls: Int) { perStudent.append(polls) }

    func summary() -> Summary {
        Summary(
            requests: requests, byKind: byKind, errors: errors, stale: stale, errorExamples: errorExamples,
            peakInFlight: peakInFlight, monthsStepped: monthsStepped, restarts: restarts, futures: futures,
            perStudent: perStudent)
    }
}

import Foundation
import SinergiClassroom
import Testing

@testable import SinergiServe

/// A class on loopback: 30 students and a lecturer for a minute, all at once.
///
/// Each student has its own HTTP client (own connections) and runs in its own task, so the
/// 31 clients truly overlap; the test reports the peak of requests in flight to show it.
@Suite struct LoadTests {
    /// How long the class runs.
    static let duration: Duration = .seconds(60)
    static let students = 30
    /// A student polls about once a second; the lecturer steps every half second (2 months/s).
    static let pollInterval: Duration = .seconds(1)
    static let stepInterval: Duration = .milliseconds(500)
    static let futuresInterval: Duration = .seconds(15)

    @Test(.timeLimit(.minutes(4)))
    func thirtyStudentsAndALecturerForAMinute() async throws {
        let stats = LoadStatistics()
        let rssBefore = Self.residentMegabytes()
        let report = try await LiveServer.with { server in
            let lecturer = APIClient(server)
            let created = try await lecturer.createSession(ClassroomSettings(participation: true))
            let agencies = created.state.frames?.first?.governments.first?.agencies.count ?? 1
            let deadline = ContinuousClock.now + Self.duration

            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await Self.lecture(session: created.id, server: server, stats: stats, until: deadline)
                }
                for student in 0..<Self.students {
                    group.addTask {
                        try await Self.play(
                            student: student, agency: student % agencies, session: created.id,
                            server: server, stats: stats, until: deadline)
                    }
                }
                try await group.waitForAll()
            }
            let health = try await lecturer.http.get("/health")
            return (health.object?["sessions"] as? Int, await stats.summary())
        }
        let (sessions, summary) = report
        let rssAfter = Self.residentMegabytes()
        print(
            """
            Load test: \(Self.students) students + 1 lecturer for \(Self.duration): \(summary.requests) requests \
            (\(summary.byKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))), \
            \(summary.errors) errors, \(summary.stale) stale-month 409s, peak \(summary.peakInFlight) in flight; \
            latency p50 \(summary.p50) ms, p99 \(summary.p99) ms, max \(summary.max) ms; \
            months stepped \(summary.monthsStepped), restarts \(summary.restarts), futures \(summary.futures); \
            RSS \(rssBefore.map { "\($0)" } ?? "?") → \(rssAfter.map { "\($0)" } ?? "?") MB
            """)
        for example in summary.errorExamples { print("  error: \(example)") }

        #expect(summary.errors == 0, "\(summary.errorExamples)")
        #expect(summary.requests > Self.students * 40)
        #expect(summary.minimumPerStudent >= 30, "every student kept polling for the whole minute")
        #expect(summary.peakInFlight > 1, "the clients overlapped")
        #expect(summary.restarts >= 1, "the lecturer reached the horizon and set up again")
        #expect(summary.futures >= 3)
        #expect(sessions == 1, "one class holds one session")
    }

    // MARK: The lecturer and the students

    static func lecture(
        session: String, server: LiveServer, stats: LoadStatistics, until deadline: ContinuousClock.Instant
    ) async throws {
        let api = APIClient(server)
        var nextFutures = ContinuousClock.now + .seconds(5)
        var seen = 0
        while ContinuousClock.now < deadline {
            let stepped: StepReply? = await stats.call(
                "step", api.http, "POST", "/api/sessions/\(session)/step",
                body: #"{"months": 1}"#)
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
            if ContinuousClock.now >= nextFutures {
                let futures: FuturesJSON? = await stats.call(
                    "futures", api.http, "POST", "/api/sessions/\(session)/futures",
                    body: #"{"count": 200}"#)
                if futures?.count == 200 { await stats.ranFutures() }
                nextFutures = ContinuousClock.now + futuresInterval
            }
            try await Task.sleep(for: stepInterval)
        }
    }

    static func play(
        student: Int, agency: Int, session: String, server: LiveServer, stats: LoadStatistics,
        until deadline: ContinuousClock.Instant
    ) async throws {
        let api = APIClient(server)
        let body = #"{"government": 0, "agency": \#(agency), "name": "Student \#(student + 1)"}"#
        guard
            let joined: JoinReply = await stats.call(
                "join", api.http, "POST", "/api/sessions/\(session)/players", body: body)
        else { return }
        var generator = SystemRandomNumberGenerator()
        // Spread the students over the first second, as a class does.
        try await Task.sleep(for: .milliseconds(Int.random(in: 0..<1000, using: &generator)))
        var stancedMonth = -1, requests = 0
        while ContinuousClock.now < deadline {
            let state: SessionState? = await stats.call(
                "state", api.http, "GET", "/api/sessions/\(session)?since=\(max(0, stancedMonth))")
            requests += 1
            if let state, !state.finished, state.month != stancedMonth {
                let stance = StanceRequest(
                    month: state.month,
                    stance: Stance(
                        shareData: Bool.random(using: &generator), training: Bool.random(using: &generator),
                        commitBudget: Bool.random(using: &generator)))
                let json = String(decoding: try JSONEncoder().encode(stance), as: UTF8.self)
                let _: StanceReply? = await stats.call(
                    "stance", api.http, "POST",
                    "/api/sessions/\(session)/players/\(joined.token)/stance",
                    body: json, staleIs409: true)
                requests += 1
                stancedMonth = state.month
            }
            let jitter = Int.random(in: -200...200, using: &generator)
            try await Task.sleep(for: pollInterval + .milliseconds(jitter))
        }
        await stats.studentFinished(requests: requests)
    }

    /// Resident memory of this process in MB (Linux), for the report.
    static func residentMegabytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = text.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}

/// What the clients saw: every request's kind, outcome and latency.
actor LoadStatistics {
    struct Summary: Sendable {
        var requests: Int
        var byKind: [String: Int]
        var errors: Int
        var stale: Int
        var errorExamples: [String]
        var p50: Int, p99: Int, max: Int
        var peakInFlight: Int
        var monthsStepped: Int, restarts: Int, futures: Int
        var minimumPerStudent: Int
    }

    private var latencies: [Duration] = []
    private var byKind: [String: Int] = [:]
    private var errors = 0
    private var stale = 0
    private var errorExamples: [String] = []
    private var inFlight = 0
    private var peakInFlight = 0
    private var monthsStepped = 0, restarts = 0, futures = 0
    private var perStudent: [Int] = []

    /// Sends one request, times it, and decodes a 2xx reply as `T` (an expected stale-month
    /// 409 of a stance is counted apart, with its error body checked).
    func call<T: Decodable & Sendable>(
        _ kind: String, _ http: HTTPTestClient, _ method: String, _ path: String,
        body: String? = nil, staleIs409: Bool = false
    ) async -> T? {
        inFlight += 1
        peakInFlight = Swift.max(peakInFlight, inFlight)
        let started = ContinuousClock.now
        let result: Result<HTTPReply, any Error>
        do {
            result = .success(try await http.send(method, path, body: body.map { Data($0.utf8) }))
        } catch {
            result = .failure(error)
        }
        inFlight -= 1
        latencies.append(ContinuousClock.now - started)
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
    func studentFinished(requests: Int) { perStudent.append(requests) }

    func summary() -> Summary {
        let sorted = latencies.sorted()
        func percentile(_ p: Double) -> Int {
            guard !sorted.isEmpty else { return 0 }
            let index = Swift.min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)
            return Self.milliseconds(sorted[Swift.max(0, index)])
        }
        return Summary(
            requests: latencies.count, byKind: byKind, errors: errors, stale: stale, errorExamples: errorExamples,
            p50: percentile(0.50), p99: percentile(0.99), max: sorted.last.map(Self.milliseconds) ?? 0,
            peakInFlight: peakInFlight, monthsStepped: monthsStepped, restarts: restarts, futures: futures,
            minimumPerStudent: perStudent.count == LoadTests.students ? perStudent.min() ?? 0 : 0)
    }

    static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }
}

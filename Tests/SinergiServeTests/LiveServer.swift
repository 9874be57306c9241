import Foundation
import SinergiScenario

@testable import SinergiServe

/// A classroom server running inside the test process on a free loopback port.
///
/// ```swift
/// try await LiveServer.with { server in
///     let client = HTTPTestClient(base: server.baseURL)
///     let reply = try await client.get("/health")
/// }
/// ```
/// `baseURL` is `http://127.0.0.1:PORT/`; a browser test opens `baseURL` (lecturer) or
/// `baseURL/join` (students).
struct LiveServer: Sendable {
    let running: RunningClassroomServer

    var baseURL: URL { running.baseURL }
    var port: Int { running.port }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func scenarioPath(_ relative: String) -> String {
        packageRoot.appendingPathComponent(relative).path
    }

    /// Starts a server for the scenario file (relative to the package root). Its sessions
    /// age by `clock` (the system's unless a test moves one by hand), and its futures run
    /// with `futuresRunner` (on threads of their own unless a test holds them).
    static func start(
        scenario: String = "Scenarios/classroom.yaml", limits: ServerLimits = .init(),
        clock: any SessionClock = ContinuousClock(),
        futuresRunner: @escaping LiveSession.FuturesRunner = LiveSession.runOnOwnThread
    ) async throws -> LiveServer {
        let loaded = try ScenarioLoader.load(path: scenarioPath(scenario))
        let server = try ClassroomServer(
            scenario: loaded, host: "127.0.0.1", port: 0, limits: limits, clock: clock, futuresRunner: futuresRunner)
        return LiveServer(running: try await server.start())
    }

    /// Runs `body` against a fresh server and stops the server afterwards, also on failure.
    static func with<T: Sendable>(
        scenario: String = "Scenarios/classroom.yaml", limits: ServerLimits = .init(),
        clock: any SessionClock = ContinuousClock(),
        futuresRunner: @escaping LiveSession.FuturesRunner = LiveSession.runOnOwnThread,
        _ body: (LiveServer) async throws -> T
    ) async throws -> T {
        let server = try await start(scenario: scenario, limits: limits, clock: clock, futuresRunner: futuresRunner)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    func stop() async { await running.stop() }
}

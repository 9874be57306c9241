import Foundation
import Hummingbird
import HummingbirdCore
import ServiceLifecycle
import SinergiClassroom
import SinergiScenario

/// The classroom web server: the lecturer's and students' pages and the JSON API of
/// docs/classroom-api.md, for one scenario.
///
/// `sinergi serve` calls ``run(onListening:)``; tests and other in-process users call
/// ``start()`` and get a ``RunningClassroomServer`` with the bound port and a `stop()`.
public struct ClassroomServer: Sendable {
    public let host: String
    public let port: Int
    public let limits: ServerLimits
    /// The hosts the server answers to (a request naming another is a 421).
    let served: ServedAddresses
    let state: ServerState

    /// - Parameters:
    ///   - scenario: a loaded, valid scenario.
    ///   - host: the address to listen on (`127.0.0.1`: this machine only; `0.0.0.0`: the classroom's network).
    ///   - port: the port; 0 lets the system pick a free one (the real one is passed to `onListening`).
    ///   - allowedHosts: more names the server answers to besides its addresses (a name of
    ///     the classroom's DNS that points at this machine).
    /// - Throws: ``UnsuitableScenario`` when the scenario is too big for a live class (its
    ///   message names the limit).
    public init(
        scenario: Scenario, host: String = "127.0.0.1", port: Int = 8080, limits: ServerLimits = .init(),
        allowedHosts: [String] = []
    ) throws(UnsuitableScenario) {
        try self.init(
            scenario: scenario, host: host, port: port, limits: limits, allowedHosts: allowedHosts,
            clock: ContinuousClock(), futuresRunner: LiveSession.runOnOwnThread)
    }

    /// A server whose sessions age by `clock` and whose futures run with `futuresRunner`
    /// (tests move the clock by hand and hold futures runs while they look).
    init(
        scenario: Scenario, host: String, port: Int, limits: ServerLimits, allowedHosts: [String] = [],
        clock: any SessionClock, futuresRunner: @escaping LiveSession.FuturesRunner
    ) throws(UnsuitableScenario) {
        let classroom: ClassroomScenario
        do {
            classroom = try ClassroomScenario(scenario)
        } catch {
            throw UnsuitableScenario(message: error.message)
        }
        self.host = host
        self.port = port
        self.limits = limits
        self.served = ServedAddresses(bindHost: host, allowedHosts: allowedHosts)
        self.state = ServerState(
            scenario: classroom, limits: limits, assets: .embedded(), clock: clock, futuresRunner: futuresRunner,
            bindHost: host)
    }

    /// The join links of the server on `port`, `http://HOST:PORT/join` for each address
    /// students on other machines may use, best first (``JoinAddresses``).
    public func joinURLs(port: Int) -> [String] { state.joinAddresses.urls(port: port) }

    /// What the lecturer must do so that students on other machines can join (the server
    /// listens on loopback only, or the machine has no network address); nil when they can.
    public var joinAdvice: String? { state.joinAddresses.advice }

    /// Whether the server listens on every address of a machine that has a network address
    /// (then each of ``joinURLs(port:)`` may be the one students' network reaches).
    public var servesEveryNetwork: Bool { state.joinAddresses.reach == .everyNetwork }

    /// Serves until SIGINT or SIGTERM, then shuts down gracefully (requests under way are
    /// answered) and returns. `onListening` gets the bound port once the server accepts
    /// connections.
    public func run(onListening: @escaping @Sendable (Int) -> Void) async throws {
        let application = makeApplication(onListening: onListening)
        let group = ServiceGroup(
            services: [application, SessionSweeper(state: state)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: application.logger)
        try await group.run()
    }

    /// Starts serving in this process, without touching signal handling; returns once the
    /// server accepts connections. Stop it with ``RunningClassroomServer/stop()``.
    public func start() async throws -> RunningClassroomServer {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let application = makeApplication { continuation.yield($0) }
        let group = ServiceGroup(services: [application, SessionSweeper(state: state)], logger: application.logger)
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        for await port in ports {
            return RunningClassroomServer(host: host, port: port, state: state, group: group, task: task)
        }
        try await task.value  // the server ended before listening: its error says why
        throw CancellationError()
    }

    func makeApplication(onListening: @escaping @Sendable (Int) -> Void) -> some ApplicationProtocol {
        let router = Router(context: ClassroomContext.self)
        let connections = ConnectionsPerClient(limit: limits.maxConnectionsPerClient)
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: SameOriginMiddleware(served: served))
        PageRoutes(state: state).add(to: router)
        APIRoutes(state: state).add(to: router)
        var application = Application(
            router: router,
            // A connection idle this long is closed, so clients that vanish leave nothing open.
            // Each connection counts against its client's share of the connections.
            server: .http1(
                configuration: .init(
                    additionalChannelHandlers: [connections.handler()], idleTimeout: .seconds(120))),
            // Connections beyond the cap wait in the backlog: accept() never fails for want
            // of a file descriptor, which would make the event loop retry it at once, forever.
            configuration: .init(
                address: .hostname(host, port: port), serverName: nil,
                availableConnectionsDelegate: MaximumAvailableConnections(limits.maxConnections)),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? 0) })
        application.logger.logLevel = .warning
        return application
    }
}

/// Why a valid scenario cannot be served to a class (it is too big to step live).
public struct UnsuitableScenario: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// A server started in-process by ``ClassroomServer/start()``.
public struct RunningClassroomServer: Sendable {
    public let host: String
    /// The port the server listens on (the real one when it was started with port 0).
    public let port: Int
    /// What the server's routes share (for tests).
    let state: ServerState

    let group: ServiceGroup
    let task: Task<Void, any Error>

    /// `http://HOST:PORT/`.
    public var baseURL: URL { URL(string: "http://\(host):\(port)/")! }

    /// Stops accepting connections, answers the requests under way and waits until the
    /// server is down.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How much one `sinergi serve` process holds at once (docs/classroom-api.md, Limits).
public struct ServerLimits: Sendable {
    /// Sessions held at once; one more is a 503.
    public var maxSessions: Int
    /// Sessions one client address may hold at once (one more is a 429), so one client
    /// cannot take every session of the server.
    public var maxSessionsPerClient: Int
    /// A session without a request for this long is dropped.
    public var sessionTTL: Duration
    /// Futures runs at once across all sessions; one more is a 503.
    public var futuresSlots: Int
    /// Futures runs one client address may have going at once (one more is a 429).
    public var futuresSlotsPerClient: Int
    /// Connections open at once; further connections wait in the kernel's backlog until
    /// one closes, so the process never runs out of file descriptors.
    public var maxConnections: Int
    /// Connections one client address may hold open at once; a further one is closed as
    /// it opens, so one client cannot take every connection.
    public var maxConnectionsPerClient: Int

    /// Largest request body accepted (larger is a 413).
    public static let maxBodyBytes = 64 * 1024

    /// - Parameters:
    ///   - maxSessionsPerClient: nil: a quarter of `maxSessions` (at least 1).
    ///   - futuresSlotsPerClient: nil: half the slots (at least 1).
    ///   - maxConnectionsPerClient: nil: half of `maxConnections`.
    ///   - maxConnections: nil: ``connectionCap(fileDescriptorLimit:)`` of the process's
    ///     limit.
    public init(
        maxSessions: Int = 64, maxSessionsPerClient: Int? = nil, sessionTTL: Duration = .seconds(30 * 60),
        futuresSlots: Int = 2, futuresSlotsPerClient: Int? = nil, maxConnections: Int? = nil,
        maxConnectionsPerClient: Int? = nil
    ) {
        self.maxSessions = maxSessions
        self.maxSessionsPerClient = maxSessionsPerClient ?? max(1, maxSessions / 4)
        self.sessionTTL = sessionTTL
        self.futuresSlots = futuresSlots
        self.futuresSlotsPerClient = futuresSlotsPerClient ?? max(1, futuresSlots / 2)
        self.maxConnections = maxConnections ?? Self.connectionCap(fileDescriptorLimit: Self.fileDescriptorLimit())
        self.maxConnectionsPerClient = maxConnectionsPerClient ?? max(1, self.maxConnections / 2)
    }

    /// File descriptors the process keeps for everything but connections: the listening
    /// socket, the standard streams, the event loops' own descriptors, the threads of
    /// futures runs, files a run may open.
    public static let reservedDescriptors = 64

    /// The connections a process may hold with `limit` file descriptors: three quarters
    /// of them, minus ``reservedDescriptors``, at least 8 and at most 4096. Below the
    /// limit, accepting a connection never fails for want of a descriptor (a failing
    /// accept is retried at once by the event loop, which spins a core).
    public static func connectionCap(fileDescriptorLimit limit: Int) -> Int {
        min(4096, max(8, limit / 4 * 3 - reservedDescriptors))
    }

    /// The process's soft limit on open file descriptors (RLIMIT_NOFILE); 256 when it
    /// cannot be read.
    public static func fileDescriptorLimit() -> Int {
        var limit = rlimit()
        #if canImport(Glibc)
            let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
            let resource = RLIMIT_NOFILE
        #endif
        guard getrlimit(resource, &limit) == 0 else { return 256 }
        return Int(clamping: limit.rlim_cur)  // RLIM_INFINITY: Int.max
    }
}

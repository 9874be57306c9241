/// How much one `sinergi serve` process holds at once (docs/classroom-api.md, Limits).
public struct ServerLimits: Sendable {
    /// Sessions held at once; one more is a 503.
    public var maxSessions: Int
    /// A session without a request for this long is dropped.
    public var sessionTTL: Duration
    /// Futures runs at once across all sessions; one more is a 503.
    public var futuresSlots: Int

    /// Largest request body accepted (larger is a 413).
    public static let maxBodyBytes = 64 * 1024

    public init(maxSessions: Int = 64, sessionTTL: Duration = .seconds(30 * 60), futuresSlots: Int = 2) {
        self.maxSessions = maxSessions
        self.sessionTTL = sessionTTL
        self.futuresSlots = futuresSlots
    }
}

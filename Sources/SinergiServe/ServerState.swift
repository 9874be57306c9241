/// What every route of one server shares: the sessions, the futures slots, the assets.
final class ServerState: Sendable {
    let limits: ServerLimits
    let registry: SessionRegistry<String>
    let futuresSlots: FuturesSlots
    let assets: AssetCatalogue

    init(limits: ServerLimits, assets: AssetCatalogue, now: @escaping SessionRegistry<String>.Now = { ContinuousClock.now }) {
        self.limits = limits
        self.registry = SessionRegistry(maxSessions: limits.maxSessions, ttl: limits.sessionTTL, now: now)
        self.futuresSlots = FuturesSlots(capacity: limits.futuresSlots)
        self.assets = assets
    }

    /// How often expired sessions are swept: a quarter of the TTL, between 50 ms and a minute.
    var sweepInterval: Duration {
        min(max(limits.sessionTTL / 4, .milliseconds(50)), .seconds(60))
    }
}

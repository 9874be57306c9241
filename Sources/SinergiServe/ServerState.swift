import SinergiClassroom

/// What every route of one server shares: the scenario, the sessions, the futures slots and
/// how futures run, the assets.
final class ServerState: Sendable {
    let scenario: ClassroomScenario
    /// What `GET /api/scenario` returns, built once.
    let description: ScenarioDescription
    let limits: ServerLimits
    let registry: SessionRegistry<LiveSession>
    let futuresSlots: FuturesSlots
    let futuresRunner: LiveSession.FuturesRunner
    let assets: AssetCatalogue
    /// The address the server listens on (`127.0.0.1`, `0.0.0.0`, …): what join links name.
    let bindHost: String

    /// - Parameters:
    ///   - clock: the time sessions age by and the sweeper waits on.
    ///   - futuresRunner: how a futures job runs once it holds a slot.
    init(
        scenario: ClassroomScenario, limits: ServerLimits, assets: AssetCatalogue,
        clock: any SessionClock = ContinuousClock(),
        futuresRunner: @escaping LiveSession.FuturesRunner = LiveSession.runOnOwnThread, bindHost: String = "127.0.0.1"
    ) {
        self.scenario = scenario
        self.description = ScenarioDescription(scenario)
        self.limits = limits
        self.registry = SessionRegistry(
            maxSessions: limits.maxSessions, maxPerOwner: limits.maxSessionsPerClient, ttl: limits.sessionTTL,
            clock: clock)
        self.futuresSlots = FuturesSlots(capacity: limits.futuresSlots, perClient: limits.futuresSlotsPerClient)
        self.futuresRunner = futuresRunner
        self.assets = assets
        self.bindHost = bindHost
    }

    /// The join addresses now (read afresh: a laptop may change networks during a class).
    var joinAddresses: JoinAddresses { JoinAddresses(bindHost: bindHost) }

    /// How often expired sessions are swept: a quarter of the TTL, between 50 ms and a minute.
    var sweepInterval: Duration {
        min(max(limits.sessionTTL / 4, .milliseconds(50)), .seconds(60))
    }

    /// The TTL as people read it: "30 minutes", "2 seconds".
    var ttlText: String {
        let seconds =
            Double(limits.sessionTTL.components.seconds) + Double(limits.sessionTTL.components.attoseconds) / 1e18
        if seconds >= 60 && seconds.truncatingRemainder(dividingBy: 60) == 0 {
            let minutes = Int(seconds / 60)
            return "\(minutes) minute\(minutes == 1 ? "" : "s")"
        }
        return seconds == seconds.rounded() ? "\(Int(seconds)) seconds" : "\(seconds) seconds"
    }
}

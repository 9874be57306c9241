import ServiceLifecycle

/// Frees the sessions nobody asked for within the TTL, alongside the HTTP server.
struct SessionSweeper: Service {
    let state: ServerState

    func run() async throws {
        let registry = state.registry
        let interval = state.sweepInterval
        await cancelWhenGracefulShutdown {
            await registry.sweepUntilCancelled(every: interval)
        }
    }
}

import Hummingbird

/// The pages, the assets they load, and the health check.
struct PageRoutes: Sendable {
    let state: ServerState

    func add(to router: Router<ClassroomContext>) {
        let assets = state.assets
        let registry = state.registry
        router.get("/") { _, _ in try assets.response(for: "index.html") }
        router.get("/join") { _, _ in try assets.response(for: "join.html") }
        router.get("/assets/{name}") { _, context in
            try assets.response(for: context.parameters.get("name") ?? "")
        }
        router.get("/health") { _, _ in
            JSONBody.response(Health(ok: true, sessions: await registry.count))
        }
    }

    struct Health: Encodable {
        let ok: Bool
        let sessions: Int
    }
}

import Foundation
import Hummingbird
import SinergiClassroom

/// The JSON API of docs/classroom-api.md: the scenario, the sessions and what a lecturer
/// and students do in them.
///
/// A handler decodes its body strictly (``StrictJSON``), finds the session in the registry,
/// does its work on the session's actor, and writes the reply's JSON (the types of `Wire/`)
/// from the core's domain values there; a failed request changes nothing.
struct APIRoutes: Sendable {
    let state: ServerState

    func add(to router: Router<ClassroomContext>) {
        let state = self.state
        let registry = state.registry

        router.get("/api/scenario") { _, _ in
            JSONBody.response(state.description)
        }

        router.post("/api/sessions") { request, context in
            let settings =
                try await Self.decode(SettingsRequest.self, request, emptyMeans: "{}").settings ?? ClassroomSettings()
            let scenario = state.scenario
            let (id, live) = try await registry.add(owner: context.client) { id throws(ClassroomError) in
                LiveSession(try ClassroomSession(id: id, scenario: scenario, settings: settings))
            }
            let sessionState = await live.with { SessionState($0) }
            return JSONBody.response(
                Created(id: id, lecturerToken: live.lecturerToken, state: sessionState), status: .created)
        }

        router.get("/api/sessions") { _, _ in
            var summaries: [SessionSummary] = []
            for (_, live) in await registry.all() {
                let summary = await live.with { SessionSummary($0) }
                if summary.participation { summaries.append(summary) }
            }
            return JSONBody.response(SessionList(sessions: summaries))
        }

        router.get("/api/sessions/{id}") { request, context in
            let since = try Self.since(request)
            let live = try await Self.session(context, state)
            return JSONBody.response(await live.with { SessionState($0, since: since) })
        }

        router.delete("/api/sessions/{id}") { request, context in
            let id = context.parameters.get("id") ?? ""
            _ = try await Self.lecturerSession(request, context, state)
            guard await registry.remove(id) else { throw Self.noSession(id, state) }
            return Response(status: .noContent)
        }

        router.post("/api/sessions/{id}/setup") { request, context in
            let live = try await Self.lecturerSession(request, context, state)
            let settings = try await Self.decode(SettingsRequest.self, request, emptyMeans: "{}").settings
            return JSONBody.response(
                try await live.with { session throws(ClassroomError) in
                    try session.setup(settings)
                    return SessionState(session)
                })
        }

        router.post("/api/sessions/{id}/step") { request, context in
            let live = try await Self.lecturerSession(request, context, state)
            let months = try await Self.decode(StepRequest.self, request).months
            return JSONBody.response(
                try await live.with { session throws(ClassroomError) in
                    let frames = try session.step(months: months)
                    return StepReply(
                        frames: frames.map(FrameJSON.init), state: SessionState(session, includeFrames: false))
                })
        }

        router.post("/api/sessions/{id}/lever") { request, context in
            let live = try await Self.lecturerSession(request, context, state)
            let lever = try await Self.decode(LeverRequest.self, request)
            return JSONBody.response(
                try await live.with { session throws(ClassroomError) in
                    try session.setLever(lever.lever, on: lever.on, intensity: lever.intensity)
                    return SessionState(session, includeFrames: false)
                })
        }

        router.post("/api/sessions/{id}/futures") { request, context in
            let live = try await Self.lecturerSession(request, context, state)
            let count = try await Self.decode(FuturesRequest.self, request).count
            let futures = try await live.runFutures(
                count: count, slots: state.futuresSlots, client: context.client, runner: state.futuresRunner)
            return JSONBody.response(FuturesJSON(futures))
        }

        // The session's downloads: the scenario it has become, its months and its moves.
        let downloads: [(file: String, type: String, saveAs: String, text: @Sendable (ClassroomSession) -> String)] = [
            ("scenario.yaml", "text/yaml; charset=utf-8", ".yaml", { $0.exportYAML() }),
            ("timeseries.csv", "text/csv; charset=utf-8", "-timeseries.csv", { $0.timeseriesCSV() }),
            ("moves.csv", "text/csv; charset=utf-8", "-moves.csv", { $0.movesCSV() }),
        ]
        for download in downloads {
            router.get("/api/sessions/{id}/\(download.file)") { _, context in
                let live = try await Self.session(context, state)
                let (id, text) = await live.with { ($0.id, download.text($0)) }
                return Self.download(text, type: download.type, filename: "session-\(id)\(download.saveAs)")
            }
        }

        router.get("/api/sessions/{id}/join") { request, context in
            let live = try await Self.session(context, state)
            return JSONBody.response(
                JoinLinks(code: live.id, addresses: state.joinAddresses, port: Self.port(of: request)))
        }

        router.get("/api/sessions/{id}/join.svg") { request, context in
            let live = try await Self.session(context, state)
            let urls = state.joinAddresses.urls(port: Self.port(of: request), code: live.id)
            let link = try Self.link(request, count: urls.count)
            guard let code = try? QRCode(urls[link]) else { throw ErrorReply.internalFailure }
            return Response(
                status: .ok, headers: [.contentType: "image/svg+xml", .cacheControl: "no-cache"],
                body: .init(byteBuffer: ByteBuffer(string: code.svg(title: urls[link]))))
        }

        router.post("/api/sessions/{id}/players") { request, context in
            let join = try await Self.decode(JoinRequest.self, request)
            let live = try await Self.session(context, state)
            let token = try await live.addPlayer(join, client: context.client)
            return JSONBody.response(
                JoinReply(token: token, government: join.government, agency: join.agency), status: .created)
        }

        router.post("/api/sessions/{id}/players/{token}/stance") { request, context in
            let stance = try await Self.decode(StanceRequest.self, request)
            let token = context.parameters.get("token") ?? ""
            let live = try await Self.session(context, state)
            return JSONBody.response(
                try await live.with { session throws(ClassroomError) in
                    try session.setStance(token: token, month: stance.month, stance.stance)
                    return StanceReply(accepted: true)
                })
        }
    }

    struct Created: Encodable {
        let id: String
        /// What the lecturer's requests to this session carry; only this reply shows it.
        let lecturerToken: String
        let state: SessionState
    }

    struct SessionList: Encodable {
        let sessions: [SessionSummary]
    }

    // MARK: Helpers

    /// The body (already read by ``ErrorMiddleware``) decoded strictly as `T`; an empty
    /// body counts as `emptyMeans` when given.
    static func decode<T: Decodable>(_ type: T.Type, _ request: Request, emptyMeans: String? = nil) async throws -> T {
        var buffer = try await request.body.collect(upTo: ServerLimits.maxBodyBytes)
        var data = Data(buffer.readBytes(length: buffer.readableBytes) ?? [])
        if data.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }), let emptyMeans { data = Data(emptyMeans.utf8) }
        return try StrictJSON.decode(type, from: data)
    }

    /// The session of the path's `{id}`, its expiry clock reset.
    static func session(_ context: some RequestContext, _ state: ServerState) async throws -> LiveSession {
        let id = context.parameters.get("id") ?? ""
        guard SessionRegistry<LiveSession>.isWellFormed(id), let live = await state.registry.session(id) else {
            throw noSession(id, state)
        }
        return live
    }

    /// The session of the path's `{id}` when the request carries its lecturer token
    /// (`Authorization: Bearer TOKEN`); a 403 otherwise.
    static func lecturerSession(_ request: Request, _ context: some RequestContext, _ state: ServerState)
        async throws -> LiveSession
    {
        let live = try await session(context, state)
        let authorization = request.headers[.authorization]
        guard live.isLecturer(authorization) else {
            let what = "\(request.method) \(context.endpointPath ?? request.uri.path)"
            let why =
                authorization == nil
                ? "the request has no lecturer token" : "the request's lecturer token is not this session's"
            throw ErrorReply(
                .forbidden, "\(what) is for the lecturer of the session only: \(why)",
                expected:
                    "the header 'Authorization: Bearer TOKEN' with the lecturerToken that POST /api/sessions returned to the lecturer's page; students join with POST /api/sessions/{id}/players and send their stance",
                code: .lecturerOnly)
        }
        return live
    }

    static func noSession(_ id: String, _ state: ServerState) -> ErrorReply {
        let shown = id.count > 12 ? String(id.prefix(12)) + "…" : id
        return ErrorReply(
            .notFound,
            "no session '\(shown)': it never existed, was deleted, or expired after \(state.ttlText) without a request",
            expected:
                "the ten-character id of a live session, the join code on the lecturer's page (POST /api/sessions starts one)",
            code: .noSession, parameters: ["session": shown])
    }

    /// A file to save: `text` with its type and the name a browser saves it under.
    static func download(_ text: String, type: String, filename: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(filename)\""],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The port the request was sent to, from its `Host` (80 when it names none): the port
    /// students' join links use.
    static func port(of request: Request) -> Int {
        request.head.authority.flatMap { ServedAddresses.split(authority: Substring($0))?.port } ?? 80
    }

    /// The `link` query parameter of join.svg: an index into the join links, 0 when absent.
    static func link(_ request: Request, count: Int) throws -> Int {
        guard let text = request.uri.queryParameters["link"] else { return 0 }
        guard let index = Int(text), (0..<count).contains(index) else {
            throw ErrorReply(
                .badRequest, "query parameter 'link' must be an integer in [0, \(count - 1)], got '\(text.prefix(20))'",
                expected:
                    "GET /api/sessions/{id}/join.svg?link=N with N the index of a link in the 'urls' of GET /api/sessions/{id}/join, or no 'link' for the first"
            )
        }
        return index
    }

    /// The `since` query parameter: a month ≥ 0, or nil when absent.
    static func since(_ request: Request) throws -> Int? {
        guard let text = request.uri.queryParameters["since"] else { return nil }
        guard let month = Int(text), month >= 0 else {
            throw ErrorReply(
                .badRequest, "query parameter 'since' must be a month ≥ 0, got '\(text.prefix(20))'",
                expected: "GET /api/sessions/{id}?since=12 (the frames after month 12), or no 'since' for all frames")
        }
        return month
    }
}

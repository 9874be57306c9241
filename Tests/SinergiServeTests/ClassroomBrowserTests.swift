import Foundation
import SinergiModel
import SinergiScenario
import SinergiStats
import Testing

/// The classroom page in a real browser: headless Chromium driven through chromedriver
/// against a server running in this process. It fails (it does not skip) when Chromium or
/// chromedriver are missing; `make test` installs both.
@Suite(.serialized)
struct ClassroomBrowserTests {
    /// Month-0 snapshot of what the page draws, to tell that the charts and network move.
    static let snapshot = """
        const d = (c, sel) => { const p = document.querySelector(`svg[data-chart=${c}] ${sel}`); return p ? p.getAttribute('d') : null; };
        return JSON.stringify({
          spbe: d('spbe', 'path.run'), trust: d('trust', 'path.trust'), progress: d('progress', 'path.initiative'),
          adoption: d('adoption', 'path.run'),
          spbePoints: +document.querySelector('svg[data-chart=spbe] path.run').dataset.points,
          nodes: [...document.querySelectorAll('#network circle.node')].map(c => c.getAttribute('r') + ' ' + c.getAttribute('fill')).join('|'),
          nodeCount: document.querySelectorAll('#network [data-agency] circle.node').length,
          month: +document.getElementById('month').dataset.month,
          value: document.getElementById('spbe-value').dataset.value });
        """

    /// Page state for timeout messages.
    static let describeLecturer = """
        return 'month ' + document.getElementById('month').dataset.month + ', go ' + document.getElementById('go').dataset.state
          + ', messages: ' + [...document.querySelectorAll('#messages .message')].map(m => m.textContent).join(' / ');
        """
    static let describeStudent = """
        return 'status: ' + document.getElementById('status').textContent + ' (month ' + document.getElementById('status').dataset.month
          + '); messages: ' + [...document.querySelectorAll('#messages .message')].map(m => m.textContent).join(' / ');
        """

    @Test(
        "Lecturer runs 24 months, 200 futures and two students play in real browsers",
        .timeLimit(.minutes(10)))
    func lecturerAndStudents() async throws {
        let started = Date()
        try await LiveServer.with { server in
            let driver = try await ChromeDriverProcess.start()
            var browsers: [BrowserSession] = []
            do {
                try await run(server: server, driver: driver, browsers: &browsers)
            } catch {
                for browser in browsers { await browser.delete() }
                driver.stop()
                throw error
            }
            for browser in browsers { await browser.delete() }
            driver.stop()
        }
        print("ClassroomBrowserTests: \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }

    private func run(server: LiveServer, driver: ChromeDriverProcess, browsers: inout [BrowserSession]) async throws {
        let shots = try Screenshots()
        let lecturer = try await driver.newSession()
        browsers.append(lecturer)

        // 1. The lecturer's page loads, creates a session and draws month 0.
        try await lecturer.navigate(server.baseURL)
        try await lecturer.wait(
            "the lecturer page to create a session and draw month 0", timeout: 60,
            until: """
                return document.body.dataset.ready === 'true' && document.getElementById('spbe-value').dataset.value !== ''
                  && document.querySelectorAll('#network circle.node').length > 0
                """, describe: Self.describeLecturer)
        let sessionID = try #require(
            try await lecturer.string("return document.getElementById('session-id').textContent"))
        #expect(sessionID.count == 10)
        #expect(try await lecturer.string("return location.hash") == "#" + sessionID)
        let constructs = try await lecturer.number("return document.querySelectorAll('input[data-construct]').length")
        #expect(constructs == 9, "nine construct sliders")
        let levers = try await lecturer.number(
            "return document.querySelectorAll('input[type=checkbox][data-lever]').length")
        #expect(levers == 14, "fourteen lever switches")
        let notes =
            try await lecturer.string(
                """
                document.querySelector('[data-lever-row=training] .why').click();
                return document.getElementById('note-text').textContent + ' | ' + document.getElementById('note-source').textContent
                """) ?? ""
        #expect(!notes.hasPrefix("No lecture note"), "the training lever has a lecture note: \(notes)")

        // 2. Champion to 0.8 at month 0: Setup runs again at once.
        try await lecturer.execute(
            """
            const input = document.querySelector('input[data-construct=champion]');
            input.value = 0.8;
            input.dispatchEvent(new Event('input', {bubbles: true}));
            input.dispatchEvent(new Event('change', {bubbles: true}));
            """)
        try await lecturer.wait(
            "Setup to rerun after the champion slider moved", timeout: 60,
            until: "return Number(document.body.dataset.setups || 0) >= 1", describe: Self.describeLecturer)
        let before = try snapshot(try await lecturer.string(Self.snapshot))
        #expect(before.month == 0 && before.spbePoints == 1)
        #expect(before.nodeCount == 7, "one node per agency of Kota Contoh")

        // Training on from month 0 (a lever at month 0 is a setting).
        try await lecturer.click("input[data-lever=training]")

        // 3. Go at full speed; a watcher switches legacy migration on when month 12 is drawn
        //    and presses Pause the moment month 24 is drawn.
        try await lecturer.execute(
            """
            const speed = document.getElementById('speed');
            speed.value = 24; speed.dispatchEvent(new Event('input', {bubbles: true}));
            const month = document.getElementById('month'), go = document.getElementById('go');
            new MutationObserver(() => {
              if (month.dataset.month === '12') {
                const lever = document.querySelector('input[data-lever=legacy_migration]');
                if (!lever.checked) lever.click();
              }
              if (month.dataset.month === '24' && go.dataset.state === 'running') go.click();
            }).observe(month, {attributes: true, attributeFilter: ['data-month']});
            go.click();
            """)
        try await lecturer.wait(
            "Go to reach month 24 and pause", timeout: 120, interval: 0.25,
            until: """
                return document.getElementById('month').dataset.month === '24' && document.getElementById('go').dataset.state === 'paused'
                """, describe: Self.describeLecturer)
        let after = try snapshot(try await lecturer.string(Self.snapshot))
        #expect(after.month == 24)
        #expect(after.spbePoints == 25, "the SPBE chart has one point per month 0 … 24")
        #expect(after.spbe != before.spbe)
        #expect(after.trust != before.trust)
        #expect(after.progress != before.progress)
        #expect(after.adoption != before.adoption)
        #expect(after.nodes != before.nodes, "node colours or sizes change between month 0 and 24")
        let frames = try await lecturer.number("return Number(document.body.dataset.frames)") ?? 0
        #expect(frames >= 25, "the page drew every month")

        // 4. The value on the page is the engine's: replay the exported scenario.
        let client = PlainHTTP(base: server.baseURL)
        let state = try await client.json("api/sessions/\(sessionID)")
        let settings = state["settings"] as? [String: Any]
        let champion = (settings?["constructs"] as? [String: Any])?["champion"] as? Double
        #expect(champion == 0.8, "the session's settings hold the moved slider: \(String(describing: settings))")
        let schedule = (state["schedule"] as? [[String: Any]] ?? []).map {
            "\($0["lever"] ?? "?")@\($0["start"] ?? "?")"
        }
        #expect(
            schedule.contains("training@0") && schedule.contains("legacy_migration@12"),
            "the levers switched on at month 0 and month 12 are in the schedule: \(schedule)")
        let yaml = try await client.text("api/sessions/\(sessionID)/scenario.yaml")
        let engine = try engineSPBE(yaml: yaml, month: 24)
        let shown = try #require(Double(after.value), "#spbe-value data-value is a number: \(after.value)")
        #expect(abs(shown - engine) <= 1e-9, "page shows \(shown), the engine gives \(engine) at month 24")

        // 5. 200 futures: bands on the charts, the histogram and the predicate shares.
        try await lecturer.click("#futures")
        try await lecturer.wait(
            "the futures histogram", timeout: 180, interval: 0.5,
            until: """
                return !document.getElementById('histogram-box').hidden
                  && document.querySelectorAll('svg[data-chart=histogram] rect.bar').length > 0
                """, describe: Self.describeLecturer)
        let fans =
            try await lecturer.number(
                "return document.querySelectorAll('svg[data-chart=spbe] path.fan, svg[data-chart=adoption] path.fan').length"
            ) ?? 0
        #expect(fans >= 2, "futures bands on the SPBE and adoption charts")
        let bars = try await lecturer.number(
            """
            return [...document.querySelectorAll('svg[data-chart=histogram] rect.bar')].reduce((s, b) => s + Number(b.dataset.count), 0)
            """)
        #expect(bars == 200, "the histogram counts 200 futures")
        let shares = try await lecturer.string("return document.getElementById('futures-text').textContent") ?? ""
        #expect(shares.contains("of 200 futures"), "predicate shares as text: \(shares)")
        try shots.save("classroom-lecturer.png", try await lecturer.fullPageScreenshot())
        try await lecturer.setWindow(width: 1400, height: 1000)

        // 6. Participation: two students join on two agencies and submit a stance.
        try await lecturer.click("#participation")
        if try await lecturer.execute("return !document.getElementById('pending').hidden") as? Bool == true {
            try await lecturer.click("#setup")  // participation is a setting: it applies with Setup
        }
        try await lecturer.wait(
            "the join card with the session code", timeout: 60,
            until: """
                return !document.getElementById('join-card').hidden && document.getElementById('join-code').textContent.length === 10
                """, describe: Self.describeLecturer)
        // The join link's QR code is drawn, and a server on loopback says students elsewhere cannot join.
        try await lecturer.wait(
            "the QR code of the join link", timeout: 60,
            until: """
                const img = document.querySelector('#join-qrs img');
                return !!img && img.complete && img.naturalWidth > 0 && !document.getElementById('join-loopback').hidden
                """, describe: Self.describeLecturer)
        #expect(
            try await lecturer.string("return document.getElementById('join-url').textContent")
                == "http://127.0.0.1:\(server.port)/join")
        #expect(
            try await lecturer.string("return document.querySelector('#join-qrs img').getAttribute('src')")
                == "/api/sessions/\(sessionID)/join.svg?link=0")
        #expect(
            try await lecturer.string("return document.getElementById('download-moves').getAttribute('href')")
                == "/api/sessions/\(sessionID)/moves.csv")
        let month = Int(
            try await lecturer.number("return Number(document.getElementById('month').dataset.month)") ?? -1)
        let joinURL = server.baseURL.appendingPathComponent("join")
        let students = [
            (name: "Ani", agency: 0, share: true, training: true, budget: false),
            (name: "Budi", agency: 2, share: false, training: false, budget: true),
        ]
        var pages: [BrowserSession] = []
        for student in students {
            let page = try await driver.newSession(width: 480, height: 900)
            browsers.append(page)
            pages.append(page)
            try await page.navigate(URL(string: joinURL.absoluteString + "?code=\(sessionID)")!)
            try await page.wait(
                "the join form", timeout: 60,
                until: """
                    return document.body.dataset.ready === 'true' && document.getElementById('agency').options.length > 0
                    """)
            #expect(try await page.string("return document.getElementById('session-code').value") == sessionID)
            try await page.execute(
                """
                const agency = document.getElementById('agency');
                agency.value = String(arguments[0]); agency.dispatchEvent(new Event('change', {bubbles: true}));
                """, [student.agency])
            try await page.type(student.name, into: "#name")
            try await page.click("#join")
            try await page.wait(
                "\(student.name) to join and see month \(month)", timeout: 60,
                until: """
                    return !document.getElementById('play-view').hidden && document.getElementById('status').dataset.month === '\(month)'
                    """, describe: Self.describeStudent)
            try await page.click(student.share ? "#share" : "#guard")
            if student.training { try await page.click("#training") }
            if student.budget { try await page.click("#budget") }
            try await page.click("#submit")
            try await page.wait(
                "\(student.name)'s stance to be accepted", timeout: 60,
                until: "return document.getElementById('status').dataset.submitted === 'true'",
                describe: Self.describeStudent)
        }
        try shots.save("classroom-student.png", try await pages[0].fullPageScreenshot(width: 480))

        try await lecturer.wait(
            "the lecturer's table to show both players' stances", timeout: 60,
            until: """
                const rows = document.querySelectorAll('#players tbody tr[data-agency]');
                return rows.length === 2 && document.querySelectorAll('#players td.now [data-submitted=true]').length === 2
                """, describe: Self.describeLecturer)
        let table = try await lecturer.string("return document.getElementById('players').textContent") ?? ""
        #expect(
            table.contains("Ani") && table.contains("Budi") && table.contains("Diskominfo") && table.contains("BPKAD"))
        let labels =
            try await lecturer.string(
                "return [...document.querySelectorAll('#network text.players')].map(t => t.textContent).join(',')")
            ?? ""
        #expect(labels.contains("Ani") && labels.contains("Budi"), "the network marks the played agencies: \(labels)")
        try await lecturer.execute("document.getElementById('network').closest('section').scrollIntoView()")
        try await Task.sleep(nanoseconds: 300_000_000)
        try shots.save("classroom-participation.png", try await lecturer.screenshot())

        // 7. The lecturer steps: both students see the next month, the choices were applied.
        try await lecturer.click("#step")
        for (page, student) in zip(pages, students) {
            try await page.wait(
                "\(student.name) to see month \(month + 1)", timeout: 60,
                until: "return document.getElementById('status').dataset.month === '\(month + 1)'",
                describe: Self.describeStudent)
            #expect(
                try await page.execute(
                    "return document.getElementById('share').checked || document.getElementById('guard').checked")
                    as? Bool == false,
                "the choices reset for the new month")
        }
        try await lecturer.wait(
            "the choices of month \(month) in the lecturer's table", timeout: 60,
            until: """
                return document.querySelectorAll('#players td.past [data-month="\(month)"]').length === 2
                """, describe: Self.describeLecturer)
        let applied =
            try await lecturer.string(
                """
                return [...document.querySelectorAll('#players tbody tr[data-agency]')].map(r => r.dataset.agency + ':' +
                  r.querySelector('td.past [data-month]').textContent).join(' / ')
                """) ?? ""
        #expect(applied.contains("0:month \(month): sharetrainingno budget"), "Ani's stance applied: \(applied)")
        #expect(applied.contains("2:month \(month): guardno trainingbudget"), "Budi's stance applied: \(applied)")
        let choices = (try await client.json("api/sessions/\(sessionID)"))["choices"] as? [[String: Any]] ?? []
        #expect(choices.filter { $0["month"] as? Int == month }.count == 2, "the server recorded both choices")

        // 8. A reload reconnects to the same session through the id in location.hash.
        try await lecturer.execute("location.reload()")
        try await lecturer.wait(
            "the reloaded page to reconnect to session \(sessionID) at month \(month + 1)", timeout: 60,
            until: """
                return document.body.dataset.ready === 'true' && document.getElementById('session-id').textContent === '\(sessionID)'
                  && document.getElementById('month').dataset.month === '\(month + 1)'
                  && document.querySelectorAll('#players tbody tr[data-agency]').length === 2
                """, describe: Self.describeLecturer)
        // 8b. The same address in another browser does not take the session over: without
        //     the lecturer token it starts a session of its own.
        let other = pages[1]
        try await other.navigate(URL(string: server.baseURL.absoluteString + "#\(sessionID)")!)
        try await other.wait(
            "another browser on /#\(sessionID) to start its own session", timeout: 60,
            until: """
                const id = document.getElementById('session-id').textContent;
                return document.body.dataset.ready === 'true' && id.length === 10 && id !== '\(sessionID)'
                """, describe: Self.describeLecturer)

        // 9. A page of another origin (localhost is not 127.0.0.1 to the browser) cannot
        //    create, step or end a session: the browser sends its origin, the server refuses.
        let foreign = pages[0]
        try await foreign.navigate(URL(string: "http://localhost:\(server.port)/join")!)
        let target = "http://127.0.0.1:\(server.port)/api/sessions"
        let statuses =
            try await foreign.string(
                """
                const send = (method, path, body, type) => fetch('\(target)' + path, {method, body, mode: 'no-cors',
                  headers: type ? {'Content-Type': type} : {}}).then(r => 'sent', e => 'blocked');
                return Promise.all([send('POST', '', '{}', 'text/plain'), send('POST', '/\(sessionID)/step', '{"months": 1}', 'text/plain'),
                  send('DELETE', '/\(sessionID)'), send('POST', '', '{}', 'application/json')]).then(s => s.join(' '));
                """) ?? ""
        #expect(!statuses.isEmpty, "the foreign page sent its requests")
        let health = try await client.json("health")
        #expect(health["sessions"] as? Int == 2, "no session was created by the foreign page: \(statuses)")
        let unchanged = try await client.json("api/sessions/\(sessionID)")
        #expect(unchanged["month"] as? Int == month + 1, "the foreign page changed nothing: \(statuses)")
        print("Screenshots: \(shots.folders.map(\.path).joined(separator: ", "))")
    }

    /// Row `month` of the `spbe` series of one replicate of `yaml`, seeded like `sinergi run`.
    private func engineSPBE(yaml: String, month: Int) throws -> Double {
        let scenario = try ScenarioLoader.parse(text: yaml, path: "session.yaml")
        let simulator = Simulator(input: scenario.input)
        var record = simulator.makeRecord()
        try simulator.run(
            replicateSeed: SeedDerivation.replicateSeed(master: scenario.seed, designPoint: 0, replicate: 0),
            into: &record)
        let layout = simulator.layout
        return record.series[layout.offsets[0] + month * layout.widths[0] + SeriesMetric.spbe.rawValue]
    }

    private struct Snapshot: Decodable {
        var spbe: String?, trust: String?, progress: String?, adoption: String?
        var spbePoints: Int, nodes: String, nodeCount: Int, month: Int, value: String
    }

    private func snapshot(_ json: String?) throws -> Snapshot {
        let text = try #require(json, "the page answered the snapshot script")
        return try JSONDecoder().decode(Snapshot.self, from: Data(text.utf8))
    }
}

/// Where the screenshots go: a fresh temporary folder, and SINERGI_SCREENSHOTS when set.
private struct Screenshots {
    let folders: [URL]

    init() throws {
        var folders = [
            FileManager.default.temporaryDirectory
                .appendingPathComponent("sinergi-classroom-screenshots-\(UUID().uuidString.prefix(8))")
        ]
        if let extra = ProcessInfo.processInfo.environment["SINERGI_SCREENSHOTS"], !extra.isEmpty {
            folders.append(URL(fileURLWithPath: extra))
        }
        for folder in folders { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        self.folders = folders
    }

    func save(_ name: String, _ png: Data) throws {
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(name) is a PNG")
        for folder in folders { try png.write(to: folder.appendingPathComponent(name)) }
    }
}

/// GETs against the test server, for what the test checks behind the page's back.
private struct PlainHTTP {
    let base: URL

    func data(_ path: String) async throws -> Data {
        let reply = try await RawHTTP.perform("GET", base.appendingPathComponent(path), timeout: 30)
        guard reply.status == 200 else {
            throw WebDriver.Failure.failed(
                "GET /\(path) answered \(reply.status): \(String(decoding: reply.body.prefix(300), as: UTF8.self))")
        }
        return reply.body
    }

    func text(_ path: String) async throws -> String { String(decoding: try await data(path), as: UTF8.self) }

    func json(_ path: String) async throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: try await data(path)) as? [String: Any] ?? [:]
    }
}

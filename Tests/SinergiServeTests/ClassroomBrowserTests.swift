import Foundation
import SinergiModel
import SinergiScenario
import SinergiStats
import Testing

/// The classroom page in real browsers: Tests/Browser/classroom.py drives headless Chromium
/// with Selenium (from .venv-notebooks, which `make test` builds) through Debian's
/// chromedriver, against a server running in this process. The script checks what the pages
/// show and prints what the server recorded along the way; this test checks that record
/// against the engine. It fails (it does not skip) when Python, Selenium, Chromium or
/// chromedriver are missing.
@Suite(.serialized)
struct ClassroomBrowserTests {
    /// What the script read from the server, besides the pages.
    private struct Recorded: Decodable {
        struct State: Decodable {
            struct Entry: Decodable { var lever: String, start: Int }
            struct Settings: Decodable { var constructs: [String: Double] }
            struct Choice: Decodable { var month: Int }
            var month: Int
            var schedule: [Entry]
            var settings: Settings
            var choices: [Choice]?
        }
        struct Health: Decodable { var sessions: Int }
        var session: String
        var shownAt24: String
        var stateAt24: State
        var scenarioAt24: String
        var participationMonth: Int
        var stateAfterStep: State
        var foreignRequests: String
        var healthAfterForeign: Health
        var stateAfterForeign: State
    }

    @Test(
        "Lecturer runs 24 months, 200 futures and two students play in real browsers",
        .timeLimit(.minutes(10)))
    func lecturerAndStudents() async throws {
        var screenshots = [
            FileManager.default.temporaryDirectory
                .appendingPathComponent("sinergi-classroom-screenshots-\(UUID().uuidString.prefix(8))").path
        ]
        if let extra = ProcessInfo.processInfo.environment["SINERGI_SCREENSHOTS"], !extra.isEmpty {
            screenshots.append(extra)
        }
        let record = try await LiveServer.with { server in
            try await BrowserScript.run("classroom.py", server: server, screenshots.flatMap { ["--screenshots", $0] })
        }
        let recorded = try JSONDecoder().decode(Recorded.self, from: record)

        // At month 24 the page showed the engine's value: replay the exported scenario.
        #expect(recorded.stateAt24.month == 24)
        #expect(
            recorded.stateAt24.settings.constructs["champion"] == 0.8,
            "the session's settings hold the moved slider: \(recorded.stateAt24.settings.constructs)")
        let schedule = recorded.stateAt24.schedule.map { "\($0.lever)@\($0.start)" }
        #expect(
            schedule.contains("training@0") && schedule.contains("legacy_migration@12"),
            "the levers switched on at month 0 and month 12 are in the schedule: \(schedule)")
        let engine = try engineSPBE(yaml: recorded.scenarioAt24, month: 24)
        let shown = try #require(Double(recorded.shownAt24), "#spbe-value data-value is a number")
        #expect(abs(shown - engine) <= 1e-9, "page shows \(shown), the engine gives \(engine) at month 24")

        // The server recorded both students' choices of the participation month.
        let month = recorded.participationMonth
        #expect(recorded.stateAfterStep.month == month + 1)
        let choices = (recorded.stateAfterStep.choices ?? []).filter { $0.month == month }
        #expect(choices.count == 2, "the server recorded both choices of month \(month)")

        // The foreign page created nothing and changed nothing.
        #expect(
            recorded.healthAfterForeign.sessions == 2,
            "no session was created by the foreign page: \(recorded.foreignRequests)")
        #expect(
            recorded.stateAfterForeign.month == month + 1,
            "the foreign page changed nothing: \(recorded.foreignRequests)")
        print("Screenshots: \(screenshots.joined(separator: ", "))")
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
}

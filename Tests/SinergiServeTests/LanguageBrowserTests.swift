import Foundation
import SinergiClassroom
import SinergiModel
import Testing

/// Both pages in a real browser whose language is Indonesian: they speak Bahasa Indonesia,
/// the EN | ID switch turns them to English, and the choice outlasts a reload and carries
/// from one page to the other. Fails (does not skip) without Chromium and chromedriver.
@Suite(.serialized)
struct LanguageBrowserTests {
    /// A browser that prefers Indonesian, as a lecturer's laptop set up in Indonesian does.
    static func indonesianBrowser(_ driver: ChromeDriverProcess) async throws -> BrowserSession {
        let chromium = try #require(WebDriver.executable(["chromium", "chromium-browser"]), "Chromium is installed")
        let capabilities: [String: Any] = [
            "browserName": "chrome",
            "goog:chromeOptions": [
                "binary": chromium.path,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                    "--window-size=1400,1000", "--lang=id-ID",
                ],
                "prefs": ["intl.accept_languages": "id-ID,id"],
            ] as [String: Any],
        ]
        let value = try await WebDriver.request(
            "POST", driver.base.appendingPathComponent("session"), ["capabilities": ["alwaysMatch": capabilities]],
            timeout: 90)
        let id = try #require((value as? [String: Any])?["sessionId"] as? String, "chromedriver opened a browser")
        return BrowserSession(url: driver.base.appendingPathComponent("session").appendingPathComponent(id))
    }

    static let ready = "return document.body.dataset.ready === 'true'"
    static func text(_ id: String) -> String { "return document.getElementById('\(id)').textContent.trim()" }
    static let language = "return document.documentElement.lang"

    @Test(
        "An Indonesian browser gets both pages in Indonesian, the switch turns them to English", .timeLimit(.minutes(3))
    )
    func indonesianThenEnglish() async throws {
        try await LiveServer.with { server in
            let driver = try await ChromeDriverProcess.start()
            var browser: BrowserSession?
            do {
                let page = try await Self.indonesianBrowser(driver)
                browser = page
                try await check(page, server: server)
            } catch {
                await browser?.delete()
                driver.stop()
                throw error
            }
            await browser?.delete()
            driver.stop()
        }
    }

    private func check(_ page: BrowserSession, server: LiveServer) async throws {
        let training = LeverInfo.of(.training)
        let lecturer = server.baseURL, join = server.baseURL.appendingPathComponent("join")

        // 1. The lecturer's page in Indonesian: labels, a lever from the server, <html lang>.
        try await page.navigate(lecturer)
        try await page.wait("the lecturer page to start", timeout: 60, until: Self.ready)
        #expect(try await page.string("return navigator.languages[0]")?.hasPrefix("id") == true)
        #expect(try await page.string(Self.language) == "id")
        #expect(try await page.string(Self.text("run-title")) == "Simulasi")
        #expect(try await page.string(Self.text("setup")) == "Siapkan")
        #expect(try await page.string(Self.text("levers-title"))?.hasPrefix("Tuas kebijakan") == true)
        #expect(
            try await page.string("return document.querySelector('label[for=lever-training]').textContent")
                == training.indonesian.label)
        #expect(
            try await page.string(Self.text("predicate")).map(SPBEPredicate.allCases.map(\.name).contains) == true,
            "predicates stay as Indonesians write them")
        let session = try #require(try await page.string(Self.text("session-id")))
        // Indonesian writes a decimal comma: 1,542 is the index, 1.542 would read as 1542.
        let index = try #require(
            try await page.number("return Number(document.getElementById('spbe-value').dataset.value)"))
        let shown = String(format: "%.3f", index)
        #expect(try await page.string(Self.text("spbe-value")) == shown.replacingOccurrences(of: ".", with: ","))

        // 2. The switch turns it to English at once, the lever included.
        try await page.click("[data-language=en]")
        #expect(try await page.string(Self.language) == "en")
        #expect(try await page.string(Self.text("run-title")) == "Run")
        #expect(try await page.string(Self.text("setup")) == "Setup")
        #expect(
            try await page.string("return document.querySelector('label[for=lever-training]').textContent")
                == training.label)
        #expect(try await page.string(Self.text("spbe-value")) == shown)

        // 3. The join page remembers English; its switch turns it to Indonesian.
        try await page.navigate(join)
        try await page.wait("the join page to start", timeout: 30, until: Self.ready)
        #expect(try await page.string(Self.language) == "en")
        #expect(try await page.string(Self.text("heading")) == "Join the class")
        try await page.click("[data-language=id]")
        #expect(try await page.string(Self.text("heading")) == "Bergabung ke kelas")
        #expect(try await page.string("return document.querySelector('label[for=agency]').textContent") == "OPD Anda")

        // 4. Indonesian outlasts a reload, and a refusal of the server reads in Indonesian:
        //    the lecturer's session was set up without participation.
        try await page.navigate(join)
        try await page.wait("the join page to start again", timeout: 30, until: Self.ready)
        #expect(try await page.string(Self.language) == "id")
        #expect(try await page.string(Self.text("join")) == "Bergabung")
        try await page.type(session, into: "#session-code")
        try await page.type("Ani", into: "#name")
        try await page.click("#join")
        try await page.wait(
            "the refusal of a session without participation", timeout: 30,
            until: "return document.querySelectorAll('#messages .message').length > 0")
        let refusal =
            try await page.string("return document.querySelector('#messages .message .text').textContent") ?? ""
        #expect(refusal == "Sesi \(session) tidak menerima pemain: partisipasi tidak diaktifkan.", "\(refusal)")

        // 5. Back on the lecturer's page the choice holds.
        try await page.navigate(lecturer)
        try await page.wait("the lecturer page to start again", timeout: 60, until: Self.ready)
        #expect(try await page.string(Self.text("run-title")) == "Simulasi")
    }
}

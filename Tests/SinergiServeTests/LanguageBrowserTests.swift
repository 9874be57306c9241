import Foundation
import SinergiClassroom
import SinergiModel
import Testing

/// Both pages in a real browser whose language is Indonesian: they speak Bahasa Indonesia,
/// the EN | ID switch turns them to English, and the choice outlasts a reload and carries
/// from one page to the other. Tests/Browser/language.py drives the browser and reads the
/// pages; this test checks what it read. Fails (does not skip) without Python, Selenium,
/// Chromium or chromedriver.
@Suite(.serialized)
struct LanguageBrowserTests {
    @Test(
        "An Indonesian browser gets both pages in Indonesian, the switch turns them to English", .timeLimit(.minutes(3))
    )
    func indonesianThenEnglish() async throws {
        let record = try await LiveServer.with { server in try await BrowserScript.run("language.py", server: server) }
        let steps = try #require(try JSONSerialization.jsonObject(with: record) as? [String: [String: Any]])
        func seen(_ step: String, _ key: String) -> String? { steps[step]?[key] as? String }
        let training = LeverInfo.of(.training)

        // 1. The lecturer's page in Indonesian: labels, a lever from the server, <html lang>.
        #expect(seen("lecturer", "navigatorLanguage")?.hasPrefix("id") == true)
        #expect(seen("lecturer", "lang") == "id")
        #expect(seen("lecturer", "run-title") == "Simulasi")
        #expect(seen("lecturer", "setup") == "Siapkan")
        #expect(seen("lecturer", "levers-title")?.hasPrefix("Tuas kebijakan") == true)
        #expect(seen("lecturer", "training") == training.indonesian.label)
        #expect(
            seen("lecturer", "predicate").map(SPBEPredicate.allCases.map(\.name).contains) == true,
            "predicates stay as Indonesians write them")
        let session = try #require(seen("lecturer", "session-id"))
        #expect(session.count == 10)
        // Indonesian writes a decimal comma: 1,542 is the index, 1.542 would read as 1542.
        let index = try #require(steps["lecturer"]?["index"] as? Double)
        let shown = String(format: "%.3f", index)
        #expect(seen("lecturer", "spbe-value") == shown.replacingOccurrences(of: ".", with: ","))

        // 2. The switch turns it to English at once, the lever included.
        #expect(seen("lecturerEnglish", "lang") == "en")
        #expect(seen("lecturerEnglish", "run-title") == "Run")
        #expect(seen("lecturerEnglish", "setup") == "Setup")
        #expect(seen("lecturerEnglish", "training") == training.label)
        #expect(seen("lecturerEnglish", "spbe-value") == shown)

        // 3. The join page remembers English; its switch turns it to Indonesian.
        #expect(seen("joinEnglish", "lang") == "en")
        #expect(seen("joinEnglish", "heading") == "Join the class")
        #expect(seen("joinIndonesian", "heading") == "Bergabung ke kelas")
        #expect(seen("joinIndonesian", "agency") == "OPD Anda")

        // 4. Indonesian outlasts a reload, and a refusal of the server reads in Indonesian:
        //    the lecturer's session was set up without participation.
        #expect(seen("joinReloaded", "lang") == "id")
        #expect(seen("joinReloaded", "join") == "Bergabung")
        let refusal = seen("refusal", "message") ?? ""
        #expect(refusal == "Sesi \(session) tidak menerima pemain: partisipasi tidak diaktifkan.", "\(refusal)")

        // 5. Back on the lecturer's page the choice holds.
        #expect(seen("lecturerAgain", "run-title") == "Simulasi")
    }
}

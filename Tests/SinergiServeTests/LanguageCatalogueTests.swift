import Foundation
import SinergiClassroom
import SinergiModel
import Testing

@testable import SinergiServe

/// The pages' two catalogues (Assets/i18n.js), read from the assets the server hands out:
/// the same keys in English and Indonesian, every key the pages use present in both, and
/// every error code the server can send translated.
@Suite struct LanguageCatalogueTests {
    static let assets = AssetCatalogue.embedded()

    static func text(_ name: String) throws -> String {
        let asset = try #require(assets[name], "the server serves \(name)")
        return String(buffer: asset.bytes)
    }

    /// The JSON between the marker comments of i18n.js: language → key → sentence.
    static func catalogues() throws -> [String: [String: String]] {
        let source = try text("i18n.js")
        let begin = try #require(source.range(of: "/* catalogues begin */"), "i18n.js marks where its catalogues begin")
        let end = try #require(source.range(of: "/* catalogues end */"), "i18n.js marks where its catalogues end")
        let json = Data(source[begin.upperBound..<end.lowerBound].utf8)
        let object = try JSONSerialization.jsonObject(with: json)
        return try #require(object as? [String: [String: String]], "the catalogues are language → key → string")
    }

    /// Every match of `pattern`'s first capture group in `text`.
    static func captures(_ pattern: String, in text: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// The {name} placeholders of a sentence.
    static func placeholders(_ sentence: String) throws -> Set<String> {
        Set(try captures(#"\{(\w+)\}"#, in: sentence))
    }

    @Test func englishAndIndonesianHaveTheSameKeysAndPlaceholders() throws {
        let catalogues = try Self.catalogues()
        #expect(Set(catalogues.keys) == ["en", "id"])
        let en = try #require(catalogues["en"]), id = try #require(catalogues["id"])
        for key in Set(en.keys).subtracting(id.keys).sorted() { Issue.record("key '\(key)' is in en but not in id") }
        for key in Set(id.keys).subtracting(en.keys).sorted() { Issue.record("key '\(key)' is in id but not in en") }
        for key in Set(en.keys).intersection(id.keys).sorted() {
            let english = try Self.placeholders(en[key]!), indonesian = try Self.placeholders(id[key]!)
            #expect(english == indonesian, "'\(key)' names \(english.sorted()) in en but \(indonesian.sorted()) in id")
            #expect(!id[key]!.isEmpty, "'\(key)' is empty in id")
        }
    }

    @Test func everyKeyThePagesUseIsInBothCatalogues() throws {
        let catalogues = try Self.catalogues()
        var used: [String: String] = [:]  // key → file that uses it
        for page in ["index.html", "join.html"] {
            for key in try Self.captures(#"data-i18n(?:-[a-z-]+)?="([^"]+)""#, in: try Self.text(page)) {
                used[key] = page
            }
        }
        for script in ["app.js", "join.js", "network.js", "charts.js", "i18n.js"] {
            let source = try Self.text(script)
            for key in try Self.captures(#"\bt\(\s*"([^"]+)""#, in: source) { used[key] = script }
            // Attributes written by the scripts into markup they build.
            for key in try Self.captures(#"data-i18n(?:-[a-z-]+)?="([^"$]+)""#, in: source) { used[key] = script }
        }
        #expect(used.count > 150, "the pages use their catalogue: \(used.count) keys found")
        for (key, file) in used.sorted(by: { $0.key < $1.key }) {
            for language in ["en", "id"] where catalogues[language]?[key] == nil {
                Issue.record("key '\(key)' used in \(file) is missing from the \(language) catalogue")
            }
        }
    }

    @Test func everyLabelOfThePagesIsTranslatable() throws {
        // A label without a data-i18n attribute would stay English: every element whose own
        // text has letters carries one (the language switch's EN and ID excepted), and no text
        // with letters follows a closing tag. The markup inside a data-i18n-html element is
        // the catalogue's, so it is left out.
        for page in ["index.html", "join.html"] {
            let whole = try Self.text(page).replacingOccurrences(of: "&nbsp;", with: " ")
            let inner = try NSRegularExpression(
                pattern: #"(data-i18n-html="[^"]+"[^>]*>).*?</p>"#, options: [.dotMatchesLineSeparators])
            let body = inner.stringByReplacingMatches(
                in: whole, range: NSRange(whole.startIndex..., in: whole), withTemplate: "$1</p>")
            let opening = try NSRegularExpression(pattern: #"<([a-z0-9]+)((?:\s[^>]*)?)>([^<]*[A-Za-z]{2}[^<]*)<"#)
            var checked = 0
            for match in opening.matches(in: body, range: NSRange(body.startIndex..., in: body)) {
                let tag = String(body[Range(match.range(at: 1), in: body)!])
                let attributes = String(body[Range(match.range(at: 2), in: body)!])
                let own = String(body[Range(match.range(at: 3), in: body)!]).trimmingCharacters(
                    in: .whitespacesAndNewlines)
                if ["script", "style"].contains(tag) || attributes.contains("data-language") { continue }
                checked += 1
                #expect(
                    attributes.contains("data-i18n"),
                    "\(page): <\(tag)\(attributes)> shows '\(own)' without a data-i18n key")
            }
            #expect(checked > 20, "\(page): \(checked) labels checked")
            for loose in try Self.captures(#"</[a-z0-9]+>([^<]*[A-Za-z]{2}[^<]*)<"#, in: body) {
                Issue.record(
                    "\(page): text '\(loose.trimmingCharacters(in: .whitespacesAndNewlines))' outside any labelled element"
                )
            }
        }
    }

    @Test func everyErrorCodeOfTheServerIsInBothCatalogues() throws {
        let catalogues = try Self.catalogues()
        let codes = ErrorReply.Code.allCases.map(\.rawValue) + ClassroomError.Code.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count, "no code is used twice")
        for code in codes {
            for language in ["en", "id"] where catalogues[language]?["error." + code] == nil {
                Issue.record("error code '\(code)' has no 'error.\(code)' in the \(language) catalogue")
            }
        }
    }

    @Test func theAPIDocumentsEveryErrorCode() throws {
        let docs = try String(
            contentsOf: LiveServer.packageRoot.appendingPathComponent("docs/classroom-api.md"), encoding: .utf8)
        for code in ErrorReply.Code.allCases.map(\.rawValue) + ClassroomError.Code.allCases.map(\.rawValue) {
            #expect(docs.contains("`\(code)`"), "docs/classroom-api.md names the error code '\(code)'")
        }
    }

    @Test func theClassroomRefusalsCarryEveryValueTheirSentencesName() throws {
        // The refusals a class meets, made for real; each catalogue sentence may name only
        // parameters the reply carries.
        let english = try #require(try Self.catalogues()["en"])
        let scenario = try ClassroomScenario.load(path: LiveServer.scenarioPath("Scenarios/classroom.yaml"))
        let closed = try ClassroomSession(id: "SHUT", scenario: scenario)
        let open = try ClassroomSession(
            id: "OPEN", scenario: scenario, settings: ClassroomSettings(participation: true))
        let token = try open.addPlayer(government: 0, agency: 0, name: "Ani")
        _ = try open.step(months: 1)
        let refusals: [() throws -> Void] = [
            { _ = try closed.addPlayer(government: 0, agency: 0, name: "Ani") },
            { _ = try open.addPlayer(government: 0, agency: 0, name: "") },
            { _ = try open.addPlayer(government: 0, agency: 0, name: "A\u{7}") },
            { try open.setStance(token: token, month: 0, Stance()) },
            { try open.setStance(token: token, month: 5, Stance()) },
            { try open.setStance(token: "nobody", month: 1, Stance()) },
        ]
        var seen: Set<ClassroomError.Code> = []
        for refuse in refusals {
            do {
                try refuse()
                Issue.record("the request was not refused")
            } catch let error as ClassroomError {
                let code = try #require(error.code, "'\(error.message)' has a code")
                seen.insert(code)
                let reply = ErrorReply(error, endpoint: nil)
                #expect(reply.code == code.rawValue)
                let named = try Self.placeholders(try #require(english["error." + code.rawValue]))
                #expect(
                    named.isSubset(of: Set(reply.parameters.keys)),
                    "\(code): names \(named), carries \(reply.parameters)")
            }
        }
        #expect(seen.count == refusals.count, "six different refusals")
    }

    @Test func theScenarioCarriesIndonesianTextForEveryLeverAndSlider() throws {
        let scenario = try ClassroomScenario.load(path: LiveServer.scenarioPath("Scenarios/classroom.yaml"))
        let description = ScenarioDescription(scenario)
        for lever in description.levers {
            let indonesian = try #require(lever.translations["id"], "lever \(lever.key) has Indonesian text")
            #expect(
                indonesian.label != lever.label && indonesian.note != lever.note, "lever \(lever.key) is translated")
            #expect(!indonesian.source.isEmpty)
        }
        for construct in description.constructs {
            let indonesian = try #require(construct.translations["id"], "slider \(construct.key) has Indonesian text")
            #expect(indonesian.label != construct.label && indonesian.help != construct.help, "slider \(construct.key)")
        }
    }
}

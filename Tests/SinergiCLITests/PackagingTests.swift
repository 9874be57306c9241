import Foundation
import Testing

/// The version a user sees, cites and reads in the changelog is one version: `--version`,
/// CITATION.cff, CHANGELOG.md's newest entry and docs/model.md's model version agree.
@Suite struct PackagingTests {
    func text(_ path: String) throws -> String {
        try String(contentsOf: Sinergi.packageRoot.appendingPathComponent(path), encoding: .utf8)
    }

    /// The first match of `pattern`'s first group in `text`.
    func first(_ pattern: String, in text: String) throws -> String {
        let regex = try NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        let match = try #require(
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)), "no match for \(pattern)")
        return String(text[try #require(Range(match.range(at: 1), in: text))])
    }

    @Test func versionPrintsTheToolAndModelVersions() throws {
        let changelog = try first(#"^## ([0-9]+\.[0-9]+\.[0-9]+)"#, in: text("CHANGELOG.md"))
        let model = try first(#"^# .*model version ([0-9.]+)"#, in: text("docs/model.md"))
        let result = try Sinergi.run(["--version"])
        #expect(result.status == 0)
        #expect(
            result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                == "sinergi \(changelog) (model version \(model))")
        let citation = try text("CITATION.cff")
        #expect(try first(#"^version: (.+)$"#, in: citation) == changelog)
        #expect(try first(#"^cff-version: (.+)$"#, in: citation) == "1.2.0")
        #expect(try first(#"^license: (.+)$"#, in: citation) == "MIT")
        #expect(try first(#"^title: (.+)$"#, in: citation).count > 10)
        #expect(try first(#"^  - name: (.+)$"#, in: citation) == "Sinergi developers")
        #expect(citation.contains("\nabstract: "))
        #expect(try text("LICENSE").hasPrefix("MIT License"))
    }

    /// Every manifest names the model version, so a result can be cited with it.
    @Test func theManifestRecordsTheModelVersion() throws {
        let root = try Sinergi.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let model = try first(#"^# .*model version ([0-9.]+)"#, in: text("docs/model.md"))
        let run = try Sinergi.run([
            "run", "Scenarios/classroom.yaml", "-r", "2", "--name", "v", "--no-report", "-q", "--out", root.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let data = try Data(contentsOf: root.appendingPathComponent("classroom/v/manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((manifest["tool"] as? [String: Any])?["modelVersion"] as? String == model)
    }
}

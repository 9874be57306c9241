import Foundation
import SinergiScenario
import Testing

/// Overrides written into a scenario's own text (calibrated.yaml): the text keeps every
/// line of the file but those it sets or adds, and reads back as the scenario that `--set`
/// of the same values gives.
@Suite struct ScenarioSourceEditorTests {
    static func source(_ name: String) throws -> ScenarioSource {
        try ScenarioSource.load(path: Fixtures.scenario(name))
    }

    /// The edited text, checked to resolve as `--set` does, independently of the editor's
    /// own check.
    static func edited(_ source: ScenarioSource, _ arguments: [String]) throws -> String? {
        let overrides = try arguments.map { try ScenarioOverride($0) }
        guard let text = source.editedText(with: overrides, note: "set") else { return nil }
        let written = try ScenarioSource(text: text, path: "edited.yaml").scenario
        let expected = try source.scenario(with: overrides)
        #expect(written.resolvedYAML == expected.resolvedYAML)
        #expect(written.input == expected.input)
        return text
    }

    /// The lines of `text` that `original` lacks, and how many of `original`'s are gone.
    static func difference(_ text: String, from original: String) -> (added: [String], removed: Int) {
        let diff = text.split(separator: "\n", omittingEmptySubsequences: false).difference(
            from: original.split(separator: "\n", omittingEmptySubsequences: false))
        var added: [String] = []
        var removed = 0
        for change in diff {
            switch change {
            case .insert(_, let line, _): added.append(String(line))
            case .remove: removed += 1
            }
        }
        return (added, removed)
    }

    @Test func aValueTheFileWritesIsReplacedWhereItStands() throws {
        let source = try Self.source("classroom")
        let text = try #require(try Self.edited(source, ["governments[Kota Contoh].agencies[BPKAD].legacyLockIn=0.55"]))
        let (added, removed) = Self.difference(text, from: source.text)
        #expect(removed == 1)
        #expect(
            added == [
                "        legacyLockIn: 0.55           # assumption: strong lock-in, as Bakeuda's SIMDA (seed 000)"
            ])
    }

    @Test func keysTheFileLeavesToTheDefaultsAreAddedAsABlock() throws {
        let source = try Self.source("classroom")
        let text = try #require(
            try Self.edited(
                source,
                ["parameters.trust.build=0.125", "defaults.agency.ego=0.375", "parameters.maturity.growth=0.25"]))
        let (added, removed) = Self.difference(text, from: source.text)
        #expect(removed == 0)
        #expect(
            Set(added) == [
                "parameters:", "  trust:", "    build: 0.125  # set", "  maturity:", "    growth: 0.25  # set", "",
                "defaults:", "  agency:", "    ego: 0.375  # set",
            ])
        // Right above the first top-level block (governments), after the one-line settings.
        #expect(text.contains("citizens: {mode: aggregate}\n\ndefaults:\n"))
        #expect(text.contains("    build: 0.125  # set\n\ngovernments:\n"))
    }

    @Test func aKeyAddedToAListEntryGoesBelowItsFirstLine() throws {
        let source = try Self.source("classroom")
        let text = try #require(try Self.edited(source, ["governments[Kota Contoh].champion=0.625"]))
        #expect(text.contains("  - name: Kota Contoh\n    champion: 0.625  # set\n    kind: city\n"))
    }

    @Test func aValueTheFileWritesAsAMappingIsNotEdited() throws {
        let source = try Self.source("classroom")
        // Diskominfo's hr is a distribution, {uniform: [0.5, 0.9]}: its extent is not one scalar.
        #expect(try Self.edited(source, ["governments[Kota Contoh].agencies[Diskominfo].hr=0.7"]) == nil)
    }

    @Test func anEntryInheritedFromATemplateIsNotEdited() throws {
        let text = """
            sinergi: 1
            name: T
            months: 12
            templates:
              small:
                agencies:
                  - {name: A, sector: planning}
                  - {name: B, sector: finance}
            governments:
              - {name: G, template: small}

            """
        let source = try ScenarioSource(text: text, path: "t.yaml")
        #expect(try Self.edited(source, ["governments[G].agencies[A].legacyLockIn=0.5"]) == nil)
        // The government's own key is added in its flow mapping's place: not editable either.
        #expect(try Self.edited(source, ["governments[G].champion=0.5"]) == nil)
        #expect(try Self.edited(source, ["months=24"])?.contains("months: 24\n") == true)
    }
}

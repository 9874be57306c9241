import Foundation
import SinergiModel
import Testing

@testable import SinergiScenario

/// docs/scenario.schema.json and docs/scenario-format.md describe exactly the keys the
/// reader accepts.
@Suite struct FormatDocumentationTests {
    let schema: [String: Any]
    let format: String

    init() throws {
        let data = try Data(contentsOf: Fixtures.docsDirectory.appendingPathComponent("scenario.schema.json"))
        schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        format = try String(
            contentsOf: Fixtures.docsDirectory.appendingPathComponent("scenario-format.md"), encoding: .utf8)
    }

    private func object(_ path: String...) -> [String: Any] {
        var node: Any = schema
        for key in path { node = (node as? [String: Any])?[key] ?? [:] }
        return node as? [String: Any] ?? [:]
    }

    private func propertyNames(_ path: String...) -> Set<String> {
        var node: Any = schema
        for key in path { node = (node as? [String: Any])?[key] ?? [:] }
        return Set(((node as? [String: Any])?["properties"] as? [String: Any] ?? [:]).keys)
    }

    @Test func schemaTopLevelKeysMatchTheReader() {
        #expect(propertyNames() == Set(ScenarioReader.topLevelKeys))
        #expect(propertyNames("properties", "defaults") == ["government", "agency", "initiative"])
    }

    @Test func schemaEntityKeysMatchTheReader() {
        #expect(
            propertyNames("definitions", "government")
                == Set(GovernmentFields.entry.map(\.key) + GovernmentFields.lists))
        #expect(propertyNames("definitions", "agency") == Set(AgencyFields.entry.map(\.key)))
        #expect(
            propertyNames("definitions", "initiative")
                == Set(InitiativeFields.entry.map(\.key) + InitiativeFields.lists))
        #expect(propertyNames("definitions", "intervention") == Set(InterventionFields.keys))
        #expect(
            propertyNames("definitions", "intervention", "properties", "target")
                == Set(InterventionFields.targetKeys))
        #expect(
            propertyNames("properties", "defaults", "properties", "government")
                == Set(GovernmentFields.defaultable.map(\.key)))
        #expect(
            propertyNames("properties", "defaults", "properties", "agency")
                == Set(AgencyFields.defaultable.map(\.key)))
        #expect(
            propertyNames("properties", "defaults", "properties", "initiative")
                == Set(InitiativeFields.defaultable.map(\.key)))
    }

    @Test func schemaParametersMatchTheTable() {
        #expect(propertyNames("properties", "parameters") == Set(ParameterTable.groups))
        for group in ParameterTable.groups {
            #expect(
                propertyNames("properties", "parameters", "properties", group)
                    == Set(ParameterTable.entries(in: group).map(\.key)), "\(group)")
        }
    }

    @Test func schemaParameterDefaultsAreTheModelDefaults() {
        let defaults = ModelParameters()
        for entry in ParameterTable.entries {
            let declared = object("properties", "parameters", "properties", entry.group, "properties", entry.key)[
                "default"]
            switch entry.kind {
            case .real(_, let path):
                // Foundation's JSON parser may miss the last binary digit (1/36).
                let value = (declared as? NSNumber)?.doubleValue ?? .nan
                #expect(abs(value - defaults[keyPath: path]) <= 1e-15, "\(entry.path)")
            case .integer(_, let path):
                #expect((declared as? NSNumber)?.intValue == defaults[keyPath: path], "\(entry.path)")
            }
        }
    }

    @Test func schemaLeversAndDistributions() {
        let lever = object("definitions", "intervention", "properties", "lever")["enum"] as? [String]
        #expect(lever == Lever.allCases.map(\.rawValue))
        let families = (object("definitions", "distribution")["oneOf"] as? [[String: Any]] ?? [])
            .compactMap { ($0["required"] as? [String])?.first }
        #expect(families == DistributionSyntax.families)
    }

    @Test func formatDocumentMentionsEveryKeyAndLever() {
        var words = ScenarioReader.topLevelKeys + GovernmentFields.entry.map(\.key) + GovernmentFields.lists
        words += AgencyFields.entry.map(\.key) + InitiativeFields.entry.map(\.key) + InitiativeFields.lists
        words += InterventionFields.keys + InterventionFields.targetKeys + ParameterTable.groups
        words += ParameterTable.entries.map(\.key) + Lever.allCases.map(\.rawValue) + DistributionSyntax.families
        words += InitiativeFields.integrationKeywords.map(\.word) + GovernmentFields.kinds
        for word in Set(words) {
            #expect(
                format.contains("`\(word)`") || format.contains("{\(word):"), "docs/scenario-format.md lacks `\(word)`")
        }
    }
}

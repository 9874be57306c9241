import Foundation
import SinergiModel
import SinergiScenario
import SinergiStats
import Testing

/// `--set PATH=VALUE` on the shipped scenarios: every form of path reaches the value it
/// names in the model input, and every mistake gets one clear line.
@Suite struct OverrideTests {
    static func source(_ name: String) throws -> ScenarioSource {
        try ScenarioSource.load(path: Fixtures.scenario(name))
    }

    static func input(_ name: String, _ arguments: String...) throws -> ModelInput {
        try source(name).input(with: arguments.map { try ScenarioOverride($0) })
    }

    /// The error lines of setting `arguments` on the scenario `name`.
    static func errors(_ name: String, _ arguments: String...) throws -> [String] {
        let source = try source(name)
        let overrides = try arguments.map { try ScenarioOverride($0) }
        do {
            _ = try source.scenario(with: overrides)
            return []
        } catch {
            return error.lines()
        }
    }

    // MARK: every form of path

    @Test func aParameterTheFileDoesNotWriteIsSet() throws {
        let before = try Self.source("classroom").scenario.input.parameters.trust.build
        let input = try Self.input("classroom", "parameters.trust.build=0.2")
        #expect(before != 0.2)
        #expect(input.parameters.trust.build == 0.2)
        var expected = try Self.source("classroom").scenario.input
        expected.parameters.trust.build = 0.2
        #expect(input == expected, "nothing else changes")
    }

    @Test func aTopLevelIntegerIsSet() throws {
        #expect(try Self.input("classroom", "months=24").months == 24)
        #expect(try Self.input("jambi-province-2018", "start.year=2020").startYear == 2020)
    }

    @Test func aDefaultAppliesToEveryAgencyThatDoesNotSetItsOwn() throws {
        let input = try Self.input("classroom", "defaults.agency.ego=0.9")
        #expect(input.governments[0].agencies.allSatisfy { $0.ego == .constant(0.9) })
        let hr = try Self.input("classroom", "defaults.agency.hr=0.1").governments[0].agencies.map(\.hr)
        #expect(hr[0] == .uniform(low: 0.5, high: 0.9), "Diskominfo writes its own hr")
        #expect(hr.dropFirst().allSatisfy { $0 == .constant(0.1) })
    }

    @Test func aGovernmentByNameTakesADistribution() throws {
        let input = try Self.input("classroom", "governments[Kota Contoh].champion={uniform: [0.3, 0.7]}")
        #expect(input.governments[0].champion == .uniform(low: 0.3, high: 0.7))
    }

    @Test func anAgencyByNameInEveryGovernment() throws {
        let input = try Self.input("classroom", "governments[*].agencies[BPKAD].legacyLockIn=0.2")
        let agencies = input.governments[0].agencies
        #expect(agencies.first { $0.name == "BPKAD" }?.legacyLockIn == .constant(0.2))
        #expect(agencies.filter { $0.name != "BPKAD" }.allSatisfy { $0.legacyLockIn == .constant(0) })
    }

    @Test func aPolicyEntryByIndex() throws {
        let source = try Self.source("classroom")
        let scenario = try source.scenario(with: [ScenarioOverride("policies.training[0].intensity=0.9")])
        #expect(source.scenario.policies[0].interventions[0].intensity == 0.6)
        #expect(scenario.policies[0].name == "training")
        #expect(scenario.policies[0].interventions[0].intensity == 0.9)
        #expect(scenario.policies.dropFirst() == source.scenario.policies.dropFirst())
    }

    @Test func aPolicyByNameInBracketsAndAnAnchoredEntryChangesOnlyItsOwnCopy() throws {
        let source = try Self.source("jambi-province-2018")
        let scenario = try source.scenario(with: [ScenarioOverride("policies[capacity-first][0].intensity=0.9")])
        let capacity = try #require(scenario.policies.first { $0.name == "capacity-first" })
        let together = try #require(scenario.policies.first { $0.name == "all-together" })
        #expect(capacity.interventions[0].intensity == 0.9)
        // `*training` in all-together is a copy of the anchored entry, as when the file is read.
        #expect(together.interventions[1].lever == .training)
        #expect(together.interventions[1].intensity == 0.5)
    }

    @Test func aBaselineInterventionByIndex() throws {
        let input = try Self.input("jambi-province-2018", "interventions[0].intensity=0.7")
        #expect(input.interventions[0].intensity == 0.7)
    }

    @Test func anAgencyFromATemplateIsSetInEveryGovernment() throws {
        let source = try Self.source("jambi-province-2018")
        let input = try source.input(with: [ScenarioOverride("governments[*].agencies[Bakeuda].legacyLockIn=0.4")])
        #expect(input.governments.count == 12)
        for government in input.governments {
            let bakeuda = try #require(government.agencies.first { $0.name == "Bakeuda" })
            #expect(bakeuda.legacyLockIn == .constant(0.4), "\(government.name)")
            #expect(bakeuda.sector == "finance", "the template's other keys still apply")
        }
        let names = source.scenario.input.governments.map { $0.agencies.map(\.name) }
        #expect(input.governments.map { $0.agencies.map(\.name) } == names, "no agency is added or moved")
    }

    @Test func oneGovernmentsTemplateAgencyAndTheTemplateItself() throws {
        let city = try Self.input("jambi-province-2018", "governments[Jambi City].agencies[BKD].hr=0.3")
        let base = try Self.source("jambi-province-2018").scenario.input
        for (government, original) in zip(city.governments, base.governments) {
            let hr = government.agencies.first { $0.name == "BKD" }?.hr
            #expect(hr == (government.name == "Jambi City" ? .constant(0.3) : original.agencies[3].hr))
        }
        let all = try Self.input("jambi-province-2018", "templates.opd.agencies[BKD].hr=0.3")
        #expect(all.governments.allSatisfy { $0.agencies.first { $0.name == "BKD" }?.hr == .constant(0.3) })
    }

    @Test func anInheritedEntryByIndexIsTheModelsOrder() throws {
        let input = try Self.input("jambi-province-2018", "governments[Jambi City].agencies[2].budget=0.25")
        let city = try #require(input.governments.first { $0.name == "Jambi City" })
        #expect(city.agencies[2].name == "Bakeuda")
        #expect(city.agencies[2].budget == .constant(0.25))
    }

    @Test func everyGovernmentOfIndonesia548() throws {
        let input = try Self.input("indonesia-548", "governments[*].internet=0.55")
        #expect(input.governments.count == 548)
        #expect(input.governments.allSatisfy { $0.internetAccess == .constant(0.55) })
    }

    /// `[*]` sets the value where the rest of the path exists: the governments whose
    /// template has no OPD 25 are left alone.
    @Test func everyEntryWhereTheRestOfThePathExists() throws {
        let source = try Self.source("indonesia-548")
        let input = try source.input(with: [ScenarioOverride("governments[*].agencies[OPD 25].ego=0.9")])
        var changed = 0
        for (government, original) in zip(input.governments, source.scenario.input.governments) {
            let index = original.agencies.firstIndex { $0.name == "OPD 25" }
            #expect(government.agencies.count == original.agencies.count)
            if let index {
                #expect(government.agencies[index].ego == .constant(0.9))
                changed += 1
            } else {
                #expect(government == original)
            }
        }
        #expect(changed == 438, "the governments of opd-25 to opd-40")
    }

    @Test func everyPolicyPackage() throws {
        let source = try Self.source("classroom")
        let scenario = try source.scenario(with: [ScenarioOverride("policies[*][0].costPerMonth=1")])
        #expect(scenario.policies.count == source.scenario.policies.count)
        #expect(scenario.policies.allSatisfy { $0.interventions[0].costPerMonth == 1 })
        #expect(scenario.policies[3].interventions[1] == source.scenario.policies[3].interventions[1])
    }

    @Test func aNetworkKeyAndAWordValue() throws {
        let input = try Self.input(
            "province-1m-citizens", "citizens.size=5000", "citizens.graph.k=6",
            "governments[Jambi Province].initiatives[e-planning].integration=geometric")
        guard case .network(let spec) = input.citizens else {
            Issue.record("citizens stay a network")
            return
        }
        #expect(spec.size == 5000)
        #expect(spec.graph == .wattsStrogatz(k: 6, beta: 0.1))
        #expect(input.governments[0].initiatives[0].integration == 0)
    }

    @Test func aLaterOverrideOfTheSameValueWins() throws {
        let input = try Self.input("classroom", "parameters.trust.build=0.2", "parameters.trust.build=0.3")
        #expect(input.parameters.trust.build == 0.3)
    }

    @Test func theResolvedScenarioHoldsTheValueAndReadsBackToTheSameInput() throws {
        let scenario = try Self.source("classroom").scenario(with: [
            ScenarioOverride("parameters.trust.build=0.2"), ScenarioOverride("governments[*].champion=0.75"),
        ])
        #expect(scenario.resolvedYAML.contains("trust: {build: 0.2,"))
        let reread = try ScenarioLoader.parse(text: scenario.resolvedYAML, path: "resolved.yaml")
        #expect(reread.input == scenario.input)
        #expect(scenario.sourceText == (try Self.source("classroom").text), "the file's own text is kept")
    }

    @Test func aNumberOverrideIsTheSameAsItsText() throws {
        let source = try Self.source("classroom")
        let path = try ScenarioPath("months")
        #expect(ScenarioOverride(path: path, number: 36) == (try ScenarioOverride("months=36")))
        #expect(try source.input(with: [ScenarioOverride(path: path, number: 36)]).months == 36)
        let build = try ScenarioPath("parameters.trust.build")
        #expect(try source.input(with: [ScenarioOverride(path: build, number: 0.125)]).parameters.trust.build == 0.125)
    }

    // MARK: mistakes

    @Test func anUnknownKeyGetsTheClosestPath() throws {
        #expect(
            try Self.errors("classroom", "parameters.trust.buidl=0.1") == [
                "error: --set: no 'parameters.trust.buidl' in the scenario; did you mean 'parameters.trust.build'?"
            ])
        #expect(
            try Self.errors("classroom", "parametrs.trust.buidl=0.1") == [
                "error: --set: no 'parametrs.trust.buidl' in the scenario; did you mean 'parameters.trust.build'?"
            ])
        #expect(
            try Self.errors("classroom", "governments[Kota Contho].champion=0.5") == [
                "error: --set: no 'governments[Kota Contho].champion' in the scenario; did you mean 'governments[Kota Contoh].champion'?"
            ])
        #expect(
            try Self.errors("classroom", "governments.champion=0.5") == [
                "error: --set: no 'governments.champion' in the scenario; did you mean 'governments[*].champion'?"
            ])
        #expect(
            try Self.errors("classroom", "policies.trainig[0].intensity=0.5") == [
                "error: --set: no 'policies.trainig[0].intensity' in the scenario; did you mean 'policies.training[0].intensity'?"
            ])
    }

    @Test func anUnknownPathWithNothingCloseSaysWhatThereIs() throws {
        #expect(
            try Self.errors("classroom", "parameters.trust.speed=0.1") == [
                "error: --set: no 'parameters.trust.speed' in the scenario; the keys of 'parameters.trust' are build, smallWin, erode"
            ])
        #expect(
            try Self.errors("classroom", "policies.training[3].intensity=0.5") == [
                "error: --set: no 'policies.training[3].intensity' in the scenario; 'policies.training' has 1 entry, [0]"
            ])
        #expect(
            try Self.errors("classroom", "interventions[0].intensity=0.5") == [
                "error: --set: no 'interventions[0].intensity' in the scenario; 'interventions' has no entries"
            ])
        #expect(
            try Self.errors("classroom", "governments[Kota Contoh].champion.uniform=0.5") == [
                "error: --set: no 'governments[Kota Contoh].champion.uniform' in the scenario; 'governments[Kota Contoh].champion' is one value, with nothing below it"
            ])
        #expect(
            try Self.errors("classroom", "governments[*].agencies[Dinas X].ego=0.5") == [
                "error: --set: no 'governments[*].agencies[Dinas X].ego' in the scenario; 'governments[*].agencies' has Diskominfo, Bappeda, BPKAD, BKPSDM, Bagian Organisasi, Inspektorat, Bagian Pengadaan"
            ])
    }

    @Test func anOutOfRangeValueGetsValidationsMessageAgainstItsOption() throws {
        #expect(
            try Self.errors("classroom", "parameters.trust.build=1.5") == [
                "error: --set parameters.trust.build=1.5: 'trust.build' must be a number in [0, 1], got 1.5"
            ])
        // The same value written in the file gets the same message at its line.
        let text = try Self.source("classroom").text.replacingOccurrences(
            of: "governments:", with: "parameters: {trust: {build: 1.5}}\ngovernments:")
        let diagnostics = try #require(Fixtures.diagnostics(parsing: text))
        #expect(diagnostics.hasSuffix(": error: 'trust.build' must be a number in [0, 1], got 1.5"))
    }

    @Test func aBadDistributionAndAFileProblemItCauses() throws {
        #expect(
            try Self.errors("classroom", "governments[Kota Contoh].champion={normal: [0.5, 0.1]}") == [
                "error: --set governments[Kota Contoh].champion={normal: [0.5, 0.1]}: 'champion': normal can produce values outside [0, 1] and has no clip; add clip: [0, 1]"
            ])
        // The shares are checked together where their mapping is: here the mapping the
        // override added, so the message names the option.
        let shares = try Self.errors("classroom", "parameters.motivation.selfishShare=0.9")
        #expect(shares.count == 1)
        #expect(
            shares[0].hasPrefix("error: --set parameters.motivation.selfishShare=0.9: motivation shares must sum to 1"))
        // Two overrides, each reported against its own option, in the order given.
        #expect(
            try Self.errors("classroom", "months=0", "seed=-1") == [
                "error: --set months=0: 'months' must be an integer in [1, 1200], got 0",
                "error: --set seed=-1: 'seed' must be an integer ≥ 0, got -1",
            ])
    }

    @Test func aBlankNameIsRefusedAsInAFile() throws {
        #expect(
            try Self.errors("classroom", "governments[Kota Contoh].agencies[BKPSDM].name=' \t '") == [
                "error: --set governments[Kota Contoh].agencies[BKPSDM].name=' \t ': 'name' must not be empty"
            ])
    }

    @Test func malformedArguments() throws {
        func problem(_ argument: String) -> String? {
            do {
                _ = try ScenarioOverride(argument)
                return nil
            } catch {
                return error.description
            }
        }
        #expect(
            problem("parameters.trust.build")
                == "error: --set: expected PATH=VALUE, e.g. parameters.trust.build=0.1, got 'parameters.trust.build'")
        #expect(
            problem("months=")
                == "error: --set: months= has no value; give a number or a distribution such as {uniform: [0.3, 0.7]}")
        #expect(problem("governments[Kota Contoh.champion=1")?.contains("'[' without ']'") == true)
        #expect(
            problem("months={uniform: [1, 2]")?.hasPrefix(
                "error: --set: months={uniform: [1, 2]: the value is not valid YAML") == true)
        #expect(problem("governments[Kota=Contoh].champion=0.5") == nil, "an '=' inside brackets is part of a name")
        #expect(problem("policies['2018'][0].intensity=0.5") == nil)
    }

    @Test func checkingAPathAlone() throws {
        let source = try Self.source("classroom")
        try source.check(ScenarioPath("parameters.citizens.imitation"))
        try source.check(ScenarioPath("governments[*].agencies[*].maturity"))
        #expect(throws: OverrideError.self) { try source.check(ScenarioPath("parameters.citizen.imitation")) }
    }

    /// Every key docs/scenario.schema.json documents, at every depth, is a path `--set`
    /// accepts on a scenario with templates, interventions and policies; the same key with
    /// a letter more is not.
    @Test func everyKeyOfTheSchemaIsAPath() throws {
        let data = try Data(contentsOf: Fixtures.docsDirectory.appendingPathComponent("scenario.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let definitions = schema["definitions"] as? [String: Any] ?? [:]
        func resolved(_ node: Any?) -> [String: Any] {
            let object = node as? [String: Any] ?? [:]
            guard let reference = object["$ref"] as? String else { return object }
            return definitions[String(reference.split(separator: "/").last ?? "")] as? [String: Any] ?? [:]
        }
        func paths(_ node: [String: Any], prefix: String) -> [String] {
            var result: [String] = []
            for (key, child) in node["properties"] as? [String: Any] ?? [:] {
                let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                result.append(path)
                result += paths(resolved(child), prefix: path)
            }
            if let names = node["additionalProperties"] as? [String: Any] {
                result += paths(resolved(names), prefix: prefix + "[*]")
            }
            if let items = node["items"], resolved(items)["properties"] != nil {
                result += paths(resolved(items), prefix: prefix + "[*]")
            }
            return result
        }
        let all = paths(schema, prefix: "")
        #expect(all.count > 150)
        let source = try Self.source("jambi-province-2018")
        for path in all {
            #expect(throws: Never.self, "\(path)") { try source.check(ScenarioPath(path)) }
            #expect(throws: OverrideError.self, "\(path)x") { try source.check(ScenarioPath(path + "x")) }
        }
    }

    @Test func pathsReadAndWriteBack() throws {
        let path = try ScenarioPath("governments[*].agencies['2018'].ego")
        #expect(
            path.steps == [
                .key("governments"), .select(.all), .key("agencies"), .select(.name("2018")), .key("ego"),
            ])
        #expect(try ScenarioPath("policies.training[0].intensity").steps[2] == .select(.index(0)))
        #expect(try ScenarioPath("a.b") == ScenarioPath("a.b"))
    }
}

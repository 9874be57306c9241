import Foundation
import SinergiModel
import Testing

@testable import SinergiScenario

/// A design's numbers for `parameters.*` constants set the scenario's input directly
/// instead of reading the file again (ScenarioSource.input(with:)); the two ways must give
/// equal inputs, for every constant, on scenarios with and without a `parameters` block.
@Suite struct DesignPointInputTests {
    /// A value inside `entry`'s range, away from its default: for ranges with an upper end
    /// 0.37 of the way, else the lower end plus 3 (logit coefficients: any finite number).
    static func value(for entry: ParameterEntry) -> Double {
        switch entry.kind {
        case .real(let range, _):
            let low = range.lower ?? -5, high = range.upper ?? low + 10
            return low + 0.37 * (high - low)
        case .integer(let range, _):
            return Double(range.lower + 3)
        }
    }

    @Test(arguments: ["classroom", "jambi-province-2018"])
    func everyConstantSetDirectlyEqualsTheFileReadAgain(_ name: String) throws {
        let source = try ScenarioSource.load(path: Fixtures.scenario(name))
        var checked = 0
        for entry in ParameterTable.entries where entry.group != "motivation" {
            let path = try ScenarioPath("parameters.\(entry.path)")
            let override = ScenarioOverride(path: path, number: Self.value(for: entry))
            let direct = try source.input(with: [override])
            let read = try source.inputByReading(with: [override])
            #expect(direct == read, "\(name): parameters.\(entry.path)")
            #expect(direct != source.scenario.input, "\(name): parameters.\(entry.path) changed nothing")
            checked += 1
        }
        #expect(checked >= 40, "the table lists the model's constants")
        // Several at once, as a design point sets them.
        let overrides = try [("trust.build", 0.13), ("maturity.growth", 0.41)].map {
            ScenarioOverride(path: try ScenarioPath("parameters.\($0.0)"), number: $0.1)
        }
        #expect(try source.input(with: overrides) == source.inputByReading(with: overrides))
    }

    @Test func aValueOutOfRangeStillGetsTheFilesError() throws {
        let source = try ScenarioSource.load(path: Fixtures.scenario("classroom"))
        let override = ScenarioOverride(path: try ScenarioPath("parameters.trust.build"), number: 1.5)
        #expect(throws: OverrideError.self) { try source.input(with: [override]) }
    }
}

/// A design's numbers for a government's or an agency's value, set directly or through
/// `defaults` or a template, also take the short way (DirectValuePlan); the input must be
/// the one reading the file again gives, and a bad value must get the file's error.
@Suite struct DesignPointValueTests {
    /// Defaults, a template, entries that write keys themselves and a government without
    /// the template: the rules of which value a path reaches, all at once.
    static let layered = """
        sinergi: 1
        name: Layered
        defaults:
          agency: {hr: {uniform: [0.2, 0.6]}, trust: 0.5}
          government: {champion: 0.4, mandate: {beta: [2, 2]}}
        templates:
          small:
            agencies:
              - {name: A, sector: planning, ego: 0.3}
              - {name: B, sector: finance}
            initiatives:
              - {name: joint, partners: [A, B]}
        governments:
          - name: One
            template: small
            champion: 0.6
            agencies:
              - {name: B, hr: 0.7, trust: {beta: [2, 3]}}
              - {name: C, sector: hr}
          - name: Two
            template: small
            mandate: 0.9
          - name: Three
            agencies:
              - {name: A, sector: planning, maturity: {triangular: [1, 2, 4]}}
            initiatives:
              - {name: solo, partners: [A]}
        """

    static func sources() throws -> [ScenarioSource] {
        try ["classroom", "jambi-province-2018"].map { try ScenarioSource.load(path: Fixtures.scenario($0)) }
            + [try ScenarioSource(text: layered, path: "layered.yaml")]
    }

    /// Paths to every value key of a government and an agency: through `defaults`, through
    /// `[*]`, and one government or agency by name and by index.
    static func valuePaths(_ input: ModelInput) -> [String] {
        let government = input.governments[0]
        let first = government.agencies[0].name
        let last = government.agencies.count - 1
        var paths: [String] = []
        for key in GovernmentFields.values.map(\.key) {
            paths += ["defaults.government.\(key)", "governments[*].\(key)", "governments[\(government.name)].\(key)"]
        }
        for key in AgencyFields.values.map(\.key) + ["trust"] {
            paths += [
                "defaults.agency.\(key)", "governments[*].agencies[\(first)].\(key)",
                "governments[0].agencies[\(last)].\(key)",
            ]
        }
        return paths
    }

    @Test func everyValuePathSetDirectlyEqualsTheFileReadAgain() throws {
        let templatePaths = [
            "templates.small.agencies[A].ego", "templates.small.agencies[B].hr", "governments[One].agencies[C].culture",
            "governments[Two].agencies[A].maturity", "governments[Three].agencies[A].maturity",
            "governments[Two].mandate",
        ]
        for source in try Self.sources() {
            let base = source.scenario.input
            var paths = Self.valuePaths(base)
            if source.path == "layered.yaml" { paths += templatePaths }
            for text in paths {
                let path = try ScenarioPath(text)
                guard case .key(let key)? = path.steps.last,
                    let (range, _) = DirectValuePlan.candidates(key: key, in: base)
                else {
                    Issue.record("\(text): not a value key")
                    continue
                }
                let plan = try #require(source.directPlans.plan(for: path, in: source), "\(source.path): \(text)")
                #expect(!plan.slots.isEmpty, "\(source.path): \(text) reaches no value")
                let width = range.upperBound - range.lowerBound
                for value in [range.lowerBound, range.lowerBound + 0.43 * width, range.upperBound] {
                    let override = ScenarioOverride(path: path, number: value)
                    let direct = try #require(source.directInput([override]), "\(source.path): \(text)=\(value)")
                    #expect(direct == (try source.inputByReading(with: [override])), "\(source.path): \(text)=\(value)")
                    #expect(try source.input(with: [override]) == direct)
                }
            }
        }
    }

    /// A key every agency writes itself: the default reaches nothing, and the input is the
    /// file's, as reading it gives.
    @Test func aDefaultThatNoEntryTakesChangesNothing() throws {
        let text = """
            sinergi: 1
            name: Own values
            defaults: {agency: {ego: 0.5}}
            governments:
              - name: One
                agencies:
                  - {name: A, sector: planning, ego: 0.3}
                  - {name: B, sector: finance, ego: {beta: [2, 5]}}
            """
        let source = try ScenarioSource(text: text, path: "own.yaml")
        let path = try ScenarioPath("defaults.agency.ego")
        #expect(try #require(source.directPlans.plan(for: path, in: source)).slots.isEmpty)
        let override = ScenarioOverride(path: path, number: 0.25)
        #expect(try source.directInput([override]) == source.scenario.input)
        #expect(try source.inputByReading(with: [override]) == source.scenario.input)
    }

    @Test func severalPathsAtOncePointTakeTheShortWayOnlyWhenTheyReachDifferentValues() throws {
        for source in try Self.sources() {
            let first = source.scenario.input.governments[0].agencies[0].name
            func overrides(_ pairs: [(String, Double)]) throws -> [ScenarioOverride] {
                try pairs.map { ScenarioOverride(path: try ScenarioPath($0.0), number: $0.1) }
            }
            let apart = try overrides([
                ("defaults.agency.ego", 0.31), ("defaults.government.mandate", 0.62), ("parameters.trust.build", 0.05),
                ("governments[*].agencies[\(first)].hr", 0.77), ("defaults.agency.budget", 1.2),
            ])
            #expect(source.directInput(apart) != nil, "\(source.path)")
            #expect(try source.input(with: apart) == source.inputByReading(with: apart), "\(source.path)")
            // The agency's own ego wins over the default whatever the order: the full way.
            for pairs in [
                [("defaults.agency.ego", 0.31), ("governments[*].agencies[\(first)].ego", 0.9)],
                [("governments[*].agencies[\(first)].ego", 0.9), ("defaults.agency.ego", 0.31)],
            ] {
                let overlapping = try overrides(pairs)
                #expect(source.directInput(overlapping) == nil, "\(source.path)")
                let input = try source.input(with: overlapping)
                #expect(input == (try source.inputByReading(with: overlapping)), "\(source.path)")
                #expect(input.governments[0].agencies[0].ego == .constant(0.9))
            }
            // One path twice: the later value wins, both ways.
            let twice = try overrides([("defaults.agency.ego", 0.31), ("defaults.agency.ego", 0.42)])
            #expect(source.directInput(twice) != nil)
            #expect(try source.input(with: twice) == source.inputByReading(with: twice))
        }
    }

    /// `--set` under a design's values: the design's numbers take the short way over the
    /// scenario with `--set` (read once), and give the input, and the errors, of all the
    /// overrides read together.
    @Test func designValuesOverSetOverridesEqualAllOfThemReadTogether() throws {
        let source = try ScenarioSource.load(path: Fixtures.scenario("classroom"))
        let prefix = try [
            "parameters.trust.erode=0.25", "governments[*].agencies[Diskominfo].ego={beta: [3, 2]}",
            "defaults.agency.hr=0.6",
        ].map { try ScenarioOverride($0) }
        let set = try source.setting(prefix)
        #expect(set.scenario.input == (try source.scenario(with: prefix).input))
        #expect(set.scenario.resolvedYAML == (try source.scenario(with: prefix).resolvedYAML))
        for (path, value) in [
            ("defaults.agency.ego", 0.35), ("defaults.agency.hr", 0.45), ("parameters.trust.erode", 0.1),
            ("governments[Kota Contoh].champion", 0.7), ("governments[*].agencies[BPKAD].legacyLockIn", 0.2),
        ] {
            let override = ScenarioOverride(path: try ScenarioPath(path), number: value)
            let direct = try #require(set.directInput([override]), "\(path)")
            #expect(direct == (try source.inputByReading(with: prefix + [override])), "\(path)")
            #expect(try set.input(with: [override]) == direct)
            #expect(try set.scenario(with: [override]).input == direct)
        }
        // Diskominfo writes its own ego now: the default does not reach it.
        let ego = ScenarioOverride(path: try ScenarioPath("defaults.agency.ego"), number: 0.35)
        #expect(try set.input(with: [ego]).governments[0].agencies[0].ego == .beta(alpha: 3, beta: 2))
        // A bad value: the message of all of them read together, the option counted after --set's.
        let bad = ScenarioOverride(path: try ScenarioPath("defaults.agency.maturity"), number: 7)
        var viaSet = ""
        var together = ""
        do { _ = try set.input(with: [bad]) } catch { viaSet = error.description }
        do { _ = try source.input(with: prefix + [bad]) } catch { together = error.description }
        #expect(!viaSet.isEmpty && viaSet == together, "\(viaSet)")
    }

    /// A value out of its range goes the full way and gets the file's message, reported
    /// against the option that set it.
    @Test(arguments: [
        ("defaults.agency.maturity", 0.5, "'maturity' must be a number in [1, 5], got 0.5"),
        ("governments[Kota Contoh].champion", 1.5, "'champion' must be a number in [0, 1], got 1.5"),
        ("defaults.agency.budget", -0.25, "'budget' must be a number in [0, 1.5], got -0.25"),
    ])
    func aValueOutOfRangeGetsTheFilesError(_ path: String, _ value: Double, _ message: String) throws {
        let source = try ScenarioSource.load(path: Fixtures.scenario("classroom"))
        let override = ScenarioOverride(path: try ScenarioPath(path), number: value)
        #expect(source.directInput([override]) == nil)
        var direct = ""
        var read = ""
        do { _ = try source.input(with: [override]) } catch { direct = error.description }
        do { _ = try source.inputByReading(with: [override]) } catch { read = error.description }
        #expect(direct == read)
        #expect(direct.hasPrefix("error: --set \(path)=\(formatNumber(value)): \(message)"), "\(direct)")
    }

    @Test func aPathToNothingIsStillReportedWithItsHint() throws {
        let source = try ScenarioSource.load(path: Fixtures.scenario("classroom"))
        let override = ScenarioOverride(path: try ScenarioPath("governments[Kota Contho].champion"), number: 0.5)
        #expect(source.directInput([override]) == nil)
        #expect {
            try source.input(with: [override])
        } throws: { error in
            guard case OverrideError.unknownPath(_, let hint) = error else { return false }
            return hint.contains("Kota Contoh")
        }
    }
}

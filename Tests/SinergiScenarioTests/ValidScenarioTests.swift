import SinergiModel
import SinergiScenario
import SinergiStats
import Testing

/// Parses `text` (with `sinergi: 1` and a name prepended) or records the diagnostics.
private func scenario(_ body: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Scenario {
    let text = "sinergi: 1\nname: Test scenario\n" + body
    do {
        return try ScenarioLoader.parse(text: text, path: "test.yaml")
    } catch {
        Issue.record("unexpected diagnostics:\n\(error)", sourceLocation: sourceLocation)
        throw error
    }
}

/// The diagnostics (messages only) of `body` with `sinergi: 1` and a name prepended.
private func messages(_ body: String) -> [String] {
    do {
        _ = try ScenarioLoader.parse(text: "sinergi: 1\nname: Test scenario\n" + body, path: "test.yaml")
        return []
    } catch {
        return error.diagnostics.map(\.message)
    }
}

private let oneCity = """
    governments:
      - name: Kota
        agencies:
          - {name: Diskominfo, sector: communication}

    """

@Suite struct TopLevelTests {
    @Test func defaultsOfTheTopLevelKeys() throws {
        let s = try scenario(oneCity)
        #expect(s.seed == 1)
        #expect(s.replicates == 100)
        #expect(s.input.months == 60)
        #expect(s.input.startYear == 2018)
        #expect(s.input.startMonth == 1)
        #expect(s.input.algorithm == .xoshiro256pp)
        #expect(s.input.citizens == .aggregate)
        #expect(s.input.parameters == ModelParameters())
        #expect(s.input.interventions.isEmpty)
        #expect(s.policies.isEmpty)
        #expect(s.name == "Test scenario")
        #expect(s.slug == "test-scenario")
        #expect(s.path == "test.yaml")
        #expect(s.sourceText.hasPrefix("sinergi: 1\nname: Test scenario\n"))
    }

    @Test func explicitTopLevelKeys() throws {
        let s = try scenario(
            "start: {year: 2020, month: 7}\nmonths: 24\nseed: 010\nreplicates: 7\nrng: taus2\n"
                + "citizens: {mode: aggregate}\n" + oneCity)
        #expect(s.input.startYear == 2020)
        #expect(s.input.startMonth == 7)
        #expect(s.input.months == 24)
        #expect(s.seed == 10, "a leading zero is decimal, not octal")
        #expect(s.replicates == 7)
        #expect(s.input.algorithm == .taus2)
    }

    @Test func largestSeedFitsIn64Bits() throws {
        #expect(try scenario("seed: 18446744073709551615\n" + oneCity).seed == .max)
        #expect(
            messages("seed: 18446744073709551616\n" + oneCity)
                == ["'seed' must be at most 18446744073709551615, got 18446744073709551616"])
    }

    @Test(arguments: [
        ("Jambi Province 2018", "jambi-province-2018"),
        ("  Kota Contoh — classroom!  ", "kota-contoh-classroom"),
        ("Café Déjà Vu", "cafe-deja-vu"),
        ("???", "scenario"),
    ])
    func slugFromName(_ name: String, _ slug: String) throws {
        let s = try ScenarioLoader.parse(text: "sinergi: 1\nname: \"\(name)\"\n" + oneCity, path: "x.yaml")
        #expect(s.slug == slug)
    }

    @Test func parameterOverrides() throws {
        let s = try scenario(
            """
            parameters:
              trust: {build: 0.1, erode: 0.25}
              politics: {firstElection: 12}
              motivation: {prosocialShare: 0.2, conditionalShare: 0.5, selfishShare: 0.3}
              commitment: {intercept: -3}

            """ + oneCity)
        var expected = ModelParameters()
        expected.trust.build = 0.1
        expected.trust.erode = 0.25
        expected.politics.firstElection = 12
        expected.motivation.prosocialShare = 0.2
        expected.motivation.conditionalShare = 0.5
        expected.motivation.selfishShare = 0.3
        expected.commitment.intercept = -3
        #expect(s.input.parameters == expected)
    }

    @Test func parameterChecks() {
        #expect(
            messages("parameters: {politics: {termMonths: 2.5}}\n" + oneCity)
                == ["'politics.termMonths' must be an integer ≥ 1, got 2.5"])
        #expect(
            messages("parameters: {hr: {staffRotation: 2}}\n" + oneCity)
                == ["'hr.staffRotation' must be a number in [0, 1], got 2"])
        #expect(
            messages("parameters: {trsut: {build: 0.1}}\n" + oneCity)
                == ["unknown key 'trsut' in parameters; did you mean 'trust'?"])
        #expect(messages("parameters: {motivation: {selfishShare: 0.33000001}}\n" + oneCity).count == 1)
    }
}

@Suite struct ResolutionTests {
    static let precedence = """
        defaults:
          government: {champion: 0.6}
          agency: {ego: 0.1, hr: 0.4}
          initiative: {rate: 0.5}
        templates:
          opd:
            agencies:
              - {name: A, sector: s1, ego: 0.2}
              - {name: B, sector: s2}
            initiatives:
              - {name: k, partners: [B, A], rate: 0.6}
        governments:
          - name: G
            template: opd
            champion: 0.7
            agencies:
              - {name: C, sector: s3}
              - {name: A, ego: 0.3}
            initiatives:
              - {name: own, partners: [C, A]}
          - name: H
            template: opd

        """

    @Test func defaultsPrecedence() throws {
        let s = try scenario(Self.precedence)
        let g = s.input.governments[0], h = s.input.governments[1]
        // government: entry > defaults > model default
        #expect(g.champion == .constant(0.7))
        #expect(h.champion == .constant(0.6))
        #expect(g.design == .constant(0.3))
        // agency: entry > template entry > defaults > model default
        #expect(g.agencies[0].ego == .constant(0.3))
        #expect(h.agencies[0].ego == .constant(0.2))
        #expect(g.agencies[1].ego == .constant(0.1))
        #expect(g.agencies[0].hr == .constant(0.4))
        #expect(g.agencies[0].budget == .uniform(low: 0.4, high: 1.0))
        // initiative: template entry > defaults > model default
        #expect(g.initiatives[0].rate == 0.6)
        #expect(g.initiatives[1].rate == 0.5)
        #expect(g.initiatives[0].integration == -.infinity)
        #expect(g.initiatives[0].launchThreshold == 0.5)
    }

    @Test func templateEntriesComeFirstAndOwnEntriesOverrideByName() throws {
        let s = try scenario(Self.precedence)
        let g = s.input.governments[0]
        #expect(g.agencies.map(\.name) == ["A", "B", "C"])
        #expect(g.agencies.map(\.sector) == ["s1", "s2", "s3"])
        #expect(g.initiatives.map(\.name) == ["k", "own"])
        #expect(g.initiatives[0].partners == [1, 0])
        #expect(g.initiatives[1].partners == [2, 0])
        #expect(s.input.governments[1].agencies.map(\.name) == ["A", "B"])
    }

    @Test func everyAgencyAndGovernmentKey() throws {
        let s = try scenario(
            """
            governments:
              - name: G
                kind: ministry
                prehistory: conflict
                initialSpbe: 2.5
                politicalWill: 0.1
                champion: 0.2
                design: 0.3
                mediation: 0.4
                mandate: 0.5
                understanding: 0.6
                internet: 0.7
                internetCeiling: 0.8
                internetGrowth: 0.05
                readiness: 0.9
                agencies:
                  - name: A
                    sector: s
                    ego: 0.11
                    headCommitment: 0.12
                    budget: 1.3
                    hr: 0.14
                    culture: 0.15
                    legacyLockIn: 0.16
                    maturity: 4.5
                    trust: 0.17
                    motivation: selfish

            """)
        let g = s.input.governments[0]
        #expect(g.prehistory == .conflict)
        #expect(g.initialSpbe == 2.5)
        let values = [
            g.politicalWill, g.champion, g.design, g.mediation, g.mandate, g.understanding,
            g.internetAccess, g.internetCeiling, g.internetGrowth, g.readiness,
        ]
        #expect(values == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.05, 0.9].map(Distribution.constant))
        let a = g.agencies[0]
        #expect(
            [a.ego, a.headCommitment, a.budget, a.hr, a.culture, a.legacyLockIn, a.maturity]
                == [0.11, 0.12, 1.3, 0.14, 0.15, 0.16, 4.5].map(Distribution.constant))
        #expect(a.trust == .constant(0.17))
        #expect(a.motivation == .selfish)
        #expect(s.resolvedYAML.contains("kind: ministry"))
    }

    @Test func integrationKeywordsAndNumbers() throws {
        let s = try scenario(
            """
            governments:
              - name: G
                agencies: [{name: A, sector: s}]
                initiatives:
                  - {name: a, partners: [A], integration: weakestLink}
                  - {name: b, partners: [A], integration: geometric}
                  - {name: c, partners: [A], integration: mean}
                  - {name: d, partners: [A], integration: bestShot}
                  - {name: e, partners: [A], integration: -2.5}
                  - {name: f, partners: [A], citizenFacing: true, displacesLegacy: true, rate: 1, launchThreshold: 0.7}

            """)
        let initiatives = s.input.governments[0].initiatives
        #expect(initiatives.map(\.integration) == [-.infinity, 0, 1, .infinity, -2.5, -.infinity])
        #expect(initiatives[5].citizenFacing && initiatives[5].displacesLegacy)
        #expect(initiatives[5].rate == 1 && initiatives[5].launchThreshold == 0.7)
        #expect(!initiatives[0].citizenFacing && !initiatives[0].displacesLegacy)
        for word in ["weakestLink", "geometric", "mean", "bestShot"] {
            #expect(s.resolvedYAML.contains("integration: \(word)"))
        }
    }
}

@Suite struct TargetTests {
    static let region = """
        governments:
          - name: G
            agencies:
              - {name: A, sector: s1}
              - {name: B, sector: s2}
              - {name: C, sector: s3}
          - name: H
            agencies:
              - {name: A, sector: s1}
              - {name: D, sector: s2}

        """

    private func targets(_ target: String, lever: String = "training") throws -> [InterventionTarget] {
        let s = try scenario(Self.region + "interventions:\n  - {lever: \(lever), intensity: 0.5\(target)}\n")
        return s.input.interventions[0].targets
    }

    @Test func noTargetMeansEveryAgencyOfEveryGovernment() throws {
        #expect(
            try targets("") == [
                InterventionTarget(government: 0, agencies: [0, 1, 2]),
                InterventionTarget(government: 1, agencies: [0, 1]),
            ])
    }

    @Test func agencyFilterIsTheUnionOfNamesAndSectors() throws {
        #expect(
            try targets(", target: {agencies: [A], sectors: [s3]}") == [
                InterventionTarget(government: 0, agencies: [0, 2]),
                InterventionTarget(government: 1, agencies: [0]),
            ])
    }

    @Test func aGovernmentWhereTheFilterMatchesNobodyIsNotTargeted() throws {
        #expect(try targets(", target: {sectors: [s3]}") == [InterventionTarget(government: 0, agencies: [2])])
        #expect(
            try targets(", target: {agencies: [D]}", lever: "champion")
                == [InterventionTarget(government: 1, agencies: [1])])
    }

    @Test func governmentsFilterKeepsScenarioOrder() throws {
        #expect(
            try targets(", target: {governments: [H, G], sectors: [s2]}") == [
                InterventionTarget(government: 0, agencies: [1]),
                InterventionTarget(government: 1, agencies: [1]),
            ])
    }

    @Test func namesMustExistInATargetedGovernment() {
        #expect(
            messages(
                Self.region
                    + "interventions:\n  - {lever: training, intensity: 0.5, target: {governments: [H], sectors: [s3]}}\n"
            )
                == ["sector 's3' is not the sector of an agency in any targeted government; sectors are: s1, s2"])
        #expect(
            messages(Self.region + "interventions:\n  - {lever: training, intensity: 0.5, target: {agencies: [E]}}\n")
                == ["agency 'E' is not an agency of any government; agencies are: A, B, C, D"])
    }

    @Test func interventionFieldsAndPolicies() throws {
        let s = try scenario(
            Self.region + """
                interventions:
                  - {lever: external_mandate, start: 3, duration: 12, intensity: 0.4, costPerMonth: 2.5, oneOffCost: 10}
                policies:
                  second: [{lever: champion, intensity: 0.9}]
                  first: [{lever: training, intensity: 0.1}, {lever: infrastructure, intensity: 0.2}]

                """)
        let baseline = s.input.interventions[0]
        #expect(baseline.lever == .externalMandate)
        #expect(baseline.start == 3 && baseline.duration == 12)
        #expect(baseline.intensity == 0.4 && baseline.costPerMonth == 2.5 && baseline.oneOffCost == 10)
        #expect(baseline.policy == nil)
        #expect(s.policies.map(\.name) == ["second", "first"])
        #expect(s.policies[1].interventions.map(\.lever) == [.training, .infrastructure])
        #expect(s.policies[1].interventions.allSatisfy { $0.policy == "first" && $0.duration == nil && $0.start == 0 })
    }
}

@Suite struct DistributionSyntaxTests {
    @Test(arguments: [
        ("0.4", Distribution.constant(0.4)),
        ("{constant: 0.25}", .constant(0.25)),
        ("{uniform: [0.3, 0.7]}", .uniform(low: 0.3, high: 0.7)),
        ("{beta: [2, 5]}", .beta(alpha: 2, beta: 5)),
        ("{normal: [0.5, 0.1], clip: [0, 1]}", .normal(mean: 0.5, sd: 0.1, clip: 0...1)),
        ("{normal: [0.5, 0.1], clip: [0.2, 0.8]}", .normal(mean: 0.5, sd: 0.1, clip: 0.2...0.8)),
        ("{truncatedNormal: [0.5, 0.2, 0.1, 0.9]}", .truncatedNormal(mean: 0.5, sd: 0.2, low: 0.1, high: 0.9)),
        ("{triangular: [0.1, 0.4, 0.9]}", .triangular(low: 0.1, mode: 0.4, high: 0.9)),
        ("{lognormal: [-1, 0.5], clip: [0, 1]}", .lognormal(mu: -1, sigma: 0.5, clip: 0...1)),
        ("{bernoulli: 0.3}", .bernoulli(p: 0.3)),
    ])
    func eachSyntax(_ yaml: String, _ expected: Distribution) throws {
        let s = try scenario("governments:\n  - name: G\n    champion: \(yaml)\n    agencies: [{name: A, sector: s}]\n")
        #expect(s.input.governments[0].champion == expected)
        let again = try ScenarioLoader.parse(text: s.resolvedYAML, path: "resolved.yaml")
        #expect(again.input.governments[0].champion == expected)
    }

    @Test func rangesDependOnTheVariable() throws {
        let s = try scenario(
            "governments:\n  - name: G\n    agencies: [{name: A, sector: s, budget: {uniform: [0.8, 1.5]}, maturity: {triangular: [1, 2, 5]}}]\n"
        )
        #expect(s.input.governments[0].agencies[0].budget == .uniform(low: 0.8, high: 1.5))
        #expect(s.input.governments[0].agencies[0].maturity == .triangular(low: 1, mode: 2, high: 5))
    }

    @Test func distributionMistakes() {
        func check(_ yaml: String) -> [String] {
            messages("governments:\n  - name: G\n    champion: \(yaml)\n    agencies: [{name: A, sector: s}]\n")
        }
        #expect(
            check("{lognormal: [0, 1]}")
                == ["'champion': lognormal can produce values outside [0, 1] and has no clip; add clip: [0, 1]"])
        #expect(
            check("{uniform: [0.5, 1.2]}")
                == [
                    "'champion': uniform can produce values in [0.5, 1.2], outside [0, 1]; keep its bounds within [0, 1]"
                ])
        #expect(check("{betta: [2, 2]}") == ["unknown distribution 'betta' in 'champion'; did you mean 'beta'?"])
        #expect(check("{beta: [2]}") == ["'champion': 'beta' expects 2 numbers [a, b], got 1"])
        #expect(
            check("{uniform: [0.1, 0.5], beta: [2, 2]}")
                == ["'champion': a distribution has one kind, got both 'uniform' and 'beta'"])
        #expect(
            check("{uniform: [0.1, 0.5], clip: [0, 1]}") == ["'champion': 'clip' applies only to normal and lognormal"])
        #expect(
            check("{normal: [0.5, 0.1], clip: [0.8, 0.2]}")
                == ["'champion': 'clip' needs [lo, hi] with lo < hi, got [0.8, 0.2]"])
        #expect(check("1.2") == ["'champion' must be a number in [0, 1], got 1.2"])
        #expect(check("{constant: 2}") == ["'champion' must be a number in [0, 1], got 2"])
        #expect(
            check("\"0.5\"") == [
                "'champion': expected a number or a distribution such as {uniform: [0.3, 0.7]}, got string '0.5'"
            ])
    }
}

@Suite struct SyntaxEdgeTests {
    @Test func wrongShapesSayWhatWasExpected() {
        #expect(
            messages("start: 2018\n" + oneCity)
                == ["'start': expected a mapping such as {year: 2018, month: 1}, got number 2018"])
        #expect(
            messages("governments: [Kota]\n")
                == ["expected a government, a mapping such as {name: Jambi City, agencies: [...]}, got string 'Kota'"])
        #expect(
            messages("templates: {opd: [A]}\n" + oneCity)
                == ["expected template 'opd' to be a mapping such as {agencies: [...], initiatives: [...]}, got a list"]
        )
        #expect(
            messages(oneCity + "interventions: {lever: training}\n")
                == ["'interventions': expected a list of interventions, got a mapping"])
    }

    @Test func quotedAndTaggedScalarsAreText() {
        #expect(messages("months: !!str 60\n" + oneCity) == ["'months': expected an integer, got string '60'"])
        #expect(messages("months: '60'\n" + oneCity) == ["'months': expected an integer, got string '60'"])
    }

    @Test func yamlErrorsFromTextKeepTheirPosition() {
        #expect(
            Fixtures.diagnostics(parsing: "sinergi: 1\nname: a\u{1}b\n")?.hasPrefix(
                "test.yaml:2:8: error: invalid YAML: ") == true)
        #expect(
            Fixtures.diagnostics(parsing: "sinergi: 1\n\tname: x\n")?.hasPrefix("test.yaml:2:1: error: invalid YAML: ")
                == true)
    }

    @Test func anchorsAndAliasesMayShareEntries() throws {
        let s = try scenario(
            oneCity + """
                policies:
                  one: [&t {lever: training, intensity: 0.5}]
                  two: [*t, {lever: champion, intensity: 0.2}]

                """)
        #expect(s.policies[1].interventions.map(\.lever) == [.training, .champion])
        #expect(s.policies[1].interventions[0].policy == "two")
    }

    @Test func unicodeNamesSurviveTheRoundTrip() throws {
        let s = try scenario(
            """
            description: "two\\nlines with \\"quotes\\" and a tab\\t"
            governments:
              - name: "Kota \\"Baru\\": Sélatan #1"
                agencies: [{name: "yes", sector: "2020"}]

            """)
        let again = try ScenarioLoader.parse(text: s.resolvedYAML, path: "r.yaml")
        #expect(again.input == s.input)
        #expect(again.resolvedYAML == s.resolvedYAML)
        #expect(s.input.governments[0].name == "Kota \"Baru\": Sélatan #1")
        #expect(s.input.governments[0].agencies[0].sector == "2020")
    }
}

/// `citizens:` in network mode: every graph kind, its parameters, their checks, and the
/// resolved scenario that reproduces them.
@Suite struct NetworkCitizensTests {
    @Test(arguments: [
        ("{kind: complete}", CitizenGraphKind.complete),
        ("{kind: ring_lattice, k: 4}", .ringLattice(k: 4)),
        ("{kind: watts_strogatz, k: 10, beta: 0.1}", .wattsStrogatz(k: 10, beta: 0.1)),
        ("{kind: barabasi_albert, m: 3}", .barabasiAlbert(m: 3)),
        ("{kind: erdos_renyi, meanDegree: 6.5}", .erdosRenyi(meanDegree: 6.5)),
    ])
    func everyGraphKindReadsAndRoundTrips(graph: String, kind: CitizenGraphKind) throws {
        let s = try scenario("citizens: {mode: network, size: 2000, graph: \(graph)}\n" + oneCity)
        #expect(s.input.citizens == .network(CitizenNetworkSpec(size: 2000, graph: kind)))
        let resolved = try ScenarioLoader.parse(text: s.resolvedYAML, path: "resolved.yaml")
        #expect(resolved.input == s.input)
    }

    @Test func aggregateIsTheDefault() throws {
        #expect(try scenario(oneCity).input.citizens == .aggregate)
        #expect(try scenario("citizens: {mode: aggregate}\n" + oneCity).input.citizens == .aggregate)
    }

    @Test func mistakesAreReported() {
        #expect(
            messages("citizens: {mode: network, graph: {kind: complete}}\n" + oneCity)
                == ["missing required key 'size' for network citizens (citizens per government), e.g. size: 10000"])
        #expect(
            messages("citizens: {mode: network, size: 100}\n" + oneCity)
                == [
                    "missing required key 'graph' for network citizens, e.g. graph: {kind: watts_strogatz, k: 10, beta: 0.1}"
                ])
        #expect(
            messages("citizens: {mode: network, size: 100, graph: {kind: ring_lattice, k: 3}}\n" + oneCity)
                == ["citizens.graph: k must be an even number ≥ 2, got 3"])
        #expect(
            messages("citizens: {mode: network, size: 10, graph: {kind: barabasi_albert, m: 10}}\n" + oneCity)
                == ["citizens.graph: m must be smaller than the number of citizens (10), got 10"])
        #expect(
            messages("citizens: {mode: network, size: 10, graph: {kind: complete, k: 2}}\n" + oneCity)
                == ["'k' does not apply to a complete graph, which takes no parameters"])
        #expect(
            messages("citizens: {mode: network, size: 10, graph: {kind: small_world}}\n" + oneCity)
                == [
                    "unknown graph kind 'small_world'; expected one of: complete, ring_lattice, watts_strogatz, barabasi_albert, erdos_renyi"
                ])
        #expect(
            messages("citizens: {mode: aggregate, size: 10}\n" + oneCity)
                == ["'citizens.size' applies only to {mode: network}"])
        #expect(messages("citizens: {mode: network, size: 0, graph: {kind: complete}}\n" + oneCity).count == 1)
    }
}

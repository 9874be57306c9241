import Foundation
import SinergiModel
import SinergiScenario
import Testing

@Suite struct ShippedScenarioTests {
    static let names = [
        "classroom", "jambi-province-2018", "indonesia-548", "indonesia-calibrated", "province-1m-citizens",
        "indonesia-548-2018",
    ]

    @Test(arguments: names)
    func loadsWithoutErrors(_ name: String) {
        #expect(Fixtures.diagnostics(loading: Fixtures.scenario(name)) == nil)
    }

    /// Loading the resolved YAML gives an identical model input and policies, and resolving
    /// it again writes the same text.
    @Test(arguments: names)
    func resolvedYAMLRoundTrips(_ name: String) throws {
        let original = try ScenarioLoader.load(path: Fixtures.scenario(name))
        let resolved = try ScenarioLoader.parse(text: original.resolvedYAML, path: "resolved.yaml")
        #expect(resolved.input == original.input)
        #expect(resolved.policies == original.policies)
        #expect(resolved.name == original.name)
        #expect(resolved.slug == original.slug)
        #expect(resolved.seed == original.seed)
        #expect(resolved.replicates == original.replicates)
        #expect(resolved.resolvedYAML == original.resolvedYAML)
        #expect(!original.resolvedYAML.contains("template:"))
        #expect(original.sourceText.hasPrefix("# "))
    }

    @Test func classroom() throws {
        let s = try ScenarioLoader.load(path: Fixtures.scenario("classroom"))
        #expect(s.seed == 1)
        #expect(s.replicates == 200)
        #expect(s.input.governments.count == 1)
        let city = s.input.governments[0]
        #expect(city.agencies.count == 7)
        #expect(Set(city.agencies.map(\.sector)).count == 7)
        #expect(city.initiatives.map(\.name) == ["e-planning", "e-budgeting", "complaints service"])
        let finance = try #require(city.agencies.firstIndex { $0.sector == "finance" })
        #expect(city.agencies[finance].legacyLockIn == .constant(0.7))
        #expect(city.initiatives[1].displacesLegacy)
        #expect(city.initiatives[1].partners.contains(finance))
        #expect(city.initiatives[2].citizenFacing)
        #expect(s.policies.count >= 3)
        #expect(s.input.interventions.isEmpty)
    }

    @Test func jambiProvince2018() throws {
        let s = try ScenarioLoader.load(path: Fixtures.scenario("jambi-province-2018"))
        #expect(s.slug == "jambi-province-2018")
        let governments = s.input.governments
        #expect(governments.count == 12)
        // seed 000, Table 2
        let reported: [String: Double?] = [
            "Jambi Province": 1.79, "Jambi City": 2.20, "Muaro Jambi Regency": 1.22,
            "East Tanjung Jabung Regency": 1.67, "West Tanjung Jabung Regency": 1.40,
            "Batanghari Regency": 2.20, "Tebo Regency": 1.27, "Bungo Regency": nil,
            "Sarolangun Regency": 1.87, "Merangin Regency": 1.65, "Kerinci Regency": nil,
            "Sungai Penuh City": 1.97,
        ]
        #expect(Set(governments.map(\.name)) == Set(reported.keys))
        for government in governments {
            #expect(government.initialSpbe == reported[government.name] ?? nil, "\(government.name)")
            #expect(government.internetAccess == .constant(0.3582))
            #expect(government.design == .constant(0.2))
            #expect(government.initiatives.contains { $0.citizenFacing })
            let lockIn = government.agencies.first { $0.name == "Bakeuda" }?.legacyLockIn
            #expect(lockIn == .constant(government.name == "Jambi Province" ? 0.7 : 0))
        }
        let index = governments.compactMap(\.initialSpbe)
        #expect(abs(index.reduce(0, +) / Double(index.count) - 1.724) < 1e-9)
        #expect(
            s.policies.map(\.name) == [
                "leadership-and-political-will", "capacity-first", "coordination", "legacy-migration",
                "citizen-side", "all-together",
            ])
        // The packages follow the source articles' recommendations (issue "compare").
        let levers = s.policies.map { Set($0.interventions.map(\.lever)) }
        #expect(levers[0] == [.politicalWill])
        #expect(levers[1] == [.training, .staffRetention, .budgetRingfence])
        #expect(levers[2] == [.coordinationTeam, .neutralMediator, .champion])
        #expect(levers[3] == [.legacyMigration, .externalMandate])
        #expect(levers[4] == [.citizenOutreach, .infrastructure])
        // Every cost in the policies block is marked as an assumption.
        let policyBlock = s.sourceText[s.sourceText.range(of: "\npolicies:")!.upperBound...]
        let costLines = policyBlock.split(separator: "\n").filter { $0.contains("Cost:") }
        #expect(!costLines.isEmpty)
        for line in costLines { #expect(line.contains("# assumption"), "\(line)") }
        let allTogether = s.policies[5].interventions.map(\.lever)
        #expect(Set(allTogether) == Set(s.policies[0..<5].flatMap(\.interventions).map(\.lever)))
        #expect(s.policies.allSatisfy { $0.interventions.allSatisfy { $0.policy != nil } })
    }

    /// Seed 001, Table 2: 548 local governments (483 websites reachable, 60 not, 5 without
    /// one). The seeds give the count only, so the names are systematic.
    /// indonesia-calibrated.yaml is indonesia-548-2018.yaml with the posterior medians its
    /// header gives written in as `sinergi calibrate` writes calibrated.yaml (and its own
    /// name): the same text below the header, and the scenario that `--set` of those values
    /// gives.
    @Test func indonesiaCalibratedIsIndonesia548From2018WithTheMediansOfItsHeader() throws {
        let shipped = try String(contentsOfFile: Fixtures.scenario("indonesia-calibrated"), encoding: .utf8)
        var lines = shipped.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let end = try #require(lines.firstIndex(of: "#"))
        let header = lines[1...end]
        lines.removeSubrange(1...end)
        let values = header.compactMap { line -> String? in
            guard line.hasPrefix("#   "), line.contains("(90% ") else { return nil }
            let parts = line.dropFirst(4).components(separatedBy: "  (")[0].components(separatedBy: " = ")
            return parts.count == 2 ? parts[0] + "=" + parts[1] : nil
        }
        #expect(
            values == [
                "parameters.maturity.growth=0.137", "parameters.trust.build=0.154", "defaults.government.mandate=0.798",
            ])
        let overrides = try (values + ["name=Indonesia 548 calibrated"]).map { try ScenarioOverride($0) }
        let source = try ScenarioSource.load(path: Fixtures.scenario("indonesia-548-2018"))
        let edited = try #require(
            source.editedText(with: overrides, note: "posterior median (sinergi calibrate)"))
        #expect(lines.joined(separator: "\n") == edited)
        let calibrated = try ScenarioLoader.load(path: Fixtures.scenario("indonesia-calibrated"))
        #expect(calibrated.input == (try source.scenario(with: overrides).input))
        #expect(calibrated.slug == "indonesia-548-calibrated")
    }

    @Test func indonesia548() throws {
        let s = try ScenarioLoader.load(path: Fixtures.scenario("indonesia-548"))
        #expect(s.slug == "indonesia-548")
        #expect(s.input.citizens == .aggregate)
        let governments = s.input.governments
        #expect(governments.count == 548)
        #expect(governments.map(\.name) == (1...548).map { "Local government " + String(format: "%03d", $0) })
        // Five template sizes taking turns; the seed-named agencies in every government.
        var sizes: [Int: Int] = [:]
        for government in governments {
            #expect((20...40).contains(government.agencies.count), "\(government.name)")
            sizes[government.agencies.count, default: 0] += 1
            #expect(government.initialSpbe == 2.14, "national mean of local governments, 2020")
            let names = Set(government.agencies.map(\.name))
            #expect(names.isSuperset(of: ["Diskominfo", "Bappeda", "Bakeuda", "DPMPTSP"]))
            #expect(
                government.initiatives.map(\.name) == [
                    "e-planning", "e-budgeting", "one-stop licensing",
                    "public complaints",
                ])
            #expect(government.initiatives.contains { $0.citizenFacing })
        }
        #expect(sizes == [20: 110, 25: 110, 30: 110, 35: 109, 40: 109])
        // The website groups of the table, in the file's comments.
        for note in ["483 (88%)", "60 (11%)", "5 (1%)"] { #expect(s.sourceText.contains(note)) }
        #expect(s.input.interventions.isEmpty)
    }

    /// indonesia-548-2018.yaml: indonesia-548.yaml's governments and agencies from January
    /// 2018, as 34 provinces (seeds 000 and 001), 416 regencies and 98 cities (the national
    /// count), starting at the 2018 shares at Baik by kind (59% of provinces below Baik, 75% of
    /// cities, about 8% of regencies at Baik) and, below Baik, at the values of the Jambi 2018
    /// table (seed 000, Table 2).
    @Test func indonesia548From2018() throws {
        let s = try ScenarioLoader.load(path: Fixtures.scenario("indonesia-548-2018"))
        let base = try ScenarioLoader.load(path: Fixtures.scenario("indonesia-548"))
        #expect(s.slug == "indonesia-548-2018")
        #expect(s.input.startYear == 2018 && s.input.startMonth == 1 && s.input.months == 72)
        let governments = s.input.governments
        #expect(governments.count == 548)
        #expect(governments.map(\.name) == base.input.governments.map(\.name))
        for (government, same) in zip(governments, base.input.governments) {
            #expect(government.agencies == same.agencies, "\(government.name)")
            #expect(government.initiatives == same.initiatives, "\(government.name)")
        }
        let kinds = s.governmentKinds
        #expect(kinds.count(where: { $0 == "province" }) == 34)
        #expect(kinds.count(where: { $0 == "regency" }) == 416)
        #expect(kinds.count(where: { $0 == "city" }) == 98)
        let jambi2018: Set<Double> = [1.79, 2.20, 1.22, 1.67, 1.40, 1.27, 1.87, 1.65, 1.97]
        for (kind, atBaik) in [("province", 14), ("regency", 33), ("city", 24)] {
            let values = governments.indices.filter { kinds[$0] == kind }.map { governments[$0].initialSpbe! }
            #expect(values.count(where: { $0 >= 2.6 }) == atBaik, "\(kind)")
            #expect(values.allSatisfy { $0 == 2.7 || jambi2018.contains($0) }, "\(kind)")
            #expect(values.first { $0 < 2.6 } == 1.79, "the first below Baik starts at Jambi Province's 1.79")
        }
        // design 0.2 exactly where the index is 1.22 (unreachable with the default 0.3).
        for government in governments {
            #expect((government.design == .constant(0.2)) == (government.initialSpbe == 1.22), "\(government.name)")
        }
    }

    /// One province (seed 000, Table 2: Jambi Province, SPBE 1.79; 35.82% internet access)
    /// with a million citizens on a Watts–Strogatz network, and few default replicates.
    @Test func province1MCitizens() throws {
        let s = try ScenarioLoader.load(path: Fixtures.scenario("province-1m-citizens"))
        #expect(s.slug == "province-1m-citizens")
        #expect(s.input.governments.count == 1)
        #expect(
            s.input.citizens == .network(CitizenNetworkSpec(size: 1_000_000, graph: .wattsStrogatz(k: 10, beta: 0.1))))
        #expect(s.replicates == 20)
        let province = s.input.governments[0]
        #expect(province.name == "Jambi Province")
        #expect(province.initialSpbe == 1.79)
        #expect(province.internetAccess == .constant(0.3582))
        #expect(province.agencies.first { $0.name == "Bakeuda" }?.legacyLockIn == .constant(0.7))
        #expect(province.initiatives.contains { $0.citizenFacing })
        #expect(s.policies.map(\.name) == ["citizen-side"])
    }
}

import SinergiModel
import SinergiScenario

/// A scenario checked for a live class, with what the page shows about it.
public struct ClassroomScenario: Sendable {
    /// Largest scenario a live class can step comfortably: twelve governments lets a class
    /// follow Jambi Province and its eleven regencies and cities (seed 000, Table 2).
    public static let maximumGovernments = 12
    public static let maximumAgencies = 60
    public static let maximumCitizens = 100_000

    /// The scenario as loaded.
    public let scenario: Scenario
    /// What `GET /api/scenario` returns.
    public let description: ScenarioDescription

    /// Wraps `scenario`.
    ///
    /// - Throws: a 400 ``ClassroomError`` when the scenario is too big for a live class
    ///   (more than 12 governments, more than 60 agencies in a government, or more than
    ///   100,000 network citizens per government); the message names the limit.
    public init(_ scenario: Scenario) throws(ClassroomError) {
        let input = scenario.input
        let hint = "; a class needs a small scenario such as Scenarios/classroom.yaml"
        if input.governments.count > Self.maximumGovernments {
            throw .badRequest(
                "\(scenario.path) has \(input.governments.count) governments, more than the \(Self.maximumGovernments) a live class can follow\(hint)"
            )
        }
        if let big = input.governments.first(where: { $0.agencies.count > Self.maximumAgencies }) {
            throw .badRequest(
                "government '\(big.name)' of \(scenario.path) has \(big.agencies.count) agencies, more than the \(Self.maximumAgencies) a live class can follow\(hint)"
            )
        }
        if case .network(let network) = input.citizens, network.size > Self.maximumCitizens {
            throw .badRequest(
                "\(scenario.path) has \(network.size) network citizens per government, more than the \(Self.maximumCitizens) a live class can step\(hint)"
            )
        }
        self.scenario = scenario
        description = Self.describe(scenario)
    }

    /// Loads and wraps the scenario file at `path`.
    ///
    /// - Throws: a 400 ``ClassroomError`` with the scenario's diagnostics, or the size limits of ``init(_:)``.
    public static func load(path: String) throws(ClassroomError) -> ClassroomScenario {
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader.load(path: path)
        } catch {
            throw .badRequest("\(error)")
        }
        return try ClassroomScenario(scenario)
    }

    /// The scenario's model input with `settings` applied: each moved slider set for every
    /// government (``Construct/apply(_:to:)``), and the settings' levers appended to the
    /// scenario's own interventions from month 0 on, in the order of MODEL.md §4, each
    /// targeting every government and agency.
    ///
    /// - Throws: a 400 ``ClassroomError`` when the settings are not valid.
    public func input(for settings: ClassroomSettings) throws(ClassroomError) -> ModelInput {
        try settings.validate()
        var input = scenario.input
        for construct in Construct.allCases {
            guard let value = settings.constructs[construct.rawValue] else { continue }
            for g in input.governments.indices { construct.apply(value, to: &input.governments[g]) }
        }
        for info in LeverInfo.all {
            guard let setting = settings.levers[info.lever.rawValue] else { continue }
            input.interventions.append(
                intervention(info.lever, intensity: setting.intensity ?? info.defaultIntensity, start: 0, duration: nil)
            )
        }
        return input
    }

    /// An intervention of `lever` on every government and agency.
    func intervention(_ lever: Lever, intensity: Double, start: Int, duration: Int?) -> Intervention {
        let targets = scenario.input.governments.indices.map {
            InterventionTarget(government: $0, agencies: Array(scenario.input.governments[$0].agencies.indices))
        }
        return Intervention(lever: lever, targets: targets, start: start, duration: duration, intensity: intensity)
    }

    private static func describe(_ scenario: Scenario) -> ScenarioDescription {
        let input = scenario.input
        let first = input.governments[0]
        let constructs = Construct.allCases.map { construct in
            let range = construct.range
            let value = Swift.min(range.upperBound, Swift.max(range.lowerBound, construct.value(in: first)))
            return ScenarioDescription.ConstructDescription(
                key: construct.rawValue, label: construct.label, min: range.lowerBound, max: range.upperBound,
                step: 0.01, value: (value * 1000).rounded() / 1000, symbol: construct.symbol, help: construct.help,
                source: construct.source)
        }
        let levers = LeverInfo.all.map {
            ScenarioDescription.LeverDescription(
                key: $0.lever.rawValue, label: $0.label, level: $0.level, defaultIntensity: $0.defaultIntensity,
                note: $0.note, source: $0.source)
        }
        let governments = input.governments.map { government in
            var shared: [Int: [Int: [Int]]] = [:]
            for (k, initiative) in government.initiatives.enumerated() {
                let partners = Array(Set(initiative.partners)).sorted()
                for x in partners.indices {
                    for y in partners.indices where y > x {
                        shared[partners[x], default: [:]][partners[y], default: []].append(k)
                    }
                }
            }
            let links = shared.keys.sorted().flatMap { a in
                shared[a]!.keys.sorted().map { b in
                    ScenarioDescription.LinkDescription(a: a, b: b, initiatives: shared[a]![b]!)
                }
            }
            return ScenarioDescription.GovernmentDescription(
                name: government.name,
                agencies: government.agencies.map { .init(name: $0.name, sector: $0.sector) },
                initiatives: government.initiatives.map {
                    .init(
                        name: $0.name, partners: $0.partners, citizenFacing: $0.citizenFacing,
                        displacesLegacy: $0.displacesLegacy, launchThreshold: $0.launchThreshold)
                },
                links: links)
        }
        return ScenarioDescription(
            name: scenario.name, months: input.months, seed: scenario.seed,
            start: .init(year: input.startYear, month: input.startMonth), constructs: constructs, levers: levers,
            governments: governments,
            predicates: SPBEPredicate.allCases.map { .init(name: $0.name, from: $0.lowerBound) })
    }
}

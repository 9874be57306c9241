import SinergiModel
import SinergiScenario

/// A scenario checked for a live class: small enough to step while a class watches.
public struct ClassroomScenario: Sendable {
    /// Largest scenario a live class can step comfortably: twelve governments lets a class
    /// follow Jambi Province and its eleven regencies and cities (seed 000, Table 2).
    public static let maximumGovernments = 12
    public static let maximumAgencies = 60
    public static let maximumCitizens = 100_000

    /// The scenario as loaded.
    public let scenario: Scenario

    /// Wraps `scenario`.
    ///
    /// - Throws: ``ClassroomError/badRequest(_:)`` when the scenario is too big for a live class
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
    }

    /// Loads and wraps the scenario file at `path`.
    ///
    /// - Throws: ``ClassroomError/badRequest(_:)`` with the scenario's diagnostics, or the size limits of ``init(_:)``.
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
    /// - Throws: ``ClassroomError/badRequest(_:)`` when the settings are not valid.
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
}

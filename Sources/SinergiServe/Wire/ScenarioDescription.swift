import SinergiClassroom
import SinergiModel

/// `GET /api/scenario`: what the page needs to draw its controls.
struct ScenarioDescription: Codable, Sendable, Equatable {
    var name: String
    var months: Int
    @SeedText var seed: UInt64
    var start: StartDate
    var constructs: [ConstructDescription]
    var levers: [LeverDescription]
    var governments: [GovernmentDescription]
    var predicates: [PredicateDescription]

    struct StartDate: Codable, Sendable, Equatable {
        var year: Int
        var month: Int
    }

    struct ConstructDescription: Codable, Sendable, Equatable {
        var key: String
        var label: String
        var min: Double
        var max: Double
        var step: Double
        /// Where the slider starts: the scenario's own mean for the first government.
        var value: Double
        var symbol: String
        var help: String
        var source: String
        /// The label, help and source in other languages, by language tag ("id").
        var translations: [String: ConstructText]
    }

    struct ConstructText: Codable, Sendable, Equatable {
        var label: String
        var help: String
        var source: String
    }

    struct LeverDescription: Codable, Sendable, Equatable {
        var key: String
        var label: String
        /// "agency" or "government".
        var level: String
        var defaultIntensity: Double
        var note: String
        var source: String
        /// The label, note and source in other languages, by language tag ("id").
        var translations: [String: LeverText]
    }

    struct LeverText: Codable, Sendable, Equatable {
        var label: String
        var note: String
        var source: String
    }

    struct GovernmentDescription: Codable, Sendable, Equatable {
        var name: String
        var agencies: [AgencyDescription]
        var initiatives: [InitiativeDescription]
        var links: [LinkDescription]
    }

    struct AgencyDescription: Codable, Sendable, Equatable {
        var name: String
        var sector: String
    }

    struct InitiativeDescription: Codable, Sendable, Equatable {
        var name: String
        /// Agency indices.
        var partners: [Int]
        var citizenFacing: Bool
        var displacesLegacy: Bool
        var launchThreshold: Double
    }

    /// Two agencies (a < b) that are partners of at least one common initiative.
    struct LinkDescription: Codable, Sendable, Equatable {
        var a: Int
        var b: Int
        /// The initiatives they share.
        var initiatives: [Int]
    }

    struct PredicateDescription: Codable, Sendable, Equatable {
        var name: String
        var from: Double
    }

    /// What the page needs to know of `classroom`: its sliders start at the scenario's own
    /// means for the first government, its levers come with their lecture notes, and each
    /// government lists its agencies, initiatives and the links between partners.
    init(_ classroom: ClassroomScenario) {
        let scenario = classroom.scenario
        let input = scenario.input
        let first = input.governments[0]
        name = scenario.name
        months = input.months
        seed = scenario.seed
        start = StartDate(year: input.startYear, month: input.startMonth)
        constructs = Construct.allCases.map { construct in
            let range = construct.range
            let value = Swift.min(range.upperBound, Swift.max(range.lowerBound, construct.value(in: first)))
            return ConstructDescription(
                key: construct.rawValue, label: construct.label, min: range.lowerBound, max: range.upperBound,
                step: 0.01, value: (value * 1000).rounded() / 1000, symbol: construct.symbol, help: construct.help,
                source: construct.source,
                translations: [
                    "id": ConstructText(
                        label: construct.indonesian.label, help: construct.indonesian.text,
                        source: construct.indonesian.source)
                ])
        }
        levers = LeverInfo.all.map {
            LeverDescription(
                key: $0.lever.rawValue, label: $0.label, level: $0.level, defaultIntensity: $0.defaultIntensity,
                note: $0.note, source: $0.source,
                translations: [
                    "id": LeverText(label: $0.indonesian.label, note: $0.indonesian.text, source: $0.indonesian.source)
                ])
        }
        governments = input.governments.map { government in
            GovernmentDescription(
                name: government.name,
                agencies: government.agencies.map { AgencyDescription(name: $0.name, sector: $0.sector) },
                initiatives: government.initiatives.map {
                    InitiativeDescription(
                        name: $0.name, partners: $0.partners, citizenFacing: $0.citizenFacing,
                        displacesLegacy: $0.displacesLegacy, launchThreshold: $0.launchThreshold)
                },
                links: Self.links(government))
        }
        predicates = SPBEPredicate.allCases.map { PredicateDescription(name: $0.name, from: $0.lowerBound) }
    }

    /// Every pair of agencies (a < b) that are partners of a common initiative, with the
    /// initiatives they share, ordered by a, then b.
    static func links(_ government: GovernmentSpec) -> [LinkDescription] {
        var shared: [Int: [Int: [Int]]] = [:]
        for (k, initiative) in government.initiatives.enumerated() {
            let partners = Array(Set(initiative.partners)).sorted()
            for x in partners.indices {
                for y in partners.indices where y > x {
                    shared[partners[x], default: [:]][partners[y], default: []].append(k)
                }
            }
        }
        return shared.keys.sorted().flatMap { a in
            shared[a]!.keys.sorted().map { b in LinkDescription(a: a, b: b, initiatives: shared[a]![b]!) }
        }
    }
}

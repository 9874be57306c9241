import SinergiClassroom
import SinergiModel

/// SETTINGS of docs/classroom-api.md: ``ClassroomSettings`` as JSON. Every key is optional
/// in a request; in STATE the seed is always filled in.
struct SettingsJSON: Codable, Sendable, Equatable {
    var seed: UInt64?
    var constructs: [String: Double]
    var levers: [String: Lever]
    var participation: Bool

    /// A lever switched on from month 0: `{"intensity": 0.6}`, or `{}` for its default.
    struct Lever: Codable, Sendable, Equatable {
        var intensity: Double?
    }

    init(_ settings: ClassroomSettings) {
        seed = settings.seed
        constructs = settings.constructs
        levers = settings.levers.mapValues { Lever(intensity: $0.intensity) }
        participation = settings.participation
    }

    /// The settings the JSON describes.
    var settings: ClassroomSettings {
        ClassroomSettings(
            seed: seed, constructs: constructs, levers: levers.mapValues { LeverSetting(intensity: $0.intensity) },
            participation: participation)
    }

    enum CodingKeys: String, CodingKey { case seed, constructs, levers, participation }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // A string, as STATE writes it (a 64-bit seed loses digits as a JavaScript number),
        // or a number.
        seed = try container.decodeIfPresent(SeedText.self, forKey: .seed)?.wrappedValue
        constructs = try container.decodeIfPresent([String: Double].self, forKey: .constructs) ?? [:]
        levers = try container.decodeIfPresent([String: Lever].self, forKey: .levers) ?? [:]
        participation = try container.decodeIfPresent(Bool.self, forKey: .participation) ?? false
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(seed.map { SeedText(wrappedValue: $0) }, forKey: .seed)
        try container.encode(constructs, forKey: .constructs)
        try container.encode(levers, forKey: .levers)
        try container.encode(participation, forKey: .participation)
    }
}

import SinergiClassroom

/// The body of `POST /api/sessions` and `…/setup`: `{"settings": SETTINGS}`, or `{}`.
struct SettingsRequest: Codable, Sendable, Equatable, RequestExample {
    /// The settings; nil when the body is `{}`.
    var settings: ClassroomSettings?

    init(settings: ClassroomSettings? = nil) {
        self.settings = settings
    }

    static let example =
        #"{"settings": {"seed": 1, "constructs": {"ego": 0.7, "champion": 0.6}, "levers": {"training": {"intensity": 0.6}}, "participation": true}}"#

    enum CodingKeys: String, CodingKey { case settings }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        settings = try container.decodeIfPresent(SettingsJSON.self, forKey: .settings)?.settings
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(settings.map(SettingsJSON.init), forKey: .settings)
    }
}

/// The body of `POST …/lever`: switch a lever on (with an intensity) or off.
struct LeverRequest: Codable, Sendable, Equatable, RequestExample {
    /// Lever key, e.g. `training`.
    var lever: String
    var on: Bool
    /// Intensity in [0, 1] when switching on; nil takes the lever's default.
    var intensity: Double?

    init(lever: String, on: Bool, intensity: Double? = nil) {
        self.lever = lever
        self.on = on
        self.intensity = intensity
    }

    static let example = #"{"lever": "training", "on": true, "intensity": 0.6}"#
}

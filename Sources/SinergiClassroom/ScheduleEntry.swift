/// A lever switched on during a session: on from month `start` to `end` (exclusive; nil:
/// to the end of the run), at one intensity (docs/model.md §8, choice 31).
public struct ScheduleEntry: Sendable, Equatable {
    /// Lever key, the scenario-file name (e.g. `training`).
    public var lever: String
    public var intensity: Double
    public var start: Int
    public var end: Int?

    public init(lever: String, intensity: Double, start: Int, end: Int?) {
        self.lever = lever
        self.intensity = intensity
        self.start = start
        self.end = end
    }
}

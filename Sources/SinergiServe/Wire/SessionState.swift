import SinergiClassroom
import SinergiModel

/// STATE of docs/classroom-api.md: a ``ClassroomSession`` as the page sees it. `frames` is
/// absent in STATE_WITHOUT_FRAMES.
struct SessionState: Codable, Sendable, Equatable {
    var id: String
    var month: Int
    var months: Int
    var finished: Bool
    @SeedText var seed: UInt64
    var settings: SettingsJSON
    var pendingSetup: Bool
    var schedule: [ScheduleEntry]
    var frames: [FrameJSON]?
    var players: [Player]
    var choices: [Choice]

    /// The state of `session` with the frames after month `since` (all without it), or
    /// without frames when `includeFrames` is false.
    init(_ session: ClassroomSession, since: Int? = nil, includeFrames: Bool = true) {
        id = session.id
        month = session.month
        months = session.months
        finished = session.isFinished
        seed = session.seed
        settings = SettingsJSON(session.settings)
        pendingSetup = session.pendingSettings != nil
        schedule = session.schedule.map(ScheduleEntry.init)
        frames = includeFrames ? session.frames.filter { $0.month > (since ?? -1) }.map(FrameJSON.init) : nil
        players = session.players.map(Player.init)
        choices = session.choices.map(Choice.init)
    }

    /// A lever entry of the run: `end` is the first month without the lever, null while it
    /// lasts to the end.
    struct ScheduleEntry: Codable, Sendable, Equatable {
        var lever: String
        var intensity: Double
        var start: Int
        var end: Int?

        init(_ entry: SinergiClassroom.ScheduleEntry) {
            lever = entry.lever
            intensity = entry.intensity
            start = entry.start
            end = entry.end
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(lever, forKey: .lever)
            try container.encode(intensity, forKey: .intensity)
            try container.encode(start, forKey: .start)
            try container.encode(end, forKey: .end)  // null while it lasts to the end
        }
    }

    /// A player as the state lists it (the token is not shown); `stance` is null until the
    /// player chooses one for the current month.
    struct Player: Codable, Sendable, Equatable {
        var government: Int
        var agency: Int
        var name: String
        var stance: StanceJSON?

        init(_ player: SinergiClassroom.Player) {
            government = player.government
            agency = player.agency
            name = player.name
            stance = player.stance.map(StanceJSON.init)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(government, forKey: .government)
            try container.encode(agency, forKey: .agency)
            try container.encode(name, forKey: .name)
            try container.encode(stance, forKey: .stance)
        }
    }

    /// What one played agency did in one past month.
    struct Choice: Codable, Sendable, Equatable {
        var month: Int
        var government: Int
        var agency: Int
        var stance: StanceJSON
        var players: Int

        init(_ choice: SinergiClassroom.Choice) {
            month = choice.month
            government = choice.government
            agency = choice.agency
            stance = StanceJSON(choice.stance)
            players = choice.players
        }
    }
}

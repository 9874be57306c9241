import Foundation
import SinergiModel
import SinergiScenario
import SinergiStats

/// One live replicate of a scenario with its settings, lever schedule, history and players
/// (docs/classroom-api.md, Sessions).
///
/// The live run is replicate 0 of design point 0 of the session's seed, the replicate
/// `sinergi run --seed S` runs first, so with nobody playing, future 0 and the exported
/// scenario follow the same trajectory as the page.
///
/// Memory is bounded whatever a class does: at most months + 1 frames, one choice per
/// agency and month, 200 players, at most one schedule entry per lever and month, and
/// ``moves``: one per lever and month and one per player, stance item and month.
///
/// Not thread-safe. The server owns each session inside one actor and calls it only from
/// there, hence `@unchecked Sendable`; ``FuturesJob`` is the part that runs elsewhere.
/// A refused request throws a ``ClassroomError`` before it changes anything.
public final class ClassroomSession: @unchecked Sendable {
    /// Largest number of players in a session.
    public static let maximumPlayers = 200
    /// Largest number of futures in one request.
    public static let maximumFutures = 1000
    /// Largest number of months in one step request.
    public static let maximumStep = 12
    /// Intensity of the training intervention a "training" stance adds.
    public static let stanceTrainingIntensity = 0.5
    /// Intensity (budget floor) of the ring-fence a "commit budget" stance adds.
    public static let stanceBudgetIntensity = 1.0

    public let id: String
    public let scenario: ClassroomScenario
    /// The settings of the last Setup, with the seed filled in.
    public private(set) var settings: ClassroomSettings
    /// Settings staged after month 0, waiting for the next Setup.
    public private(set) var pendingSettings: ClassroomSettings?
    /// Levers switched on during the session, the settings' levers first (from month 0).
    public private(set) var schedule: [ScheduleEntry] = []
    /// One frame per month simulated so far, month 0 first.
    public private(set) var frames: [Frame] = []
    /// What the played agencies did, one entry per played agency and past month.
    public private(set) var choices: [Choice] = []
    /// The levers switched and the students' stance items that acted, in order, since the
    /// last Setup (the settings' levers at month 0 first): at most one per lever and month,
    /// and one per player, stance item and month.
    public private(set) var moves: [Move] = []
    /// The players, in the order they joined.
    public var players: [Player] { seats.map(\.player) }
    /// The master seed.
    public var seed: UInt64 { settings.seed ?? scenario.scenario.seed }
    /// Months simulated so far.
    public var month: Int { live.month }
    public var months: Int { live.input.months }
    public var isFinished: Bool { live.isFinished }

    /// The scenario's input with the settings' constructs, before any intervention of the session.
    private var baseInput: ModelInput
    private var live: LiveRun
    /// The session's interventions in the order they were added: a schedule entry or a
    /// stance's training or budget intervention.
    private var slots: [Slot] = []
    private var seats: [Seat] = []
    /// Whether a share/guard stance has acted since the last Setup.
    private var usedEffortStances = false

    private enum Slot {
        case schedule(Int)
        case stance(Intervention)
    }

    /// A player and the token only they hold.
    private struct Seat {
        var token: String
        var player: Player
    }

    /// A session with `settings` set up at month 0.
    ///
    /// - Throws: ``ClassroomError/badRequest(_:)`` when the settings are not valid or the
    ///   model cannot start from them.
    public init(id: String, scenario: ClassroomScenario, settings: ClassroomSettings = ClassroomSettings())
        throws(ClassroomError)
    {
        self.id = id
        self.scenario = scenario
        let (resolved, input, live) = try Self.prepare(scenario, settings)
        self.settings = resolved
        baseInput = input
        self.live = live
        startSchedule()
        startMoves()
    }

    /// The settings' levers as the first moves of the run.
    private func startMoves() {
        moves = schedule.map {
            Move(month: 0, player: nil, government: nil, agency: nil, what: "lever:\($0.lever)", value: $0.intensity)
        }
    }

    /// Records that the lecturer switched `lever` at the current month (replacing an earlier
    /// switch of the same lever in the same month).
    private func recordLever(_ lever: Lever, intensity: Double?) {
        let move = Move(
            month: month, player: nil, government: nil, agency: nil, what: "lever:\(lever.rawValue)", value: intensity)
        if let same = moves.lastIndex(where: { $0.player == nil && $0.what == move.what && $0.month == month }) {
            moves.remove(at: same)
        }
        moves.append(move)
    }

    /// Validates `settings` and starts a live run from them (interventions set later).
    private static func prepare(_ scenario: ClassroomScenario, _ settings: ClassroomSettings)
        throws(ClassroomError) -> (ClassroomSettings, ModelInput, LiveRun)
    {
        var resolved = settings
        resolved.seed = settings.seed ?? scenario.scenario.seed
        var constructsOnly = resolved
        constructsOnly.levers = [:]
        let input = try scenario.input(for: constructsOnly)
        // Levers do not act on initialisation, so the run can start before they are set.
        do {
            let live = try LiveRun(input: input, masterSeed: resolved.seed!, replicate: 0)
            return (resolved, input, live)
        } catch {
            throw .badRequest("the model cannot start from these settings: \(error)")
        }
    }

    /// The settings' levers as schedule entries from month 0; records frame 0.
    private func startSchedule() {
        schedule = []
        slots = []
        for info in LeverInfo.all {
            guard let setting = settings.levers[info.lever.rawValue] else { continue }
            schedule.append(
                ScheduleEntry(
                    lever: info.lever.rawValue, intensity: setting.intensity ?? info.defaultIntensity,
                    start: 0, end: nil))
            slots.append(.schedule(schedule.count - 1))
        }
        live.setInterventions(interventions(stances: true))
        frames = [frame(played: [])]
        choices = []
        usedEffortStances = false
    }

    // MARK: Setup and settings

    /// Starts again at month 0 with `settings` (nil: the staged settings if any, else the
    /// current ones). History and stances are cleared, players are kept.
    ///
    /// - Throws: ``ClassroomError/badRequest(_:)`` when the settings are not valid; nothing
    ///   changes then.
    public func setup(_ settings: ClassroomSettings?) throws(ClassroomError) {
        let chosen = settings ?? pendingSettings ?? self.settings
        let (resolved, input, live) = try Self.prepare(scenario, chosen)
        self.settings = resolved
        baseInput = input
        self.live = live
        pendingSettings = nil
        startSchedule()
        startMoves()
        for p in seats.indices { seats[p].player.stance = nil }
    }

    /// Settings for later: applied at once at month 0, otherwise kept for the next Setup
    /// (``pendingSettings``).
    ///
    /// - Throws: ``ClassroomError/badRequest(_:)`` when the settings are not valid.
    public func stage(_ settings: ClassroomSettings) throws(ClassroomError) {
        try settings.validate()
        if month == 0 { try setup(settings) } else { pendingSettings = settings }
    }

    // MARK: Stepping

    /// Steps `months` months (1 … 12, fewer when the horizon comes first) and returns their
    /// frames. The players' stances act in the first of them and are then cleared.
    ///
    /// - Throws: ``ClassroomError/badRequest(_:)`` for a count out of range,
    ///   ``ClassroomError/conflict(_:)`` at the horizon.
    public func step(months count: Int) throws(ClassroomError) -> [Frame] {
        guard (1...Self.maximumStep).contains(count) else {
            throw .badRequest("field 'months' must be an integer in [1, \(Self.maximumStep)], got \(count)")
        }
        guard !isFinished else {
            throw .conflict(
                .init(
                    .runFinished, ["months": String(months)],
                    message: "the run has finished at month \(months); Setup starts it again"))
        }
        var new: [Frame] = []
        for k in 0..<Swift.min(count, months - month) {
            var imposed: [[AgencyStance?]] = []
            var played: [[Bool]] = []
            if k == 0 { (imposed, played) = applyStances() }
            live.step(stances: imposed)
            let frame = frame(played: played)
            frames.append(frame)
            new.append(frame)
        }
        return new
    }

    /// Turns this month's stances into interventions and effort rules and records the choices.
    private func applyStances() -> ([[AgencyStance?]], [[Bool]]) {
        let t = month
        var byAgency: [[Int]: [Stance]] = [:]
        for seat in seats {
            guard let stance = seat.player.stance, !stance.isEmpty else { continue }
            byAgency[[seat.player.government, seat.player.agency], default: []].append(stance)
            let items: [(String, Bool?)] = [
                ("shareData", stance.shareData), ("training", stance.training), ("commitBudget", stance.commitBudget),
            ]
            for (what, choice) in items {
                guard let choice else { continue }
                let player = seat.player
                moves.append(
                    Move(
                        month: t, player: player.name, government: player.government, agency: player.agency,
                        what: what, value: choice ? 1 : 0))
            }
        }
        for p in seats.indices { seats[p].player.stance = nil }
        guard !byAgency.isEmpty else { return ([], []) }
        var imposed: [[AgencyStance?]] = baseInput.governments.map { Array(repeating: nil, count: $0.agencies.count) }
        var added = false
        for key in byAgency.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let (g, a) = (key[0], key[1])
            let stances = byAgency[key]!
            let majority = Stance.majority(stances)
            choices.append(Choice(month: t, government: g, agency: a, stance: majority, players: stances.count))
            if let share = majority.shareData {
                imposed[g][a] = AgencyStance(shareData: share)
                usedEffortStances = true
            }
            func add(_ lever: Lever, _ intensity: Double) {
                let target = InterventionTarget(government: g, agencies: [a])
                slots.append(
                    .stance(
                        Intervention(
                            lever: lever, targets: [target], start: t, duration: 1,
                            intensity: intensity)))
                added = true
            }
            if majority.training == true { add(.training, Self.stanceTrainingIntensity) }
            if majority.commitBudget == true { add(.budgetRingfence, Self.stanceBudgetIntensity) }
        }
        if added { live.setInterventions(interventions(stances: true)) }
        var played = baseInput.governments.map { [Bool](repeating: false, count: $0.agencies.count) }
        for key in byAgency.keys { played[key[0]][key[1]] = true }
        return (imposed, played)
    }

    // MARK: Levers

    /// Switches the lever with key `key` (the scenario-file name, e.g. `training`) on at
    /// `intensity` (nil: the lever's default), or off. At month 0 this changes the settings;
    /// later, switching on adds an entry that starts at the current month and switching off
    /// ends the open entry at the current month (docs/model.md §8).
    ///
    /// - Throws: ``ClassroomError/badRequest(_:)`` for an unknown lever or an intensity out
    ///   of range, ``ClassroomError/conflict(_:)`` at the horizon.
    public func setLever(_ key: String, on: Bool, intensity requested: Double? = nil) throws(ClassroomError) {
        guard let lever = Lever(rawValue: key) else {
            let names = Lever.allCases.map(\.rawValue).joined(separator: ", ")
            throw .badRequest("unknown lever '\(key)'; levers are \(names)")
        }
        if let requested, !(requested.isFinite && (0...1).contains(requested)) {
            throw .badRequest("field 'intensity' must be a number in [0, 1], got \(requested.clean)")
        }
        guard !isFinished else {
            throw .conflict(
                .init(
                    .runFinished, ["months": String(months)],
                    message: "the run has finished at month \(months); Setup starts it again"))
        }
        let intensity = requested ?? LeverInfo.of(lever).defaultIntensity
        if month == 0 {
            if on || settings.levers[lever.rawValue] != nil { recordLever(lever, intensity: on ? intensity : nil) }
            var changed = settings
            changed.levers[lever.rawValue] = on ? LeverSetting(intensity: intensity) : nil
            settings = changed
            startSchedule()
            return
        }
        let t = month
        let open = schedule.indices.last { schedule[$0].lever == lever.rawValue && schedule[$0].end == nil }
        if on, let open, schedule[open].intensity == intensity { return }
        if !on, open == nil { return }  // off already: nothing changes
        recordLever(lever, intensity: on ? intensity : nil)
        if let open { close(open, at: t) }
        if on {
            schedule.append(ScheduleEntry(lever: lever.rawValue, intensity: intensity, start: t, end: nil))
            slots.append(.schedule(schedule.count - 1))
        }
        live.setInterventions(interventions(stances: true))
    }

    /// Ends schedule entry `index` at month `t`; an entry that has not acted yet is removed.
    private func close(_ index: Int, at t: Int) {
        guard schedule[index].start < t else {
            schedule.remove(at: index)
            slots = slots.compactMap { slot in
                guard case .schedule(let i) = slot else { return slot }
                return i == index ? nil : i > index ? .schedule(i - 1) : slot
            }
            return
        }
        schedule[index].end = t
    }

    /// The interventions of the session after the scenario's own, in the order added.
    private func interventions(stances: Bool) -> [Intervention] {
        var result = baseInput.interventions
        for slot in slots {
            switch slot {
            case .schedule(let index):
                let entry = schedule[index]
                result.append(
                    scenario.intervention(
                        Lever(rawValue: entry.lever)!, intensity: entry.intensity, start: entry.start,
                        duration: entry.end.map { $0 - entry.start }))
            case .stance(let intervention):
                if stances { result.append(intervention) }
            }
        }
        return result
    }

    // MARK: Players

    /// Adds a player of agency `agency` of government `government` (indices in the
    /// scenario); several players of one agency form a team. Returns the player's token, a
    /// random 24-character string that only the player holds.
    ///
    /// - Throws: ``ClassroomError/badRequest(_:)`` for an unknown government or agency or a
    ///   bad name, ``ClassroomError/conflict(_:)`` when the session does not take players or
    ///   has 200.
    public func addPlayer(government: Int, agency: Int, name requested: String) throws(ClassroomError) -> String {
        func bad(_ reason: ClassroomError.Reason) -> ClassroomError { .badRequest(reason) }
        guard settings.participation else {
            throw .conflict(
                .init(
                    .participationOff, ["session": id],
                    message: "session \(id) does not take players: participation is off"))
        }
        let governments = baseInput.governments
        guard governments.indices.contains(government) else {
            throw bad("field 'government' must be an integer in [0, \(governments.count - 1)], got \(government)")
        }
        let agencies = governments[government].agencies
        guard agencies.indices.contains(agency) else {
            throw bad(
                "field 'agency' must be an integer in [0, \(agencies.count - 1)] for government '\(governments[government].name)', got \(agency)"
            )
        }
        let name = requested.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...40).contains(name.count) else {
            throw bad(
                .init(
                    .nameLength, ["count": String(name.count)],
                    message: "field 'name' must have 1 to 40 characters, got \(name.count)"))
        }
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw bad(.init(.nameControl, message: "field 'name' must not contain control characters"))
        }
        guard seats.count < Self.maximumPlayers else {
            throw .conflict(
                .init(
                    .playersFull, ["session": id, "maximum": String(Self.maximumPlayers)],
                    message: "session \(id) already has the maximum of \(Self.maximumPlayers) players"))
        }
        var token = Self.makeToken()
        while seats.contains(where: { $0.token == token }) { token = Self.makeToken() }
        seats.append(Seat(token: token, player: Player(government: government, agency: agency, name: name)))
        return token
    }

    /// A random 24-character token from [a-z0-9].
    private static func makeToken() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<24).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    /// Whether `token` is one of the session's players.
    public func hasPlayer(token: String) -> Bool { seats.contains { $0.token == token } }

    /// Sets the stance of the player with `token` for `month`, which must be the current
    /// month (replacing an earlier stance of the same month).
    ///
    /// - Throws: ``ClassroomError/notFound(_:)`` for an unknown token,
    ///   ``ClassroomError/conflict(_:)`` when `month` is not the current month or the run
    ///   has finished.
    public func setStance(token: String, month requested: Int, _ stance: Stance) throws(ClassroomError) {
        guard let index = seats.firstIndex(where: { $0.token == token }) else {
            throw .notFound(
                .init(.playerNotFound, ["session": id], message: "no player with this token in session \(id)"))
        }
        guard !isFinished else {
            throw .conflict(
                .init(
                    .stancesFinished, ["months": String(months)],
                    message: "the run has finished at month \(months); no more stances"))
        }
        guard requested == month else {
            let parameters = ["month": String(requested), "current": String(month)]
            throw .conflict(
                requested < month
                    ? .init(
                        .monthOver, parameters, message: "month \(requested) is over; the session is at month \(month)")
                    : .init(
                        .monthNotStarted, parameters,
                        message: "month \(requested) has not started; the session is at month \(month)"))
        }
        seats[index].player.stance = stance
    }

    // MARK: State

    /// The model input the live run uses now (the settings applied, every intervention of
    /// the session, stances' training and budget included).
    public var currentInput: ModelInput { live.input }

    // MARK: Export

    /// The session as a scenario file: the settings applied, the seed, one replicate, and
    /// every lever entry and training or budget stance as an intervention with explicit
    /// targets, start and duration. `sinergi run` on it gives the page's trajectory; when
    /// share or guard stances acted, the header says that they cannot be replayed.
    public func exportYAML() -> String {
        var header = [
            "Classroom session \(id) of '\(scenario.scenario.name)', exported at month \(month) of \(months).",
            "`sinergi run FILE --replicates 1` follows the session's trajectory (master seed \(seed), replicate 0):",
            "the settings' sliders are applied to the governments below, and every lever switched on",
            "or off and every training or budget choice of the players is an intervention.",
            "Levers still on stay on to the end.",
        ]
        if usedEffortStances {
            header += [
                "",
                "NOT REPRODUCIBLE WITH sinergi run: players chose to share or guard data in some months.",
                "Those choices change an agency's effort rule for a month and are not levers, so a run of",
                "this file departs from the session from the first month with such a choice.",
            ]
        }
        var input = live.input
        input.interventions = interventions(stances: true)
        return scenario.scenario.exported(
            input: input, name: "\(scenario.scenario.name) session \(id)",
            description: "Classroom session \(id) at month \(month)", seed: seed, replicates: 1, header: header)
    }

    // MARK: Futures

    /// A job of `count` futures (replicates 0 … count − 1 of the session's seed) with the
    /// settings and the current lever schedule, levers on now staying on to the end;
    /// players' stances are left out. Run it off the session's actor.
    ///
    /// - Throws: ``ClassroomError/badRequest(_:)`` when `count` is not in 1 … 1000.
    public func futuresJob(count: Int) throws(ClassroomError) -> FuturesJob {
        guard (1...Self.maximumFutures).contains(count) else {
            throw .badRequest("field 'count' must be an integer in [1, \(Self.maximumFutures)], got \(count)")
        }
        var input = baseInput
        input.interventions = interventions(stances: false)
        return FuturesJob(input: input, seed: seed, count: count)
    }

    // MARK: Frames

    /// The frame of the live run now; `played` (by government and agency, empty for none)
    /// marks the agencies whose players' stances acted in the month just stepped.
    private func frame(played: [[Bool]]) -> Frame {
        let snapshot = live.snapshot()
        let input = live.input
        let start = CalendarMonth(year: input.startYear, month: input.startMonth)
        let marks =
            played.isEmpty ? input.governments.map { [Bool](repeating: false, count: $0.agencies.count) } : played
        return Frame(snapshot: snapshot, date: start.adding(months: snapshot.month), played: marks)
    }

    /// The live run's snapshot now (for tests and diagnostics).
    public func snapshot() -> LiveSnapshot { live.snapshot() }
}

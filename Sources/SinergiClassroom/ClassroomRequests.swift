import SinergiModel

/// The settings of a session: the page's seed, the sliders that were moved, the levers on
/// from month 0 and whether students play (docs/classroom-api.md, SETTINGS). Every key is
/// optional in a request.
public struct ClassroomSettings: Codable, Sendable, Equatable, ClassroomRequestExample {
    /// Master seed; nil takes the scenario's.
    public var seed: UInt64?
    /// Moved sliders by construct key (``Construct``); the others keep the scenario's values.
    public var constructs: [String: Double]
    /// Levers on from month 0, by lever key (the scenario-file name, e.g. `budget_ringfence`).
    public var levers: [String: LeverSetting]
    /// Whether students may join and play agencies.
    public var participation: Bool

    public init(
        seed: UInt64? = nil, constructs: [String: Double] = [:], levers: [String: LeverSetting] = [:],
        participation: Bool = false
    ) {
        self.seed = seed
        self.constructs = constructs
        self.levers = levers
        self.participation = participation
    }

    enum CodingKeys: String, CodingKey { case seed, constructs, levers, participation }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        seed = try container.decodeIfPresent(UInt64.self, forKey: .seed)
        constructs = try container.decodeIfPresent([String: Double].self, forKey: .constructs) ?? [:]
        levers = try container.decodeIfPresent([String: LeverSetting].self, forKey: .levers) ?? [:]
        participation = try container.decodeIfPresent(Bool.self, forKey: .participation) ?? false
    }

    public static let example =
        #"{"seed": 1, "constructs": {"ego": 0.7, "champion": 0.6}, "levers": {"training": {"intensity": 0.6}}, "participation": true}"#

    /// Checks construct and lever names and ranges.
    ///
    /// - Throws: a 400 ``ClassroomError`` naming the key and the allowed names or range.
    public func validate(path: String = "settings") throws(ClassroomError) {
        func fail(_ message: String) -> ClassroomError { .badRequest(message, expected: Self.example) }
        for key in constructs.keys.sorted() {
            let value = constructs[key]!
            guard let construct = Construct(rawValue: key) else {
                let names = Construct.allCases.map(\.rawValue).joined(separator: ", ")
                throw fail("unknown construct '\(key)' in '\(path).constructs'; constructs are \(names)")
            }
            guard value.isFinite, construct.range.contains(value) else {
                throw fail(
                    "'\(path).constructs.\(key)' must be a number in [\(construct.range.lowerBound.clean), \(construct.range.upperBound.clean)], got \(value.clean)"
                )
            }
        }
        for key in levers.keys.sorted() {
            guard Lever(rawValue: key) != nil else {
                let names = Lever.allCases.map(\.rawValue).joined(separator: ", ")
                throw fail("unknown lever '\(key)' in '\(path).levers'; levers are \(names)")
            }
            if let intensity = levers[key]!.intensity, !(intensity.isFinite && (0...1).contains(intensity)) {
                throw fail("'\(path).levers.\(key).intensity' must be a number in [0, 1], got \(intensity.clean)")
            }
        }
    }
}

/// A lever switched on in the settings.
public struct LeverSetting: Codable, Sendable, Equatable {
    /// Intensity in [0, 1]; nil takes the lever's default intensity.
    public var intensity: Double?

    public init(intensity: Double? = nil) {
        self.intensity = intensity
    }
}

/// `POST /api/sessions` and `…/setup`: `{"settings": SETTINGS}` or `{}`.
public struct SettingsRequest: Codable, Sendable, Equatable, ClassroomRequestExample {
    public var settings: ClassroomSettings?

    public init(settings: ClassroomSettings? = nil) {
        self.settings = settings
    }

    public static let example = #"{"settings": "# + ClassroomSettings.example + "}"
}

/// `POST …/step`: `{"months": 1}`, 1 … 12.
public struct StepRequest: Codable, Sendable, Equatable, ClassroomRequestExample {
    public var months: Int

    public init(months: Int) {
        self.months = months
    }

    public static let example = #"{"months": 1}"#
}

/// `POST …/lever`: switch a lever on (with an intensity) or off.
public struct LeverRequest: Codable, Sendable, Equatable, ClassroomRequestExample {
    /// Lever key, e.g. `training`.
    public var lever: String
    public var on: Bool
    /// Intensity in [0, 1] when switching on; nil takes the lever's default.
    public var intensity: Double?

    public init(lever: String, on: Bool, intensity: Double? = nil) {
        self.lever = lever
        self.on = on
        self.intensity = intensity
    }

    public static let example = #"{"lever": "training", "on": true, "intensity": 0.6}"#
}

/// `POST …/futures`: `{"count": 200}`, 1 … 1000.
public struct FuturesRequest: Codable, Sendable, Equatable, ClassroomRequestExample {
    public var count: Int

    public init(count: Int) {
        self.count = count
    }

    public static let example = #"{"count": 200}"#
}

/// `POST …/players`: join as a player of one agency.
public struct JoinRequest: Codable, Sendable, Equatable, ClassroomRequestExample {
    /// Index of the government in the scenario.
    public var government: Int
    /// Index of the agency in its government.
    public var agency: Int
    /// The player's name, 1–40 characters.
    public var name: String

    public init(government: Int, agency: Int, name: String) {
        self.government = government
        self.agency = agency
        self.name = name
    }

    public static let example = #"{"government": 0, "agency": 2, "name": "Ani"}"#
}

/// What a player chooses for one month (docs/model.md §8, stances). Each item may be left
/// out (or null): no opinion, the model decides.
public struct Stance: Codable, Sendable, Hashable {
    /// true: share data (the prosocial effort rule this month); false: guard it (the
    /// selfish rule).
    public var shareData: Bool?
    /// true: send staff to training this month (a training intervention on the agency).
    public var training: Bool?
    /// true: commit the budget this month (a budget ring-fence on the agency).
    public var commitBudget: Bool?

    public init(shareData: Bool? = nil, training: Bool? = nil, commitBudget: Bool? = nil) {
        self.shareData = shareData
        self.training = training
        self.commitBudget = commitBudget
    }

    /// Whether any item is set.
    public var isEmpty: Bool { shareData == nil && training == nil && commitBudget == nil }

    /// Item by item, the majority of `stances`; a tie, or nobody choosing the item, leaves it nil.
    public static func majority(_ stances: [Stance]) -> Stance {
        func vote(_ item: KeyPath<Stance, Bool?>) -> Bool? {
            var yes = 0, no = 0
            for stance in stances {
                switch stance[keyPath: item] {
                case true?: yes += 1
                case false?: no += 1
                case nil: break
                }
            }
            return yes > no ? true : no > yes ? false : nil
        }
        return Stance(shareData: vote(\.shareData), training: vote(\.training), commitBudget: vote(\.commitBudget))
    }
}

/// `POST …/players/{token}/stance`: a stance for the current month.
public struct StanceRequest: Codable, Sendable, Equatable, ClassroomRequestExample {
    /// The month the stance is for; must be the session's current month.
    public var month: Int
    public var shareData: Bool?
    public var training: Bool?
    public var commitBudget: Bool?

    public init(month: Int, stance: Stance) {
        self.month = month
        shareData = stance.shareData
        training = stance.training
        commitBudget = stance.commitBudget
    }

    /// The stance without the month.
    public var stance: Stance { Stance(shareData: shareData, training: training, commitBudget: commitBudget) }

    public static let example = #"{"month": 12, "shareData": true, "training": false, "commitBudget": true}"#
}

extension Double {
    /// The number as a person reads it in a message: 1 rather than 1.0.
    var clean: String {
        guard isFinite else { return "\(self)" }
        return self == rounded() && Swift.abs(self) < 1e15 ? String(Int64(self)) : "\(self)"
    }
}

import Foundation
import SinergiModel

// The JSON bodies of docs/classroom-api.md. Numbers are the engine's, unrounded.

/// `GET /api/scenario`: what the page needs to draw its controls.
public struct ScenarioDescription: Codable, Sendable, Equatable {
    public var name: String
    public var months: Int
    public var seed: UInt64
    public var start: StartDate
    public var constructs: [ConstructDescription]
    public var levers: [LeverDescription]
    public var governments: [GovernmentDescription]
    public var predicates: [PredicateDescription]

    public struct StartDate: Codable, Sendable, Equatable {
        public var year: Int
        public var month: Int
    }

    public struct ConstructDescription: Codable, Sendable, Equatable {
        public var key: String
        public var label: String
        public var min: Double
        public var max: Double
        public var step: Double
        /// Where the slider starts: the scenario's own mean for the first government.
        public var value: Double
        public var symbol: String
        public var help: String
        public var source: String
    }

    public struct LeverDescription: Codable, Sendable, Equatable {
        public var key: String
        public var label: String
        /// "agency" or "government".
        public var level: String
        public var defaultIntensity: Double
        public var note: String
        public var source: String
    }

    public struct GovernmentDescription: Codable, Sendable, Equatable {
        public var name: String
        public var agencies: [AgencyDescription]
        public var initiatives: [InitiativeDescription]
        public var links: [LinkDescription]
    }

    public struct AgencyDescription: Codable, Sendable, Equatable {
        public var name: String
        public var sector: String
    }

    public struct InitiativeDescription: Codable, Sendable, Equatable {
        public var name: String
        /// Agency indices.
        public var partners: [Int]
        public var citizenFacing: Bool
        public var displacesLegacy: Bool
        public var launchThreshold: Double
    }

    /// Two agencies (a < b) that are partners of at least one common initiative.
    public struct LinkDescription: Codable, Sendable, Equatable {
        public var a: Int
        public var b: Int
        /// The initiatives they share.
        public var initiatives: [Int]
    }

    public struct PredicateDescription: Codable, Sendable, Equatable {
        public var name: String
        public var from: Double
    }
}

/// One month of the live run (month 0 = the initial state).
public struct Frame: Codable, Sendable, Equatable {
    public var month: Int
    /// "YYYY-MM": the scenario's start plus `month` months.
    public var date: String
    public var governments: [FrameGovernment]
}

public struct FrameGovernment: Codable, Sendable, Equatable {
    public var spbe: Double
    public var predicate: String
    public var meanMaturity: Double
    public var meanTrust: Double
    public var meanCommitment: Double
    public var meanEffort: Double
    public var understanding: Double
    public var adoption: Double
    public var internetAccess: Double
    public var initiatives: [FrameInitiative]
    public var agencies: [FrameAgency]
}

public struct FrameInitiative: Codable, Sendable, Equatable {
    public var progress: Double
    /// "active", "launched" or "integrated".
    public var status: String
}

public struct FrameAgency: Codable, Sendable, Equatable {
    public var maturity: Double
    /// Effective budget B of the month (after ring-fence and partnership).
    public var budget: Double
    public var trust: Double
    public var commitment: Double
    public var effort: Double
    public var hr: Double
    /// "prosocial", "conditional" or "selfish".
    public var motivation: String
    /// Whether a stance of its players acted in the month that led to this frame.
    public var played: Bool
}

/// `STATE`: a session as the page sees it. `frames` is absent in STATE_WITHOUT_FRAMES.
public struct SessionState: Codable, Sendable, Equatable {
    public var id: String
    public var month: Int
    public var months: Int
    public var finished: Bool
    public var seed: UInt64
    public var settings: ClassroomSettings
    public var pendingSetup: Bool
    public var schedule: [ScheduleEntry]
    public var frames: [Frame]?
    public var players: [PlayerState]
    public var choices: [Choice]
}

/// A lever switched on during the session: from `start` to `end` (exclusive; nil: to the end).
public struct ScheduleEntry: Codable, Sendable, Equatable {
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

    enum CodingKeys: String, CodingKey { case lever, intensity, start, end }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(lever, forKey: .lever)
        try container.encode(intensity, forKey: .intensity)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)  // null while it lasts to the end
    }
}

/// A player as the session state lists it (the token is not shown).
public struct PlayerState: Codable, Sendable, Equatable {
    public var government: Int
    public var agency: Int
    public var name: String
    /// The stance chosen for the current month; null when none yet.
    public var stance: Stance?

    enum CodingKeys: String, CodingKey { case government, agency, name, stance }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(government, forKey: .government)
        try container.encode(agency, forKey: .agency)
        try container.encode(name, forKey: .name)
        try container.encode(stance, forKey: .stance)
    }
}

/// What one played agency did in one past month: the majority stance and how many
/// players had chosen one.
public struct Choice: Codable, Sendable, Equatable {
    public var month: Int
    public var government: Int
    public var agency: Int
    public var stance: Stance
    public var players: Int
}

/// `201 {"token", "government", "agency"}` after joining.
public struct JoinReply: Codable, Sendable, Equatable {
    public var token: String
    public var government: Int
    public var agency: Int
}

/// `{"accepted": true}` after a stance.
public struct StanceReply: Codable, Sendable, Equatable {
    public var accepted: Bool

    public init(accepted: Bool) {
        self.accepted = accepted
    }
}

/// `POST …/step`: the new frames and the state without frames.
public struct StepReply: Codable, Sendable, Equatable {
    public var frames: [Frame]
    public var state: SessionState

    public init(frames: [Frame], state: SessionState) {
        self.frames = frames
        self.state = state
    }
}

/// An entry of `GET /api/sessions`.
public struct SessionSummary: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var month: Int
    public var months: Int
    public var players: Int
    public var participation: Bool
}

/// `FUTURES`: many replicates of the session's settings and lever schedule.
public struct Futures: Codable, Sendable, Equatable {
    public var count: Int
    public var seed: UInt64
    public var governments: [FuturesGovernment]
}

public struct FuturesGovernment: Codable, Sendable, Equatable {
    public var finalSpbe: FinalSpbe
    /// Share of futures ending in each predicate, by predicate name (all five present).
    public var predicateShares: [String: Double]
    public var adoption: AdoptionSummary
    public var bands: Bands
}

public struct FinalSpbe: Codable, Sendable, Equatable {
    public var mean: Double
    public var p5: Double
    public var p25: Double
    public var p50: Double
    public var p75: Double
    public var p95: Double
    public var histogram: Histogram
}

/// Counts of final indices in bins of `width` from `from` (the last bin holds the maximum 5).
public struct Histogram: Codable, Sendable, Equatable {
    public var from: Double
    public var width: Double
    public var counts: [Int]
}

public struct AdoptionSummary: Codable, Sendable, Equatable {
    public var mean: Double
    public var p5: Double
    public var p50: Double
    public var p95: Double
}

/// Per-month quantile bands, one value per month 0 … months.
public struct Bands: Codable, Sendable, Equatable {
    public var spbe: Band
    public var adoption: Band
}

public struct Band: Codable, Sendable, Equatable {
    public var p5: [Double]
    public var p50: [Double]
    public var p95: [Double]
}

/// JSON encoding of the wire types.
public enum ClassroomJSON {
    private static let sentinel = "\u{1}nonfinite"

    /// `value` as JSON, keys sorted; a non-finite number (which the engine does not produce)
    /// is written as null rather than failing.
    public static func encode<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: sentinel, negativeInfinity: sentinel, nan: sentinel)
        guard let data = try? encoder.encode(value) else { return Data("null".utf8) }
        let quoted = "\"\\u0001nonfinite\""
        guard let text = String(data: data, encoding: .utf8), text.contains(quoted) else { return data }
        return Data(text.replacingOccurrences(of: quoted, with: "null").utf8)
    }
}

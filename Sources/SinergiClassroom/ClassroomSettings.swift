import SinergiModel

/// The settings of a session: the master seed, the sliders that were moved, the levers on
/// from month 0 and whether students play (docs/classroom-api.md, SETTINGS).
public struct ClassroomSettings: Sendable, Equatable {
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

    /// Checks construct and lever names and ranges; `path` is how messages name the settings.
    ///
    /// - Throws: ``ClassroomError/badRequest(_:)`` naming the key and the allowed names or range.
    public func validate(path: String = "settings") throws(ClassroomError) {
        for key in constructs.keys.sorted() {
            let value = constructs[key]!
            guard let construct = Construct(rawValue: key) else {
                let names = Construct.allCases.map(\.rawValue).joined(separator: ", ")
                throw .badRequest("unknown construct '\(key)' in '\(path).constructs'; constructs are \(names)")
            }
            guard value.isFinite, construct.range.contains(value) else {
                throw .badRequest(
                    "'\(path).constructs.\(key)' must be a number in [\(construct.range.lowerBound.clean), \(construct.range.upperBound.clean)], got \(value.clean)"
                )
            }
        }
        for key in levers.keys.sorted() {
            guard Lever(rawValue: key) != nil else {
                let names = Lever.allCases.map(\.rawValue).joined(separator: ", ")
                throw .badRequest("unknown lever '\(key)' in '\(path).levers'; levers are \(names)")
            }
            if let intensity = levers[key]!.intensity, !(intensity.isFinite && (0...1).contains(intensity)) {
                throw .badRequest(
                    "'\(path).levers.\(key).intensity' must be a number in [0, 1], got \(intensity.clean)")
            }
        }
    }
}

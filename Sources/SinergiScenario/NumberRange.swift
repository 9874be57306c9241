/// The allowed values of a number in a scenario, with open or closed ends.
struct NumberRange: Sendable {
    var lower: Double?
    var lowerIncluded: Bool
    var upper: Double?
    var upperIncluded: Bool

    /// [lower, upper].
    static func closed(_ lower: Double, _ upper: Double) -> NumberRange {
        NumberRange(lower: lower, lowerIncluded: true, upper: upper, upperIncluded: true)
    }
    /// (lower, upper].
    static func openClosed(_ lower: Double, _ upper: Double) -> NumberRange {
        NumberRange(lower: lower, lowerIncluded: false, upper: upper, upperIncluded: true)
    }
    /// (lower, upper).
    static func open(_ lower: Double, _ upper: Double) -> NumberRange {
        NumberRange(lower: lower, lowerIncluded: false, upper: upper, upperIncluded: false)
    }
    /// [lower, ∞).
    static func atLeast(_ lower: Double) -> NumberRange {
        NumberRange(lower: lower, lowerIncluded: true, upper: nil, upperIncluded: false)
    }
    /// (lower, ∞).
    static func above(_ lower: Double) -> NumberRange {
        NumberRange(lower: lower, lowerIncluded: false, upper: nil, upperIncluded: false)
    }
    /// Any finite number.
    static let finite = NumberRange(lower: nil, lowerIncluded: false, upper: nil, upperIncluded: false)
    /// [0, 1], the range of shares, probabilities and most state variables.
    static let unit = closed(0, 1)

    func contains(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        if let lower, lowerIncluded ? value < lower : value <= lower { return false }
        if let upper, upperIncluded ? value > upper : value >= upper { return false }
        return true
    }

    /// "a number in [0, 1]", "a number ≥ 0", "a number > 0", "a finite number".
    var phrase: String {
        switch (lower, upper) {
        case let (lower?, upper?):
            let open = lowerIncluded ? "[" : "(", close = upperIncluded ? "]" : ")"
            return "a number in \(open)\(formatNumber(lower)), \(formatNumber(upper))\(close)"
        case let (lower?, nil):
            return "a number \(lowerIncluded ? "≥" : ">") \(formatNumber(lower))"
        case let (nil, upper?):
            return "a number \(upperIncluded ? "≤" : "<") \(formatNumber(upper))"
        case (nil, nil):
            return "a finite number"
        }
    }
}

/// The allowed values of an integer in a scenario.
struct IntegerRange: Sendable {
    var lower: Int
    var upper: Int?

    static func atLeast(_ lower: Int) -> IntegerRange { IntegerRange(lower: lower, upper: nil) }
    static func closed(_ lower: Int, _ upper: Int) -> IntegerRange { IntegerRange(lower: lower, upper: upper) }

    func contains(_ value: Int) -> Bool { value >= lower && (upper.map { value <= $0 } ?? true) }

    /// "an integer in [1, 1200]" or "an integer ≥ 0".
    var phrase: String {
        if let upper { return "an integer in [\(lower), \(upper)]" }
        return "an integer ≥ \(lower)"
    }
}

import Foundation
import SinergiScenario

/// One input of an experiment: a scenario value that a design varies, and the values it
/// may take. A list of factors is the experiment's problem, shared by every design and
/// analysis (as SALib's `problem`): a sweep, a sensitivity analysis, a calibration.
///
/// A design places its points in the unit hypercube; ``value(atUnit:)`` maps a coordinate
/// to the factor's value, so every design treats `log` and `integer` the same way.
public struct Factor: Sendable, Hashable {
    /// What a factor ranges over.
    public enum Values: Sendable, Hashable {
        /// Every number from `low` to `high` (`PATH=LOW:HIGH`).
        case range(low: Double, high: Double)
        /// These values only, in this order (`PATH=v1,v2,v3`).
        case list([Double])
    }

    /// The scenario value set at each point, e.g. `parameters.trust.build`.
    public var path: ScenarioPath
    public var values: Values
    /// Sampled uniformly in log space: equal coverage of 0.01–0.1 and 0.1–1. Needs low > 0.
    public var log: Bool
    /// Only whole numbers, each equally likely (with `log`, each by its log width).
    public var integer: Bool

    public init(path: ScenarioPath, values: Values, log: Bool = false, integer: Bool = false) {
        self.path = path
        self.values = values
        self.log = log
        self.integer = integer
    }

    /// The factor's column name in design.csv and points.csv: its path.
    public var name: String { path.text }

    /// The factor's value at coordinate `u` of the unit interval [0, 1].
    ///
    /// A range maps linearly (`log`: geometrically), 0 to `low` and 1 to `high` exactly. An
    /// integer range splits [0, 1] into one equal cell per whole number from `low` to `high`
    /// (`log`: cells of equal width in log space around each number, from `low − ½` to
    /// `high + ½`). A list splits it into one equal cell per value.
    public func value(atUnit u: Double) -> Double {
        let u = Swift.min(1, Swift.max(0, u))
        switch values {
        case .list(let list):
            return list[Swift.min(list.count - 1, Int(u * Double(list.count)))]
        case .range(let low, let high):
            if integer {
                if log {
                    let a = Foundation.log(low - 0.5), b = Foundation.log(high + 0.5)
                    return Swift.min(high, Swift.max(low, exp(a + u * (b - a)).rounded()))
                }
                let cells = high - low + 1
                return Swift.min(high, low + (u * cells).rounded(.down))
            }
            if u == 0 { return low }
            if u == 1 { return high }
            let value =
                log
                ? exp(Foundation.log(low) + u * (Foundation.log(high) - Foundation.log(low))) : low + u * (high - low)
            return Swift.min(high, Swift.max(low, value))
        }
    }

    /// The override that sets this factor to `value` at one point.
    public func override(_ value: Double) -> ScenarioOverride {
        ScenarioOverride(path: path, number: value)
    }
}

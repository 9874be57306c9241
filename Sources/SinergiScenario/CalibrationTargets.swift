import Foundation
import SinergiModel

/// A targets file (`targets: 1`): the observed values a calibration fits a scenario to
/// (docs/calibration.md). Read and checked by ``load(path:)``, against the scenario it names.
public struct CalibrationTargets: Sendable {
    /// The format version this reader understands.
    public static let version = 1

    /// The targets file's path as the user gave it, and its exact text.
    public let path: String
    public let text: String
    /// The scenario's path: the file's `scenario`, relative to the targets file's folder.
    public let scenarioPath: String
    /// The observations, in file order.
    public let observations: [TargetObservation]

    public init(path: String, text: String, scenarioPath: String, observations: [TargetObservation]) {
        self.path = path
        self.text = text
        self.scenarioPath = scenarioPath
        self.observations = observations
    }

    /// The observations the distance counts (all but the held-out ones).
    public var fitted: [TargetObservation] { observations.filter { !$0.heldOut } }
}

/// One observed value: a statistic of an outcome over the governments in a scope, at a month.
public struct TargetObservation: Sendable, Hashable {
    /// What is computed over the governments in the scope in one replicate.
    public enum Statistic: Sendable, Hashable, CustomStringConvertible {
        /// The mean over the governments (the Region row's definition for `scope: region`).
        case mean
        /// The population standard deviation over the governments.
        case sd
        /// The share of the governments whose value is at least the threshold.
        case shareAtLeast(Double)
        /// The quantile at p of the governments' values (linear interpolation, GSL's rule).
        case quantile(Double)

        public var description: String {
            switch self {
            case .mean: return "mean"
            case .sd: return "sd"
            case .shareAtLeast(let threshold): return "share_at_least \(yamlNumber(threshold))"
            case .quantile(let p): return "quantile \(yamlNumber(p))"
            }
        }
    }

    /// Which governments the statistic runs over.
    public enum Scope: Sendable, Hashable, CustomStringConvertible {
        /// Every government of the scenario.
        case region
        /// One government, by name.
        case government(String)
        /// The governments of the given kinds (`scope: {kind: province}`, `scope: {kind:
        /// [regency, city]}`); `governments` are their names in the scenario, in its order,
        /// filled in when the targets file is checked against it.
        case kinds([String], governments: [String])

        public var description: String {
            switch self {
            case .region: return "region"
            case .government(let name): return name
            case .kinds(let kinds, _):
                return kinds.count == 1 ? "kind \(kinds[0])" : "kind [\(kinds.joined(separator: ", "))]"
            }
        }
    }

    public var name: String
    /// The outcome observed; one with a monthly series (``TargetObservation/series(of:)``).
    public var outcome: Outcome
    /// Its monthly series.
    public var metric: SeriesMetric
    public var statistic: Statistic
    public var scope: Scope
    /// The month of the run whose value is observed: 0 is the initial state, m the state at
    /// the end of the m-th month (row m of timeseries.csv).
    public var month: Int
    public var value: Double
    /// The observation's uncertainty, > 0: the unit in which the distance counts the miss.
    public var sd: Double
    public var source: String
    /// Not fitted: only predicted, to check the calibration out of sample.
    public var heldOut: Bool

    public init(
        name: String, outcome: Outcome, metric: SeriesMetric, statistic: Statistic, scope: Scope, month: Int,
        value: Double, sd: Double, source: String, heldOut: Bool = false
    ) {
        self.name = name
        self.outcome = outcome
        self.metric = metric
        self.statistic = statistic
        self.scope = scope
        self.month = month
        self.value = value
        self.sd = sd
        self.source = source
        self.heldOut = heldOut
    }

    /// The outcomes a target may observe, each with the monthly series it is read from.
    public static let observable: [(outcome: Outcome, metric: SeriesMetric)] = [
        (.finalSpbe, .spbe), (.adoption, .adoption), (.internetAccess, .internetAccess),
        (.meanTrust, .meanTrust), (.meanCommitment, .meanCommitment),
    ]

    /// The monthly series of `outcome`; nil when it has none.
    public static func series(of outcome: Outcome) -> SeriesMetric? {
        observable.first { $0.outcome == outcome }?.metric
    }

    /// The statistic of `values` (the governments in scope, in one replicate).
    public func statistic(of values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let n = Double(values.count)
        switch statistic {
        case .mean:
            return values.reduce(0, +) / n
        case .sd:
            let mean = values.reduce(0, +) / n
            var sum = 0.0
            for v in values { sum += (v - mean) * (v - mean) }
            return (sum / n).squareRoot()
        case .shareAtLeast(let threshold):
            return Double(values.count(where: { $0 >= threshold })) / n
        case .quantile(let p):
            let sorted = values.sorted()
            let position = p * Double(sorted.count - 1)
            let lower = Int(position.rounded(.down))
            let upper = Swift.min(lower + 1, sorted.count - 1)
            let fraction = position - Double(lower)
            return sorted[lower] + fraction * (sorted[upper] - sorted[lower])
        }
    }
}

/// One outcome of a replicate (MODEL.md §5), as every output and option names it: the
/// column of replicates.csv and summary.csv, the `outcome` of comparison.csv, the metric of
/// a precision target, what `compare --rank-by` ranks by, and the words the report and the
/// console use for it.
///
/// The outcomes are listed once, in ``Outcome/all``; ``Outcome/named(_:among:)`` finds one
/// by its name or an alias.
public struct Outcome: Sendable, CustomStringConvertible {
    /// What sort of quantity an outcome is, which decides how it is shown.
    public enum Kind: String, Sendable, CaseIterable {
        /// The SPBE index, on its 1–5 scale.
        case index
        /// A change of the SPBE index per year.
        case rate
        /// A share between 0 and 1, or an indicator (0 or 1) whose mean over replicates is a
        /// share; shown in percent, its differences in percentage points.
        case share
        /// A number of initiatives.
        case count
        /// A month count: months from the start to an event.
        case month
        /// A mean over agencies of a 0–1 state variable (trust, commitment).
        case level
        /// A standard deviation over agencies (of maturity, on the 1–5 scale).
        case spread
        /// The scenario's cost units.
        case cost
    }

    /// How the region row of summary.csv combines the governments of one replicate.
    public enum RegionRule: String, Sendable {
        /// The mean over governments.
        case mean
        /// The sum over governments.
        case total
        /// No region row.
        case none
    }

    /// Which direction of an outcome is an improvement (comparison.csv's `better_when`).
    public enum Direction: String, Sendable {
        case higher, lower
    }

    /// Column name, snake_case and stable: notebooks read it.
    public let name: String
    /// Plain-language name for people, lower case: "final SPBE index".
    public let label: String
    /// What the values are measured in: "index points (1–5)", "months", "share of replicates".
    public let unit: String
    public let kind: Kind
    /// How the region row combines governments.
    public let region: RegionRule
    /// Whether a policy does better by raising or lowering the outcome; nil for an outcome
    /// that `sinergi compare` does not compare.
    public let better: Direction?
    /// Short names accepted on the command line besides ``name``.
    public let aliases: [String]
    /// The value for one government in one replicate; NaN when absent (a censored time).
    public let value: @Sendable (GovernmentOutcome) -> Double

    public init(
        name: String, label: String, unit: String, kind: Kind, region: RegionRule, better: Direction? = nil,
        aliases: [String] = [], value: @escaping @Sendable (GovernmentOutcome) -> Double
    ) {
        self.name = name
        self.label = label
        self.unit = unit
        self.kind = kind
        self.region = region
        self.better = better
        self.aliases = aliases
        self.value = value
    }

    /// The value that a paired comparison of a run of `months` months uses: ``value``, which
    /// for a time to an event is already min(T, H), the horizon when the event did not
    /// happen (so the mean is the restricted mean time); this also caps a value from a
    /// record without its horizon.
    public func pairedValue(_ outcome: GovernmentOutcome, months: Int) -> Double {
        let value = value(outcome)
        guard kind == .month else { return value }
        let horizon = Double(months)
        return value.isNaN ? horizon : Swift.min(value, horizon)
    }

    /// The name and the aliases, the name first.
    public var names: [String] { [name] + aliases }

    /// The name.
    public var description: String { name }
}

extension Outcome: Equatable, Hashable {
    /// Outcomes are the same when their names are: names are unique.
    public static func == (a: Outcome, b: Outcome) -> Bool { a.name == b.name }

    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

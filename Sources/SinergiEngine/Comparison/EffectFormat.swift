import Foundation
import SinergiModel

/// How a paired effect on one compared outcome is written for people: the scale and unit
/// of its numbers, and the words for "the package did better" on that outcome. Shared by
/// the plain-language sentences and the comparison section of report.html, so both say the
/// same thing the same way.
public struct EffectFormat: Sendable {
    /// A verb phrase in two forms: "ends with a higher SPBE index than the baseline" and
    /// "end with a higher SPBE index than the baseline" (after "does").
    struct Phrase: Sendable, Equatable {
        var third: String
        var base: String
    }

    /// Factor from the outcome's values to the numbers shown: 100 for shares (shown in
    /// percentage points), else 1.
    public let scale: Double
    /// Decimals shown at least (more when the numbers are small, see ``decimals(for:)``).
    let decimals: Int
    /// Unit written after a difference ("percentage points", "months"), "" for none.
    let unit: String
    /// Words for a decrease and an increase when differences read better as a direction
    /// ("3.2 months earlier") than as a signed number; nil to write signs.
    let directions: (decrease: String, increase: String)?
    /// What the package does in a simulated future where it does better than the baseline.
    let better: Phrase
    /// Axis title of a chart of the difference.
    public let axisUnit: String

    /// The format of the outcome named `outcome`; `region` when the effect is the mean over
    /// governments.
    public static func of(_ outcome: String, better direction: Outcome.Direction?, region: Bool = false)
        -> EffectFormat
    {
        switch outcome {
        case Outcome.finalSpbe.name:
            return EffectFormat(
                scale: 1, decimals: 2, unit: "", directions: nil,
                better: phrase("end", "s", "with a higher SPBE index than the baseline"),
                axisUnit: "index points")
        case Outcome.gainPerYear.name:
            return EffectFormat(
                scale: 1, decimals: 3, unit: "a year", directions: nil,
                better: phrase("raise", "s", "the SPBE index faster than the baseline"),
                axisUnit: "index points a year")
        case Outcome.pBaikOrBetter.name:
            return EffectFormat(
                scale: 100, decimals: 0, unit: "percentage points", directions: nil,
                better: region
                    ? phrase("bring", "s", "more governments to Baik or better than the baseline")
                    : phrase("end", "s", "at Baik or better where the baseline does not"),
                axisUnit: "percentage points")
        case Outcome.adoption.name:
            return EffectFormat(
                scale: 100, decimals: 1, unit: "percentage points", directions: nil,
                better: phrase("end", "s", "with more citizens using the online services than the baseline"),
                axisUnit: "percentage points")
        case Outcome.initiativesIntegrated.name:
            return EffectFormat(
                scale: 1, decimals: 2, unit: "initiatives", directions: nil,
                better: phrase("integrate", "s", "more joint initiatives than the baseline"),
                axisUnit: "initiatives")
        case Outcome.monthsToFirstLaunch.name:
            return EffectFormat(
                scale: 1, decimals: 1, unit: "months", directions: ("earlier", "later"),
                better: phrase("launch", "es", "the first joint system earlier than the baseline"),
                axisUnit: "months")
        case Outcome.meanTrust.name:
            return EffectFormat(
                scale: 1, decimals: 3, unit: "", directions: nil,
                better: phrase("end", "s", "with more trust between agencies than the baseline"),
                axisUnit: "trust (0–1)")
        default:
            // Any other outcome of the registry: shares in percentage points, the rest in
            // their own unit.
            let known = try? Outcome.named(outcome)
            let label = known?.label ?? outcome.replacingOccurrences(of: "_", with: " ")
            let comparative = direction == .lower ? "lower" : "higher"
            let share = known?.kind == .share
            return EffectFormat(
                scale: share ? 100 : 1, decimals: share ? 1 : 2, unit: share ? "percentage points" : "",
                directions: nil, better: phrase("end", "s", "with a \(comparative) \(label) than the baseline"),
                axisUnit: share ? "percentage points" : known?.unit ?? label)
        }
    }

    private static func phrase(_ verb: String, _ ending: String, _ rest: String) -> Phrase {
        Phrase(third: "\(verb)\(ending) \(rest)", base: "\(verb) \(rest)")
    }

    /// Decimals for showing `values` (in the outcome's own units): the format's decimals,
    /// or up to two more so that the largest of them keeps two significant digits.
    public func decimals(for values: [Double]) -> Int {
        let largest = values.filter(\.isFinite).map { abs($0 * scale) }.max() ?? 0
        guard largest > 0 else { return decimals }
        let needed = Int(ceil(-log10(largest) - 1e-9)) + 1
        return Swift.min(decimals + 2, Swift.max(decimals, needed))
    }

    /// `value` (in the outcome's own units) as shown: "+0.12", "−3.2", "0.00"; "–" when
    /// missing. A value that rounds to zero has no sign.
    public func signed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        let magnitude = NumberText.fixed(abs(value * scale), decimals)
        if magnitude.allSatisfy({ $0 == "0" || $0 == "." }) { return magnitude }
        return (value < 0 ? "−" : "+") + magnitude
    }

    /// `value` as ``signed(_:decimals:)`` writes it, except that a value known to differ
    /// from zero (`nonZero`: its CI excludes zero) never reads "0.0": it gets the decimals
    /// it needs instead.
    public func signed(_ value: Double, decimals: Int, nonZero: Bool) -> String {
        let text = signed(value, decimals: decimals)
        guard nonZero, value.isFinite, value != 0, !text.hasPrefix("+"), !text.hasPrefix("−") else { return text }
        return signed(value, decimals: self.decimals(for: [value]))
    }

    /// `value` with its unit: "+0.12", "+12 percentage points", "3.2 months earlier".
    public func amount(_ value: Double, decimals: Int) -> String {
        guard let directions, value.isFinite else { return withUnit(signed(value, decimals: decimals)) }
        let magnitude = NumberText.fixed(abs(value * scale), decimals)
        if magnitude.allSatisfy({ $0 == "0" || $0 == "." }) { return withUnit(magnitude) }
        return withUnit(magnitude) + " " + (value < 0 ? directions.decrease : directions.increase)
    }

    /// The interval from `low` to `high` with its unit: "+0.10 to +0.14",
    /// "+5 to +19 percentage points", "1.0 to 5.4 months earlier",
    /// "2.0 months earlier to 0.5 months later".
    public func interval(_ low: Double, _ high: Double, decimals: Int) -> String {
        guard let directions, low.isFinite, high.isFinite else {
            return withUnit("\(signed(low, decimals: decimals)) to \(signed(high, decimals: decimals))")
        }
        let lowText = NumberText.fixed(abs(low * scale), decimals),
            highText = NumberText.fixed(abs(high * scale), decimals)
        if high <= 0 { return withUnit("\(highText) to \(lowText)") + " " + directions.decrease }
        if low >= 0 { return withUnit("\(lowText) to \(highText)") + " " + directions.increase }
        return amount(low, decimals: decimals) + " to " + amount(high, decimals: decimals)
    }

    /// A cost in the scenario's cost units, with thousands separators as `sinergi compare`
    /// prints them: whole numbers without decimals ("3,110", also when summing left a
    /// rounding error), others with one ("12.5"); "–" when missing.
    public static func cost(_ value: Double) -> String {
        let rounded = value.rounded()
        let text = NumberText.fixed(value, abs(value - rounded) <= 1e-6 * Swift.max(1, abs(value)) ? 0 : 1)
        let sign = text.hasPrefix("-") ? "-" : ""
        let unsigned = text.dropFirst(sign.count)
        let whole = unsigned.prefix { $0 != "." }, fraction = unsigned.dropFirst(whole.count)
        var grouped = ""
        for (i, digit) in whole.enumerated() {
            if i > 0, (whole.count - i) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return sign + grouped + fraction
    }

    private func withUnit(_ number: String) -> String { unit.isEmpty ? number : "\(number) \(unit)" }
}

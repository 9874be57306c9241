import Foundation
import SinergiModel

/// The ranked table `sinergi compare` prints: packages best first by their paired effect on
/// one outcome for the region (or the only government), with the chance of doing better,
/// the effect on the chance of Baik and on adoption, the cost and how much common random
/// numbers narrowed the interval.
public enum ComparisonConsole {
    public static func table(_ comparison: Comparison, rankedBy outcome: Outcome = .finalSpbe) -> String {
        let label = outcome.label
        let header = [
            "#", "Package", "Δ \(label) [95% CI]", "Better in", "Δ P(≥Baik)", "Δ adoption", "Cost",
            "Δ per 100 cost", "CI narrowed",
        ]
        var rows: [[String]] = []
        for (rank, e) in comparison.ranked(by: outcome).enumerated() {
            let baik = comparison.effect(e.policy, Outcome.pBaikOrBetter)
            let adoption = comparison.effect(e.policy, Outcome.adoption)
            rows.append([
                String(rank + 1), e.policy,
                "\(signed(e.difference, 3)) [\(signed(e.ci95Low, 3)), \(signed(e.ci95High, 3))]",
                share(e.pBetter),
                baik.map { points($0.difference) } ?? "–",
                adoption.map { points($0.difference, digits: 1) } ?? "–",
                e.cost.isNaN ? "–" : grouped(e.cost),
                e.effectPerCost.isNaN ? "–" : signed(e.effectPerCost * 100, 4),
                e.ciWidthRatio.isNaN ? "–" : e.ciWidthRatio.isInfinite ? "∞" : String(format: "%.1f×", e.ciWidthRatio),
            ])
        }
        return ConsoleReport.render(header: header, rows: rows)
    }

    /// A share as a whole percentage that never rounds a near-certainty to certainty:
    /// "> 99%" for 0.995 ≤ p < 1 and "< 1%" for 0 < p < 0.005.
    static func share(_ p: Double) -> String {
        if p.isNaN { return "–" }
        if p < 1, p >= 0.995 { return "> 99%" }
        if p > 0, p < 0.005 { return "< 1%" }
        return ConsoleReport.percent(p)
    }

    /// "+0.123" / "−0.045" with a true minus sign.
    static func signed(_ value: Double, _ digits: Int) -> String {
        if value.isNaN { return "–" }
        let text = String(format: "%.\(digits)f", Swift.abs(value))
        if Double(text) == 0 { return text }
        return (value < 0 ? "−" : "+") + text
    }

    /// A difference of shares in percentage points: "+12 pp".
    static func points(_ value: Double, digits: Int = 0) -> String {
        value.isNaN ? "–" : signed(value * 100, digits) + " pp"
    }

    /// A cost with thousands separators: 1,200.
    static func grouped(_ value: Double) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.numberStyle = .decimal
        formatter.usesGroupingSeparator = true
        formatter.groupingSeparator = ","
        formatter.maximumFractionDigits = value < 100 ? 1 : 0
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }
}

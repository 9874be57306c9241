import Foundation

/// Numbers as people read them in the comparison's sentences and in report.html: a fixed
/// number of decimals, so the text depends only on the value.
public enum NumberText {
    /// `value` with `digits` decimals ("–" when missing or infinite); never "-0.00".
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "–" }
        let text = String(format: "%.\(digits)f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            return String(text.dropFirst())
        }
        return text
    }
}

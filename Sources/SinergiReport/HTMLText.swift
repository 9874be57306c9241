import Foundation
import SinergiEngine

/// Text and numbers as the report writes them: HTML-escaped text and numbers with a fixed
/// number of decimals, so the page's bytes depend only on the statistics and the manifest.
enum HTMLText {
    /// `text` safe inside HTML and SVG elements and in quoted attribute values.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// `value` with `digits` decimals ("–" when missing); never "-0.00". The engine's
    /// ``NumberText/fixed(_:_:)``, so the page's numbers read as the sentences' do.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        NumberText.fixed(value, digits)
    }

    /// A share as a percentage with `digits` decimals, e.g. 0.214 → "21%".
    static func percent(_ value: Double, digits: Int = 0) -> String {
        value.isFinite ? fixed(value * 100, digits) + "%" : "–"
    }

    /// An SVG coordinate: one decimal, without a trailing ".0".
    static func coordinate(_ value: Double) -> String {
        let text = fixed(value, 1)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// Rough width of `text` in a sans-serif font of `size` (no font metrics on the server):
    /// used to shorten labels that would not fit.
    static func estimatedWidth(_ text: String, size: Double) -> Double {
        Double(text.count) * size * 0.56
    }

    /// `text` shortened with an ellipsis to fit `width` at `size`.
    static func fitting(_ text: String, width: Double, size: Double) -> String {
        guard estimatedWidth(text, size: size) > width else { return text }
        let keep = Swift.max(1, Int(width / (size * 0.56)) - 1)
        return String(text.prefix(keep)).trimmingCharacters(in: .whitespaces) + "…"
    }
}

import Foundation

/// Plain RFC 4180 CSV: comma separated, CRLF-free (LF line ends, which RFC 4180 readers
/// accept), fields quoted only when they hold a comma, quote or line break.
///
/// A text field that a spreadsheet would run as a formula — one starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return, and not a number — is written with a leading `'`
/// (OWASP, "CSV Injection"), so a government named `=HYPERLINK(…)` stays text. Numbers,
/// negative ones included, are written as they are.
public struct CSV: Sendable {
    /// First bytes that make a spreadsheet read a cell as a formula: = + - @ TAB CR.
    static let formulaLeads: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

    private(set) var text = ""

    public init(header: [String]) { appendRow(header) }

    /// Appends one row of already formatted fields.
    public mutating func appendRow(_ fields: [String]) {
        var first = true
        for field in fields {
            if !first { text.append(",") }
            first = false
            text.append(Self.escape(field))
        }
        text.append("\n")
    }

    /// The file's contents.
    public var contents: String { text }

    /// The rows appended since the last drain (the header first), as UTF-8, leaving the
    /// buffer empty: for files written a batch at a time.
    public mutating func drain() -> Data {
        defer { text = "" }
        return Data(text.utf8)
    }

    public static func escape(_ field: String) -> String {
        if let first = field.utf8.first, formulaLeads.contains(first), Double(field) == nil {
            return escape("'" + field)
        }
        // Bytes, not characters: cheaper (a national run writes millions of fields), and a
        // CR LF pair, one Character, is caught too.
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        var quoted = "\""
        for character in field {
            if character == "\"" { quoted.append("\"\"") } else { quoted.append(character) }
        }
        quoted.append("\"")
        return quoted
    }

    /// A number as written in Sinergi's CSV files: the shortest text that reads back as
    /// the same Double, empty for a missing value (NaN).
    public static func number(_ value: Double) -> String {
        if value.isNaN { return "" }
        if value == value.rounded(), Swift.abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

/// Text for a terminal: names come from scenario files, and a control character in one
/// (an escape sequence that clears the screen, moves the cursor or rewrites the title)
/// must be shown, not obeyed.
public enum TerminalText {
    /// `text` with every control character (C0, DEL, C1) written as `\u{XX}`, except line
    /// breaks when `keepingLineBreaks` (the structure of a multi-line message).
    public static func escape(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0, keepingLineBreaks) }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar, keepingLineBreaks) {
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar, _ keepingLineBreaks: Bool) -> Bool {
        let v = scalar.value
        if keepingLineBreaks && v == 0x0A { return false }
        return v < 0x20 || (0x7F...0x9F).contains(v)
    }
}

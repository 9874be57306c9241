import SinergiModel

/// Colours of the report: the Okabe–Ito palette, distinguishable with the common forms of
/// colour blindness, plus the greys of text and grid.
enum Palette {
    static let black = "#000000"
    static let orange = "#E69F00"
    static let skyBlue = "#56B4E9"
    static let bluishGreen = "#009E73"
    static let yellow = "#F0E442"
    static let blue = "#0072B2"
    static let vermillion = "#D55E00"
    static let reddishPurple = "#CC79A7"

    static let text = "#1a1a1a"
    static let secondaryText = "#555555"
    static let grid = "#dddddd"
    static let axis = "#777777"
    static let reference = "#555555"
    static let bandShade = "#f2f2f2"

    /// Colours for series told apart by name (initiatives), in order of first appearance.
    static let categorical = [blue, orange, bluishGreen, reddishPurple, vermillion, skyBlue, black, yellow]

    /// One colour per SPBE predicate, warm below Baik and cool from Baik up.
    static func predicate(_ predicate: SPBEPredicate) -> String {
        switch predicate {
        case .kurang: return vermillion
        case .cukup: return orange
        case .baik: return skyBlue
        case .sangatBaik: return blue
        case .memuaskan: return bluishGreen
        }
    }

    /// Text colour with enough contrast on a predicate's colour.
    static func textOn(_ predicate: SPBEPredicate) -> String {
        switch predicate {
        case .cukup, .baik: return black
        case .kurang, .sangatBaik, .memuaskan: return "#ffffff"
        }
    }
}

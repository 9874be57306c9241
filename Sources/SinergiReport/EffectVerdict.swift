import SinergiEngine

/// What a paired effect's 95% CI says about a package on one outcome: wholly on the better
/// side of zero, wholly on the worse side, or straddling it. Each verdict has its own
/// colour and its own marker shape, so charts do not rely on colour alone.
enum EffectVerdict: CaseIterable {
    case better, worse, unclear

    init(_ effect: PairedEffect) {
        self = effect.clearlyBetter ? .better : (effect.clearlyWorse ? .worse : .unclear)
    }

    var colour: String {
        switch self {
        case .better: return Palette.bluishGreen
        case .worse: return Palette.vermillion
        case .unclear: return Palette.secondaryText
        }
    }

    /// Short name, as in the legends and the table.
    var label: String {
        switch self {
        case .better: return "clearly better"
        case .worse: return "clearly worse"
        case .unclear: return "unclear"
        }
    }

    /// The legend's explanation of the verdict.
    var legendLabel: String {
        switch self {
        case .better: return "Clearly better (95% CI wholly on the better side)"
        case .worse: return "Clearly worse (95% CI wholly on the worse side)"
        case .unclear: return "Unclear (95% CI includes zero)"
        }
    }

    /// The marker's symbol in text: ● better, ◆ worse, ○ unclear.
    var symbol: String {
        switch self {
        case .better: return "●"
        case .worse: return "◆"
        case .unclear: return "○"
        }
    }

    /// CSS class of the verdict's chip in the page's text.
    var className: String { "verdict-\(self)" }

    /// Draws the marker centred on (x, y): a filled circle (better), a filled diamond
    /// (worse) or a hollow circle (unclear), about `2 radius` across.
    func drawMarker(into canvas: inout SVGCanvas, x: Double, y: Double, radius: Double, tooltip: String? = nil) {
        func c(_ value: Double) -> String { HTMLText.coordinate(value) }
        switch self {
        case .better, .unclear:
            let r = self == .unclear ? radius - 1 : radius
            let data =
                "M\(c(x - r)),\(c(y)) a\(c(r)),\(c(r)) 0 1,0 \(c(2 * r)),0"
                + " a\(c(r)),\(c(r)) 0 1,0 \(c(-2 * r)),0 Z"
            canvas.shape(
                data, fill: self == .better ? colour : "#ffffff", stroke: self == .unclear ? colour : nil,
                strokeWidth: 2.5, className: "marker marker-\(self)", tooltip: tooltip)
        case .worse:
            let r = radius * 1.3
            let data = "M\(c(x)),\(c(y - r)) L\(c(x + r)),\(c(y)) L\(c(x)),\(c(y + r)) L\(c(x - r)),\(c(y)) Z"
            canvas.shape(data, fill: colour, className: "marker marker-\(self)", tooltip: tooltip)
        }
    }
}

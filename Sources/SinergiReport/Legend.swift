/// A legend row drawn at the top of a chart: swatches and labels laid out left to right,
/// wrapping onto further rows when they do not fit.
struct Legend {
    enum Swatch {
        /// A line, solid or dashed.
        case line(String, dashed: Bool = false)
        /// A line over its shaded band.
        case lineWithBand(String)
        /// A filled block (areas, bars).
        case block(String)
        /// A shaded band alone.
        case band(String)
        /// The marker of a paired effect's verdict.
        case marker(EffectVerdict)
    }

    struct Item {
        var swatch: Swatch
        var label: String
    }

    static let fontSize = 17.0
    static let rowHeight = 32.0
    static let swatchWidth = 34.0
    static let itemGap = 30.0

    var items: [Item]

    /// Each item's row and x position when drawn between `left` and `right`.
    private func positions(left: Double, right: Double) -> [(row: Int, x: Double)] {
        var result: [(Int, Double)] = []
        var row = 0
        var x = left
        for item in items {
            let width = Self.swatchWidth + 10 + HTMLText.estimatedWidth(item.label, size: Self.fontSize)
            if x > left, x + width > right {
                row += 1
                x = left
            }
            result.append((row, x))
            x += width + Self.itemGap
        }
        return result
    }

    /// Height taken by the legend, including the space below it.
    func height(left: Double, right: Double) -> Double {
        guard !items.isEmpty else { return 0 }
        return Double((positions(left: left, right: right).map(\.row).max() ?? 0) + 1) * Self.rowHeight + 14
    }

    func draw(into canvas: inout SVGCanvas, left: Double, right: Double, top: Double) {
        for (item, position) in zip(items, positions(left: left, right: right)) {
            let y = top + Double(position.row) * Self.rowHeight + Self.rowHeight / 2
            let x = position.x
            switch item.swatch {
            case let .line(colour, dashed):
                canvas.line(
                    x1: x, y1: y, x2: x + Self.swatchWidth, y2: y, stroke: colour, width: dashed ? 2.5 : 4,
                    dash: dashed ? "7 5" : nil)
            case let .lineWithBand(colour):
                canvas.rect(x: x, y: y - 9, width: Self.swatchWidth, height: 18, fill: colour, opacity: 0.22)
                canvas.line(x1: x, y1: y, x2: x + Self.swatchWidth, y2: y, stroke: colour, width: 4)
            case let .block(colour):
                canvas.rect(x: x + 6, y: y - 11, width: 22, height: 22, fill: colour)
            case let .band(colour):
                canvas.rect(x: x, y: y - 9, width: Self.swatchWidth, height: 18, fill: colour, opacity: 0.22)
            case let .marker(verdict):
                verdict.drawMarker(into: &canvas, x: x + Self.swatchWidth / 2, y: y, radius: 8)
            }
            canvas.text(item.label, x: x + Self.swatchWidth + 10, y: y, size: Self.fontSize, middle: true)
        }
    }
}

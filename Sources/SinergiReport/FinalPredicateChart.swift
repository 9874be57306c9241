import SinergiModel

/// One horizontal bar per government (and the region), split by the share of replicates
/// ending in each SPBE predicate.
struct FinalPredicateChart {
    struct Row {
        var name: String
        var shares: [SPBEPredicate: Double]
        var isRegion: Bool
    }

    var rows: [Row]

    static let labelWidth = 300.0
    static let barHeight = 28.0
    static let rowHeight = 40.0

    func svg() -> String {
        let legend = PredicateShareChart.legend
        let left = Self.labelWidth + 16, right = PanelGrid.width - 24
        let top = legend.height(left: left, right: right) + 8
        let regionGap = rows.contains(where: \.isRegion) ? 14.0 : 0
        let bottom = top + Double(rows.count) * Self.rowHeight + regionGap
        var canvas = SVGCanvas(width: PanelGrid.width, height: bottom + 74)
        legend.draw(into: &canvas, left: left, right: right, top: 4)
        let x = LinearScale(domain: 0...1, range: (left, right))
        for tick in [0, 0.25, 0.5, 0.75, 1.0] {
            canvas.line(x1: x(tick), y1: top - 6, x2: x(tick), y2: bottom + 6, stroke: Palette.grid, width: 1)
            canvas.text(HTMLText.percent(tick), x: x(tick), y: bottom + 28, size: PanelGrid.tickSize, anchor: .middle)
        }
        var y = top
        for row in rows {
            if row.isRegion {
                y += regionGap
                canvas.line(
                    x1: 16, y1: y - regionGap / 2 - 2, x2: right, y2: y - regionGap / 2 - 2,
                    stroke: Palette.axis, width: 1)
            }
            let middle = y + Self.rowHeight / 2
            canvas.text(
                HTMLText.fitting(row.name, width: Self.labelWidth - 16, size: 17), x: Self.labelWidth,
                y: middle, size: 17, anchor: .end, bold: row.isRegion, middle: true, tooltip: row.name)
            var start = 0.0
            for predicate in SPBEPredicate.allCases {
                let share = row.shares[predicate] ?? 0
                guard share.isFinite, share > 0 else { continue }
                let x0 = x(start), x1 = x(start + share)
                canvas.area(
                    "M\(HTMLText.coordinate(x0)),\(HTMLText.coordinate(middle - Self.barHeight / 2))"
                        + " H\(HTMLText.coordinate(x1)) V\(HTMLText.coordinate(middle + Self.barHeight / 2))"
                        + " H\(HTMLText.coordinate(x0)) Z",
                    fill: Palette.predicate(predicate), className: "bar")
                if x1 - x0 >= 46 {
                    canvas.text(
                        HTMLText.percent(share), x: (x0 + x1) / 2, y: middle, size: 15, anchor: .middle,
                        fill: Palette.textOn(predicate), bold: true, middle: true)
                }
                start += share
            }
            y += Self.rowHeight
        }
        canvas.text(
            "Share of replicates ending in each predicate", x: (left + right) / 2, y: bottom + 62,
            size: PanelGrid.axisTitleSize, anchor: .middle, bold: true)
        return canvas.svg(
            id: "final-predicates", title: "SPBE predicate at the end of the run",
            description: "For each government, the share of replicates whose final SPBE index falls in each "
                + "predicate band.")
    }
}

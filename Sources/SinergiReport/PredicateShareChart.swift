import SinergiModel
import SinergiStats

/// Small multiples of the share of replicates in each SPBE predicate, month by month,
/// stacked from Kurang at the bottom to Memuaskan at the top.
struct PredicateShareChart {
    var panels: [(title: String, shares: [SPBEPredicate: [Summary?]])]
    var months: Int
    var calendar: ScenarioCalendar?

    static let legend = Legend(
        items: SPBEPredicate.allCases.map {
            Legend.Item(swatch: .block(Palette.predicate($0)), label: $0.name)
        })

    func svg() -> String {
        let grid = PanelGrid(
            count: panels.count, legend: Self.legend, subtitles: false, bandLabels: false,
            calendar: calendar != nil)
        var canvas = SVGCanvas(width: PanelGrid.width, height: grid.height)
        Self.legend.draw(into: &canvas, left: grid.marginLeft, right: PanelGrid.width - grid.marginRight, top: 4)
        let ticks = [0, 0.25, 0.5, 0.75, 1.0]
        for (index, panel) in panels.enumerated() {
            let frame = grid.frame(index)
            let x = grid.monthScale(frame, months: months), y = grid.valueScale(frame, domain: 0...1)
            grid.drawBackground(
                into: &canvas, index: index, title: panel.title, subtitle: nil, y: y, yTicks: ticks,
                yLabel: { HTMLText.percent($0) }, bands: [], references: [], months: months,
                calendar: calendar)
            var below = [Double](repeating: 0, count: months + 1)
            for predicate in SPBEPredicate.allCases {
                let values = panel.shares[predicate] ?? []
                var upper: [(Double, Double)] = [], lower: [(Double, Double)] = []
                var any = false
                for month in 0...months {
                    let share = month < values.count ? (values[month]?.mean ?? .nan) : .nan
                    guard share.isFinite else { continue }
                    if share > 0 { any = true }
                    lower.append((x(Double(month)), y(below[month])))
                    below[month] += share
                    upper.append((x(Double(month)), y(below[month])))
                }
                if any {
                    canvas.area(
                        PathData.area(upper: upper, lower: lower), fill: Palette.predicate(predicate),
                        className: "share")
                }
            }
        }
        grid.drawAxisTitles(into: &canvas, y: "Share of replicates", calendar: calendar)
        return canvas.svg(
            id: "predicate-shares", title: "SPBE predicate shares over time",
            description: "For each government and month, the share of replicates whose SPBE index is in each "
                + "predicate band, stacked from Kurang (bottom) to Memuaskan (top).")
    }
}

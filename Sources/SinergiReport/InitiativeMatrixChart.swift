import SinergiStats

/// Initiative progress as a matrix of small panels: one row per government, one column per
/// initiative, each panel one initiative's mean progress over its 5–95% band. Initiatives
/// with the same partners often progress identically; side by side that shows, where
/// overlaid lines would hide each other.
struct InitiativeMatrixChart {
    struct Row {
        var title: String
        var detail: String
        /// One entry per column; nil where the government has no such initiative.
        var cells: [[Summary?]?]
    }

    var initiatives: [(name: String, colour: String)]
    var rows: [Row]
    var threshold: Double
    var thresholdLabel: String
    var months: Int
    var calendar: ScenarioCalendar?

    func svg() -> String {
        let legend = Legend(items: [
            .init(swatch: .band(Palette.axis), label: "5–95% of replicates"),
            .init(swatch: .line(Palette.reference, dashed: true), label: thresholdLabel),
        ])
        let columns = Swift.max(1, initiatives.count)
        let grid = PanelGrid(
            count: rows.count * columns, legend: legend, subtitles: false, bandLabels: false,
            calendar: calendar != nil, columns: columns, plotHeight: rows.count == 1 ? 240 : 100,
            rowGap: 16, extraTop: 30)
        var canvas = SVGCanvas(width: PanelGrid.width, height: grid.height)
        legend.draw(into: &canvas, left: grid.marginLeft, right: PanelGrid.width - grid.marginRight, top: 4)
        for (column, initiative) in initiatives.enumerated() {
            let frame = grid.frame(column)
            let y = grid.top - 16
            canvas.line(x1: frame.x, y1: y, x2: frame.x + 30, y2: y, stroke: initiative.colour, width: 5)
            canvas.text(
                HTMLText.fitting(initiative.name, width: frame.width - 40, size: PanelGrid.titleSize),
                x: frame.x + 40, y: y, size: PanelGrid.titleSize, bold: true,
                middle: true, tooltip: initiative.name)
        }
        for (r, row) in rows.enumerated() {
            let first = grid.frame(r * columns)
            let titleY = first.y - grid.headerHeight + 20
            canvas.titleWithDetail(
                row.title, row.detail, x: first.x, y: titleY, size: PanelGrid.titleSize,
                detailSize: PanelGrid.subtitleSize)
            for (column, initiative) in initiatives.enumerated() {
                let index = r * columns + column
                let frame = grid.frame(index)
                let x = grid.monthScale(frame, months: months), y = grid.valueScale(frame, domain: 0...1)
                grid.drawBackground(
                    into: &canvas, index: index, title: nil, subtitle: nil, y: y, yTicks: [0, 0.5, 1],
                    yLabel: { HTMLText.fixed($0, 1) }, bands: [], references: [threshold],
                    months: months, calendar: calendar)
                guard column < row.cells.count, let values = row.cells[column] else { continue }
                LineBandChart.draw(
                    [.init(label: initiative.name, colour: initiative.colour, values: values)],
                    into: &canvas, x: x, y: y, bandEdges: false)
            }
        }
        grid.drawAxisTitles(into: &canvas, y: "Progress (0 = none, 1 = complete)", calendar: calendar)
        return canvas.svg(
            id: "progress", title: "Progress of the joint initiatives",
            description: "Mean progress of each initiative per month with the 5th to 95th percentile band across "
                + "replicates, one row per government and one column per initiative, with the launch threshold.")
    }
}

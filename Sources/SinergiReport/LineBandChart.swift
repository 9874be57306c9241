import SinergiStats

/// Small multiples of monthly series: in each panel, every series as its mean line over
/// the band from the 5th to the 95th percentile across replicates.
struct LineBandChart {
    struct Series {
        var label: String
        var colour: String
        var values: [Summary?]
    }

    struct Panel {
        var title: String
        var subtitle: String?
        var series: [Series]
    }

    var id: String
    var title: String
    var description: String
    var panels: [Panel]
    var yDomain: ClosedRange<Double>
    var yTicks: [Double]
    var yLabel: (Double) -> String
    var yTitle: String
    var references: [Double] = []
    var bands: [PanelGrid.NamedBand] = []
    var legend: Legend
    var months: Int
    var calendar: ScenarioCalendar?

    func svg() -> String {
        let grid = PanelGrid(
            count: panels.count, legend: legend, subtitles: panels.contains { $0.subtitle != nil },
            bandLabels: !bands.isEmpty, calendar: calendar != nil)
        var canvas = SVGCanvas(width: PanelGrid.width, height: grid.height)
        legend.draw(into: &canvas, left: grid.marginLeft, right: PanelGrid.width - grid.marginRight, top: 4)
        for (index, panel) in panels.enumerated() {
            let frame = grid.frame(index)
            let x = grid.monthScale(frame, months: months), y = grid.valueScale(frame, domain: yDomain)
            grid.drawBackground(
                into: &canvas, index: index, title: panel.title, subtitle: panel.subtitle, y: y,
                yTicks: yTicks, yLabel: yLabel, bands: bands, references: references,
                months: months, calendar: calendar)
            Self.draw(panel.series, into: &canvas, x: x, y: y, bandEdges: panel.series.count > 1)
        }
        grid.drawAxisTitles(into: &canvas, y: yTitle, calendar: calendar)
        return canvas.svg(id: id, title: title, description: description)
    }

    /// Draws the bands of `series`, then their mean lines on top. With `bandEdges`, each band
    /// also gets thin edges in its colour, so overlapping bands stay apart.
    static func draw(
        _ series: [Series], into canvas: inout SVGCanvas, x: LinearScale, y: LinearScale,
        bandEdges: Bool
    ) {
        for one in series {
            for run in runs(one.values, \.q05, \.q95) {
                let upper = run.map { (x(Double($0.month)), y($0.high)) }
                let lower = run.map { (x(Double($0.month)), y($0.low)) }
                canvas.area(
                    PathData.area(upper: upper, lower: lower), fill: one.colour,
                    opacity: bandEdges ? 0.16 : 0.22, className: "band")
                if bandEdges {
                    canvas.stroke(PathData.line(upper), colour: one.colour, width: 1.2, className: "band-edge")
                    canvas.stroke(PathData.line(lower), colour: one.colour, width: 1.2, className: "band-edge")
                }
            }
        }
        for one in series {
            for run in runs(one.values, \.mean, \.mean) {
                canvas.stroke(
                    PathData.line(run.map { (x(Double($0.month)), y($0.low)) }), colour: one.colour,
                    width: 3.5, className: "mean")
            }
        }
    }

    /// The stretches of consecutive months where both statistics are finite.
    static func runs(_ values: [Summary?], _ low: KeyPath<Summary, Double>, _ high: KeyPath<Summary, Double>)
        -> [[(month: Int, low: Double, high: Double)]]
    {
        var runs: [[(month: Int, low: Double, high: Double)]] = []
        var current: [(month: Int, low: Double, high: Double)] = []
        for (month, summary) in values.enumerated() {
            if let summary, summary[keyPath: low].isFinite, summary[keyPath: high].isFinite {
                current.append((month, summary[keyPath: low], summary[keyPath: high]))
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}

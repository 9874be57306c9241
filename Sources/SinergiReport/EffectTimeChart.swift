import SinergiEngine

/// Effect over time: small multiples, one panel per package, of the mean paired
/// difference of a monthly series (package − baseline) with its 95% CI band, on shared
/// axes with a dashed line at zero.
struct EffectTimeChart {
    struct Panel {
        var title: String
        var subtitle: String?
        /// The effect by month (index = month), nil where a month has no row.
        var values: [EffectOverTime?]
    }

    var panels: [Panel]
    var months: Int
    var calendar: ScenarioCalendar?
    var yTitle: String

    static let colour = Palette.blue

    func svg() -> String {
        let legend = Legend(items: [
            .init(swatch: .lineWithBand(Self.colour), label: "Mean difference, package − baseline, with its 95% CI"),
            .init(swatch: .line(Palette.reference, dashed: true), label: "No difference"),
        ])
        let grid = PanelGrid(
            count: panels.count, legend: legend, subtitles: panels.contains { $0.subtitle != nil },
            bandLabels: false, calendar: calendar != nil,
            plotHeight: panels.count == 1 ? 340 : 240)
        let values = panels.flatMap(\.values).compactMap { $0 }.flatMap { [$0.difference, $0.ci95Low, $0.ci95High] }
            .filter(\.isFinite)
        let ticks = NiceTicks.spanning(Swift.min(0, values.min() ?? 0), Swift.max(0, values.max() ?? 0), count: 4)
        let digits = NiceTicks.decimals(ticks)
        var canvas = SVGCanvas(width: PanelGrid.width, height: grid.height)
        legend.draw(into: &canvas, left: grid.marginLeft, right: PanelGrid.width - grid.marginRight, top: 4)
        for (index, panel) in panels.enumerated() {
            let frame = grid.frame(index)
            let x = grid.monthScale(frame, months: months)
            let y = grid.valueScale(frame, domain: (ticks.first ?? 0)...(ticks.last ?? 1))
            grid.drawBackground(
                into: &canvas, index: index, title: panel.title, subtitle: panel.subtitle, y: y,
                yTicks: ticks, yLabel: { ForestChart.signedTick($0, digits: digits) }, bands: [],
                references: [0], months: months, calendar: calendar)
            for run in Self.runs(panel.values, \.ci95Low, \.ci95High) where run.count > 1 {
                let upper = run.map { (x(Double($0.month)), y($0.high)) }
                let lower = run.map { (x(Double($0.month)), y($0.low)) }
                canvas.area(
                    PathData.area(upper: upper, lower: lower), fill: Self.colour, opacity: 0.22,
                    className: "band")
            }
            for run in Self.runs(panel.values, \.difference, \.difference) where run.count > 1 {
                canvas.stroke(
                    PathData.line(run.map { (x(Double($0.month)), y($0.low)) }), colour: Self.colour,
                    width: 3.5, className: "mean")
            }
        }
        grid.drawAxisTitles(into: &canvas, y: yTitle, calendar: calendar)
        return canvas.svg(
            id: "effect-time", title: "Effect on the SPBE index over time",
            description: "One panel per package: the mean paired difference of the monthly SPBE index, package "
                + "minus baseline, with its 95% confidence interval as a band and a dashed line at zero.")
    }

    /// The stretches of consecutive months where both values are finite.
    static func runs(
        _ values: [EffectOverTime?], _ low: KeyPath<EffectOverTime, Double>,
        _ high: KeyPath<EffectOverTime, Double>
    ) -> [[(month: Int, low: Double, high: Double)]] {
        var runs: [[(month: Int, low: Double, high: Double)]] = []
        var current: [(month: Int, low: Double, high: Double)] = []
        for (month, value) in values.enumerated() {
            if let value, value[keyPath: low].isFinite, value[keyPath: high].isFinite {
                current.append((month, value[keyPath: low], value[keyPath: high]))
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}

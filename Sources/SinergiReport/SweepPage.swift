import SinergiEngine
import SinergiModel

/// report.html of a sweep: the main effect of every factor on the key outcomes (the mean
/// over points at each level of the factor, with its 95% interval), and a heat map for each
/// factor pair the user named. Drawn from the store's per-point summaries.
enum SweepPage {
    static func html(_ analysis: SweepAnalysis, manifest: Manifest) -> String {
        let name = HTMLText.escape(manifest.scenario.name)
        var page = ReportStyle.documentStart(title: "\(name) — Sinergi sweep report")
        page += header(analysis, manifest: manifest)
        for outcome in SweepAnalysis.outcomes {
            let effects = analysis.effects.filter { $0.outcome == outcome.name }
            guard !effects.isEmpty else { continue }
            page += "<section id=\"section-effects-\(outcome.name)\">\n"
            page += "<h2>Main effects on \(HTMLText.escape(outcome.label)) (\(HTMLText.escape(analysis.unit)))</h2>\n"
            page += MainEffectChart(outcome: outcome, effects: effects).svg()
            page += """
                <p class="read"><strong>How to read:</strong> one panel per factor. The points of the design are \
                grouped by the factor's value (by rank into equal groups when it takes many values); the line is the \
                mean over a group's points of their mean \(HTMLText.escape(outcome.label)) across \
                \(analysis.replicatesPerPoint) replicates, and the band its 95% confidence interval, which holds the \
                spread due to the other factors as well as chance. Every point ran the same replicate seeds, so \
                differences between groups are not seed noise. points.csv has every point.</p>
                </section>

                """
        }
        for (index, map) in analysis.maps.enumerated() {
            let outcome = (try? Outcome.named(map.outcome)) ?? .finalSpbe
            page += "<section id=\"section-map-\(index)\">\n"
            page +=
                "<h2>\(HTMLText.escape(outcome.label)) over \(HTMLText.escape(map.rowFactor)) and "
                + "\(HTMLText.escape(map.columnFactor))</h2>\n"
            page += HeatMapChart(map: map, outcome: outcome, id: "map-\(index)").svg()
            page += """
                <p class="read"><strong>How to read:</strong> each cell is the mean, over the design points that fall \
                in it, of the points' mean \(HTMLText.escape(outcome.label)); darker is higher, the number is the \
                value, and an empty cell has no point.</p>
                </section>

                """
        }
        page += """
            <footer>
            Scenario file <code>\(HTMLText.escape(manifest.scenario.path))</code> (SHA-256 \
            <code>\(HTMLText.escape(manifest.scenario.sha256))</code>); design SHA-256 \
            <code>\(HTMLText.escape(manifest.sweep?.designSHA256 ?? ""))</code>. Written by \
            \(HTMLText.escape(manifest.tool.name)) \(HTMLText.escape(manifest.tool.version)).
            </footer>
            </main>
            </body>
            </html>

            """
        return page
    }

    private static func header(_ analysis: SweepAnalysis, manifest: Manifest) -> String {
        var items: [(String, String)] = [
            ("Design", manifest.sweep?.method ?? ""),
            ("Points", String(analysis.points)),
            ("Replicates per point", String(analysis.replicatesPerPoint)),
            ("Seed", String(manifest.randomness.masterSeed)),
            ("Factors", analysis.factors.joined(separator: ", ")),
        ]
        if let overrides = manifest.overrides { items.append(("Set", overrides.joined(separator: "; "))) }
        items += [("Tool", "\(manifest.tool.name) \(manifest.tool.version)"), ("Created", manifest.timing.started)]
        let meta = items.map { "<div><dt>\(HTMLText.escape($0.0))</dt><dd>\(HTMLText.escape($0.1))</dd></div>" }
            .joined(separator: "\n")
        return """
            <header>
            <p class="kicker">Sinergi sweep report</p>
            <h1>\(HTMLText.escape(manifest.scenario.name))</h1>
            <dl class="meta">
            \(meta)
            </dl>
            </header>

            """
    }
}

/// One outcome's main effects: a panel per factor, the group means as a line over their
/// 95% band, on a value axis shared by the panels.
struct MainEffectChart {
    var outcome: Outcome
    var effects: [MainEffect]

    static let panelWidth = 260.0
    static let panelHeight = 170.0
    static let columns = 4

    func svg() -> String {
        let columns = Swift.min(Self.columns, effects.count)
        let rows = (effects.count + columns - 1) / columns
        let marginLeft = 56.0, marginTop = 30.0, gapX = 28.0, gapY = 64.0
        let width = marginLeft + Double(columns) * (Self.panelWidth + gapX)
        let height = marginTop + Double(rows) * (Self.panelHeight + gapY)
        var canvas = SVGCanvas(width: width, height: height)
        // A share's interval is cut to [0, 1], where a share lives.
        let bounds: ClosedRange<Double> = outcome.kind == .share ? 0...1 : -Double.infinity...Double.infinity
        let effects = self.effects.map { effect in
            var effect = effect
            for g in effect.groups.indices {
                effect.groups[g].ci95Low = Swift.max(bounds.lowerBound, effect.groups[g].ci95Low)
                effect.groups[g].ci95High = Swift.min(bounds.upperBound, effect.groups[g].ci95High)
            }
            return effect
        }
        let lows = effects.flatMap { $0.groups.map(\.ci95Low) + $0.groups.map(\.mean) }.filter(\.isFinite)
        let highs = effects.flatMap { $0.groups.map(\.ci95High) + $0.groups.map(\.mean) }.filter(\.isFinite)
        let ticks = NiceTicks.spanning(lows.min() ?? 0, highs.max() ?? 1, count: 4)
        let domain = (ticks.first ?? 0)...(ticks.last ?? 1)
        let decimals = NiceTicks.decimals(ticks)
        for (index, effect) in effects.enumerated() {
            let left = marginLeft + Double(index % columns) * (Self.panelWidth + gapX)
            let top = marginTop + Double(index / columns) * (Self.panelHeight + gapY)
            let values = effect.groups.map(\.value)
            let xLow = values.min() ?? 0, xHigh = values.max() ?? 1
            let x = LinearScale(
                domain: xLow...(xHigh > xLow ? xHigh : xLow + 1), range: (left + 8, left + Self.panelWidth - 8))
            let y = LinearScale(domain: domain, range: (top + Self.panelHeight, top))
            canvas.rect(x: left, y: top, width: Self.panelWidth, height: Self.panelHeight, fill: Palette.bandShade)
            for tick in ticks {
                canvas.line(
                    x1: left, y1: y(tick), x2: left + Self.panelWidth, y2: y(tick), stroke: Palette.grid, width: 1)
                if index % columns == 0 {
                    canvas.text(
                        HTMLText.fixed(tick, decimals), x: left - 6, y: y(tick), size: 12, anchor: .end, middle: true)
                }
            }
            canvas.text(
                HTMLText.fitting(effect.factor, width: Self.panelWidth, size: 13), x: left, y: top - 8, size: 13,
                bold: true)
            let xTicks = NiceTicks.spanning(xLow, xHigh, count: 4).filter { $0 >= xLow && $0 <= xHigh }
            let xDecimals = NiceTicks.decimals(xTicks)
            for tick in xTicks {
                canvas.text(
                    HTMLText.fixed(tick, xDecimals), x: x(tick), y: top + Self.panelHeight + 16, size: 11,
                    anchor: .middle, fill: Palette.secondaryText)
            }
            let finite = effect.groups.filter { $0.mean.isFinite }
            let withBand = finite.filter { $0.ci95Low.isFinite && $0.ci95High.isFinite }
            canvas.area(
                PathData.area(
                    upper: withBand.map { (x($0.value), y($0.ci95High)) },
                    lower: withBand.map { (x($0.value), y($0.ci95Low)) }), fill: Palette.blue, opacity: 0.2,
                className: "band")
            canvas.stroke(
                PathData.line(finite.map { (x($0.value), y($0.mean)) }), colour: Palette.blue, width: 3,
                className: "mean")
            for group in finite {
                canvas.shape(
                    PathData.circle(x: x(group.value), y: y(group.mean), radius: 3.5), fill: Palette.blue,
                    className: "group",
                    tooltip: "\(effect.factor) ≈ \(HTMLText.fixed(group.value, 4)): \(HTMLText.fixed(group.mean, 4)) "
                        + "[\(HTMLText.fixed(group.ci95Low, 4)), \(HTMLText.fixed(group.ci95High, 4))], "
                        + "\(group.points) points")
            }
        }
        return canvas.svg(
            id: "effects-\(outcome.name)", title: "Main effects on \(outcome.label)",
            description: "For each factor, the mean \(outcome.label) over the design points at each of its levels.")
    }
}

/// The mean of an outcome over two factors' groups, as coloured cells.
struct HeatMapChart {
    var map: TwoFactorMap
    var outcome: Outcome
    var id: String

    func svg() -> String {
        let cell = 56.0, marginLeft = 90.0, marginTop = 40.0
        let width = marginLeft + Double(map.columns.count) * cell + 20
        let height = marginTop + Double(map.rows.count) * cell + 50
        var canvas = SVGCanvas(width: width, height: height)
        let values = map.means.flatMap { $0 }.filter(\.isFinite)
        let low = values.min() ?? 0, high = values.max() ?? 1
        for (i, row) in map.means.enumerated() {
            for (j, value) in row.enumerated() {
                let x = marginLeft + Double(j) * cell
                let y = marginTop + Double(map.rows.count - 1 - i) * cell
                guard value.isFinite else {
                    canvas.rect(x: x, y: y, width: cell - 2, height: cell - 2, fill: Palette.bandShade)
                    continue
                }
                let share = high > low ? (value - low) / (high - low) : 0.5
                canvas.rect(
                    x: x, y: y, width: cell - 2, height: cell - 2, fill: Palette.blue, opacity: 0.1 + 0.85 * share)
                canvas.text(
                    HTMLText.fixed(value, 2), x: x + cell / 2 - 1, y: y + cell / 2 - 1, size: 11, anchor: .middle,
                    fill: share > 0.55 ? "#ffffff" : Palette.text, middle: true)
            }
        }
        for (i, value) in map.rows.enumerated() {
            canvas.text(
                HTMLText.fixed(value, 3), x: marginLeft - 6,
                y: marginTop + Double(map.rows.count - 1 - i) * cell + cell / 2,
                size: 11, anchor: .end, middle: true)
        }
        for (j, value) in map.columns.enumerated() {
            canvas.text(
                HTMLText.fixed(value, 3), x: marginLeft + Double(j) * cell + cell / 2,
                y: marginTop + Double(map.rows.count) * cell + 14, size: 11, anchor: .middle)
        }
        canvas.text(
            map.columnFactor, x: marginLeft, y: marginTop + Double(map.rows.count) * cell + 36, size: 12, bold: true)
        canvas.text(map.rowFactor, x: marginLeft, y: 20, size: 12, bold: true)
        return canvas.svg(
            id: id, title: "\(outcome.label) over \(map.rowFactor) and \(map.columnFactor)",
            description: "Mean \(outcome.label) over the design points in each cell of the two factors' groups.")
    }
}

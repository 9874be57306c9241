import Foundation
import SinergiEngine

/// report.html of a sensitivity analysis: per government and outcome, the Sobol' indices
/// S1 and ST of every factor as bars with their 95% bootstrap intervals, or Morris's μ*
/// against σ; and the seed's noise share beside them. Drawn from indices.csv's rows.
enum SensitivityPage {
    static func html(_ report: SensitivityReport) -> String {
        let result = report.result
        let name = HTMLText.escape(report.subject)
        var page = ReportStyle.documentStart(title: "\(name) — Sinergi sensitivity report")
        let meta = report.details.map {
            "<div><dt>\(HTMLText.escape($0.label))</dt><dd>\(HTMLText.escape($0.value))</dd></div>"
        }.joined(separator: "\n")
        page += """
            <header>
            <p class="kicker">Sinergi sensitivity report</p>
            <h1>\(name)</h1>
            <dl class="meta">
            \(meta)
            </dl>
            </header>

            """
        var index = 0
        for government in result.governments {
            for outcome in result.plan.outcomes {
                let seed = result.rows(
                    government: government, outcome: outcome, index: SensitivityResult.noiseShareIndex
                ).first
                guard
                    seed != nil || !result.rows(government: government, outcome: outcome, index: "S1").isEmpty
                        || !result.rows(government: government, outcome: outcome, index: "mu_star").isEmpty
                else { continue }
                page += "<section id=\"section-sensitivity-\(index)\" class=\"sensitivity\""
                page +=
                    " data-government=\"\(HTMLText.escape(government))\" data-outcome=\"\(HTMLText.escape(outcome))\">\n"
                page += "<h2>\(HTMLText.escape(outcome)) — \(HTMLText.escape(government))</h2>\n"
                page += noiseShareText(seed, noiseToSignal: result.noiseToSignal["\(government)|\(outcome)"])
                switch result.plan.method {
                case .sobol:
                    let first = result.rows(government: government, outcome: outcome, index: "S1")
                    let total = result.rows(government: government, outcome: outcome, index: "ST")
                    page += SobolBarChart(first: first, total: total).svg(id: "sobol-\(index)", outcome: outcome)
                    page += """
                        <p class="read"><strong>How to read:</strong> for each factor, the dark bar is its first-order \
                        index S1 (the share of the outcome's variance the factor explains alone) and the light bar its \
                        total index ST (alone and with the others); the whiskers are 95% bootstrap intervals over the \
                        base rows. The shares are of the variance that the factors explain, the seed's noise removed \
                        when the noise correction is on; a factor whose ST interval reaches 0 may not matter.</p>

                        """
                    let pairs = result.rows(government: government, outcome: outcome, index: "S2")
                    if !pairs.isEmpty { page += pairTable(pairs) }
                case .morris:
                    let muStar = result.rows(government: government, outcome: outcome, index: "mu_star")
                    let sigma = result.rows(government: government, outcome: outcome, index: "sigma")
                    page += MorrisChart(muStar: muStar, sigma: sigma).svg(id: "morris-\(index)", outcome: outcome)
                    page += """
                        <p class="read"><strong>How to read:</strong> each point is a factor: across, μ*, the mean \
                        absolute change of the outcome when the factor moves by Δ of its range (how much it matters); \
                        up, σ, how much that change varies from trajectory to trajectory (interactions, curvature, and \
                        what seed noise is left in the replicate means). Far right matters; high above the diagonal \
                        σ = μ* interacts.</p>

                        """
                }
                page += "</section>\n"
                index += 1
            }
        }
        page += """
            <footer>
            \(HTMLText.escape(report.footer))
            </footer>
            </main>
            </body>
            </html>

            """
        return page
    }

    private static func number(_ value: Double) -> String {
        value.isFinite ? NumberText.fixed(value, 3) : "—"
    }

    private static func noiseShareText(_ row: SensitivityRow?, noiseToSignal: Double?) -> String {
        guard let row, row.estimate.isFinite else {
            return "<p class=\"noise-share\">Noise share: not estimated (one replicate per point).</p>\n"
        }
        var text =
            "<p class=\"noise-share\"><strong>Noise share \(number(row.estimate))</strong> "
            + "(95% interval \(number(row.ci95Low))–\(number(row.ci95High))): the part of one replicate's variance "
            + "that the seed explains, not the factors."
        if let ratio = noiseToSignal, ratio.isFinite {
            text += " The replicate means' noise is \(number(ratio)) of the factors' variance"
            text += ratio > 1 ? ": too few replicates for sharp indices (docs/statistics.md)." : "."
        }
        return text + "</p>\n"
    }

    private static func pairTable(_ rows: [SensitivityRow]) -> String {
        var table =
            "<table class=\"pairs\">\n<thead><tr><th>Pair</th><th>S2</th><th>95% interval</th></tr></thead>\n<tbody>\n"
        for row in rows {
            table +=
                "<tr><td>\(HTMLText.escape(row.factor.replacingOccurrences(of: "|", with: " × ")))</td>"
                + "<td>\(number(row.estimate))</td><td>\(number(row.ci95Low)) – \(number(row.ci95High))</td></tr>\n"
        }
        return table + "</tbody>\n</table>\n"
    }
}

/// S1 and ST of every factor as horizontal bars with interval whiskers, on [0, 1] (wider,
/// up to [−0.5, 1.5], when an interval leaves it).
struct SobolBarChart {
    var first: [SensitivityRow]
    var total: [SensitivityRow]

    func svg(id: String, outcome: String) -> String {
        let labelWidth = 260.0, plotWidth = 420.0, rowHeight = 34.0, top = 30.0, bottom = 34.0
        let width = labelWidth + plotWidth + 30
        let height = top + Double(first.count) * rowHeight + bottom
        let values = (first + total).flatMap { [$0.estimate, $0.ci95Low, $0.ci95High] }.filter(\.isFinite)
        // Wide intervals (few samples, much noise) are cut at −0.5 and 1.5, where an index
        // stops being readable; the tooltips keep the numbers.
        let low = Swift.max(-0.5, Swift.min(0, values.min() ?? 0))
        let high = Swift.min(1.5, Swift.max(1, values.max() ?? 1))
        let ticks = NiceTicks.spanning(low, high, count: 5)
        let x = LinearScale(domain: (ticks.first ?? 0)...(ticks.last ?? 1), range: (labelWidth, labelWidth + plotWidth))
        var canvas = SVGCanvas(width: width, height: height)
        let decimals = NiceTicks.decimals(ticks)
        for tick in ticks {
            canvas.line(x1: x(tick), y1: top - 6, x2: x(tick), y2: height - bottom, stroke: Palette.grid, width: 1)
            canvas.text(
                NumberText.fixed(tick, decimals), x: x(tick), y: height - bottom + 16, size: 11, anchor: .middle,
                fill: Palette.secondaryText)
        }
        canvas.text("S1", x: labelWidth, y: 16, size: 12, fill: Palette.blue, bold: true)
        canvas.text("ST", x: labelWidth + 40, y: 16, size: 12, fill: Palette.skyBlue, bold: true)
        for (f, row) in first.enumerated() {
            let y = top + Double(f) * rowHeight
            canvas.text(row.factor, x: labelWidth - 8, y: y + rowHeight / 2, size: 12, anchor: .end, middle: true)
            canvas.openGroup(className: "factor", data: [("factor", row.factor)])
            let bars: [(SensitivityRow?, String, Double, String)] = [
                (row, Palette.blue, 4, "S1"), (total.first { $0.factor == row.factor }, Palette.skyBlue, 17, "ST"),
            ]
            for case (let bar?, let colour, let offset, let label) in bars where bar.estimate.isFinite {
                let start = x(Swift.min(0, bar.estimate)), end = x(Swift.max(0, bar.estimate))
                canvas.shape(
                    "M\(HTMLText.coordinate(start)) \(HTMLText.coordinate(y + offset))h\(HTMLText.coordinate(end - start))v12h\(HTMLText.coordinate(start - end))Z",
                    fill: colour, className: "bar bar-\(label)",
                    tooltip:
                        "\(label) of \(row.factor): \(NumberText.fixed(bar.estimate, 3)) "
                        + "[\(NumberText.fixed(bar.ci95Low, 3)), \(NumberText.fixed(bar.ci95High, 3))]")
                if bar.ci95Low.isFinite, bar.ci95High.isFinite {
                    let middle = y + offset + 6
                    canvas.line(
                        x1: x(bar.ci95Low), y1: middle, x2: x(bar.ci95High), y2: middle, stroke: Palette.black,
                        width: 1.2)
                    for end in [bar.ci95Low, bar.ci95High] {
                        canvas.line(
                            x1: x(end), y1: middle - 4, x2: x(end), y2: middle + 4, stroke: Palette.black, width: 1.2)
                    }
                }
            }
            canvas.closeGroup()
        }
        canvas.line(x1: x(0), y1: top - 6, x2: x(0), y2: height - bottom, stroke: Palette.axis, width: 1)
        return canvas.svg(
            id: id, title: "Sobol' indices of \(outcome)",
            description: "First-order (S1) and total (ST) index of each factor with 95% bootstrap intervals")
    }
}

/// Morris's μ* (across) against σ (up), one labelled point per factor, with the diagonal
/// σ = μ*.
struct MorrisChart {
    var muStar: [SensitivityRow]
    var sigma: [SensitivityRow]

    func svg(id: String, outcome: String) -> String {
        let left = 64.0, top = 20.0, plot = 360.0, bottom = 44.0, right = 200.0
        let width = left + plot + right, height = top + plot + bottom
        let values = (muStar.map(\.ci95High) + (muStar + sigma).map(\.estimate)).filter(\.isFinite)
        let ticks = NiceTicks.spanning(0, Swift.max(values.max() ?? 1, 1e-12), count: 5)
        let domain = 0...(ticks.last ?? 1)
        let x = LinearScale(domain: domain, range: (left, left + plot))
        let y = LinearScale(domain: domain, range: (top + plot, top))
        var canvas = SVGCanvas(width: width, height: height)
        let decimals = NiceTicks.decimals(ticks)
        for tick in ticks {
            canvas.line(x1: x(tick), y1: top, x2: x(tick), y2: top + plot, stroke: Palette.grid, width: 1)
            canvas.line(x1: left, y1: y(tick), x2: left + plot, y2: y(tick), stroke: Palette.grid, width: 1)
            let label = NumberText.fixed(tick, decimals)
            canvas.text(label, x: x(tick), y: top + plot + 16, size: 11, anchor: .middle, fill: Palette.secondaryText)
            canvas.text(
                label, x: left - 6, y: y(tick), size: 11, anchor: .end, fill: Palette.secondaryText, middle: true)
        }
        canvas.line(
            x1: x(0), y1: y(0), x2: x(domain.upperBound), y2: y(domain.upperBound), stroke: Palette.reference,
            width: 1, dash: "4 3")
        canvas.text("μ*", x: left + plot / 2, y: height - 8, size: 12, anchor: .middle, bold: true)
        canvas.text("σ", x: 16, y: top + plot / 2, size: 12, anchor: .middle, bold: true, rotated: true)
        for (f, row) in muStar.enumerated() {
            guard let s = sigma.first(where: { $0.factor == row.factor }), row.estimate.isFinite, s.estimate.isFinite
            else { continue }
            let colour = Palette.categorical[f % Palette.categorical.count]
            canvas.openGroup(className: "factor", data: [("factor", row.factor)])
            canvas.shape(
                PathData.circle(x: x(row.estimate), y: y(s.estimate), radius: 5), fill: colour, className: "point",
                tooltip:
                    "\(row.factor): μ* \(NumberText.fixed(row.estimate, 4)) "
                    + "[\(NumberText.fixed(row.ci95Low, 4)), \(NumberText.fixed(row.ci95High, 4))], "
                    + "σ \(NumberText.fixed(s.estimate, 4))")
            if row.ci95Low.isFinite, row.ci95High.isFinite {
                canvas.line(
                    x1: x(row.ci95Low), y1: y(s.estimate), x2: x(row.ci95High), y2: y(s.estimate), stroke: colour,
                    width: 1.2)
            }
            canvas.text(row.factor, x: x(row.estimate) + 8, y: y(s.estimate) - 8, size: 11, fill: colour)
            canvas.closeGroup()
        }
        return canvas.svg(
            id: id, title: "Morris μ* and σ of \(outcome)",
            description: "Each factor's mean absolute elementary effect against their standard deviation")
    }
}

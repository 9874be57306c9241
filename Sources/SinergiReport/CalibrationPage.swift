import SinergiEngine
import SinergiStats

/// report.html of a calibration: each factor's posterior against its prior, the tolerance
/// per generation, and each observation against the posterior predictive interval.
enum CalibrationPage {
    static func html(_ analysis: CalibrationAnalysis, manifest: Manifest) -> String {
        let name = HTMLText.escape(manifest.scenario.name)
        var page = ReportStyle.documentStart(title: "\(name) — Sinergi calibration report")
        page += """
            <header>
            <h1>Calibration of \(name)</h1>

            """
        let last = analysis.generations.last
        let simulations = analysis.generations.reduce(0) { $0 + $1.simulations }
        page += """
            <p>ABC-SMC: \(last?.populationSize ?? 0) particles, \(analysis.generations.count) generations, \
            \(simulations) simulations of \(analysis.replicates) replicate\(analysis.replicates == 1 ? "" : "s") each; \
            stopped because \(HTMLText.escape(stopText(analysis.stopReason))). Effective sample size of the final \
            population: \(HTMLText.fixed(analysis.posterior.effectiveSampleSize, 1)).</p>
            </header>

            """
        if let diagnosis = analysis.diagnosis {
            page +=
                "<section id=\"section-reach\">\n<h2>"
                + (diagnosis.settled ? "Targets out of reach" : "Targets not reached in the generations run")
                + "</h2>\n<ul>\n"
            for target in diagnosis.unreachable {
                page +=
                    "<li><strong>\(HTMLText.escape(target.observation.name))</strong>: the nearest particle gives "
                    + "\(HTMLText.fixed(target.nearestSimulated, 3)) against \(HTMLText.fixed(target.observation.value, 3)), "
                    + "\(HTMLText.fixed(Swift.abs(target.residual), 1)) sds away.</li>\n"
            }
            page += "</ul>\n</section>\n"
        }
        page += "<section id=\"section-posterior\">\n<h2>Posterior of each factor</h2>\n"
        page +=
            "<table>\n<tr><th>factor</th><th>prior</th><th>mean</th><th>sd</th><th>5%</th><th>median</th><th>95%</th></tr>\n"
        for (factor, prior) in zip(analysis.posterior.factors, analysis.prior.factors) {
            page +=
                "<tr><td>\(HTMLText.escape(factor.name))</td><td>\(HTMLText.escape(priorText(prior.marginal)))</td>"
                + [factor.mean, factor.sd, factor.q05, factor.q50, factor.q95].map { "<td>\(number($0))</td>" }.joined()
                + "</tr>\n"
        }
        page += "</table>\n"
        if let last {
            for (index, prior) in analysis.prior.factors.enumerated() {
                page += histogram(values: last.values(ofFactor: index), weights: last.weights, prior: prior)
            }
            if analysis.prior.dimension >= 2 {
                page += pairs(last, prior: analysis.prior)
            }
        }
        page += """
            <p class="read"><strong>How to read:</strong> each bar is the posterior weight of the particles in its \
            interval of the factor's prior range; a flat histogram means the targets do not inform the factor \
            (posterior ≈ prior), a narrow one that they pin it down. posterior.csv holds every particle.</p>
            </section>
            <section id="section-tolerance">
            <h2>Tolerance per generation</h2>

            """
        page += toleranceChart(analysis.generations)
        page += """
            <p class="read"><strong>How to read:</strong> the distance accepted in each generation (the \
            standardised distance, in observation sds); generation 0 accepts every simulation. \
            generations.csv has the acceptance rate and effective sample size of each.</p>
            </section>
            <section id="section-predictive">
            <h2>Predicted against observed</h2>
            <table>
            <tr><th>observation</th><th>observed (sd)</th><th>predicted mean</th><th>90% interval</th><th></th></tr>

            """
        for row in analysis.predictive {
            page +=
                "<tr><td>\(HTMLText.escape(row.target.name))\(row.target.heldOut ? " (held out)" : "")<br>"
                + "<small>\(HTMLText.escape(row.target.what)); \(HTMLText.escape(row.target.source))</small></td>"
                + "<td>\(number(row.target.value)) (\(number(row.target.sd)))</td><td>\(number(row.mean))</td>"
                + "<td>\(number(row.q05)) … \(number(row.q95))</td><td>\(row.inside ? "inside" : "outside")</td></tr>\n"
        }
        page += "</table>\n"
        page += predictiveChart(analysis.predictive)
        page += """
            <p class="read"><strong>How to read:</strong> for each observation, the line is the 90% interval of the \
            value simulated from the posterior (each particle of the final population simulated again with fresh \
            seeds, weighted), the dot its mean, and the cross the observed value with ±1 sd. A held-out observation \
            was not fitted: it checks the calibration out of sample.</p>
            </section>

            """
        if !analysis.curves.isEmpty {
            page += "<section id=\"section-series\">\n<h2>Simulated series against the observations</h2>\n"
            for curve in analysis.curves { page += curveChart(curve) }
            page += """
                <p class="read"><strong>How to read:</strong> the band is the 90% interval, month by month, of the \
                statistic simulated from the posterior (the final population simulated again with fresh seeds, \
                weighted), the line its median; each observation is drawn at its month with ±1 sd, filled when it \
                was fitted, open when it was held out.</p>
                </section>

                """
        }
        page += """
            <footer>
            Scenario <code>\(HTMLText.escape(manifest.scenario.path))</code>; \
            \(HTMLText.escape(manifest.calibration?.targets.map { "targets " + $0 } ?? "analytic check")); \
            seed \(manifest.randomness.masterSeed). Method: docs/calibration.md.
            </footer>
            </main>
            </body>
            </html>

            """
        return page
    }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        return HTMLText.fixed(value, Swift.abs(value) >= 100 ? 1 : 4)
    }

    static func stopText(_ reason: ABCStopReason) -> String {
        switch reason {
        case .maximumGenerations: return "it reached the most generations"
        case .acceptanceBelowFloor: return "the acceptance rate fell below the floor"
        case .toleranceStalled: return "the tolerance stopped falling"
        }
    }

    static func priorText(_ marginal: PriorMarginal) -> String {
        switch marginal {
        case .uniform(let low, let high): return "uniform \(number(low)) … \(number(high))"
        case .logUniform(let low, let high): return "log-uniform \(number(low)) … \(number(high))"
        case .normal(let mean, let sd): return "normal(\(number(mean)), \(number(sd)))"
        }
    }

    /// The range a factor's chart spans: its prior support, or mean ± 4 sd for a normal prior.
    static func span(_ marginal: PriorMarginal) -> (Double, Double) {
        switch marginal {
        case .uniform(let low, let high), .logUniform(let low, let high): return (low, high)
        case .normal(let mean, let sd): return (mean - 4 * sd, mean + 4 * sd)
        }
    }

    static func histogram(values: [Double], weights: [Double], prior: Prior.Factor) -> String {
        let (low, high) = span(prior.marginal)
        let bins = 20
        var mass = [Double](repeating: 0, count: bins)
        for (v, w) in zip(values, weights) {
            let b = Swift.min(bins - 1, Swift.max(0, Int((v - low) / (high - low) * Double(bins))))
            mass[b] += w
        }
        let top = Swift.max(mass.max() ?? 1, 1e-12)
        let (width, height, left, bottom) = (560.0, 160.0, 10.0, 30.0)
        var svg =
            "<figure><svg viewBox=\"0 0 \(Int(width + 2 * left)) \(Int(height + bottom))\" role=\"img\" "
            + "aria-label=\"posterior of \(HTMLText.escape(prior.name))\">\n"
        let barWidth = width / Double(bins)
        for (b, m) in mass.enumerated() {
            let h = m / top * (height - 10)
            svg +=
                "<rect x=\"\(HTMLText.coordinate(left + Double(b) * barWidth))\" y=\"\(HTMLText.coordinate(height - h))\" "
                + "width=\"\(HTMLText.coordinate(barWidth - 1))\" height=\"\(HTMLText.coordinate(h))\" "
                + "fill=\"\(Palette.blue)\"/>\n"
        }
        svg +=
            "<text x=\"\(Int(left))\" y=\"\(Int(height + 18))\" font-size=\"12\">\(number(low))</text>"
            + "<text x=\"\(Int(left + width))\" y=\"\(Int(height + 18))\" font-size=\"12\" text-anchor=\"end\">"
            + "\(number(high))</text>"
            + "<text x=\"\(Int(left + width / 2))\" y=\"\(Int(height + 18))\" font-size=\"12\" text-anchor=\"middle\">"
            + "\(HTMLText.escape(prior.name))</text>\n</svg></figure>\n"
        return svg
    }

    static func pairs(_ generation: ABCGeneration, prior: Prior) -> String {
        var page = "<h3>Pairs of factors</h3>\n"
        let size = 200.0
        let top = generation.weights.max() ?? 1
        for i in 0..<prior.dimension {
            for j in (i + 1)..<prior.dimension {
                let (xl, xh) = span(prior.factors[i].marginal)
                let (yl, yh) = span(prior.factors[j].marginal)
                page +=
                    "<figure style=\"display:inline-block\"><svg width=\"\(Int(size + 20))\" height=\"\(Int(size + 20))\" "
                    + "role=\"img\" aria-label=\"\(HTMLText.escape(prior.factors[i].name)) against "
                    + "\(HTMLText.escape(prior.factors[j].name))\">\n"
                    + "<rect x=\"10\" y=\"10\" width=\"\(Int(size))\" height=\"\(Int(size))\" fill=\"none\" stroke=\"#999\"/>\n"
                for (p, w) in zip(generation.particles, generation.weights) {
                    let x = 10 + (p[i] - xl) / (xh - xl) * size
                    let y = 10 + size - (p[j] - yl) / (yh - yl) * size
                    page +=
                        "<circle cx=\"\(HTMLText.coordinate(x))\" cy=\"\(HTMLText.coordinate(y))\" r=\"2\" "
                        + "fill=\"\(Palette.blue)\" fill-opacity=\"\(HTMLText.fixed(0.2 + 0.8 * w / top, 2))\"/>\n"
                }
                page +=
                    "</svg><figcaption>\(HTMLText.escape(prior.factors[i].name)) (across) and "
                    + "\(HTMLText.escape(prior.factors[j].name)) (up)</figcaption></figure>\n"
            }
        }
        return page
    }

    static func toleranceChart(_ generations: [ABCGeneration]) -> String {
        let points = generations.filter { $0.tolerance.isFinite }
        guard let top = points.map(\.tolerance).max(), top > 0 else {
            return "<p>Only generation 0 ran: no tolerance to draw.</p>\n"
        }
        let (width, height) = (560.0, 160.0)
        let last = Double(Swift.max(1, (generations.last?.index ?? 1)))
        var svg = "<figure><svg viewBox=\"0 0 600 210\" role=\"img\" aria-label=\"tolerance per generation\">\n"
        var path = ""
        for g in points {
            let x = 20 + Double(g.index) / last * width
            let y = 25 + height - g.tolerance / top * height
            path += (path.isEmpty ? "M" : " L") + "\(HTMLText.coordinate(x)) \(HTMLText.coordinate(y))"
            svg +=
                "<circle cx=\"\(HTMLText.coordinate(x))\" cy=\"\(HTMLText.coordinate(y))\" r=\"3\" fill=\"\(Palette.vermillion)\"/>"
                + "<text x=\"\(HTMLText.coordinate(x))\" y=\"\(HTMLText.coordinate(y - 6))\" font-size=\"11\" "
                + "text-anchor=\"middle\">\(number(g.tolerance))</text>\n"
        }
        svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(Palette.vermillion)\"/>\n"
        svg += "<text x=\"300\" y=\"206\" font-size=\"12\" text-anchor=\"middle\">generation</text>\n</svg></figure>\n"
        return svg
    }

    /// One statistic over the months: the posterior predictive band and median, and the
    /// observations on it (filled: fitted; open: held out) with ±1 sd.
    static func curveChart(_ curve: PredictiveCurve) -> String {
        let months = curve.q50.count
        guard months > 1 else { return "" }
        var values = (curve.q05 + curve.q95).filter(\.isFinite)
        for target in curve.targets { values += [target.value - target.sd, target.value + target.sd] }
        guard let low = values.min(), let high = values.max() else { return "" }
        let pad = Swift.max((high - low) * 0.08, 1e-9)
        let (a, b) = (low - pad, high + pad)
        let (left, top, width, height) = (56.0, 12.0, 520.0, 200.0)
        func x(_ month: Double) -> String { HTMLText.coordinate(left + month / Double(months - 1) * width) }
        func y(_ v: Double) -> String { HTMLText.coordinate(top + height - (v - a) / (b - a) * height) }
        var svg =
            "<figure><svg viewBox=\"0 0 600 \(Int(top + height + 44))\" role=\"img\" "
            + "aria-label=\"\(HTMLText.escape(curve.title)) over the months\">\n"
            + "<rect x=\"\(Int(left))\" y=\"\(Int(top))\" width=\"\(Int(width))\" height=\"\(Int(height))\" "
            + "fill=\"none\" stroke=\"#999\"/>\n"
        for tick in 0...4 {
            let v = a + (b - a) * Double(tick) / 4
            svg +=
                "<text x=\"\(Int(left - 4))\" y=\"\(y(v))\" dy=\"4\" font-size=\"11\" text-anchor=\"end\">"
                + "\(HTMLText.fixed(v, 2))</text>"
        }
        let step = months > 25 ? 12 : 6
        for month in stride(from: 0, to: months, by: step) {
            svg +=
                "<text x=\"\(x(Double(month)))\" y=\"\(Int(top + height + 16))\" font-size=\"11\" "
                + "text-anchor=\"middle\">\(month)</text>"
        }
        svg +=
            "<text x=\"\(Int(left + width / 2))\" y=\"\(Int(top + height + 36))\" font-size=\"12\" "
            + "text-anchor=\"middle\">month</text>\n"
        let finite = (0..<months).filter { curve.q05[$0].isFinite && curve.q95[$0].isFinite && curve.q50[$0].isFinite }
        if !finite.isEmpty {
            let upper = finite.map { "\(x(Double($0))) \(y(curve.q95[$0]))" }
            let lower = finite.reversed().map { "\(x(Double($0))) \(y(curve.q05[$0]))" }
            svg +=
                "<path d=\"M\((upper + lower).joined(separator: " L")) Z\" fill=\"\(Palette.blue)\" "
                + "fill-opacity=\"0.22\" class=\"band\"/>\n"
                + "<path d=\"M\(finite.map { "\(x(Double($0))) \(y(curve.q50[$0]))" }.joined(separator: " L"))\" "
                + "fill=\"none\" stroke=\"\(Palette.blue)\" stroke-width=\"2.5\" class=\"median\"/>\n"
        }
        for target in curve.targets {
            guard let month = target.month else { continue }
            let cx = x(Double(month))
            svg +=
                "<line x1=\"\(cx)\" x2=\"\(cx)\" y1=\"\(y(target.value - target.sd))\" "
                + "y2=\"\(y(target.value + target.sd))\" stroke=\"\(Palette.black)\"/>"
                + "<circle cx=\"\(cx)\" cy=\"\(y(target.value))\" r=\"4.5\" stroke=\"\(Palette.black)\" "
                + "stroke-width=\"1.5\" fill=\"\(target.heldOut ? "white" : Palette.black)\" "
                + "class=\"\(target.heldOut ? "held-out" : "fitted")\"><title>\(HTMLText.escape(target.name))"
                + "\(target.heldOut ? " (held out)" : " (fitted)"): \(number(target.value))</title></circle>\n"
        }
        svg +=
            "</svg><figcaption>\(HTMLText.escape(curve.title)): posterior predictive median and 90% band; "
            + "observations filled (fitted) or open (held out), ±1 sd</figcaption></figure>\n"
        return svg
    }

    static func predictiveChart(_ rows: [PredictiveRow]) -> String {
        guard !rows.isEmpty else { return "" }
        let rowHeight = 28.0
        let width = 560.0
        var svg =
            "<figure><svg viewBox=\"0 0 600 \(Int(Double(rows.count) * rowHeight + 10))\" role=\"img\" "
            + "aria-label=\"predicted against observed\">\n"
        for (index, row) in rows.enumerated() {
            let values = [
                row.q05, row.q95, row.target.value - row.target.sd, row.target.value + row.target.sd, row.mean,
            ]
            .filter(\.isFinite)
            guard let low = values.min(), let high = values.max() else { continue }
            let pad = Swift.max((high - low) * 0.1, 1e-9)
            let (a, b) = (low - pad, high + pad)
            func x(_ v: Double) -> String { HTMLText.coordinate(200 + (v - a) / (b - a) * (width - 220)) }
            let y = HTMLText.coordinate(Double(index) * rowHeight + 16)
            svg +=
                "<text x=\"0\" y=\"\(y)\" font-size=\"11\">\(HTMLText.escape(HTMLText.fitting(row.target.name, width: 190, size: 11)))</text>"
            if row.q05.isFinite, row.q95.isFinite {
                svg +=
                    "<line x1=\"\(x(row.q05))\" x2=\"\(x(row.q95))\" y1=\"\(y)\" y2=\"\(y)\" stroke=\"\(Palette.blue)\" "
                    + "stroke-width=\"4\"/><circle cx=\"\(x(row.mean))\" cy=\"\(y)\" r=\"4\" fill=\"\(Palette.blue)\"/>"
            }
            svg +=
                "<line x1=\"\(x(row.target.value - row.target.sd))\" x2=\"\(x(row.target.value + row.target.sd))\" "
                + "y1=\"\(y)\" y2=\"\(y)\" stroke=\"\(Palette.black)\"/>"
                + "<text x=\"\(x(row.target.value))\" y=\"\(y)\" dy=\"4\" font-size=\"14\" text-anchor=\"middle\">×</text>\n"
        }
        svg += "</svg></figure>\n"
        return svg
    }
}

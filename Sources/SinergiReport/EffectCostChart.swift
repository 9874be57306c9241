import Foundation
import SinergiEngine
import SinergiModel

/// Effect against cost: one point per package, across at its cost in the scenario, up at
/// its mean paired effect on one outcome with the 95% CI as a vertical whisker, labelled
/// with the package's name. Packages that cost nothing sit on the left edge (cost 0). The
/// efficient frontier (``EfficientFrontier``) runs from the baseline at (0, 0) through the
/// packages no other option dominates; dominated packages are labelled so.
struct EffectCostChart {
    /// The packages' effects on the outcome drawn, in the order their labels are placed.
    var effects: [PairedEffect]
    /// Title of the vertical axis.
    var yTitle: String

    static let marginLeft = 110.0
    static let marginRight = 40.0
    static let plotHeight = 400.0
    static let labelSize = 16.0

    private struct Label {
        var text: String
        var pointX: Double
        var pointY: Double
        var x: Double
        var y: Double
        var anchor: SVGCanvas.Anchor
        var width: Double
        var dominated = false
        var left: Double { anchor == .start ? x : x - width }
        var right: Double { anchor == .start ? x + width : x }
    }

    func svg() -> String {
        let legend = Legend(
            items: EffectVerdict.allCases.map { .init(swatch: .marker($0), label: $0.legendLabel) } + [
                .init(swatch: .line(Palette.blue), label: "Efficient frontier"),
                .init(swatch: .line(Palette.reference, dashed: true), label: "No difference"),
            ])
        let left = Self.marginLeft, right = PanelGrid.width - Self.marginRight
        let top = legend.height(left: left, right: right) + 14
        let bottom = top + Self.plotHeight
        var canvas = SVGCanvas(width: PanelGrid.width, height: bottom + 84)
        legend.draw(into: &canvas, left: left, right: right, top: 4)

        let drawn = effects.filter { $0.cost.isFinite && $0.difference.isFinite }
        let costs = drawn.map(\.cost)
        let highestCost = costs.max() ?? 0
        let xTicks = NiceTicks.spanning(
            Swift.min(0, costs.min() ?? 0), highestCost > 0 ? highestCost * 1.05 : 100,
            count: 5)
        let format = EffectFormat.of(Outcome.finalSpbe.name, better: .higher)
        let values = drawn.flatMap { [$0.difference, $0.ci95Low, $0.ci95High] }.filter(\.isFinite)
        let yTicks = NiceTicks.spanning(Swift.min(0, values.min() ?? 0), Swift.max(0, values.max() ?? 0), count: 5)
        let x = LinearScale(domain: (xTicks.first ?? 0)...(xTicks.last ?? 1), range: (left, right))
        let y = LinearScale(domain: (yTicks.first ?? 0)...(yTicks.last ?? 1), range: (bottom, top))
        let xDigits = NiceTicks.decimals(xTicks), yDigits = NiceTicks.decimals(yTicks)

        for tick in yTicks {
            if tick != 0 {
                canvas.line(x1: left, y1: y(tick), x2: right, y2: y(tick), stroke: Palette.grid, width: 1)
            }
            canvas.text(
                ForestChart.signedTick(tick, digits: yDigits), x: left - 10, y: y(tick),
                size: PanelGrid.tickSize, anchor: .end, middle: true)
        }
        canvas.line(x1: left, y1: y(0), x2: right, y2: y(0), stroke: Palette.reference, width: 1.5, dash: "7 5")
        canvas.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: Palette.axis, width: 1.5)
        canvas.line(x1: left, y1: top, x2: left, y2: bottom, stroke: Palette.axis, width: 1.5)
        for tick in xTicks {
            canvas.line(x1: x(tick), y1: bottom, x2: x(tick), y2: bottom + 6, stroke: Palette.axis, width: 1.5)
            canvas.text(
                HTMLText.fixed(tick, xDigits), x: x(tick), y: bottom + 25, size: PanelGrid.tickSize,
                anchor: .middle)
        }

        let points = drawn.map { EfficientFrontier.Point(name: $0.policy, cost: $0.cost, effect: $0.difference) }
        let frontier = Set(EfficientFrontier.members(points).map(\.name))
        let line = EfficientFrontier.line(points).map { (x($0.cost), y($0.effect)) }
        // A frontier of the baseline alone (every package dominated) is no line.
        if line.contains(where: { abs($0.0 - line[0].0) > 0.5 || abs($0.1 - line[0].1) > 0.5 }) {
            canvas.stroke(PathData.line(line), colour: Palette.blue, width: 3, className: "frontier")
        }

        var labels: [Label] = []
        for effect in drawn {
            let dominated = !frontier.contains(effect.policy)
            let px = x(effect.cost), py = y(effect.difference)
            let verdict = EffectVerdict(effect)
            let digits = format.decimals(for: [effect.difference, effect.ci95Low, effect.ci95High])
            var tooltip =
                "\(effect.policy): cost \(EffectFormat.cost(effect.cost)), "
                + format.amount(effect.difference, decimals: digits)
            canvas.openGroup(
                className: "cost-point",
                data: [
                    ("policy", effect.policy), ("verdict", "\(verdict)"),
                    ("frontier", dominated ? "dominated" : "efficient"),
                ])
            if effect.ci95Low.isFinite, effect.ci95High.isFinite {
                let y0 = y(effect.ci95Low), y1 = y(effect.ci95High)
                canvas.line(x1: px, y1: y0, x2: px, y2: y1, stroke: verdict.colour, width: 2.5)
                for end in [y0, y1] {
                    canvas.line(x1: px - 7, y1: end, x2: px + 7, y2: end, stroke: verdict.colour, width: 2)
                }
                tooltip += " (95% CI \(format.interval(effect.ci95Low, effect.ci95High, decimals: digits)))"
            }
            tooltip += " — " + verdict.label + (dominated ? "; dominated" : "; on the efficient frontier")
            verdict.drawMarker(into: &canvas, x: px, y: py, radius: 8, tooltip: tooltip)
            canvas.closeGroup()
            // Labels are bold: wider than the estimate for regular text.
            let text = dominated ? "\(effect.policy) (dominated)" : effect.policy
            let width = HTMLText.estimatedWidth(text, size: Self.labelSize) * 1.12 + 6
            let flip = px + 16 + width > right
            labels.append(
                Label(
                    text: text, pointX: px, pointY: py, x: flip ? px - 16 : px + 16, y: py,
                    anchor: flip ? .end : .start, width: width, dominated: dominated))
        }
        for label in Self.place(labels, left: left, right: right, top: top, bottom: bottom) {
            if abs(label.y - label.pointY) > 8 {
                canvas.line(
                    x1: label.anchor == .start ? label.x - 3 : label.x + 3, y1: label.y,
                    x2: label.pointX, y2: label.pointY, stroke: Palette.axis, width: 1)
            }
            canvas.text(
                label.text, x: label.x, y: label.y, size: Self.labelSize, anchor: label.anchor,
                fill: label.dominated ? Palette.secondaryText : Palette.text, bold: !label.dominated, middle: true)
        }

        canvas.text(
            yTitle, x: 24, y: (top + bottom) / 2, size: PanelGrid.axisTitleSize, anchor: .middle, bold: true,
            middle: true, rotated: true)
        canvas.text(
            "Cost (scenario cost units)", x: (left + right) / 2, y: bottom + 66, size: PanelGrid.axisTitleSize,
            anchor: .middle, bold: true)
        return canvas.svg(
            id: "effect-cost", title: "Effect on the final SPBE index against cost",
            description: "One point per package: its cost in the scenario across, its mean paired effect on the "
                + "final SPBE index up, with the 95% confidence interval as a vertical line; the efficient "
                + "frontier joins the baseline and the packages no other option dominates.")
    }

    /// `labels` placed where they overlap neither each other nor the points' markers:
    /// beside their point on the right, else on the left, else moved up or down in steps
    /// (closest first), inside the plot; failing all, where they were. Labels are placed in
    /// the order given.
    private static func place(_ labels: [Label], left: Double, right: Double, top: Double, bottom: Double)
        -> [Label]
    {
        let half = 11.0, gap = 2 * half
        let markers = labels.map { (x: $0.pointX, y: $0.pointY) }
        var placed: [Label] = []
        for label in labels {
            func candidate(_ anchor: SVGCanvas.Anchor, dy: Double) -> Label {
                var moved = label
                moved.anchor = anchor
                moved.x = anchor == .start ? label.pointX + 16 : label.pointX - 16
                moved.y = label.pointY + dy
                return moved
            }
            func fits(_ c: Label) -> Bool {
                guard c.y - half >= top, c.y + half <= bottom, c.left >= left + 4, c.right <= right else {
                    return false
                }
                let clearOfLabels = placed.allSatisfy {
                    !($0.left < c.right && c.left < $0.right && abs($0.y - c.y) < gap)
                }
                let clearOfMarkers = markers.allSatisfy {
                    !($0.x + 10 > c.left && $0.x - 10 < c.right && abs($0.y - c.y) < half + 10)
                }
                return clearOfLabels && clearOfMarkers
            }
            let sides: [SVGCanvas.Anchor] = label.anchor == .start ? [.start, .end] : [.end, .start]
            var candidates = sides.map { candidate($0, dy: 0) }
            for step in 1...12 {
                for dy in [-Double(step) * gap, Double(step) * gap] {
                    candidates += sides.map { candidate($0, dy: dy) }
                }
            }
            placed.append(candidates.first(where: fits) ?? label)
        }
        return placed
    }
}

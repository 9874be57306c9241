import Foundation
import SinergiEngine
import SinergiModel

/// The forest plot of a comparison: one panel per compared outcome and one row per
/// package, with the mean paired difference as a marker on its 95% CI, a faint wider bar
/// for the CI the runs would have had without common random numbers, and a dashed line at
/// zero. Rows are in the same order in every panel.
///
/// The same chart draws one outcome by government: then the rows are governments and each
/// panel is one package (``Panel/policy``).
struct ForestChart {
    struct Panel {
        var outcome: Outcome
        /// One entry per row, in row order; nil where the row has no such effect.
        var effects: [PairedEffect?]
        /// The package of every row when the rows are governments: the panel's title.
        var policy: String? = nil
    }

    /// Row labels, in row order: packages, or governments when the panels are packages.
    var policies: [String]
    var panels: [Panel]
    /// Whose effects these are, for the description ("Region", a government).
    var unit: String
    /// What a row is, as the name of its `data-` attribute: "policy" or "government".
    var rowKind = "policy"
    /// The chart's id, title and description when not the comparison's forest plot.
    var id = "forest"
    var title = "Effect of each package on every outcome"
    var description: String? = nil

    static let rowHeight = 38.0
    static let headerHeight = 58.0
    static let axisHeight = 58.0
    static let panelGap = 26.0
    static let columnGap = 48.0
    static let side = 16.0
    static let valueWidth = 70.0
    static let labelSize = 16.0
    static let widestLabel = 250.0

    static var legend: Legend {
        Legend(
            items: EffectVerdict.allCases.map { .init(swatch: .marker($0), label: $0.legendLabel) } + [
                .init(swatch: .band(Palette.axis), label: "95% CI had the runs been independent"),
                .init(swatch: .line(Palette.reference, dashed: true), label: "No difference"),
            ])
    }

    func svg() -> String {
        let legend = Self.legend
        let columns = panels.count > 1 ? 2 : 1
        // Long package names get smaller type (down to 13 px) before they are shortened.
        let characters = Double(policies.map(\.count).max() ?? 0)
        let labelSize = Swift.max(
            13, Swift.min(Self.labelSize, (Self.widestLabel - 18) / Swift.max(1, characters) / 0.56))
        let longest = policies.map { HTMLText.estimatedWidth($0, size: labelSize) }.max() ?? 0
        let labelWidth = Swift.min(Self.widestLabel, Swift.max(90, longest + 18))
        let plotWidth =
            (PanelGrid.width - 2 * Self.side - Double(columns - 1) * Self.columnGap
                - Double(columns) * (labelWidth + Self.valueWidth)) / Double(columns)
        let top = legend.height(left: Self.side, right: PanelGrid.width - Self.side) + 4
        let plotHeight = Double(policies.count) * Self.rowHeight + 8
        let panelHeight = Self.headerHeight + plotHeight + Self.axisHeight
        let rows = (panels.count + columns - 1) / columns
        let height = top + Double(rows) * panelHeight + Double(Swift.max(0, rows - 1)) * Self.panelGap
        var canvas = SVGCanvas(width: PanelGrid.width, height: height)
        legend.draw(into: &canvas, left: Self.side, right: PanelGrid.width - Self.side, top: 4)
        for (index, panel) in panels.enumerated() {
            let column = index % columns, row = index / columns
            let frame = PanelGrid.Frame(
                x: Self.side + labelWidth + Double(column)
                    * (labelWidth + plotWidth + Self.valueWidth + Self.columnGap),
                y: top + Double(row) * (panelHeight + Self.panelGap) + Self.headerHeight,
                width: plotWidth, height: plotHeight)
            draw(panel, into: &canvas, frame: frame, labelWidth: labelWidth, labelSize: labelSize)
        }
        return canvas.svg(
            id: id, title: title,
            description: description
                ?? "For \(unit), one panel per outcome and one row per package: the mean difference "
                + "package minus baseline over the paired replicates, with its 95% confidence interval, the "
                + "wider interval of unpaired runs, and a line at zero. Markers: filled circle clearly better, "
                + "diamond clearly worse, hollow circle unclear.")
    }

    private func draw(
        _ panel: Panel, into canvas: inout SVGCanvas, frame: PanelGrid.Frame, labelWidth: Double,
        labelSize: Double
    ) {
        let outcome = panel.outcome
        let format = EffectFormat.of(outcome.name, better: outcome.better, region: unit == RunStatistics.regionName)
        let present = panel.effects.compactMap { $0 }
        let values = present.flatMap {
            [
                $0.difference, $0.ci95Low, $0.ci95High, $0.unpairedCI95Low,
                $0.unpairedCI95High,
            ]
        }
        .filter(\.isFinite).map { $0 * format.scale }
        let ticks = NiceTicks.spanning(Swift.min(0, values.min() ?? 0), Swift.max(0, values.max() ?? 0), count: 4)
        let tickDigits = NiceTicks.decimals(ticks)
        let x = LinearScale(domain: (ticks.first ?? 0)...(ticks.last ?? 1), range: (frame.x, frame.right))
        let digits = format.decimals(for: present.map(\.difference))
        let left = frame.x - labelWidth

        let titleY = frame.y - Self.headerHeight + 20
        let title = panel.policy ?? (outcome.label.prefix(1).uppercased() + outcome.label.dropFirst())
        canvas.text(
            HTMLText.fitting(title, width: frame.width + labelWidth, size: PanelGrid.titleSize), x: left,
            y: titleY, size: PanelGrid.titleSize, bold: true, tooltip: title)
        let subtitle = "Difference from the baseline, in \(format.axisUnit)"
        canvas.text(
            HTMLText.fitting(subtitle, width: frame.width + labelWidth, size: PanelGrid.subtitleSize), x: left,
            y: titleY + 22, size: PanelGrid.subtitleSize, fill: Palette.secondaryText)
        for row in policies.indices where row % 2 == 1 {
            canvas.rect(
                x: left, y: frame.y + 4 + Double(row) * Self.rowHeight,
                width: frame.right + Self.valueWidth - left,
                height: Self.rowHeight, fill: Palette.bandShade)
        }
        for tick in ticks where tick != 0 {
            canvas.line(x1: x(tick), y1: frame.y, x2: x(tick), y2: frame.bottom, stroke: Palette.grid, width: 1)
        }
        canvas.line(
            x1: x(0), y1: frame.y, x2: x(0), y2: frame.bottom, stroke: Palette.reference, width: 1.5,
            dash: "7 5")
        canvas.line(x1: frame.x, y1: frame.bottom, x2: frame.right, y2: frame.bottom, stroke: Palette.axis, width: 1.5)
        for tick in ticks {
            canvas.line(
                x1: x(tick), y1: frame.bottom, x2: x(tick), y2: frame.bottom + 6, stroke: Palette.axis,
                width: 1.5)
            canvas.text(
                Self.signedTick(tick, digits: tickDigits), x: x(tick), y: frame.bottom + 24,
                size: PanelGrid.tickSize, anchor: .middle)
        }
        if outcome.better == .higher {
            canvas.text(
                "higher is better →", x: frame.right, y: frame.bottom + 46, size: PanelGrid.subtitleSize,
                anchor: .end, fill: Palette.secondaryText)
        } else {
            canvas.text(
                "← lower is better", x: frame.x, y: frame.bottom + 46, size: PanelGrid.subtitleSize,
                fill: Palette.secondaryText)
        }

        for (row, policy) in policies.enumerated() {
            let effect = row < panel.effects.count ? panel.effects[row] : nil
            let y = frame.y + 4 + (Double(row) + 0.5) * Self.rowHeight
            let verdict = effect.map(EffectVerdict.init) ?? .unclear
            canvas.openGroup(
                className: "forest-row",
                data: [(rowKind, policy)] + (panel.policy.map { [("policy", $0)] } ?? []) + [
                    ("outcome", outcome.name), ("verdict", effect == nil ? "none" : "\(verdict)"),
                ])
            canvas.text(
                HTMLText.fitting(policy, width: labelWidth - 16, size: labelSize), x: frame.x - 12, y: y,
                size: labelSize, anchor: .end, middle: true, tooltip: policy)
            guard let effect, effect.difference.isFinite else {
                canvas.text(
                    "no data", x: (frame.x + frame.right) / 2, y: y, size: PanelGrid.subtitleSize,
                    anchor: .middle, fill: Palette.secondaryText, middle: true)
                canvas.closeGroup()
                continue
            }
            let s = format.scale
            if effect.unpairedCI95Low.isFinite, effect.unpairedCI95High.isFinite {
                let x0 = x(effect.unpairedCI95Low * s), x1 = x(effect.unpairedCI95High * s)
                canvas.rect(x: x0, y: y - 9, width: x1 - x0, height: 18, fill: Palette.axis, opacity: 0.22)
            }
            if effect.ci95Low.isFinite, effect.ci95High.isFinite {
                let x0 = x(effect.ci95Low * s), x1 = x(effect.ci95High * s)
                canvas.line(x1: x0, y1: y, x2: x1, y2: y, stroke: verdict.colour, width: 3)
                for end in [x0, x1] {
                    canvas.line(x1: end, y1: y - 7, x2: end, y2: y + 7, stroke: verdict.colour, width: 2)
                }
            }
            let ci =
                effect.ci95Low.isFinite && effect.ci95High.isFinite
                ? ", 95% CI \(format.interval(effect.ci95Low, effect.ci95High, decimals: digits))" : ""
            verdict.drawMarker(
                into: &canvas, x: x(effect.difference * s), y: y, radius: 7,
                tooltip: "\(policy): \(format.amount(effect.difference, decimals: digits))\(ci) — "
                    + verdict.label)
            canvas.text(
                format.signed(effect.difference, decimals: digits, nonZero: verdict != .unclear),
                x: frame.right + 12, y: y, size: PanelGrid.subtitleSize, bold: verdict != .unclear,
                middle: true)
            canvas.closeGroup()
        }
    }

    /// A tick of a difference axis: "−0.2", "0", "+0.2".
    static func signedTick(_ value: Double, digits: Int) -> String {
        let text = HTMLText.fixed(abs(value), digits)
        if value == 0 || text.allSatisfy({ $0 == "0" || $0 == "." }) { return "0" }
        return (value < 0 ? "−" : "+") + text
    }
}

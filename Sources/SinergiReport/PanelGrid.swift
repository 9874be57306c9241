/// Small multiples: one plot area per panel on a grid with shared axes. The legend sits on
/// top, value ticks on the left of the first column, month ticks under the last panel of
/// each column, and each panel has a title (and optionally a subtitle) above it.
struct PanelGrid {
    struct Frame {
        var x: Double
        var y: Double
        var width: Double
        var height: Double
        var right: Double { x + width }
        var bottom: Double { y + height }
    }

    /// A horizontal band of the value axis with a name written in the right margin.
    struct NamedBand {
        var lower: Double
        var upper: Double
        var name: String
        var shaded: Bool
    }

    static let width = 1200.0
    static let tickSize = 16.0
    static let titleSize = 18.0
    static let subtitleSize = 15.0
    static let axisTitleSize = 17.0

    let count: Int
    let columns: Int
    let rows: Int
    let marginLeft = 100.0
    let marginRight: Double
    let top: Double
    let headerHeight: Double
    let plotHeight: Double
    let columnGap: Double
    let rowGap: Double
    let xAxisHeight: Double

    /// - Parameters:
    ///   - legend: drawn above the panels.
    ///   - subtitles: whether panels have a second header line.
    ///   - bandLabels: whether the right margin holds band names.
    ///   - calendar: whether month ticks get a second line with the date.
    ///   - columns, plotHeight: fixed instead of chosen from the panel count.
    ///   - rowGap: space between a row's plots and the next row's headers.
    ///   - extraTop: room between the legend and the first row (for column headings).
    init(
        count: Int, legend: Legend, subtitles: Bool, bandLabels: Bool, calendar: Bool, columns: Int? = nil,
        plotHeight: Double? = nil, rowGap: Double = 30, extraTop: Double = 0
    ) {
        self.count = Swift.max(1, count)
        if let columns {
            self.columns = Swift.max(1, Swift.min(columns, self.count))
        } else {
            switch self.count {
            case 1, 2, 3: self.columns = self.count
            case 4: self.columns = 2
            default: self.columns = 3
            }
        }
        rows = (self.count + self.columns - 1) / self.columns
        marginRight = bandLabels ? 118 : 24
        columnGap = calendar ? 60 : 40
        self.rowGap = rowGap
        top = legend.height(left: marginLeft, right: Self.width - marginRight) + extraTop
        headerHeight = subtitles ? 56 : 38
        self.plotHeight = plotHeight ?? (self.count == 1 ? 340 : (self.columns == 2 ? 250 : 200))
        xAxisHeight = calendar ? 92 : 72
    }

    var plotWidth: Double {
        (Self.width - marginLeft - marginRight - Double(columns - 1) * columnGap) / Double(columns)
    }

    var height: Double {
        top + Double(rows) * (headerHeight + plotHeight) + Double(rows - 1) * rowGap + xAxisHeight
    }

    func frame(_ index: Int) -> Frame {
        let column = index % columns, row = index / columns
        return Frame(
            x: marginLeft + Double(column) * (plotWidth + columnGap),
            y: top + Double(row) * (headerHeight + plotHeight + rowGap) + headerHeight,
            width: plotWidth, height: plotHeight)
    }

    func isFirstColumn(_ index: Int) -> Bool { index % columns == 0 }
    func isLastInColumn(_ index: Int) -> Bool { index + columns >= count }
    func isLastInRow(_ index: Int) -> Bool { index % columns == columns - 1 || index == count - 1 }

    /// The panel's title, background bands, grid, reference lines and tick labels (drawn
    /// before the data).
    func drawBackground(
        into canvas: inout SVGCanvas, index: Int, title: String?, subtitle: String?,
        y: LinearScale, yTicks: [Double], yLabel: (Double) -> String,
        bands: [NamedBand], references: [Double], months: Int, calendar: ScenarioCalendar?
    ) {
        let frame = frame(index)
        let x = monthScale(frame, months: months)
        let titleY = frame.y - headerHeight + 20
        if let title {
            canvas.text(
                HTMLText.fitting(title, width: frame.width, size: Self.titleSize), x: frame.x, y: titleY,
                size: Self.titleSize, bold: true, tooltip: title)
        }
        if let subtitle {
            canvas.text(
                HTMLText.fitting(subtitle, width: frame.width, size: Self.subtitleSize), x: frame.x,
                y: titleY + 22, size: Self.subtitleSize, fill: Palette.secondaryText)
        }
        for band in bands where band.shaded {
            let top = y(band.upper), bottom = y(band.lower)
            canvas.rect(x: frame.x, y: top, width: frame.width, height: bottom - top, fill: Palette.bandShade)
        }
        for tick in yTicks where !references.contains(tick) {
            canvas.line(x1: frame.x, y1: y(tick), x2: frame.right, y2: y(tick), stroke: Palette.grid, width: 1)
        }
        for reference in references {
            canvas.line(
                x1: frame.x, y1: y(reference), x2: frame.right, y2: y(reference), stroke: Palette.reference,
                width: 1.5, dash: "7 5")
        }
        canvas.line(x1: frame.x, y1: frame.bottom, x2: frame.right, y2: frame.bottom, stroke: Palette.axis, width: 1.5)
        canvas.line(x1: frame.x, y1: frame.y, x2: frame.x, y2: frame.bottom, stroke: Palette.axis, width: 1.5)
        for tick in MonthTicks.ticks(months: months) {
            canvas.line(
                x1: x(Double(tick)), y1: frame.bottom, x2: x(Double(tick)), y2: frame.bottom + 6,
                stroke: Palette.axis, width: 1.5)
        }
        if isFirstColumn(index) {
            for tick in yTicks {
                canvas.text(yLabel(tick), x: frame.x - 10, y: y(tick), size: Self.tickSize, anchor: .end, middle: true)
            }
        }
        if isLastInColumn(index) {
            for tick in MonthTicks.ticks(months: months) {
                canvas.text(
                    String(tick), x: x(Double(tick)), y: frame.bottom + 25, size: Self.tickSize,
                    anchor: .middle)
                if let calendar {
                    canvas.text(
                        calendar.label(monthsAfterStart: tick), x: x(Double(tick)), y: frame.bottom + 46,
                        size: Self.subtitleSize, anchor: .middle, fill: Palette.secondaryText)
                }
            }
        }
        if isLastInRow(index) {
            for band in bands {
                let middle = (y(band.upper) + y(band.lower)) / 2
                canvas.text(
                    band.name, x: frame.right + 10, y: middle, size: 15, fill: Palette.secondaryText,
                    middle: true)
            }
        }
    }

    /// The shared axis titles: the value axis rotated on the left, the month axis centred
    /// at the bottom.
    func drawAxisTitles(into canvas: inout SVGCanvas, y title: String, calendar: ScenarioCalendar?) {
        let plotsTop = top + headerHeight
        let plotsBottom = frame(count - 1).bottom
        canvas.text(
            title, x: 24, y: (plotsTop + plotsBottom) / 2, size: Self.axisTitleSize, anchor: .middle,
            bold: true, middle: true, rotated: true)
        let monthTitle =
            calendar.map { "Months since the start (month 0 = initial state, \($0.startText))" }
            ?? "Months since the start (month 0 = initial state)"
        let left = marginLeft, right = Self.width - marginRight
        canvas.text(
            monthTitle, x: (left + right) / 2, y: height - 14, size: Self.axisTitleSize, anchor: .middle,
            bold: true)
    }

    func monthScale(_ frame: Frame, months: Int) -> LinearScale {
        LinearScale(domain: 0...Double(Swift.max(1, months)), range: (frame.x, frame.right))
    }

    func valueScale(_ frame: Frame, domain: ClosedRange<Double>) -> LinearScale {
        LinearScale(domain: domain, range: (frame.bottom, frame.y))
    }
}

/// A small SVG writer: shapes are appended as text in drawing order and wrapped in one
/// `<svg class="chart">` element whose user units are CSS pixels at full width.
struct SVGCanvas {
    enum Anchor: String { case start, middle, end }

    let width: Double
    let height: Double
    private(set) var body = ""

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    private static func c(_ value: Double) -> String { HTMLText.coordinate(value) }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, opacity: Double? = nil) {
        body +=
            "<rect x=\"\(Self.c(x))\" y=\"\(Self.c(y))\" width=\"\(Self.c(width))\" height=\"\(Self.c(height))\""
            + " fill=\"\(fill)\"\(opacity.map { " fill-opacity=\"\(HTMLText.fixed($0, 2))\"" } ?? "")/>\n"
    }

    mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double,
        dash: String? = nil
    ) {
        body +=
            "<line x1=\"\(Self.c(x1))\" y1=\"\(Self.c(y1))\" x2=\"\(Self.c(x2))\" y2=\"\(Self.c(y2))\""
            + " stroke=\"\(stroke)\" stroke-width=\"\(Self.c(width))\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>\n"
    }

    /// A filled area (no stroke).
    mutating func area(_ data: String, fill: String, opacity: Double? = nil, className: String) {
        guard !data.isEmpty else { return }
        body +=
            "<path class=\"\(className)\" d=\"\(data)\" fill=\"\(fill)\""
            + (opacity.map { " fill-opacity=\"\(HTMLText.fixed($0, 2))\"" } ?? "") + "/>\n"
    }

    /// A stroked line (no fill).
    mutating func stroke(_ data: String, colour: String, width: Double, dash: String? = nil, className: String) {
        guard !data.isEmpty else { return }
        body +=
            "<path class=\"\(className)\" d=\"\(data)\" fill=\"none\" stroke=\"\(colour)\""
            + " stroke-width=\"\(Self.c(width))\" stroke-linejoin=\"round\" stroke-linecap=\"round\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>\n"
    }

    /// A closed shape (markers): filled, with an optional outline and a tooltip.
    mutating func shape(
        _ data: String, fill: String, stroke: String? = nil, strokeWidth: Double = 0,
        className: String, tooltip: String? = nil
    ) {
        guard !data.isEmpty else { return }
        let outline = stroke.map { " stroke=\"\($0)\" stroke-width=\"\(Self.c(strokeWidth))\"" } ?? ""
        let title = tooltip.map { "<title>\(HTMLText.escape($0))</title>" } ?? ""
        body += "<path class=\"\(className)\" d=\"\(data)\" fill=\"\(fill)\"\(outline)>\(title)</path>\n"
    }

    /// Opens a `<g>` holding what is drawn until ``closeGroup()``; `data` become
    /// `data-` attributes (escaped), so readers of the DOM can find a chart's rows.
    mutating func openGroup(className: String, data: [(String, String)] = []) {
        let attributes = data.map { " data-\($0.0)=\"\(HTMLText.escape($0.1))\"" }.joined()
        body += "<g class=\"\(className)\"\(attributes)>\n"
    }

    mutating func closeGroup() { body += "</g>\n" }

    /// Text, escaped; `middle` centres it vertically on `y`.
    mutating func text(
        _ content: String, x: Double, y: Double, size: Double, anchor: Anchor = .start,
        fill: String = Palette.text, bold: Bool = false, middle: Bool = false,
        rotated: Bool = false, tooltip: String? = nil
    ) {
        var attributes = "x=\"\(Self.c(x))\" y=\"\(Self.c(y))\" font-size=\"\(Self.c(size))\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if fill != Palette.text { attributes += " fill=\"\(fill)\"" }
        if bold { attributes += " font-weight=\"700\"" }
        if middle { attributes += " dominant-baseline=\"central\"" }
        if rotated { attributes += " transform=\"rotate(-90 \(Self.c(x)) \(Self.c(y)))\"" }
        let title = tooltip.map { "<title>\(HTMLText.escape($0))</title>" } ?? ""
        body += "<text \(attributes)>\(title)\(HTMLText.escape(content))</text>\n"
    }

    /// A bold title followed by a detail in the secondary colour, on one line laid out by
    /// the browser (no width estimate needed).
    mutating func titleWithDetail(
        _ title: String, _ detail: String, x: Double, y: Double, size: Double,
        detailSize: Double
    ) {
        body +=
            "<text x=\"\(Self.c(x))\" y=\"\(Self.c(y))\" font-size=\"\(Self.c(size))\">"
            + "<tspan font-weight=\"700\">\(HTMLText.escape(title))</tspan>"
            + "<tspan dx=\"14\" font-size=\"\(Self.c(detailSize))\" fill=\"\(Palette.secondaryText)\">"
            + "\(HTMLText.escape(detail))</tspan></text>\n"
    }

    /// The finished element; `id` names the chart for readers of the DOM (and the tests).
    func svg(id: String, title: String, description: String) -> String {
        "<svg class=\"chart\" id=\"chart-\(id)\" data-chart=\"\(id)\""
            + " viewBox=\"0 0 \(Self.c(width)) \(Self.c(height))\""
            + " width=\"\(Self.c(width))\" height=\"\(Self.c(height))\" role=\"img\""
            + " aria-labelledby=\"chart-\(id)-title chart-\(id)-desc\">\n"
            + "<title id=\"chart-\(id)-title\">\(HTMLText.escape(title))</title>\n"
            + "<desc id=\"chart-\(id)-desc\">\(HTMLText.escape(description))</desc>\n"
            + body + "</svg>\n"
    }
}

/// Path data for lines and areas.
enum PathData {
    /// A polyline through `points` ("M x,y x,y …": the coordinates after the first are
    /// implicit line-tos).
    static func line(_ points: [(Double, Double)]) -> String {
        guard let first = points.first else { return "" }
        var data = "M\(HTMLText.coordinate(first.0)),\(HTMLText.coordinate(first.1))"
        for point in points.dropFirst() {
            data += " \(HTMLText.coordinate(point.0)),\(HTMLText.coordinate(point.1))"
        }
        return data
    }

    /// A closed area between `upper` (left to right) and `lower` (drawn back right to left).
    /// A circle of `radius` around (x, y), as a path (two arcs).
    static func circle(x: Double, y: Double, radius: Double) -> String {
        let c = HTMLText.coordinate
        return "M\(c(x - radius)) \(c(y))a\(c(radius)) \(c(radius)) 0 1 0 \(c(2 * radius)) 0"
            + "a\(c(radius)) \(c(radius)) 0 1 0 \(c(-2 * radius)) 0Z"
    }

    static func area(upper: [(Double, Double)], lower: [(Double, Double)]) -> String {
        guard !upper.isEmpty, !lower.isEmpty else { return "" }
        return line(upper + lower.reversed()) + " Z"
    }
}

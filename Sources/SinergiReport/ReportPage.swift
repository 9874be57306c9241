import SinergiEngine

/// report.html: one self-contained page with the charts a reader looks at first, drawn on
/// the server as inline SVG. It needs no JavaScript, network, fonts or files besides
/// itself, and its bytes depend only on the statistics and the manifest. (A comparison of
/// many governments carries a few lines of inline script for its search box; without it
/// every row stays visible.)
public enum ReportPage {
    /// The page for a finished comparison: the comparison section first, then the
    /// baseline's charts.
    public static func html(comparison: Comparison, manifest: Manifest) -> String {
        html(statistics: comparison.baseline, manifest: manifest, comparison: comparison)
    }

    /// The page for a finished run.
    public static func html(statistics: RunStatistics, manifest: Manifest, comparison: Comparison? = nil) -> String {
        let data = ReportData(statistics: statistics, manifest: manifest)
        let name = HTMLText.escape(manifest.scenario.name)
        var page = ReportStyle.documentStart(title: "\(name) — Sinergi report")
        page += header(data)
        if let note = data.sampleNote {
            page += "<p class=\"note\" id=\"note-sample\">\(HTMLText.escape(note))</p>\n"
        }
        if let comparison { page += ComparisonSection.html(comparison, data: data) }
        let charts = ReportCharts.all(data)
        for (index, chart) in charts.enumerated() {
            page += section(chart)
            if index == 0 { page += outcomes(data) }
        }
        page += footer(data)
        page += "</main>\n</body>\n</html>\n"
        return page
    }

    private static func header(_ data: ReportData) -> String {
        let manifest = data.manifest
        var items: [(String, String)] = [
            ("Replicates", String(manifest.replicates)),
            ("Seed", String(manifest.randomness.masterSeed)),
            ("Months", String(manifest.months)),
        ]
        if let calendar = data.calendar {
            let end = ScenarioCalendar(
                year: calendar.year + (calendar.month - 1 + manifest.months) / 12,
                month: (calendar.month - 1 + manifest.months) % 12 + 1)
            items.append(("From", "\(calendar.startText) to \(end.startText)"))
        }
        items += [
            ("Governments", String(manifest.governments.count)),
            ("Tool", "\(manifest.tool.name) \(manifest.tool.version)"),
            ("Created", manifest.timing.started),
        ]
        if manifest.status != .complete {
            items.append(
                (
                    "Status",
                    "\(manifest.status) (\(manifest.interruptedBy ?? "stopped early")): "
                        + "\(manifest.replicates) replicates completed"
                ))
        }
        let meta = items.map { "<div><dt>\(HTMLText.escape($0.0))</dt><dd>\(HTMLText.escape($0.1))</dd></div>" }
            .joined(separator: "\n")
        return """
            <header>
            <p class="kicker">Sinergi simulation report</p>
            <h1>\(HTMLText.escape(manifest.scenario.name))</h1>
            <dl class="meta">
            \(meta)
            </dl>
            </header>

            """
    }

    private static func section(_ chart: ReportCharts.Chart) -> String {
        var html = "<section id=\"section-\(chart.id)\">\n<h2>\(HTMLText.escape(chart.heading))</h2>\n"
        if let note = chart.note {
            html += "<p class=\"note\" id=\"note-\(chart.id)\">\(HTMLText.escape(note))</p>\n"
        }
        if let svg = chart.svg {
            html += svg
            html += "<p class=\"read\"><strong>How to read:</strong> \(HTMLText.escape(chart.howToRead))</p>\n"
        }
        return html + "</section>\n"
    }

    private static func outcomes(_ data: ReportData) -> String {
        let table = OutcomeTable.html(data)
        guard !table.isEmpty else { return "" }
        let region =
            data.governmentsWithOutcomes.contains(RunStatistics.regionName)
            ? " The Region row averages the governments." : ""
        return """
            <section id="section-outcomes">
            <h2>Key outcomes at the end</h2>
            \(table)<p class="read"><strong>How to read:</strong> SPBE index at the start and at the end (mean across \
            replicates, with the 95% confidence interval of that mean), the predicate most replicates end in, the \
            share ending Baik or better, citizen adoption at the end and the number of joint initiatives integrated \
            (means across replicates).\(region) The same numbers, with more outcomes, are in summary.csv.</p>
            </section>

            """
    }

    private static func footer(_ data: ReportData) -> String {
        let manifest = data.manifest
        return """
            <footer>
            Scenario file <code>\(HTMLText.escape(manifest.scenario.path))</code> (SHA-256 \
            <code>\(HTMLText.escape(manifest.scenario.sha256))</code>), random numbers \
            \(HTMLText.escape(manifest.randomness.algorithm)). Data behind the charts: timeseries.csv and \
            summary.csv in this folder; the fully resolved scenario and the seeds are in manifest.json.
            </footer>

            """
    }
}

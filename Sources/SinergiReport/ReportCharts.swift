import SinergiEngine
import SinergiModel
import SinergiStats

/// The charts of the report, each built from the run's data, in page order. A chart whose
/// data is absent is replaced by a note saying so.
enum ReportCharts {
    struct Chart {
        var id: String
        var heading: String
        /// The drawn chart (an `<svg>` element), or nil when there is nothing to draw.
        var svg: String?
        /// What to look at, shown under the chart.
        var howToRead: String
        /// Shown instead of (or above) the chart when its data is missing.
        var note: String?
    }

    static func all(_ data: ReportData) -> [Chart] {
        [
            spbe(data), predicateShares(data), finalPredicates(data), adoption(data), progress(data),
            trustAndCommitment(data),
        ]
    }

    private static let bandLegend = Legend.Item(swatch: .band(Palette.axis), label: "5–95% of replicates")

    // MARK: SPBE index

    static func spbe(_ data: ReportData) -> Chart {
        let panels = data.governmentsWithSeries.compactMap { government -> LineBandChart.Panel? in
            guard let values = data.series(SeriesMetric.spbe.name, government) else { return nil }
            let start = values.first??.mean ?? .nan, end = values.last??.mean ?? .nan
            var subtitle = "\(HTMLText.fixed(start, 2)) → \(HTMLText.fixed(end, 2))"
            if let baik = data.outcome(.pBaikOrBetter, government)?.mean, baik.isFinite {
                subtitle += " · P(≥ Baik) \(HTMLText.percent(baik))"
            }
            return .init(
                title: government, subtitle: subtitle,
                series: [.init(label: "SPBE index", colour: Palette.blue, values: values)])
        }
        let predicates = SPBEPredicate.allCases
        let bands = predicates.enumerated().map { i, predicate in
            PanelGrid.NamedBand(
                lower: predicate.lowerBound,
                upper: i + 1 < predicates.count ? predicates[i + 1].lowerBound : 5,
                name: predicate.name, shaded: i % 2 == 1)
        }
        let chart = LineBandChart(
            id: "spbe", title: "SPBE index by government",
            description: "Mean SPBE index per month with the 5th to 95th percentile band across replicates, one "
                + "panel per government, with the predicate thresholds 1.8, 2.6, 3.5 and 4.2.",
            panels: panels, yDomain: 1...5, yTicks: [1, 1.8, 2.6, 3.5, 4.2, 5], yLabel: { HTMLText.fixed($0, 1) },
            yTitle: "SPBE index (1–5)", references: [1.8, 2.6, 3.5, 4.2], bands: bands,
            legend: Legend(items: [
                .init(swatch: .line(Palette.blue), label: "Mean across replicates"),
                .init(swatch: .band(Palette.blue), label: "5–95% of replicates"),
                .init(swatch: .line(Palette.reference, dashed: true), label: "Predicate threshold"),
            ]),
            months: data.months, calendar: data.calendar)
        return Chart(
            id: "spbe", heading: "SPBE index by government", svg: panels.isEmpty ? nil : chart.svg(),
            howToRead: "One panel per government, all on the same axes. The line is the mean index across "
                + "replicates, the shaded band holds the middle 90% of replicates (5th to 95th percentile). Dashed "
                + "lines are the predicate thresholds, with the predicate names on the right. Under each name: "
                + "mean index at the start → at the end, and the share of replicates ending Baik or better.",
            note: panels.isEmpty ? "This run has no SPBE index series." : nil)
    }

    // MARK: Predicate shares

    static func predicateShares(_ data: ReportData) -> Chart {
        let heading = "SPBE predicate over time"
        let howToRead =
            "One panel per government. At each month the coloured areas split the replicates by "
            + "the predicate of their index, from Kurang (bottom) to Memuaskan (top); blue areas growing "
            + "upwards mean more replicates at Baik or better."
            + (data.governmentsWithSeries.contains(RunStatistics.regionName)
                ? " The Region panel splits the governments instead: the mean share of governments in each "
                    + "predicate." : "")
        guard data.hasPredicateShares else {
            return Chart(
                id: "predicate-shares", heading: heading, svg: nil, howToRead: "",
                note: "This run's statistics hold no monthly predicate shares (series share_kurang … "
                    + "share_memuaskan), so only the predicates at the end of the run are drawn, below.")
        }
        let panels = data.governmentsWithSeries.compactMap { government -> (String, [SPBEPredicate: [Summary?]])? in
            var shares: [SPBEPredicate: [Summary?]] = [:]
            for predicate in SPBEPredicate.allCases {
                shares[predicate] = data.series(ReportData.shareMetric(predicate), government)
            }
            return shares.isEmpty ? nil : (government, shares)
        }
        let chart = PredicateShareChart(
            panels: panels.map { (title: $0.0, shares: $0.1) }, months: data.months,
            calendar: data.calendar)
        return Chart(id: "predicate-shares", heading: heading, svg: chart.svg(), howToRead: howToRead, note: nil)
    }

    static func finalPredicates(_ data: ReportData) -> Chart {
        let rows = data.governmentsWithOutcomes.compactMap { government -> FinalPredicateChart.Row? in
            var shares: [SPBEPredicate: Double] = [:]
            for predicate in SPBEPredicate.allCases {
                if let share = data.outcome(.share(endingAt: predicate), government)?.mean { shares[predicate] = share }
            }
            return shares.isEmpty
                ? nil
                : .init(name: government, shares: shares, isRegion: government == RunStatistics.regionName)
        }
        return Chart(
            id: "final-predicates", heading: "SPBE predicate at the end of the run",
            svg: rows.isEmpty ? nil : FinalPredicateChart(rows: rows).svg(),
            howToRead: "One bar per government: the share of replicates whose final index falls in each "
                + "predicate. " + (rows.contains(where: \.isRegion) ? "The Region bar averages the governments. " : "")
                + "Segments wide enough carry their share.",
            note: rows.isEmpty ? "This run has no predicate outcomes." : nil)
    }

    // MARK: Adoption

    static func adoption(_ data: ReportData) -> Chart {
        let panels = data.governmentsWithSeries.compactMap { government -> LineBandChart.Panel? in
            guard let values = data.series(SeriesMetric.adoption.name, government) else { return nil }
            let end = values.last??.mean ?? .nan
            return .init(
                title: government, subtitle: "at the end \(HTMLText.percent(end, digits: 1))",
                series: [.init(label: "Adoption", colour: Palette.bluishGreen, values: values)])
        }
        let top = data.maximum([SeriesMetric.adoption.name], \.q95) ?? 1
        let ticks = NiceTicks.covering(0, Swift.max(top, 0.001), count: 4)
        let digits = NiceTicks.decimals(ticks.map { $0 * 100 })
        let chart = LineBandChart(
            id: "adoption", title: "Citizen adoption by government",
            description: "Mean share of citizens using the e-government services per month, with the 5th to "
                + "95th percentile band across replicates, one panel per government.",
            panels: panels, yDomain: 0...(ticks.last ?? 1), yTicks: ticks,
            yLabel: { HTMLText.percent($0, digits: digits) }, yTitle: "Adoption (% of citizens)",
            legend: Legend(items: [
                .init(swatch: .line(Palette.bluishGreen), label: "Mean across replicates"),
                .init(swatch: .band(Palette.bluishGreen), label: "5–95% of replicates"),
            ]),
            months: data.months, calendar: data.calendar)
        return Chart(
            id: "adoption", heading: "Citizen adoption",
            svg: panels.isEmpty ? nil : chart.svg(),
            howToRead: "Share of citizens who use the government's online services: mean across replicates "
                + "(line) and the middle 90% of replicates (band). Panels share the vertical axis, so heights "
                + "compare directly between governments.",
            note: panels.isEmpty ? "This run has no adoption series." : nil)
    }

    // MARK: Initiative progress

    static func progress(_ data: ReportData) -> Chart {
        let names = data.initiativeNames
        let threshold = data.launchThreshold
        let thresholdText =
            threshold.map { "Launch threshold (\(HTMLText.fixed($0, 2)))" }
            ?? "Default launch threshold (0.50)"
        let colours = Dictionary(
            uniqueKeysWithValues: names.enumerated().map {
                ($1, Palette.categorical[$0 % Palette.categorical.count])
            })
        let rows = data.governmentsWithSeries.compactMap { government -> InitiativeMatrixChart.Row? in
            let cells = names.map { data.series(ReportData.progressPrefix + $0, government) }
            let count = cells.compactMap { $0 }.count
            guard count > 0 else { return nil }
            let launched = data.outcome(.initiativesLaunched, government)?.mean ?? .nan
            let integrated = data.outcome(.initiativesIntegrated, government)?.mean ?? .nan
            let detail =
                "launched \(HTMLText.fixed(launched, 1)), "
                + "integrated \(HTMLText.fixed(integrated, 1)) of \(count)"
            return .init(title: government, detail: detail, cells: cells)
        }
        let chart = InitiativeMatrixChart(
            initiatives: names.map { ($0, colours[$0] ?? Palette.black) }, rows: rows, threshold: threshold ?? 0.5,
            thresholdLabel: thresholdText, months: data.months, calendar: data.calendar)
        return Chart(
            id: "progress", heading: "Joint initiatives",
            svg: rows.isEmpty ? nil : chart.svg(),
            howToRead: "One row per government, one column per joint system; progress runs from 0 to 1: mean "
                + "across replicates (line) "
                + "and the middle 90% of replicates (band). A system is launched when its progress passes the "
                + (threshold == nil
                    ? "initiative's launch threshold (dashed: the default, 0.5)"
                    : "dashed line at its launch threshold")
                + ". Next to each name: mean number of initiatives launched and integrated by the end.",
            note: rows.isEmpty ? "This scenario has no joint initiatives." : nil)
    }

    // MARK: Trust and commitment

    static func trustAndCommitment(_ data: ReportData) -> Chart {
        let metrics = [
            (SeriesMetric.meanTrust.name, "Trust", Palette.blue),
            (SeriesMetric.meanCommitment.name, "Commitment", Palette.orange),
        ]
        let panels = data.governmentsWithSeries.compactMap { government -> LineBandChart.Panel? in
            let series = metrics.compactMap { metric, label, colour in
                data.series(metric, government).map { LineBandChart.Series(label: label, colour: colour, values: $0) }
            }
            return series.isEmpty ? nil : .init(title: government, subtitle: nil, series: series)
        }
        let top = data.maximum(metrics.map(\.0), \.q95) ?? 1
        let ticks = top <= 1 ? [0, 0.25, 0.5, 0.75, 1] : NiceTicks.covering(0, top, count: 4)
        let chart = LineBandChart(
            id: "trust-commitment", title: "Trust and commitment by government",
            description: "Mean trust and mean commitment of the agencies per month, with the 5th to 95th "
                + "percentile bands across replicates, one panel per government.",
            panels: panels, yDomain: 0...(ticks.last ?? 1), yTicks: ticks,
            yLabel: { HTMLText.fixed($0, 2) }, yTitle: "Mean over agencies (0–1)",
            legend: Legend(items: metrics.map { .init(swatch: .lineWithBand($0.2), label: $0.1) } + [bandLegend]),
            months: data.months, calendar: data.calendar)
        return Chart(
            id: "trust-commitment", heading: "Trust and commitment",
            svg: panels.isEmpty ? nil : chart.svg(),
            howToRead: "Average over a government's agencies of trust in partners and the forum (blue) and of "
                + "commitment to the shared process (orange): mean across replicates (line) and the middle 90% "
                + "of replicates (band). Both are on a 0–1 scale.",
            note: panels.isEmpty ? "This run has no trust or commitment series." : nil)
    }
}

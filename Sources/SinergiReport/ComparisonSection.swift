import Foundation
import SinergiEngine
import SinergiModel

/// The comparison section of a comparison's report.html, for the headline unit (the
/// region, or the only government): one plain sentence per package, the packages ranked
/// by their paired effect on the final SPBE index, the effects on every outcome (forest
/// plot), the effects by government, effect against cost, and the effect on the SPBE index month by month.
enum ComparisonSection {
    static func html(_ comparison: Comparison, data: ReportData) -> String {
        let order = rowOrder(comparison)
        var html =
            "<section id=\"section-comparison\">\n<h2>Policy packages against the baseline</h2>\n"
            + "<p class=\"lead\">\(HTMLText.escape(lead(comparison)))</p>\n"
        guard !order.isEmpty else {
            return html + "<p class=\"note\">This comparison has no policy packages.</p>\n</section>\n\n"
        }
        html += sentences(comparison, order)
        html += subsection(
            "comparison-ranking", "Ranking by the final SPBE index", ComparisonTable.html(comparison, order: order),
            howToRead: "Packages ranked by their mean effect on the final SPBE index (package minus baseline), "
                + "with its 95% confidence interval under it: the range the true effect lies in with 95% "
                + "confidence. "
                + "“Better in” is the share of simulated futures in which the package ends with a higher index "
                + "than the baseline. The chance of ending at Baik or better and adoption change by the "
                + "percentage points shown. Cost is in the scenario’s cost units, and the next column is the "
                + "effect on the index bought per 100 of them, with its 95% confidence interval (the effect’s "
                + "interval divided by the cost, which does not vary between futures). The last column says how many times wider the "
                + "interval would have been had package and baseline been simulated on different random draws: "
                + "what running both on the same futures gained.")
        html += subsection(
            "forest", "Effect on every outcome", forest(comparison, order),
            howToRead: "One panel per outcome, one row per package in the order of the ranking. The marker is "
                + "the mean difference from the baseline and the line through it the 95% confidence interval; "
                + "the grey bar behind it is the wider interval that separate runs would have given. A filled "
                + "green circle means the whole interval is on the better side of the dashed zero line, a "
                + "red-orange diamond that it is on the worse side, a hollow grey circle that it crosses zero: "
                + "that effect cannot be told apart from no effect. For months to the first launch lower is "
                + "better, so better packages sit left of zero there. The number on the right is the mean "
                + "difference.")
        if let byGovernment = GovernmentEffects.html(comparison, order: order) {
            html += subsection(
                "by-government", "Effects by government", byGovernment,
                howToRead: "One table and one plot per outcome (open another outcome by its name). Each row is "
                    + "a government, the Region (the average of the governments) first; each column the mean "
                    + "effect of a package there, package minus baseline, with its 95% confidence interval under "
                    + "it. Bold green: the whole interval is on the better side of zero; bold red-orange: on the "
                    + "worse side. A package can move one government clearly while the Region average barely "
                    + "moves. In the plots, one panel per package, markers as above. With many governments, type part of a "
                    + "name in the search box to keep only the matching rows (the Region row stays).")
        }
        html += subsection(
            "effect-cost", "Effect against cost", effectCost(comparison, order),
            howToRead: "One point per package: across, what the package costs in the scenario"
                + (comparison.headlineUnit == RunStatistics.regionName ? " (all governments together)" : "")
                + "; up, its mean effect on the final SPBE index, with the 95% confidence interval as a vertical "
                + "line. Points higher up and further left buy more index for less; points on the left edge "
                + "cost nothing. The blue line is the efficient frontier: it runs from the baseline (no "
                + "package: no cost, no effect) through the packages that nothing else beats: no other package, "
                + "nor the baseline, costs no more and does at least as well, being cheaper or better. A package "
                + "marked “dominated” is beaten so: another option buys at least as much index for no more "
                + "money. The "
                + "frontier compares mean effects; check the intervals before calling one package better than "
                + "the next. Markers as in the panels above.")
        html += subsection(
            "effect-time", "Effect on the SPBE index over time", effectOverTime(comparison, order, data: data),
            howToRead: "One panel per package, on the same axes: how far the package’s mean SPBE index lies "
                + "above the baseline’s (below zero: under it), month by month, with the 95% confidence "
                + "interval as the shaded band. Once the band has left the dashed zero line, the package is "
                + "ahead of (or behind) the baseline beyond chance. Under each name: the difference at the end, "
                + "with its 95% confidence interval.")
        return html + "</section>\n\n"
    }

    /// Packages in the order of the ranking (those without a final SPBE effect last).
    static func rowOrder(_ comparison: Comparison) -> [String] {
        let ranked = comparison.ranked().map(\.policy)
        return ranked + comparison.policies.filter { !ranked.contains($0) }
    }

    private static func lead(_ comparison: Comparison) -> String {
        let unit = comparison.headlineUnit
        let governments = comparison.units.count - 1
        let scope =
            unit == RunStatistics.regionName
            ? "the region (the average of its \(governments) governments)" : unit
        return "Each package was simulated on the same \(comparison.replicates) futures as the baseline, with the "
            + "same random draws future by future, so every difference below compares like with like. Figures "
            + "are for \(scope). The sections after this one show the baseline alone."
    }

    private static func sentences(_ comparison: Comparison, _ order: [String]) -> String {
        var items = ""
        for policy in order {
            guard let effect = comparison.effect(policy, .finalSpbe) else { continue }
            items +=
                "<li>\(chip(EffectVerdict(effect))) "
                + "\(HTMLText.escape(PlainLanguage.sentence(for: effect, futures: comparison.replicates)))</li>\n"
        }
        return items.isEmpty ? "" : "<ul class=\"sentences\" id=\"comparison-sentences\">\n\(items)</ul>\n"
    }

    /// The verdict as a chip in the text: its marker symbol in its colour, then its name.
    static func chip(_ verdict: EffectVerdict) -> String {
        "<span class=\"verdict \(verdict.className)\"><span aria-hidden=\"true\">\(verdict.symbol)</span> "
            + "\(verdict.label)</span>"
    }

    private static func subsection(_ id: String, _ heading: String, _ content: String?, howToRead: String)
        -> String
    {
        var html = "<section id=\"section-\(id)\">\n<h3>\(HTMLText.escape(heading))</h3>\n"
        if let content {
            html += content
            html += "<p class=\"read\"><strong>How to read:</strong> \(HTMLText.escape(howToRead))</p>\n"
        } else {
            html += "<p class=\"note\" id=\"note-\(id)\">This comparison has no data for this chart.</p>\n"
        }
        return html + "</section>\n"
    }

    private static func forest(_ comparison: Comparison, _ order: [String]) -> String? {
        let panels = Outcome.compared.compactMap { outcome -> ForestChart.Panel? in
            let effects = order.map { comparison.effect($0, outcome) }
            return effects.contains { $0 != nil } ? .init(outcome: outcome, effects: effects) : nil
        }
        guard !panels.isEmpty else { return nil }
        return ForestChart(policies: order, panels: panels, unit: comparison.headlineUnit).svg()
    }

    private static func effectCost(_ comparison: Comparison, _ order: [String]) -> String? {
        let effects = order.compactMap { comparison.effect($0, .finalSpbe) }
            .filter { $0.cost.isFinite && $0.difference.isFinite }
        guard !effects.isEmpty else { return nil }
        return EffectCostChart(effects: effects, yTitle: "Δ final SPBE index (package − baseline)").svg()
    }

    private static func effectOverTime(_ comparison: Comparison, _ order: [String], data: ReportData) -> String? {
        let unit = comparison.headlineUnit
        let rows = comparison.overTime.filter {
            $0.government == unit && $0.metric == SeriesMetric.spbe.name && $0.month >= 0
        }
        guard !rows.isEmpty else { return nil }
        let months = Swift.max(data.months, rows.map(\.month).max() ?? 0)
        var byPolicy: [String: [EffectOverTime?]] = [:]
        for row in rows where order.contains(row.policy) {
            byPolicy[row.policy, default: Array(repeating: nil, count: months + 1)][row.month] = row
        }
        let format = EffectFormat.of(Outcome.finalSpbe.name, better: .higher)
        let panels = order.compactMap { policy -> EffectTimeChart.Panel? in
            guard let values = byPolicy[policy] else { return nil }
            var subtitle: String?
            if let last = values.last(where: { $0?.difference.isFinite == true }) ?? nil {
                let digits = format.decimals(for: [last.difference, last.ci95Low, last.ci95High])
                subtitle = "at the end \(format.signed(last.difference, decimals: digits))"
                if last.ci95Low.isFinite, last.ci95High.isFinite {
                    subtitle! += " (\(format.interval(last.ci95Low, last.ci95High, decimals: digits)))"
                }
            }
            return .init(title: policy, subtitle: subtitle, values: values)
        }
        guard !panels.isEmpty else { return nil }
        return EffectTimeChart(
            panels: panels, months: months, calendar: data.calendar,
            yTitle: "Δ SPBE index vs baseline"
        ).svg()
    }
}

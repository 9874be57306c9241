import Foundation
import SinergiEngine
import SinergiModel

/// "Effects by government" in a comparison's report.html: for every compared outcome, a
/// table with the Region first and then one row per government, one column per package
/// (mean paired effect and its 95% CI, written as the ranking writes them), and a forest
/// plot with one panel per package and one row per government. A package can move one
/// government a lot and the region average little: this is where that shows.
///
/// With many governments the table gets a search box (a few lines of inline script that
/// hide the rows whose name does not match; without script every row stays visible) and
/// the plot draws the Region and the governments with the largest effects only (``plotted``).
enum GovernmentEffects {
    /// Governments drawn in a forest plot beside the Region; more are left to the table.
    static let plotLimit = 20
    /// Above this many governments the tables get a search box.
    static let searchFrom = 20

    enum Size { case few, many }

    /// The outcomes shown: every compared outcome, or with many governments those of the
    /// ranking table (the page would otherwise grow by megabytes).
    static func outcomes(_ size: Size) -> [Outcome] {
        size == .few ? Outcome.compared : [.finalSpbe, .pBaikOrBetter, .adoption]
    }

    /// The table's rows: the Region first (when there is one), then the governments in
    /// the scenario's order.
    static func rows(_ comparison: Comparison) -> [String] {
        let region = RunStatistics.regionName
        let governments = comparison.units.filter { $0 != region }
        return comparison.units.contains(region) ? [region] + governments : governments
    }

    /// The forest plot's rows for `outcome`: the Region, then every government when there
    /// are at most `limit`, else `limit` governments taken in turn from each package's
    /// ranking by |effect| (largest first, ties in the scenario's order): every package's
    /// largest effect, then every package's second largest, and so on. A package that moves
    /// one government alone thus gets that government into the plot, however large the
    /// other packages' effects elsewhere.
    static func plotted(_ comparison: Comparison, _ outcome: Outcome, order: [String], limit: Int = plotLimit)
        -> [String]
    {
        let region = RunStatistics.regionName
        let all = rows(comparison)
        let head = all.first == region ? [region] : []
        let governments = all.filter { $0 != region }
        guard governments.count > limit else { return all }
        let rankings = order.map { policy in
            let size = governments.map { government -> Double in
                guard let d = comparison.effect(policy, outcome, unit: government)?.difference, d.isFinite else {
                    return -1
                }
                return abs(d)
            }
            return governments.indices.sorted { size[$0] != size[$1] ? size[$0] > size[$1] : $0 < $1 }
        }
        var chosen: [Int] = [], taken = Set<Int>()
        var rank = 0
        while chosen.count < limit, rank < governments.count {
            for ranking in rankings where chosen.count < limit && !taken.contains(ranking[rank]) {
                chosen.append(ranking[rank])
                taken.insert(ranking[rank])
            }
            rank += 1
        }
        return head + chosen.map { governments[$0] }
    }

    /// The section, or nil when the scenario has one government (the ranking is already
    /// by government then).
    static func html(_ comparison: Comparison, order: [String]) -> String? {
        let rows = rows(comparison)
        let governments = rows.filter { $0 != RunStatistics.regionName }.count
        guard governments >= 2, !order.isEmpty else { return nil }
        let searchable = governments > searchFrom
        let outcomes = outcomes(searchable ? .many : .few).filter { outcome in
            order.contains { comparison.effect($0, outcome) != nil }
        }
        guard !outcomes.isEmpty else { return nil }
        var html = ""
        if searchable {
            html +=
                "<p class=\"note\" id=\"note-by-government\">With \(governments) governments this section "
                + "shows the outcomes of the ranking table only: "
                + outcomes.map(\.label).joined(separator: ", ")
                + ". Every outcome of every government is in comparison.csv.</p>\n"

            html +=
                "<p class=\"search\"><label for=\"government-search\">Find a government:</label> "
                + "<input type=\"search\" id=\"government-search\" placeholder=\"name\" autocomplete=\"off\"> "
                + "<span id=\"government-search-count\"></span></p>\n"
        }
        for (index, outcome) in outcomes.enumerated() {
            html +=
                "<details class=\"by-government\" id=\"by-government-\(outcome.name)\"\(index == 0 ? " open" : "")>\n"
            let label = outcome.label.prefix(1).uppercased() + outcome.label.dropFirst()
            html += "<summary>\(HTMLText.escape(label))</summary>\n"
            html += table(comparison, outcome, rows: rows, order: order, scrolls: searchable)
            let drawn = plotted(comparison, outcome, order: order)
            if drawn.count < rows.count {
                html +=
                    "<p class=\"note\">The plot shows the Region and \(drawn.count - 1) of the \(governments) "
                    + "governments: those with the largest effects in size, taken in turn from each package "
                    + "(each package’s largest, then each one’s second largest, …); the table above lists them "
                    + "all.</p>\n"
            }
            html += forest(comparison, outcome, rows: drawn, order: order)
            html += "</details>\n"
        }
        if searchable { html += script }
        return html
    }

    /// The table of `outcome`: one row per entry of `rows`, one column per package.
    /// `scrolls`: the table scrolls inside a box of its own (many governments), so the
    /// plot under it stays in reach.
    static func table(
        _ comparison: Comparison, _ outcome: Outcome, rows: [String], order: [String], scrolls: Bool = false
    ) -> String {
        let format = EffectFormat.of(outcome.name, better: outcome.better)
        let all = rows.flatMap { unit in order.compactMap { comparison.effect($0, outcome, unit: unit)?.difference } }
        let digits = format.decimals(for: all)
        var body = ""
        for unit in rows {
            let region = unit == RunStatistics.regionName
            body +=
                "<tr data-government=\"\(HTMLText.escape(unit))\"\(region ? " class=\"region\"" : "")>"
                + "<th scope=\"row\">\(HTMLText.escape(unit))</th>"
            for policy in order {
                guard let effect = comparison.effect(policy, outcome, unit: unit), effect.difference.isFinite else {
                    body += "<td>–</td>"
                    continue
                }
                let verdict = EffectVerdict(effect)
                var cell = format.signed(effect.difference, decimals: digits, nonZero: verdict != .unclear)
                if verdict != .unclear { cell = "<strong>\(cell)</strong>" }
                if effect.ci95Low.isFinite, effect.ci95High.isFinite {
                    cell +=
                        "<br><span class=\"ci\">\(format.interval(effect.ci95Low, effect.ci95High, decimals: digits))</span>"
                }
                // Only clear verdicts are marked (colour by the style sheet): hundreds of rows add up.
                body += verdict == .unclear ? "<td>\(cell)</td>" : "<td data-verdict=\"\(verdict)\">\(cell)</td>"
            }
            body += "</tr>\n"
        }
        let head = order.map { "<th scope=\"col\">\(HTMLText.escape($0))</th>" }.joined()
        return """
            <div class="wide\(scrolls ? " tall" : "")">
            <table class="outcomes ranking by-government" id="by-government-table-\(outcome.name)">
            <thead><tr><th scope="col">Government</th>\(head)</tr></thead>
            <tbody>
            \(body)</tbody>
            </table>
            </div>

            """
    }

    private static func forest(_ comparison: Comparison, _ outcome: Outcome, rows: [String], order: [String])
        -> String
    {
        let panels = order.map { policy in
            ForestChart.Panel(
                outcome: outcome, effects: rows.map { comparison.effect(policy, outcome, unit: $0) }, policy: policy)
        }
        return ForestChart(
            policies: rows, panels: panels, unit: "each government", rowKind: "government",
            id: "by-government-\(outcome.name)",
            title: "Effect of each package on \(outcome.label), by government",
            description: "One panel per package and one row per government (the Region first): the mean "
                + "difference package minus baseline over the paired replicates, with its 95% confidence "
                + "interval, the wider interval of unpaired runs, and a line at zero."
        ).svg()
    }

    /// Hides the table rows whose government does not contain the searched text (the
    /// Region row stays), and says how many are shown.
    static let script = """
        <script>
        (function(){var box=document.getElementById("government-search"),\
        count=document.getElementById("government-search-count");\
        box.addEventListener("input",function(){var q=box.value.trim().toLowerCase(),shown=0;\
        document.querySelectorAll("table.by-government").forEach(function(table,i){\
        table.querySelectorAll("tbody tr").forEach(function(row){\
        var keep=q===""||row.classList.contains("region")||\
        row.getAttribute("data-government").toLowerCase().indexOf(q)>=0;\
        row.hidden=!keep;if(i===0&&keep&&!row.classList.contains("region"))shown++;});});\
        count.textContent=q===""?"":shown+" shown";});})();
        </script>

        """
}

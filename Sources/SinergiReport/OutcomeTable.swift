import SinergiEngine
import SinergiModel

/// The table of key outcomes at the end of the run, one row per government and one for
/// the region, from the outcome summaries (summary.csv).
enum OutcomeTable {
    static func html(_ data: ReportData) -> String {
        let governments = data.governmentsWithOutcomes
        guard !governments.isEmpty else { return "" }
        var rows = ""
        for government in governments {
            func mean(_ outcome: Outcome) -> Double { data.outcome(outcome, government)?.mean ?? .nan }
            let final = data.outcome(.finalSpbe, government)
            let isRegion = government == RunStatistics.regionName
            let shares = SPBEPredicate.allCases.map { ($0, mean(.share(endingAt: $0))) }
            let likely = shares.filter { $0.1.isFinite }.max { $0.1 < $1.1 }
            let initiatives = data.metrics(government).filter { $0.hasPrefix(ReportData.progressPrefix) }.count
            let integrated =
                HTMLText.fixed(mean(.initiativesIntegrated), 1)
                + (isRegion || initiatives == 0 ? "" : " of \(initiatives)")
            var cells = ["<th scope=\"row\">\(HTMLText.escape(government))</th>"]
            cells.append(number(HTMLText.fixed(mean(.initialSpbe), 2)))
            cells.append(number("<strong>\(HTMLText.fixed(final?.mean ?? .nan, 2))</strong>"))
            let low = HTMLText.fixed(final?.ci95Low ?? .nan, 2), high = HTMLText.fixed(final?.ci95High ?? .nan, 2)
            cells.append(number("\(low)–\(high)"))
            if let (predicate, share) = likely {
                cells.append(
                    "<td><span class=\"chip\" style=\"background:\(Palette.predicate(predicate));"
                        + "color:\(Palette.textOn(predicate))\">\(predicate.name)</span> \(HTMLText.percent(share))</td>"
                )
            } else {
                cells.append("<td>–</td>")
            }
            cells.append(number(HTMLText.percent(mean(.pBaikOrBetter))))
            cells.append(number(HTMLText.percent(mean(.adoption), digits: 1)))
            cells.append(number(integrated))
            rows += "<tr\(isRegion ? " class=\"region\"" : "")>" + cells.joined() + "</tr>\n"
        }
        return """
            <table class="outcomes" id="outcomes">
            <thead><tr><th scope="col">Government</th><th scope="col">SPBE at start</th>\
            <th scope="col">SPBE at end (mean)</th><th scope="col">95% CI of the mean</th>\
            <th scope="col">Most frequent end predicate</th><th scope="col">P(≥&nbsp;Baik)</th>\
            <th scope="col">Adoption</th><th scope="col">Initiatives integrated</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>

            """
    }

    private static func number(_ content: String) -> String { "<td class=\"num\">\(content)</td>" }
}

import Foundation

/// The comparison section of a comparison's report.html: the packages ranked by their
/// paired effect on the final SPBE index.
enum ComparisonSection {
    static func html(_ comparison: Comparison, data: ReportData) -> String {
        var rows = ""
        for (rank, e) in comparison.ranked().enumerated() {
            rows += "<tr><td>\(rank + 1)</td><td>\(HTMLText.escape(e.policy))</td>"
                + "<td>\(format(e.difference)) [\(format(e.ci95Low)), \(format(e.ci95High))]</td>"
                + "<td>\(format(e.pBetter * 100))%</td><td>\(format(e.cost))</td></tr>\n"
        }
        return """
            <section id="section-comparison">
            <h2>Policy packages against the baseline (\(HTMLText.escape(comparison.headlineUnit)))</h2>
            <table class="outcomes"><thead><tr><th>Rank</th><th>Package</th><th>Δ final SPBE [95% CI]</th>
            <th>Better in</th><th>Cost</th></tr></thead>
            <tbody>
            \(rows)</tbody></table>
            </section>

            """
    }

    static func format(_ value: Double) -> String {
        value.isNaN ? "–" : String(format: "%.3f", value)
    }
}

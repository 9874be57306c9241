import SinergiEngine
import SinergiModel

/// The ranking table of the comparison section: per package, for the headline unit, the
/// effect on the final SPBE index with its 95% CI and verdict, how often the package did
/// better, the effects on the chance of Baik or better and on adoption, the cost, the
/// effect per 100 cost units with its 95% CI, and how much common random numbers narrowed the interval.
enum ComparisonTable {
    /// `order`: the packages, best first.
    static func html(_ comparison: Comparison, order: [String]) -> String {
        var rows = ""
        for (rank, policy) in order.enumerated() {
            guard let final = comparison.effect(policy, .finalSpbe) else { continue }
            let spbe = EffectFormat.of(final.outcome, better: final.better)
            let digits = spbe.decimals(for: [final.difference, final.ci95Low, final.ci95High])
            var cells = [number(String(rank + 1)), "<th scope=\"row\">\(HTMLText.escape(policy))</th>"]
            cells.append(
                number(
                    "<strong>\(spbe.signed(final.difference, decimals: digits))</strong><br>"
                        + "<span class=\"ci\">\(spbe.interval(final.ci95Low, final.ci95High, decimals: digits))</span>")
            )
            cells.append("<td>\(ComparisonSection.chip(EffectVerdict(final)))</td>")
            cells.append(number(HTMLText.percent(final.pBetter)))
            for outcome in [Outcome.pBaikOrBetter, .adoption] {
                guard let effect = comparison.effect(policy, outcome) else {
                    cells.append(number("–"))
                    continue
                }
                let format = EffectFormat.of(outcome.name, better: effect.better)
                // The decimals of the forest plot's panel for this outcome, so both show the same figure.
                let column = order.compactMap { comparison.effect($0, outcome)?.difference }
                cells.append(
                    number(
                        format.signed(
                            effect.difference, decimals: format.decimals(for: column),
                            nonZero: EffectVerdict(effect) != .unclear)))
            }
            let cost = final.cost
            cells.append(number(EffectFormat.cost(cost)))
            if let per100 = Self.perHundred(final) {
                // As many decimals as the mean alone needs (what the sentences print), or the interval.
                let digits = Swift.max(
                    spbe.decimals(for: [per100.mean]), spbe.decimals(for: [per100.mean, per100.low, per100.high]))
                var cell = spbe.signed(per100.mean, decimals: digits)
                if per100.low.isFinite, per100.high.isFinite {
                    cell += "<br><span class=\"ci\">\(spbe.interval(per100.low, per100.high, decimals: digits))</span>"
                }
                cells.append(number(cell))
            } else {
                cells.append(number(cost == 0 ? "no cost" : "–"))
            }
            cells.append(number(ratio(final.ciWidthRatio)))
            rows += "<tr>" + cells.joined() + "</tr>\n"
        }
        return """
            <div class="wide">
            <table class="outcomes ranking" id="comparison-ranking">
            <thead><tr><th scope="col">Rank</th><th scope="col">Package</th>\
            <th scope="col">Δ final SPBE (95% CI)</th><th scope="col">Verdict</th>\
            <th scope="col">Better in (% of futures)</th><th scope="col">Δ P(≥&nbsp;Baik), % points</th>\
            <th scope="col">Δ adoption, % points</th><th scope="col">Cost (units)</th>\
            <th scope="col">Δ SPBE per 100 cost units (95% CI)</th><th scope="col">CI narrowed by pairing</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            </div>

            """
    }

    /// The effect per 100 cost units with its 95% CI: the effect's mean and interval
    /// divided by the cost, which is the same in every replicate (docs/statistics.md); nil
    /// when the package costs nothing (or its cost is unknown).
    static func perHundred(_ effect: PairedEffect) -> (mean: Double, low: Double, high: Double)? {
        guard effect.cost.isFinite, effect.cost > 0 else { return nil }
        let factor = 100 / effect.cost
        return (effect.difference * factor, effect.ci95Low * factor, effect.ci95High * factor)
    }

    /// Unpaired over paired CI width: "3.4×"; "∞" when every pair differed by the same
    /// amount, "–" when undefined.
    static func ratio(_ value: Double) -> String {
        if value.isNaN { return "–" }
        return value.isInfinite ? "∞" : HTMLText.fixed(value, 1) + "×"
    }

    private static func number(_ content: String) -> String { "<td class=\"num\">\(content)</td>" }
}

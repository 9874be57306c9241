import Foundation
import SinergiModel

/// Paired effects told in plain sentences for policy staff, e.g. "In 9 of 10 simulated
/// futures, training ends with a higher SPBE index than the baseline (on average +0.12,
/// 95% CI +0.10 to +0.14). It costs 240 cost units: +0.05 per 100 cost units."
///
/// report.html opens its comparison section with these sentences and `sinergi compare`
/// prints the same ones, so the page and the terminal never disagree.
public enum PlainLanguage {
    /// One sentence (or a few short ones) on `effect`: how often the package did better
    /// than the baseline, the mean difference with its 95% CI, whether that can be told
    /// apart from zero, and what the package costs.
    ///
    /// - Parameter futures: the number of simulated futures (replicates) the share is
    ///   over; by default the effect's replicate count.
    public static func sentence(for effect: PairedEffect, futures: Int? = nil) -> String {
        let futures = futures ?? effect.replicates
        let label = (try? Outcome.named(effect.outcome))?.label ?? effect.outcome
        let format = EffectFormat.of(
            effect.outcome, better: effect.better,
            region: effect.government == RunStatistics.regionName)
        guard futures > 0, effect.pBetter.isFinite, effect.difference.isFinite else {
            return "There are no simulated futures to compare \(effect.policy) with the baseline on the \(label)."
        }
        let digits = format.decimals(for: [effect.difference, effect.ci95Low, effect.ci95High])
        var text: String
        if effect.pBetter == 0, effect.pWorse == 0 {
            text =
                "In every one of the \(futures) simulated futures, \(effect.policy) leaves the \(label) "
                + "exactly as in the baseline."
        } else {
            let (opening, inverted) = frequency(effect.pBetter, futures: futures)
            let verb =
                inverted ? "does \(effect.policy) \(format.better.base)" : "\(effect.policy) \(format.better.third)"
            text =
                "\(opening)\(inverted ? " " : ", ")\(verb) (on average \(format.amount(effect.difference, decimals: digits))"
            if effect.ci95Low.isFinite, effect.ci95High.isFinite {
                text += ", 95% CI \(format.interval(effect.ci95Low, effect.ci95High, decimals: digits)))."
                if effect.clearlyWorse {
                    text += " The package does clearly worse than the baseline on this outcome."
                } else if !effect.clearlyBetter {
                    text += " The effect cannot be told apart from zero."
                }
            } else {
                text += "; too few simulated futures for a confidence interval)."
            }
        }
        if let cost = costSentence(effect, format: format) { text += " " + cost }
        return text
    }

    /// The opening of a sentence on a share `p` of `futures`: "In 7 of 10 simulated
    /// futures" with 7 = round(10 p), "In every one of the 60 simulated futures" when p is 1,
    /// "In none of the 60 simulated futures" when p is 0, "In more than 9 of 10" and "In
    /// fewer than 1 of 10" when rounding would claim all or none. `inverted` is true when
    /// the sentence must go on with "does …" (after "none").
    public static func frequency(_ p: Double, futures: Int) -> (text: String, inverted: Bool) {
        if p >= 1 { return ("In every one of the \(futures) simulated futures", false) }
        if p <= 0 { return ("In none of the \(futures) simulated futures", true) }
        let k = Int((10 * p).rounded())
        if k >= 10 { return ("In more than 9 of 10 simulated futures", false) }
        if k <= 0 { return ("In fewer than 1 of 10 simulated futures", false) }
        return ("In \(k) of 10 simulated futures", false)
    }

    /// The headline sentences of `comparison`: the effect of each package on the final
    /// SPBE index of the headline unit, best first.
    public static func headlines(_ comparison: Comparison) -> [String] {
        comparison.ranked().map { sentence(for: $0, futures: comparison.replicates) }
    }

    /// What the package costs and buys per 100 cost units; nil when the cost is unknown.
    private static func costSentence(_ effect: PairedEffect, format: EffectFormat) -> String? {
        let cost = effect.cost
        guard cost.isFinite else { return nil }
        if cost == 0 { return "It comes at no cost in the scenario." }
        let units = EffectFormat.cost(abs(cost))
        if cost < 0 { return "It saves \(units) cost units in the scenario." }
        let per100 = effect.difference / cost * 100
        guard per100.isFinite, effect.difference != 0 else { return "It costs \(units) cost units." }
        return "It costs \(units) cost units: \(format.amount(per100, decimals: format.decimals(for: [per100]))) "
            + "per 100 cost units."
    }
}

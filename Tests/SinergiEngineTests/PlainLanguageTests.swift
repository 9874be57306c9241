import SinergiEngine
import SinergiModel
import Testing

/// The plain-language sentences on paired effects, from hand-made effects: the "k of 10"
/// rounding and its edge cases, intervals that include zero, outcomes where lower is
/// better, and the cost.
@Suite struct PlainLanguageTests {
    /// An effect of "training" on `outcome` for Kota Contoh over 60 replicates.
    static func effect(
        _ outcome: String = "final_spbe", better: Outcome.Direction = .higher,
        difference: Double = 0.12, low: Double = 0.10, high: Double = 0.14, pBetter: Double = 0.9,
        pWorse: Double = 0.1, cost: Double = 240, government: String = "Kota Contoh"
    ) -> PairedEffect {
        PairedEffect(
            policy: "training", government: government, outcome: outcome, better: better, replicates: 60,
            baselineMean: 2, policyMean: 2 + difference, difference: difference, differenceSD: 0.1,
            ci95Low: low, ci95High: high, unpairedCI95Low: low - 0.1, unpairedCI95High: high + 0.1,
            ciWidthRatio: 3, pBetter: pBetter, pWorse: pWorse, cost: cost,
            effectPerCost: cost > 0 ? difference / cost : .nan)
    }

    @Test func theBriefsExampleReadsAsWritten() {
        #expect(
            PlainLanguage.sentence(for: Self.effect(cost: 0))
                == "In 9 of 10 simulated futures, training ends with a higher SPBE index than the baseline "
                + "(on average +0.12, 95% CI +0.10 to +0.14). It comes at no cost in the scenario.")
    }

    @Test(arguments: [
        (0.25, "In 3 of 10 simulated futures"), (0.34, "In 3 of 10 simulated futures"),
        (0.5, "In 5 of 10 simulated futures"), (0.66, "In 7 of 10 simulated futures"),
        (0.94, "In 9 of 10 simulated futures"), (0.95, "In more than 9 of 10 simulated futures"),
        (0.999, "In more than 9 of 10 simulated futures"), (1.0, "In every one of the 60 simulated futures"),
        (0.001, "In fewer than 1 of 10 simulated futures"), (0.049, "In fewer than 1 of 10 simulated futures"),
        (0.06, "In 1 of 10 simulated futures"), (0.0, "In none of the 60 simulated futures"),
    ])
    func theShareIsRoundedToTenthsWithoutClaimingAllOrNone(_ p: Double, _ opening: String) {
        let sentence = PlainLanguage.sentence(for: Self.effect(pBetter: p, pWorse: 1 - p))
        #expect(sentence.hasPrefix(opening + (p == 0 ? " does" : ",")), "\(p): \(sentence)")
        #expect(PlainLanguage.frequency(p, futures: 60).text == opening)
    }

    @Test func noneIsFollowedByAQuestionOrder() {
        let sentence = PlainLanguage.sentence(
            for: Self.effect(
                difference: -0.15, low: -0.17, high: -0.13, pBetter: 0,
                pWorse: 1))
        #expect(
            sentence.hasPrefix(
                "In none of the 60 simulated futures does training end with a higher SPBE index "
                    + "than the baseline (on average −0.15, 95% CI −0.17 to −0.13)."))
        #expect(sentence.contains("clearly worse"))
        #expect(!sentence.contains("cannot be told apart"))
    }

    @Test func theFuturesCountCanBeGiven() {
        #expect(
            PlainLanguage.sentence(for: Self.effect(pBetter: 1, pWorse: 0), futures: 400)
                .hasPrefix("In every one of the 400 simulated futures, training ends"))
    }

    @Test func anIntervalIncludingZeroCannotBeToldApartFromZero() {
        let undecided = PlainLanguage.sentence(
            for: Self.effect(
                difference: 0.12, low: -0.11, high: 0.35, pBetter: 0.6,
                pWorse: 0.4))
        #expect(
            undecided.contains(
                "(on average +0.12, 95% CI −0.11 to +0.35). The effect cannot be told apart "
                    + "from zero."))
        let touching = PlainLanguage.sentence(for: Self.effect(difference: 0.02, low: 0, high: 0.04))
        #expect(touching.contains("cannot be told apart from zero"), "a CI ending at zero includes it")
        let clear = PlainLanguage.sentence(for: Self.effect())
        #expect(!clear.contains("cannot be told apart") && !clear.contains("worse"))
    }

    @Test func earlierLaunchesAreBetter() {
        let earlier = Self.effect(
            "months_to_first_launch", better: .lower, difference: -3.2, low: -5.4, high: -1.0,
            pBetter: 0.7, pWorse: 0.2)
        #expect(
            PlainLanguage.sentence(for: earlier)
                == "In 7 of 10 simulated futures, training launches the first joint system earlier than the baseline "
                + "(on average 3.2 months earlier, 95% CI 1.0 to 5.4 months earlier). It costs 240 cost units: "
                + "1.3 months earlier per 100 cost units.")
        let unclear = Self.effect(
            "months_to_first_launch", better: .lower, difference: -0.7, low: -2.0, high: 0.5,
            pBetter: 0.4, pWorse: 0.3)
        #expect(
            PlainLanguage.sentence(for: unclear).contains(
                "(on average 0.7 months earlier, 95% CI 2.0 months earlier to 0.5 months later). The effect cannot be "
                    + "told apart from zero."))
        let later = Self.effect(
            "months_to_first_launch", better: .lower, difference: 2.5, low: 1.5, high: 3.5,
            pBetter: 0.1, pWorse: 0.8)
        let sentence = PlainLanguage.sentence(for: later)
        #expect(sentence.contains("(on average 2.5 months later, 95% CI 1.5 to 3.5 months later)"))
        #expect(sentence.contains("clearly worse"), "later is worse when lower is better: \(sentence)")
    }

    @Test func sharesAreInPercentagePoints() {
        let baik = Self.effect("p_baik_or_better", difference: 0.12, low: 0.05, high: 0.19, pBetter: 0.3, pWorse: 0.1)
        #expect(
            PlainLanguage.sentence(for: baik).hasPrefix(
                "In 3 of 10 simulated futures, training ends at Baik or better where the baseline does not (on average "
                    + "+12 percentage points, 95% CI +5 to +19 percentage points)."))
        let region = Self.effect("p_baik_or_better", difference: 0.12, pBetter: 0.3, government: "Region")
        #expect(PlainLanguage.sentence(for: region).contains("training brings more governments to Baik or better"))
    }

    @Test func theCostIsGivenPer100CostUnits() {
        let costly = PlainLanguage.sentence(for: Self.effect(cost: 240))
        #expect(costly.hasSuffix("It costs 240 cost units: +0.050 per 100 cost units."))
        #expect(!costly.contains("no cost"))
        let free = PlainLanguage.sentence(for: Self.effect(cost: 0))
        #expect(free.hasSuffix("It comes at no cost in the scenario."))
        #expect(!free.contains("per 100"))
        let summed = PlainLanguage.sentence(for: Self.effect(difference: 1, low: 0.9, high: 1.1, cost: 3110.0000000004))
        #expect(summed.hasSuffix("It costs 3,110 cost units: +0.032 per 100 cost units."))
        let cheap = PlainLanguage.sentence(for: Self.effect(cost: 12.5))
        #expect(cheap.hasSuffix("It costs 12.5 cost units: +0.96 per 100 cost units."))
        let unknown = PlainLanguage.sentence(for: Self.effect(cost: .nan))
        #expect(unknown.hasSuffix("95% CI +0.10 to +0.14)."))
    }

    @Test func undefinedEffectsAreSaidToBeSo() {
        let single = PlainLanguage.sentence(for: Self.effect(low: .nan, high: .nan), futures: 1)
        #expect(single.contains("(on average +0.12; too few simulated futures for a confidence interval)."))
        #expect(!single.contains("nan") && !single.contains("cannot be told"))
        let none = PlainLanguage.sentence(for: Self.effect(difference: .nan, pBetter: .nan), futures: 0)
        #expect(
            none == "There are no simulated futures to compare training with the baseline on the final SPBE "
                + "index.")
        let same = PlainLanguage.sentence(for: Self.effect(difference: 0, low: 0, high: 0, pBetter: 0, pWorse: 0))
        #expect(
            same == "In every one of the 60 simulated futures, training leaves the final SPBE index exactly as in "
                + "the baseline. It costs 240 cost units.")
    }

    @Test func smallEffectsKeepTwoSignificantDigits() {
        let tenths = PlainLanguage.sentence(for: Self.effect(difference: 0.05, low: -0.01, high: 0.07))
        #expect(tenths.contains("(on average +0.050, 95% CI −0.010 to +0.070)"), "\(tenths)")
        let small = PlainLanguage.sentence(
            for: Self.effect(
                difference: 0.019, low: 0.013, high: 0.024, pBetter: 1,
                pWorse: 0, cost: 0))
        #expect(small.contains("(on average +0.019, 95% CI +0.013 to +0.024)"))
    }
}

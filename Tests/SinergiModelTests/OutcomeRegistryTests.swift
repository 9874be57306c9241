import Testing

@testable import SinergiModel

/// The registry of outcomes: one name per outcome, aliases that resolve and do not clash,
/// kinds that fit the values a replicate produces, and the error every option gives for a
/// name that is not an outcome.
@Suite struct OutcomeRegistryTests {
    @Test func namesAndAliasesAreUnique() {
        let names = Outcome.allNames
        #expect(Set(names).count == names.count, "\(names.sorted())")
        #expect(Set(Outcome.all.map(\.name)).count == Outcome.all.count)
    }

    @Test func everyNameAndAliasResolvesToItsOutcome() throws {
        for outcome in Outcome.all {
            for name in outcome.names {
                #expect(try Outcome.named(name) == outcome, "\(name)")
            }
        }
    }

    /// The aliases the two old command-line tables held (run's --metric and compare's
    /// --rank-by) keep their meaning.
    @Test(arguments: [
        ("spbe", "final_spbe"), ("gain", "gain_per_year"), ("baik", "p_baik_or_better"),
        ("trust", "mean_trust"), ("commitment", "mean_commitment"), ("integrated", "initiatives_integrated"),
        ("launch", "months_to_first_launch"), ("adoption", "adoption"),
    ])
    func formerAliasesKeepTheirMeaning(_ alias: String, _ column: String) throws {
        #expect(try Outcome.named(alias).name == column)
    }

    @Test func summaryOrderIsTheColumnsThenThePredicateShares() {
        #expect(Outcome.all == Outcome.replicateColumns + Outcome.predicateShares)
        #expect(
            SPBEPredicate.allCases.map { Outcome.share(endingAt: $0).name }
                == ["p_kurang", "p_cukup", "p_baik", "p_sangat_baik", "p_memuaskan"])
        #expect(Outcome.predicateShares.last == .pBaikOrBetter)
    }

    /// A direction says which way is better exactly where `compare` compares.
    @Test func comparedOutcomesAndOnlyThoseHaveADirection() {
        #expect(Set(Outcome.compared) == Set(Outcome.all.filter { $0.better != nil }))
        #expect(Outcome.compared.count == 7)
        #expect(Outcome.monthsToFirstLaunch.better == .lower)
    }

    /// Every outcome's kind and region rule fit what a real replicate gives: indices on
    /// 1–5, shares and levels in [0, 1], whole counts, months within the horizon (the
    /// horizon itself exactly when the event is censored), never NaN; every outcome has a
    /// region row.
    @Test func kindsFitTheValues() throws {
        let input = OutcomeTests.input(stallMonths: nil)
        let driver = Driver(input)
        for seed in replicateSeeds(20) {
            let result = try driver.run(seed: seed)
            for outcome in Outcome.all {
                let value = outcome.value(result)
                #expect(!value.isNaN, "\(outcome) is NaN")
                switch outcome.kind {
                case .index: #expect((1...5).contains(value), "\(outcome) = \(value)")
                case .share, .level: #expect((0...1).contains(value), "\(outcome) = \(value)")
                case .count: #expect(value >= 0 && value == value.rounded(), "\(outcome) = \(value)")
                case .month: #expect((1...Double(input.months)).contains(value), "\(outcome) = \(value)")
                case .rate, .spread, .cost: #expect(value.isFinite, "\(outcome) = \(value)")
                }
            }
        }
        #expect(Outcome.all.allSatisfy { $0.region != .none })
        for result in try replicateSeeds(20).map({ try driver.run(seed: $0) }) {
            #expect(
                (Outcome.firstLaunchCensored.value(result) == 1)
                    == (result.monthsToFirstLaunch == nil), "the censored flag marks the no-launch futures")
            if result.monthsToFirstLaunch == nil {
                #expect(Outcome.monthsToFirstLaunch.value(result) == Double(input.months))
            }
        }
    }

    /// A time to an event that never came counts as the horizon, in a run as in a paired
    /// comparison: one definition.
    @Test func timesAreRestrictedToTheHorizon() {
        var outcome = GovernmentOutcome()
        outcome.adoption = 0.25
        outcome.months = 60
        #expect(Outcome.monthsToFirstLaunch.pairedValue(outcome, months: 60) == 60)
        #expect(Outcome.monthsToFirstLaunch.value(outcome) == 60)
        #expect(Outcome.firstLaunchCensored.value(outcome) == 1)
        outcome.monthsToFirstLaunch = 17
        #expect(Outcome.monthsToFirstLaunch.value(outcome) == 17)
        #expect(Outcome.firstLaunchCensored.value(outcome) == 0)
        #expect(Outcome.monthsToFirstLaunch.pairedValue(outcome, months: 60) == 17)
        #expect(Outcome.adoption.pairedValue(outcome, months: 60) == 0.25)
    }

    @Test(arguments: [
        ("spbee", "spbe"), ("SPBE", "spbe"), ("initiatives_integratd", "initiatives_integrated"),
        ("comitment", "commitment"), ("selfish_shar", "selfish_share"),
    ])
    func aNearMissGetsASuggestion(_ typed: String, _ meant: String) {
        #expect(throws: OutcomeNameError.unknown(typed, suggestion: meant)) { try Outcome.named(typed) }
        let error = OutcomeNameError.unknown(typed, suggestion: meant)
        #expect(error.description == "unknown outcome '\(typed)'; did you mean '\(meant)'?")
    }

    @Test func anUnknownNameWithoutANearMissListsExamples() {
        #expect(throws: OutcomeNameError.unknown("happiness", suggestion: nil)) { try Outcome.named("happiness") }
        let text = OutcomeNameError.unknown("happiness", suggestion: nil).description
        #expect(text.hasPrefix("unknown outcome 'happiness'; use an outcome such as spbe, gain, baik"))
        for example in OutcomeNameError.examples { #expect((try? Outcome.named(example)) != nil, "\(example)") }
    }

    /// An outcome an option does not take is told apart from a misspelling, and the
    /// message lists what the option takes.
    @Test func anOutcomeOutsideTheAllowedSetSaysWhatIsAllowed() throws {
        #expect(throws: OutcomeNameError.notAllowed(.equity, allowed: Outcome.compared)) {
            try Outcome.named("equity", among: Outcome.compared)
        }
        #expect(try Outcome.named("launch", among: Outcome.compared) == .monthsToFirstLaunch)
        #expect(
            OutcomeNameError.notAllowed(.equity, allowed: Outcome.compared).description
                == "outcome 'equity' (spread of agency maturity) is not one this option takes; use spbe, gain, baik, "
                + "adoption, integrated, launch or trust (or their column names)")
    }
}

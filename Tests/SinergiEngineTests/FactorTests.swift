import Foundation
import SinergiEngine
import SinergiScenario
import Testing

/// Factors: how `--factor` is read, how a unit coordinate becomes a value, and how a
/// factor is checked against its scenario.
@Suite struct FactorTests {
    static func source(_ name: String) throws -> ScenarioSource {
        try ScenarioSource.load(path: EngineFixtures.packageRoot.appendingPathComponent("Scenarios/\(name).yaml").path)
    }

    /// The error lines of reading `argument`, or of checking it against `scenario`.
    static func problem(_ argument: String, against scenario: String? = nil) throws -> [String] {
        let source = try scenario.map { try Self.source($0) }
        do {
            let factor = try Factor(argument)
            if let source { try factor.check(against: source) }
            return []
        } catch {
            return error.lines
        }
    }

    // MARK: reading

    @Test func rangesListsAndFlags() throws {
        let range = try Factor("parameters.trust.build=0.01:0.2")
        #expect(range.path == (try ScenarioPath("parameters.trust.build")))
        #expect(range.values == .range(low: 0.01, high: 0.2))
        #expect(!range.log && !range.integer)
        let log = try Factor("parameters.citizens.imitation=0.1:1,log")
        #expect(log.values == .range(low: 0.1, high: 1) && log.log)
        let integer = try Factor("months=12:60,integer")
        #expect(integer.values == .range(low: 12, high: 60) && integer.integer)
        let list = try Factor("governments[Kota Contoh].champion=0.1, 0.3,0.5")
        #expect(list.values == .list([0.1, 0.3, 0.5]))
        #expect(list.name == "governments[Kota Contoh].champion")
        for factor in [range, log, integer, list] {
            #expect(try Factor(factor.description) == factor, "\(factor) reads back")
        }
    }

    @Test func badArgumentsAreOneLineEach() throws {
        #expect(
            try Self.problem("parameters.trust.build=0.5:0.1") == [
                "error: --factor parameters.trust.build=0.5:0.1: LOW must be below HIGH, got 0.5 ≥ 0.1"
            ])
        #expect(
            try Self.problem("parameters.trust.build=0.2:0.2") == [
                "error: --factor parameters.trust.build=0.2:0.2: LOW must be below HIGH, got 0.2 ≥ 0.2"
            ])
        #expect(
            try Self.problem("parameters.trust.build=0:0.2,log") == [
                "error: --factor parameters.trust.build=0:0.2,log: log needs LOW > 0, got 0"
            ])
        #expect(
            try Self.problem("months=12:60.5,integer") == [
                "error: --factor months=12:60.5,integer: integer needs whole LOW and HIGH, got 12:60.5"
            ])
        #expect(
            try Self.problem("parameters.trust.build=0.1:x") == [
                "error: --factor parameters.trust.build=0.1:x: 'x' is not a number"
            ])
        #expect(
            try Self.problem("parameters.trust.build=0.1,0.2,0.1") == [
                "error: --factor parameters.trust.build=0.1,0.2,0.1: value 0.1 is listed twice"
            ])
        #expect(
            try Self.problem("parameters.trust.build=0.1:0.2,0.3") == [
                "error: --factor parameters.trust.build=0.1:0.2,0.3: give one LOW:HIGH range or a list of values"
            ])
        #expect(try Self.problem("parameters.trust.build")[0].contains("expected PATH=LOW:HIGH"))
    }

    // MARK: checking against the scenario

    @Test func aFactorIsCheckedAgainstItsScenario() throws {
        #expect(try Self.problem("parameters.trust.build=0.01:0.2", against: "classroom").isEmpty)
        #expect(try Self.problem("governments[*].agencies[BPKAD].legacyLockIn=0:1", against: "classroom").isEmpty)
        #expect(
            try Self.problem("parameters.trust.buidl=0.01:0.2", against: "classroom") == [
                "error: --factor: no 'parameters.trust.buidl' in the scenario; did you mean 'parameters.trust.build'?"
            ])
        #expect(
            try Self.problem("parameters.trust.build=0.5:1.5", against: "classroom") == [
                "error: --factor parameters.trust.build=0.5:1.5: 'trust.build' must be a number in [0, 1], got 1.5"
            ])
        #expect(
            try Self.problem("months=0,12", against: "classroom") == [
                "error: --factor months=0,12: 'months' must be an integer in [1, 1200], got 0"
            ])
        #expect(
            try Self.problem("months=12:60", against: "classroom") == [
                "error: --factor months=12:60: 'months' takes whole numbers only; add ,integer"
            ])
        #expect(try Self.problem("months=12:60,integer", against: "classroom").isEmpty)
    }

    @Test func aPathVariedTwiceIsAnError() throws {
        let source = try Self.source("classroom")
        let factors = [try Factor("parameters.trust.build=0:0.1"), try Factor("parameters.trust.build=0.1,0.2")]
        #expect(throws: DesignError.self) { try Factor.check(factors, against: source) }
        do {
            try Factor.check(factors, against: source)
        } catch {
            #expect(
                error.lines == [
                    "error: --factor parameters.trust.build=0.1,0.2: another --factor varies 'parameters.trust.build' already"
                ])
        }
    }

    // MARK: from the unit interval to values

    @Test func aRangeMapsLinearlyWithExactEnds() throws {
        let factor = try Factor("parameters.trust.build=0.1:0.3")
        #expect(factor.value(atUnit: 0) == 0.1)
        #expect(factor.value(atUnit: 1) == 0.3)
        #expect(abs(factor.value(atUnit: 0.5) - 0.2) < 1e-15)
        #expect(abs(factor.value(atUnit: 0.25) - 0.15) < 1e-15)
    }

    @Test func aLogRangeMapsGeometrically() throws {
        let factor = try Factor("parameters.citizens.imitation=0.01:1,log")
        #expect(factor.value(atUnit: 0) == 0.01)
        #expect(factor.value(atUnit: 1) == 1)
        #expect(abs(factor.value(atUnit: 0.5) - 0.1) < 1e-15, "the geometric mean")
        #expect(abs(factor.value(atUnit: 0.25) - sqrt(0.01 * 0.1)) < 1e-15)
    }

    /// Every whole number of an integer range gets an equal share of the unit interval.
    @Test func anIntegerRangeGivesEachWholeNumberAnEqualShare() throws {
        let factor = try Factor("months=1:4,integer")
        let values = (0..<4000).map { factor.value(atUnit: (Double($0) + 0.5) / 4000) }
        #expect(Set(values) == [1, 2, 3, 4])
        for value in 1...4 { #expect(values.filter { $0 == Double(value) }.count == 1000) }
        #expect(factor.value(atUnit: 1) == 4)
        #expect(factor.value(atUnit: 0) == 1)
    }

    /// With log, whole number n gets the share of [n − ½, n + ½] in log space.
    @Test func aLogIntegerRangeGivesEachWholeNumberItsLogWidth() throws {
        let factor = try Factor("months=1:10,integer,log")
        let count = 100_000
        let values = (0..<count).map { factor.value(atUnit: (Double($0) + 0.5) / Double(count)) }
        #expect(values.allSatisfy { $0.rounded() == $0 && (1...10).contains($0) })
        let total = log(10.5 / 0.5)
        for n in [1.0, 2, 5, 10] {
            let expected = log((n + 0.5) / (n - 0.5)) / total
            let share = Double(values.filter { $0 == n }.count) / Double(count)
            #expect(abs(share - expected) < 1e-4, "\(n)")
        }
    }

    @Test func aListGivesEachValueAnEqualShare() throws {
        let factor = try Factor("parameters.trust.build=0.3,0.1,0.2")
        #expect(factor.value(atUnit: 0) == 0.3)
        #expect(factor.value(atUnit: 0.34) == 0.1)
        #expect(factor.value(atUnit: 0.99) == 0.2)
        #expect(factor.value(atUnit: 1) == 0.2)
    }

    @Test func valuesOfAFactor() throws {
        let range = try Factor("parameters.trust.build=0.1:0.3")
        #expect(range.problem(with: 0.2) == nil)
        #expect(range.problem(with: 0.4) == "0.4 is outside the factor's range 0.1:0.3")
        let integer = try Factor("months=12:60,integer")
        #expect(integer.problem(with: 12.5) == "12.5 is not a whole number")
        let list = try Factor("parameters.trust.build=0.1,0.2")
        #expect(list.problem(with: 0.3) == "0.3 is not one of the factor's values 0.1,0.2")
    }
}

import Foundation
import SinergiModel
import Testing

@testable import SinergiScenario

/// A design's numbers for `parameters.*` constants set the scenario's input directly
/// instead of reading the file again (ScenarioSource.input(with:)); the two ways must give
/// equal inputs, for every constant, on scenarios with and without a `parameters` block.
@Suite struct DesignPointInputTests {
    /// A value inside `entry`'s range, away from its default: for ranges with an upper end
    /// 0.37 of the way, else the lower end plus 3 (logit coefficients: any finite number).
    static func value(for entry: ParameterEntry) -> Double {
        switch entry.kind {
        case .real(let range, _):
            let low = range.lower ?? -5, high = range.upper ?? low + 10
            return low + 0.37 * (high - low)
        case .integer(let range, _):
            return Double(range.lower + 3)
        }
    }

    @Test(arguments: ["classroom", "jambi-province-2018"])
    func everyConstantSetDirectlyEqualsTheFileReadAgain(_ name: String) throws {
        let source = try ScenarioSource.load(path: Fixtures.scenario(name))
        var checked = 0
        for entry in ParameterTable.entries where entry.group != "motivation" {
            let path = try ScenarioPath("parameters.\(entry.path)")
            let override = ScenarioOverride(path: path, number: Self.value(for: entry))
            let direct = try source.input(with: [override])
            let read = try source.inputByReading(with: [override])
            #expect(direct == read, "\(name): parameters.\(entry.path)")
            #expect(direct != source.scenario.input, "\(name): parameters.\(entry.path) changed nothing")
            checked += 1
        }
        #expect(checked >= 40, "the table lists the model's constants")
        // Several at once, as a design point sets them.
        let overrides = try [("trust.build", 0.13), ("maturity.growth", 0.41)].map {
            ScenarioOverride(path: try ScenarioPath("parameters.\($0.0)"), number: $0.1)
        }
        #expect(try source.input(with: overrides) == source.inputByReading(with: overrides))
    }

    @Test func aValueOutOfRangeStillGetsTheFilesError() throws {
        let source = try ScenarioSource.load(path: Fixtures.scenario("classroom"))
        let override = ScenarioOverride(path: try ScenarioPath("parameters.trust.build"), number: 1.5)
        #expect(throws: OverrideError.self) { try source.input(with: [override]) }
    }
}

import Foundation
import SinergiEngine
import SinergiModel
import SinergiStats
import Testing

@Suite struct OutputFormatTests {
    @Test func csvQuotesOnlyWhatNeedsQuoting() {
        var csv = CSV(header: ["a", "b"])
        csv.appendRow(["plain", "with, comma"])
        csv.appendRow(["say \"hi\"", "two\nlines"])
        #expect(csv.contents == "a,b\nplain,\"with, comma\"\n\"say \"\"hi\"\"\",\"two\nlines\"\n")
    }

    /// A name a spreadsheet would run as a formula is written with a leading quote mark; a
    /// number, negative or not, is written as it is.
    @Test func formulaLikeTextIsNeutralisedAndNumbersAreNot() {
        var csv = CSV(header: ["government", "value"])
        for name in ["=HYPERLINK(\"http://x\")", "+62 Kota", "-sum", "@cmd", "\tTab", "Kota Jambi"] {
            csv.appendRow([name, CSV.number(-12.75)])
        }
        csv.appendRow(["-3", "-inf"])
        #expect(
            csv.contents == "government,value\n\"'=HYPERLINK(\"\"http://x\"\")\",-12.75\n'+62 Kota,-12.75\n"
                + "'-sum,-12.75\n'@cmd,-12.75\n'\tTab,-12.75\nKota Jambi,-12.75\n-3,-inf\n")
    }

    @Test func numbersRoundTripAndMissingIsEmpty() {
        for value in [0.1, 1.0 / 3.0, 2.5e-7, -12.75, 1e300, 0.30000000000000004] {
            #expect(Double(CSV.number(value)) == value)
        }
        #expect(CSV.number(3) == "3")
        #expect(CSV.number(.nan) == "")
    }

    @Test func regionRowsCombineGovernmentsPerReplicate() async throws {
        var scenario = try EngineFixtures.scenario("jambi-province-2018")
        // 10 per month for the whole horizon, split between the first two governments.
        scenario.input.interventions.append(
            Intervention(
                lever: .training,
                targets: [
                    InterventionTarget(government: 0, agencies: [0]),
                    InterventionTarget(government: 1, agencies: [0]),
                ],
                intensity: 0.5, costPerMonth: 10))
        let result = try await MonteCarlo.run(input: scenario.input, replicates: 12, masterSeed: 5, threads: 2)
        let names = scenario.input.governments.map(\.name)
        let statistics = RunStatistics(result: result, governmentNames: names)
        let regionMeans = result.records.map { record in
            record.outcomes.map(\.finalSpbe).reduce(0, +) / Double(record.outcomes.count)
        }
        let region = try #require(statistics.summary("final_spbe", government: RunStatistics.regionName))
        #expect(abs(region.mean - regionMeans.reduce(0, +) / 12) < 1e-12)
        let costs = result.records.map { $0.outcomes.map(\.leverCost).reduce(0, +) }
        let regionCost = try #require(statistics.summary("lever_cost", government: RunStatistics.regionName))
        #expect(abs(regionCost.mean - costs.reduce(0, +) / 12) < 1e-9)
        #expect(abs(regionCost.mean - 10 * Double(scenario.input.months)) < 1e-9)
        #expect(statistics.summary("lever_cost", government: names[1])?.mean == 5 * Double(scenario.input.months))
        // Predicate shares of one government sum to one.
        let shares = SPBEPredicate.allCases.compactMap {
            statistics.summary("p_\($0.columnName)", government: names[0])?.mean
        }
        #expect(abs(shares.reduce(0, +) - 1) < 1e-12)
        // Month 0 of the series is the initial state.
        let first = try #require(
            statistics.series.first { $0.government == names[0] && $0.metric == "spbe" && $0.month == 0 })
        #expect(abs(first.summary.mean - 1.79) < 1e-9)
        #expect(
            statistics.series.filter { $0.government == names[0] && $0.metric == "spbe" }.count == scenario.input.months
                + 1)
    }
}

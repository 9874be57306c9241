import Foundation
import SinergiModel
import SinergiStats
import Testing

@testable import SinergiEngine

/// The time-series statistics of a run with many governments stay within a memory budget
/// (docs/statistics.md, "Memory"): the exact capacity of a series cell shrinks with the
/// number of cells, sketches hold one entry per non-empty bucket, and small scenarios keep
/// the capacity of 256, so their outputs do not change.
@Suite struct SeriesMemoryTests {
    /// `count` governments of one agency and one initiative each.
    static func manyGovernments(_ count: Int, months: Int) -> ModelInput {
        let governments = (0..<count).map { g in
            var portal = InitiativeSpec(name: "portal", partners: [0])
            portal.citizenFacing = true
            return GovernmentSpec(
                name: "Government \(g)", agencies: [AgencySpec(name: "Diskominfo", sector: "communication")],
                initiatives: [portal])
        }
        return ModelInput(months: months, governments: governments)
    }

    static func cells(_ accumulator: RunAccumulator) -> Int {
        accumulator.seriesNames.reduce(accumulator.regionSeriesNames.count * accumulator.layout.rows) {
            $0 + $1.count * accumulator.layout.rows
        }
    }

    @Test func capacityRule() {
        let budget = RunAccumulator.seriesExactBudget, floor = RunAccumulator.seriesExactFloor
        var previous = Int.max
        for cells in [1, 976, 11_712, 65_536, 65_537, 100_000, 524_288, 568_276, 2_000_000, 50_000_000] {
            let capacity = RunAccumulator.seriesExactCapacity(cells: cells)
            #expect((floor...256).contains(capacity))
            #expect(capacity <= previous, "never grows with the number of cells")
            #expect(capacity == floor || cells * capacity <= budget, "\(cells) cells")
            #expect(capacity == 256 || (cells * (capacity + 1) > budget), "the whole budget is used")
            previous = capacity
        }
        #expect(RunAccumulator.seriesExactCapacity(cells: 65_536) == 256)
        #expect(RunAccumulator.seriesExactCapacity(cells: 568_276) == floor)
    }

    /// The shipped regional scenarios keep 256 exact values per cell, so their timeseries.csv
    /// is what it was before the budget existed.
    @Test(arguments: ["classroom", "jambi-province-2018"])
    func smallScenariosKeepTheFullCapacity(_ name: String) throws {
        let input = try EngineFixtures.scenario(name).input
        let accumulator = RunAccumulator(
            layout: SeriesLayout(input: input), governmentNames: input.governments.map(\.name))
        #expect(accumulator.seriesCapacity == 256)
        #expect(RunRequest.fixedBatch(recordValues: SeriesLayout(input: input).count) == RunRequest.fixedBatch)
    }

    /// 1,200 governments over 6 months: 1,200 × 7 × 14 = 117,600 cells and the Region's 7 × 13, so each keeps
    /// 142 exact values (the budget's share) instead of 256. Past that, every cell moves into
    /// its sketch, which holds one entry per non-empty bucket: with values on a grid of 100
    /// points in [1, 5) (more distinct values than a cell keeps exactly), at most 100 per
    /// cell, however many replicates follow.
    @Test func manyGovernmentsStayWithinTheBudget() {
        let input = Self.manyGovernments(1_200, months: 6)
        let layout = SeriesLayout(input: input)
        let accumulator = RunAccumulator(layout: layout, governmentNames: input.governments.map(\.name))
        let cells = Self.cells(accumulator)
        #expect(cells == 1_200 * 7 * 14 + 7 * 13, "the governments' cells and the Region's")
        let capacity = accumulator.seriesCapacity
        #expect(capacity == RunAccumulator.seriesExactBudget / cells && capacity == 142)

        let stream = RandomStream(seed: 5)
        func fold(_ count: Int) {
            var records: [ReplicateRecord] = []
            for _ in 0..<count {
                var record = ReplicateRecord(governments: input.governments.count, seriesCount: layout.count)
                for i in record.series.indices { record.series[i] = 1 + Double(Int(stream.uniform() * 100)) / 25 }
                records.append(record)
            }
            accumulator.add(records)
        }
        fold(capacity)
        #expect(accumulator.retainedSeriesEntries == cells * capacity, "exact up to the capacity")
        #expect(accumulator.retainedSeriesEntries <= RunAccumulator.seriesExactBudget)
        fold(18)
        let sketched = accumulator.retainedSeriesEntries
        #expect(sketched <= cells * 100, "one entry per non-empty bucket")
        fold(40)
        #expect(accumulator.retainedSeriesEntries <= cells * 100)
        #expect(accumulator.retainedSeriesEntries >= sketched)
        let statistics = accumulator.statistics()
        #expect(statistics.series.count == cells)
        #expect(statistics.series.allSatisfy { $0.summary.count == 200 })
    }

    /// A run on a many-government input writes its capacity into the manifest and uses
    /// batches whose records fit the batch budget; its data do not depend on the thread
    /// count.
    @Test func manyGovernmentRunRecordsItsCapacity() async throws {
        let input = Self.manyGovernments(1_200, months: 6)
        let layout = SeriesLayout(input: input)
        let capacity = RunAccumulator.seriesExactCapacity(cells: 1_200 * 7 * 14 + 7 * 13)
        #expect(capacity < 256)
        let root = try EngineFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var hashes: [[String: String]] = []
        for threads in [1, 3] {
            let request = RunRequest(
                scenarioPath: "many.yaml", scenarioName: "Many", slug: "many", scenarioText: "", resolvedScenario: "",
                input: input, stopping: .fixed(replicates: 12), masterSeed: 9, threads: threads,
                outputRoot: root.appendingPathComponent("t\(threads)"))
            let outcome = try await Study.run(request)
            #expect(outcome.manifest.quantiles.contains("or \(capacity) values (time series"))
            #expect(outcome.manifest.stopping.batch == RunRequest.fixedBatch(recordValues: layout.count))
            hashes.append(outcome.manifest.files.filter { Study.dataFiles.contains($0.key) })
        }
        #expect(hashes[0] == hashes[1])
    }
}

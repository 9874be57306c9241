import Foundation
import SinergiClassroom
import SinergiModel
import SinergiScenario
import SinergiStats

/// Shared scenarios and helpers of the classroom tests.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func scenario(_ name: String) throws -> Scenario {
        try ScenarioLoader.load(path: packageRoot.appendingPathComponent("Scenarios/\(name)").path)
    }

    static func classroom() throws -> ClassroomScenario {
        try ClassroomScenario(scenario("classroom.yaml"))
    }

    /// The seed `sinergi run --seed master` gives its first replicate.
    static func firstReplicateSeed(_ master: UInt64) -> UInt64 {
        SeedDerivation.replicateSeed(master: master, designPoint: 0, replicate: 0)
    }

    /// One replicate of `input` through the batch simulator.
    static func simulate(_ input: ModelInput, replicateSeed: UInt64) throws -> (ReplicateRecord, SeriesLayout) {
        let simulator = Simulator(input: input)
        var record = simulator.makeRecord()
        try simulator.run(replicateSeed: replicateSeed, into: &record)
        return (record, simulator.layout)
    }

    /// Row `month` of government `g`'s series.
    static func row(_ record: ReplicateRecord, _ layout: SeriesLayout, government g: Int, month: Int) -> [Double] {
        let start = layout.offsets[g] + month * layout.widths[g]
        return Array(record.series[start..<start + layout.widths[g]])
    }

    /// Bit patterns, so that two equal runs compare equal even where a value is NaN.
    static func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

    /// The frames' values in series order (the metrics of the series and each initiative's progress).
    static func frameRow(_ frame: Frame, government g: Int) -> [Double] {
        let government = frame.governments[g]
        return [
            government.meanMaturity, government.spbe, government.meanTrust, government.meanCommitment,
            government.meanEffort, government.understanding, government.adoption, government.internetAccess,
        ]
            + government.initiatives.map(\.progress)
    }

    /// Which refusal a ``ClassroomError`` is, without its message.
    enum Refusal { case badRequest, notFound, conflict, other }

    /// Whether every frame of `frames` equals the simulator's run of `input` bit for bit.
    static func framesMatch(_ frames: [Frame], _ input: ModelInput, replicateSeed: UInt64) throws -> Bool {
        let (record, layout) = try simulate(input, replicateSeed: replicateSeed)
        for frame in frames {
            for g in input.governments.indices {
                let expected = row(record, layout, government: g, month: frame.month)
                if bits(frameRow(frame, government: g)) != bits(expected) { return false }
            }
        }
        return true
    }
}

extension ClassroomError {
    /// Which refusal this is, for tests that check the case and not the message.
    var refusal: Fixtures.Refusal {
        switch self {
        case .badRequest: return .badRequest
        case .notFound: return .notFound
        case .conflict: return .conflict
        }
    }
}

import SinergiModel

/// The completed replicates of one batch of a study: the same consecutive replicates of
/// every arm, in replicate order.
///
/// Replicate r has the same seed in every arm (common random numbers), so record i of one
/// arm and record i of another are a pair. A batch holds the requested range of replicates
/// unless the study was interrupted; then it holds the longest prefix that every arm
/// completed, so an interrupted study keeps exactly the data of a shorter one.
public struct StudyBatch: Sendable {
    /// The replicates the batch holds (every arm the same).
    public let replicates: Range<Int>
    /// The seed of each replicate, shared by every arm.
    public let seeds: [UInt64]
    /// recordsByArm[a][i]: replicate `replicates.lowerBound + i` of arm a.
    private let recordsByArm: [[ReplicateRecord]]

    init(replicates: Range<Int>, seeds: [UInt64], recordsByArm: [[ReplicateRecord]]) {
        precondition(seeds.count == replicates.count && recordsByArm.allSatisfy { $0.count == replicates.count })
        self.replicates = replicates
        self.seeds = seeds
        self.recordsByArm = recordsByArm
    }

    /// Number of replicates (per arm).
    public var count: Int { replicates.count }

    /// Number of arms.
    public var arms: Int { recordsByArm.count }

    /// The records of arm `a` (an index into the arms the batch was run with), in
    /// replicate order.
    public func records(arm a: Int) -> [ReplicateRecord] { recordsByArm[a] }
}

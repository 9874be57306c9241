/// The trajectories of a Morris elementary-effects screening (Morris 1991; Campolongo,
/// Cariboni & Saltelli 2007) in the unit cube, on a grid of p levels {0, 1/(p − 1), …, 1}.
///
/// Each trajectory is k + 1 points: a random start, then one factor at a time, in a random
/// order, moves by Δ = p / (2(p − 1)) up or down (a random direction per factor), so that
/// consecutive points give one elementary effect each. The start x* takes each coordinate
/// from the lower half of the grid {0, …, 1 − Δ}; a factor that moves down starts at
/// x*_i + Δ. This is SALib's `morris.sample` without optimal trajectories; trajectory t
/// holds rows t(k + 1) … t(k + 1) + k. Replicate r of every point of a trajectory should run
/// on the same seeds, so that an elementary effect is not the difference of two noises.
public struct MorrisSample: Sendable, Equatable {
    /// The number of factors k.
    public let factorCount: Int
    /// The number of trajectories r.
    public let trajectoryCount: Int
    /// The number of grid levels p (even).
    public let levels: Int
    /// Row-major coordinates on the grid, `rowCount · factorCount` of them.
    public let coordinates: ContiguousArray<Double>
    /// The factor that moves at step s of trajectory t, at `t · k + s`.
    public let movedFactors: [Int]
    /// Whether that factor moves up (+Δ) rather than down.
    public let movesUp: [Bool]

    /// `trajectories` random trajectories (≥ 2) of `factorCount` factors (≥ 2) on a grid of
    /// `levels` levels (even, ≥ 2), drawn from one stream seeded with `seed`.
    public init(factorCount: Int, trajectories: Int, levels: Int = 4, seed: UInt64) throws(SensitivityError) {
        guard factorCount >= 2 else { throw .tooFewFactors(factorCount) }
        guard trajectories >= 2 else { throw .tooFewTrajectories(trajectories) }
        guard levels >= 2, levels % 2 == 0 else { throw .levelsNotEven(levels) }
        let k = factorCount
        let stream = RandomStream(algorithm: .mt19937, seed: seed)
        func draw(_ count: Int) -> Int { min(Int(stream.uniform() * Double(count)), count - 1) }
        let step = levels / 2  // Δ in grid steps: Δ (p − 1) = p / 2
        let spacing = 1 / Double(levels - 1)
        var coordinates = ContiguousArray<Double>()
        coordinates.reserveCapacity(trajectories * (k + 1) * k)
        var movedFactors = [Int](), movesUp = [Bool]()
        for _ in 0..<trajectories {
            let start = (0..<k).map { _ in draw(step) }
            let up = (0..<k).map { _ in draw(2) == 1 }
            var order = Array(0..<k)
            for i in stride(from: k - 1, to: 0, by: -1) { order.swapAt(i, draw(i + 1)) }  // Fisher–Yates
            var level = (0..<k).map { up[$0] ? start[$0] : start[$0] + step }
            coordinates.append(contentsOf: level.map { Double($0) * spacing })
            for factor in order {
                level[factor] += up[factor] ? step : -step
                coordinates.append(contentsOf: level.map { Double($0) * spacing })
                movedFactors.append(factor)
                movesUp.append(up[factor])
            }
        }
        self.factorCount = factorCount
        self.trajectoryCount = trajectories
        self.levels = levels
        self.coordinates = coordinates
        self.movedFactors = movedFactors
        self.movesUp = movesUp
    }

    /// The step Δ = p / (2(p − 1)) of every move, in unit-cube units.
    public var delta: Double { Double(levels) / (2 * Double(levels - 1)) }

    /// Rows per trajectory, k + 1.
    public var rowsPerTrajectory: Int { factorCount + 1 }

    /// The number of rows, one model evaluation (of R replicates) each.
    public var rowCount: Int { trajectoryCount * rowsPerTrajectory }

    /// The coordinates of row `row`, k grid values in [0, 1].
    public func point(_ row: Int) -> [Double] {
        Array(coordinates[(row * factorCount)..<((row + 1) * factorCount)])
    }
}

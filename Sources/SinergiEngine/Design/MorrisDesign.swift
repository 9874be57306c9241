/// Morris's elementary-effects design (Morris 1991), as SALib's `morris.sample` without
/// trajectory optimisation or groups: r trajectories of k + 1 points on a p-level grid of
/// the unit hypercube, levels 0, 1/(p − 1), …, 1. A trajectory starts at a random base point
/// whose coordinates lie in the lower half of the grid, and moves one factor at a time, in
/// a random order, by Δ = p / (2(p − 1)) up or down (a random direction per factor), so
/// every factor moves exactly once. p must be even, so that every step stays on the grid.
///
/// Points r(k + 1) … r(k + 1) + k form trajectory r. Seeded: per trajectory, the base
/// levels (one draw per factor), the directions (one per factor), then the order (a
/// Fisher–Yates shuffle).
public struct MorrisDesign: DesignMethod {
    public static let name = "morris"

    /// r, the number of trajectories.
    public var trajectories: Int
    /// p, the number of grid levels (even).
    public var levels: Int
    public var seed: UInt64

    /// The grid levels when `--levels` is not given, as SALib's default.
    public static let defaultLevels = 4

    public init(trajectories: Int, levels: Int = defaultLevels, seed: UInt64) {
        self.trajectories = trajectories
        self.levels = levels
        self.seed = seed
    }

    public init(argument: String?, settings: DesignSettings) throws(DesignError) {
        if let argument { throw Self.failure("takes no ':\(argument)'") }
        guard let trajectories = settings.points else { throw Self.failure("needs --points R, the trajectories") }
        guard trajectories >= 1 else {
            throw Self.failure("--points (trajectories) must be at least 1, got \(trajectories)")
        }
        let levels = settings.levels ?? Self.defaultLevels
        guard levels >= 2, levels % 2 == 0 else {
            throw Self.failure(
                "--levels must be an even number ≥ 2 (steps of Δ stay on the grid only then), got \(levels)")
        }
        self.init(trajectories: trajectories, levels: levels, seed: settings.seed)
    }

    /// Δ = p / (2(p − 1)), the step in the unit hypercube.
    public var delta: Double { Double(levels) / Double(2 * (levels - 1)) }

    public func design(for factors: [Factor]) throws(DesignError) -> Design {
        guard !factors.isEmpty else { throw Self.failure("needs at least one --factor") }
        let k = factors.count
        let stream = Self.stream(seed: seed)
        let half = levels / 2
        let scale = Double(levels - 1)
        var units: [[Double]] = []
        units.reserveCapacity(trajectories * (k + 1))
        for _ in 0..<trajectories {
            let base = (0..<k).map { _ in Swift.min(half - 1, Int(stream.uniform() * Double(half))) }
            let up = (0..<k).map { _ in stream.uniform() < 0.5 }
            var order = Array(0..<k)
            for i in stride(from: k - 1, to: 0, by: -1) {
                order.swapAt(i, Swift.min(i, Int(stream.uniform() * Double(i + 1))))
            }
            // Grid levels as integers, so that every point is exactly on the grid.
            var level = (0..<k).map { up[$0] ? base[$0] : base[$0] + half }
            units.append(level.map { Double($0) / scale })
            for factor in order {
                level[factor] += up[factor] ? half : -half
                units.append(level.map { Double($0) / scale })
            }
        }
        let values = units.map { unit in zip(factors, unit).map { $0.value(atUnit: $1) } }
        return Design(method: Self.name, factors: factors, points: values, unitPoints: units)
    }
}

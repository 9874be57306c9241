/// The sizes and seed a design is made with (`--points`, `--levels`, `--seed`); each
/// design reads the ones it needs and says so when one is missing.
public struct DesignSettings: Sendable, Hashable {
    /// Points (lhs, sobol) or trajectories (morris).
    public var points: Int?
    /// Values per range factor (grid) or grid levels p (morris).
    public var levels: Int?
    /// The seed of a random design (lhs, morris); the simulation's master seed.
    public var seed: UInt64

    public init(points: Int? = nil, levels: Int? = nil, seed: UInt64 = 1) {
        self.points = points
        self.levels = levels
        self.seed = seed
    }
}

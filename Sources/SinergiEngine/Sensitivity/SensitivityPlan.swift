import SinergiStats

/// What `sinergi sensitivity` analyses and how: the method and its sample size, the
/// replicates, the outcomes, the bootstrap and the noise correction. Recorded in
/// manifest.json (`sensitivity`), so that `sinergi merge` can rebuild the sample of the
/// shards it joins and analyse the merged store the same way.
///
/// The sample is a function of the plan alone: Saltelli's sample of N base rows (no seed),
/// or r Morris trajectories on a p-level grid drawn from `seed`.
public struct SensitivityPlan: Codable, Sendable, Equatable {
    public enum Method: String, Codable, Sendable, CaseIterable {
        case morris
        case sobol
    }

    public var method: Method
    /// The factors' names (scenario paths, or x1 … xk of a test function), in column order.
    public var factors: [String]
    /// Sobol': base rows N (a power of two).
    public var samples: Int?
    /// Sobol': whether the sample holds the BA rows of the second-order indices.
    public var secondOrder: Bool
    /// Morris: trajectories r.
    public var trajectories: Int?
    /// Morris: grid levels p (even).
    public var levels: Int?
    /// Replicates R per sample point.
    public var replicates: Int
    /// The outcomes analysed (names of the outcome registry, or `y` for a test function).
    public var outcomes: [String]
    /// Bootstrap resamples B.
    public var bootstrap: Int
    /// The master seed: the replicate seeds, Morris's trajectories and the bootstrap.
    public var seed: UInt64
    /// Whether the Sobol' estimators subtract the seed's noise (R ≥ 2).
    public var noiseCorrection: Bool

    public init(
        method: Method, factors: [String], samples: Int? = nil, secondOrder: Bool = false, trajectories: Int? = nil,
        levels: Int? = nil, replicates: Int, outcomes: [String], bootstrap: Int = 1000, seed: UInt64,
        noiseCorrection: Bool = true
    ) {
        self.method = method
        self.factors = factors
        self.samples = samples
        self.secondOrder = secondOrder
        self.trajectories = trajectories
        self.levels = levels
        self.replicates = replicates
        self.outcomes = outcomes
        self.bootstrap = bootstrap
        self.seed = seed
        self.noiseCorrection = noiseCorrection
    }

    /// The default number of Morris grid levels (SALib's).
    public static let defaultLevels = 4

    /// The sample in the unit cube, checked: at least 2 factors, N a power of two, r ≥ 2,
    /// p even.
    public func sample() throws(SensitivityError) -> SensitivitySample {
        switch method {
        case .sobol:
            return .sobol(
                try SobolSample(factorCount: factors.count, baseRows: samples ?? 0, secondOrder: secondOrder))
        case .morris:
            return .morris(
                try MorrisSample(
                    factorCount: factors.count, trajectories: trajectories ?? 0, levels: levels ?? Self.defaultLevels,
                    seed: SeedDerivation.mix(seed)))
        }
    }

    /// The method in words, for the manifest and the report, e.g. "sobol, N = 64, 320 points".
    public var label: String {
        switch method {
        case .sobol:
            let n = samples ?? 0
            let k = factors.count
            let points = n * (secondOrder ? 2 * k + 2 : k + 2)
            return "sobol (Saltelli), N = \(n)\(secondOrder ? ", second order" : ""), \(points) points"
        case .morris:
            let r = trajectories ?? 0
            return
                "morris, r = \(r) trajectories, p = \(levels ?? Self.defaultLevels) levels, \(r * (factors.count + 1)) points"
        }
    }
}

/// A sensitivity sample of either method, with what the sweep needs of it.
public enum SensitivitySample: Sendable, Equatable {
    case sobol(SobolSample)
    case morris(MorrisSample)

    /// The number of sample points (model evaluations of R replicates each).
    public var rowCount: Int {
        switch self {
        case .sobol(let sample): return sample.rowCount
        case .morris(let sample): return sample.rowCount
        }
    }

    /// The coordinates of row `row` in the unit cube.
    public func point(_ row: Int) -> [Double] {
        switch self {
        case .sobol(let sample): return sample.point(row)
        case .morris(let sample): return sample.point(row)
        }
    }

    /// Consecutive rows that share their replicate seeds: a Sobol' base row (A_j, AB_j^(i),
    /// BA_j^(i), B_j) or a Morris trajectory. Row p runs on the seeds of design point
    /// ⌊p / seedBlock⌋ (docs/statistics.md, "Which replicates share seeds").
    public var seedBlock: Int {
        switch self {
        case .sobol(let sample): return sample.rowsPerBaseRow
        case .morris(let sample): return sample.rowsPerTrajectory
        }
    }

    /// The bootstrap units (base rows or trajectories) of the whole sample.
    public var units: Int { rowCount / seedBlock }
}

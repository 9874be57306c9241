/// A Latin hypercube of N points (McKay, Beckman & Conover 1979): each factor's unit
/// interval is cut into N equal strata and every stratum holds exactly one point, at a
/// uniform position inside it; the strata are matched across factors by independent random
/// permutations. As SALib's `latin.sample`: for each factor, one uniform per stratum, then
/// a shuffle. Seeded.
public struct LatinHypercubeDesign: DesignMethod {
    public static let name = "lhs"

    public var points: Int
    public var seed: UInt64

    public init(points: Int, seed: UInt64) {
        self.points = points
        self.seed = seed
    }

    public init(argument: String?, settings: DesignSettings) throws(DesignError) {
        if let argument { throw Self.failure("takes no ':\(argument)'") }
        guard let points = settings.points else { throw Self.failure("needs --points N") }
        guard points >= 1 else { throw Self.failure("--points must be at least 1, got \(points)") }
        self.init(points: points, seed: settings.seed)
    }

    public func design(for factors: [Factor]) throws(DesignError) -> Design {
        let stream = Self.stream(seed: seed)
        var units = [[Double]](repeating: [Double](repeating: 0, count: factors.count), count: points)
        for f in factors.indices {
            var column = (0..<points).map { (Double($0) + stream.uniform()) / Double(points) }
            // Fisher–Yates, from the last position down.
            for i in stride(from: points - 1, to: 0, by: -1) {
                let j = Swift.min(i, Int(stream.uniform() * Double(i + 1)))
                column.swapAt(i, j)
            }
            for p in 0..<points { units[p][f] = column[p] }
        }
        let values = units.map { unit in zip(factors, unit).map { $0.value(atUnit: $1) } }
        return Design(method: Self.name, factors: factors, points: values, unitPoints: units)
    }
}

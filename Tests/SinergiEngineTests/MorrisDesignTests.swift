import SinergiEngine
import Testing

@Suite struct MorrisDesignTests {
    static let factors = [
        try! Factor("parameters.trust.build=0:0.2"), try! Factor("parameters.trust.erode=0.1:0.5"),
        try! Factor("parameters.citizens.imitation=0.01:1,log"), try! Factor("months=12:60,integer"),
        try! Factor("parameters.trust.smallWin=0:1"),
    ]

    /// r trajectories of k + 1 points on the p-level grid: consecutive points of a
    /// trajectory differ in exactly one factor, by ±Δ, and every factor moves exactly once.
    @Test(arguments: [(4, 10), (6, 7), (2, 3)])
    func trajectoriesMoveEveryFactorOnceByDelta(_ levels: Int, _ r: Int) throws {
        let k = Self.factors.count
        let morris = MorrisDesign(trajectories: r, levels: levels, seed: 3)
        let design = try morris.design(for: Self.factors)
        #expect(design.count == r * (k + 1))
        let units = try #require(design.unitPoints)
        let delta = Double(levels) / Double(2 * (levels - 1))
        #expect(morris.delta == delta)
        for point in units {
            for u in point {
                let level = u * Double(levels - 1)
                #expect(abs(level - level.rounded()) < 1e-12 && (0...1).contains(u), "\(u) is on the grid")
            }
        }
        for t in 0..<r {
            var moved: [Int] = []
            for step in 1...k {
                let a = units[t * (k + 1) + step - 1], b = units[t * (k + 1) + step]
                let changed = (0..<k).filter { a[$0] != b[$0] }
                #expect(changed.count == 1, "trajectory \(t), step \(step)")
                if let f = changed.first {
                    #expect(abs(abs(b[f] - a[f]) - delta) < 1e-12)
                    moved.append(f)
                }
            }
            #expect(moved.sorted() == Array(0..<k), "trajectory \(t) moves every factor once")
        }
    }

    @Test func theSeedDecidesTheDesign() throws {
        let a = try MorrisDesign(trajectories: 6, seed: 9).design(for: Self.factors)
        let b = try MorrisDesign(trajectories: 6, seed: 9).design(for: Self.factors)
        let c = try MorrisDesign(trajectories: 6, seed: 10).design(for: Self.factors)
        #expect(a.points == b.points)
        #expect(a.points != c.points)
    }

    /// Over many trajectories the base levels, directions and orders all vary.
    @Test func startsDirectionsAndOrdersVary() throws {
        let k = Self.factors.count
        let units = try #require(
            try MorrisDesign(trajectories: 200, levels: 4, seed: 1).design(for: Self.factors).unitPoints)
        let starts = Set((0..<200).map { units[$0 * (k + 1)][0] })
        #expect(starts == [0, 1.0 / 3, 2.0 / 3, 1], "p = 4: factor 0 starts at every level")
        let firstMoved = Set(
            (0..<200).map { t in (0..<k).first { units[t * (k + 1)][$0] != units[t * (k + 1) + 1][$0] } })
        #expect(firstMoved.count == k, "every factor is sometimes moved first")
    }

    @Test func settingsAreChecked() throws {
        #expect(throws: DesignError.design("morris", problem: "needs --points R, the trajectories")) {
            try MorrisDesign(argument: nil, settings: DesignSettings())
        }
        #expect(throws: DesignError.self) {
            try MorrisDesign(argument: nil, settings: DesignSettings(points: 4, levels: 5))
        }
        #expect(try MorrisDesign(argument: nil, settings: DesignSettings(points: 4)).levels == 4)
    }
}

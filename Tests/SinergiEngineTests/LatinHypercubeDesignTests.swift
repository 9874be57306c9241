import SinergiEngine
import Testing

@Suite struct LatinHypercubeDesignTests {
    static let factors = [
        try! Factor("parameters.trust.build=0:0.2"), try! Factor("parameters.trust.erode=0.1:0.5"),
        try! Factor("parameters.citizens.imitation=0.01:1,log"),
    ]

    /// Each factor's N values fall one in each of N equal strata, in the unit cube and, for
    /// a linear range, in the factor's own range.
    @Test(arguments: [1, 7, 100])
    func everyStratumHoldsOnePoint(_ n: Int) throws {
        let design = try LatinHypercubeDesign(points: n, seed: 11).design(for: Self.factors)
        #expect(design.count == n)
        let units = try #require(design.unitPoints)
        for f in Self.factors.indices {
            let strata = units.map { Int($0[f] * Double(n)) }
            #expect(strata.sorted() == Array(0..<n), "factor \(f) in the unit cube")
        }
        for (f, (low, high)) in [(0, (0.0, 0.2)), (1, (0.1, 0.5))] {
            let strata = design.points.map { Swift.min(n - 1, Int(($0[f] - low) / (high - low) * Double(n))) }
            #expect(strata.sorted() == Array(0..<n), "factor \(f) in its range")
        }
    }

    @Test func theSameSeedGivesTheSameDesignAndAnotherSeedAnother() throws {
        let a = try LatinHypercubeDesign(points: 20, seed: 5).design(for: Self.factors)
        let b = try LatinHypercubeDesign(points: 20, seed: 5).design(for: Self.factors)
        let c = try LatinHypercubeDesign(points: 20, seed: 6).design(for: Self.factors)
        #expect(a.points == b.points)
        #expect(a.csv == b.csv)
        #expect(a.points != c.points)
    }

    @Test func theColumnsAreNotMatchedInOrder() throws {
        let design = try LatinHypercubeDesign(points: 50, seed: 1).design(for: Self.factors)
        let units = try #require(design.unitPoints)
        let first = units.map { Int($0[0] * 50) }, second = units.map { Int($0[1] * 50) }
        #expect(first != second, "independent permutations per factor")
        #expect(first != Array(0..<50))
    }

    @Test func pointsAreRequired() {
        #expect(throws: DesignError.design("lhs", problem: "needs --points N")) {
            try LatinHypercubeDesign(argument: nil, settings: DesignSettings())
        }
    }
}

import SinergiEngine
import Testing

@Suite struct GridDesignTests {
    @Test func theFullFactorialWithTheFirstFactorSlowest() throws {
        let factors = [
            try Factor("parameters.trust.build=0:0.2"), try Factor("months=12,24"),
            try Factor("parameters.trust.erode=0.1,0.2,0.3"),
        ]
        let design = try GridDesign(levels: 3).design(for: factors)
        #expect(design.count == 3 * 2 * 3)
        #expect(design.method == "grid")
        #expect(design.points[0] == [0, 12, 0.1])
        #expect(design.points[1] == [0, 12, 0.2])
        #expect(design.points[3] == [0, 24, 0.1])
        #expect(design.points[6] == [0.1, 12, 0.1])
        #expect(design.points.last == [0.2, 24, 0.3])
        #expect(Set(design.points.map { $0.map(\.bitPattern) }).count == design.count, "no point twice")
        for (f, expected) in [(0, [0, 0.1, 0.2]), (1, [12, 24]), (2, [0.1, 0.2, 0.3])] as [(Int, [Double])] {
            #expect(Set(design.points.map { $0[f] }) == Set(expected))
        }
    }

    @Test func levelsAreEvenlySpacedOrGeometricAndIntegersDoNotRepeat() throws {
        let linear = try GridDesign(levels: 5).design(for: [try Factor("parameters.trust.build=0:1")])
        #expect(linear.points.map { $0[0] } == [0, 0.25, 0.5, 0.75, 1])
        let log = try GridDesign(levels: 3).design(for: [try Factor("parameters.citizens.imitation=0.01:1,log")])
        #expect(log.points.map { $0[0] }.enumerated().allSatisfy { abs($1 - [0.01, 0.1, 1][$0]) < 1e-15 })
        let integer = try GridDesign(levels: 6).design(for: [try Factor("months=1:3,integer")])
        #expect(integer.points.map { $0[0] } == [1, 2, 3])
    }

    @Test func aRangeFactorNeedsLevels() throws {
        #expect(throws: DesignError.design("grid", problem: "needs --levels K for the range factor 'months'")) {
            try GridDesign(levels: nil).design(for: [try Factor("months=1:3,integer")])
        }
        #expect(try GridDesign(levels: nil).design(for: [try Factor("months=1,3")]).count == 2)
        #expect(throws: DesignError.design("grid", problem: "--levels must be at least 2 (LOW and HIGH), got 1")) {
            try GridDesign(argument: nil, settings: DesignSettings(levels: 1))
        }
    }

    @Test func aGridTooLargeIsRefused() throws {
        let factors = try (0..<7).map { _ in try Factor("parameters.trust.build=0:1") }
        #expect(throws: DesignError.self) { try GridDesign(levels: 10).design(for: factors) }
    }
}

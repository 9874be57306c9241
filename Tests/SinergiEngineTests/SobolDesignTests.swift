import SinergiEngine
import SinergiStats
import Testing

@Suite struct SobolDesignTests {
    /// The design's unit points are GSL's Sobol' sequence, which starts after the origin:
    /// (½, ½), (¾, ¼), (¼, ¾) in two dimensions; mapped to the ranges.
    @Test func theFirstPointsAreGSLsSequenceMappedToTheRanges() throws {
        let factors = [try Factor("parameters.trust.build=0:0.2"), try Factor("months=12:60,integer")]
        let design = try SobolDesign(points: 8).design(for: factors)
        #expect(design.count == 8)
        let units = try #require(design.unitPoints)
        #expect(Array(units.prefix(3)) == [[0.5, 0.5], [0.75, 0.25], [0.25, 0.75]])
        #expect(!units.contains([0, 0]), "no origin")
        #expect(design.points[0] == [0.1, 36])
        #expect(abs(design.points[1][0] - 0.15) < 1e-15)
        #expect(design.points[1][1] == 24)
        let sequence = try QuasiRandomSequence(dimensions: 2)
        #expect(units == (0..<8).map { _ in sequence.next() })
    }

    @Test(arguments: [
        (300, "--points must be a power of two, got 300; use 256 or 512"),
        (0, "--points must be a power of two, got 0; e.g. 256"),
        (3, "--points must be a power of two, got 3; use 2 or 4"),
    ])
    func pointsMustBeAPowerOfTwo(_ points: Int, _ message: String) {
        #expect(throws: DesignError.design("sobol", problem: message)) {
            try SobolDesign(argument: nil, settings: DesignSettings(points: points))
        }
    }

    @Test func powersOfTwoAreAccepted() throws {
        for points in [1, 2, 64, 1024] {
            #expect(try SobolDesign(argument: nil, settings: DesignSettings(points: points)).points == points)
        }
    }

    @Test func atMostFortyFactors() throws {
        let factors = try (0..<41).map { _ in try Factor("parameters.trust.build=0:1") }
        #expect(throws: DesignError.self) { try SobolDesign(points: 8).design(for: factors) }
        #expect(try SobolDesign(points: 8).design(for: Array(factors.prefix(40))).count == 8)
    }
}

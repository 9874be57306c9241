import SinergiStats
import Testing

@Suite("QuasiRandomSequence")
struct QuasiRandomSequenceTests {
    @Test("the first coordinate is van der Corput's base-2 sequence in Gray-code order")
    func firstDimension() throws {
        // Every Sobol' sequence's first coordinate: the Gray code of n, bits mirrored about the
        // binary point (Antonov & Saleev 1979). GSL starts at n = 1 (the origin is n = 0).
        func vanDerCorputGray(_ n: Int) -> Double {
            var gray = n ^ (n >> 1), value = 0.0, weight = 0.5
            while gray > 0 {
                if gray & 1 == 1 { value += weight }
                gray >>= 1
                weight /= 2
            }
            return value
        }
        let sequence = try QuasiRandomSequence(dimensions: 5)
        for n in 1...64 { #expect(sequence.next()[0] == vanDerCorputGray(n)) }
    }

    @Test(
        "with the origin in front, the first 2^m points put one value in each of 2^m equal intervals, in every coordinate"
    )
    func netProperty() throws {
        let dimensions = QuasiRandomSequence.maximumDimensions
        let sequence = try QuasiRandomSequence(dimensions: dimensions)
        let m = 8
        let points = [[Double](repeating: 0, count: dimensions)] + (1..<(1 << m)).map { _ in sequence.next() }
        for d in 0..<dimensions {
            let cells = Set(points.map { Int($0[d] * Double(1 << m)) })
            #expect(cells.count == 1 << m, "coordinate \(d)")
        }
        #expect(points.allSatisfy { $0.allSatisfy { (0..<1).contains($0) } })
    }

    @Test("reset starts again at the first point")
    func reset() throws {
        let sequence = try QuasiRandomSequence(dimensions: 3)
        let first = (0..<10).map { _ in sequence.next() }
        sequence.reset()
        #expect((0..<10).map { _ in sequence.next() } == first)
    }

    @Test("GSL's 40 dimensions are the limit: 0 and 41 are refused with a readable error")
    func dimensionLimit() {
        #expect(throws: QuasiRandomSequence.DimensionError(dimensions: 41)) { try QuasiRandomSequence(dimensions: 41) }
        #expect(throws: QuasiRandomSequence.DimensionError(dimensions: 0)) { try QuasiRandomSequence(dimensions: 0) }
        #expect("\(QuasiRandomSequence.DimensionError(dimensions: 41))".contains("1 to 40"))
    }
}

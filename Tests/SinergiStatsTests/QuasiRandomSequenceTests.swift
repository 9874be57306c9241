import SinergiStats
import Testing

/// GSL's Sobol' sequence through ``QuasiRandomSequence``.
@Suite struct QuasiRandomSequenceTests {
    /// The first points in two dimensions, as the GSL manual's example prints them
    /// ("Quasi-Random Sequences", qrng example): the origin is not among them.
    @Test func theFirstPointsAreGSLsSequence() {
        let sequence = QuasiRandomSequence(dimension: 2)
        let points = (0..<7).map { _ in sequence.next() }
        #expect(
            points == [
                [0.5, 0.5], [0.75, 0.25], [0.25, 0.75], [0.375, 0.375], [0.875, 0.875], [0.625, 0.125],
                [0.125, 0.625],
            ])
    }

    /// Sobol's sequence is a (0, m, 2)-net in base 2: the first 2^m points of the full
    /// sequence put exactly one point in each of the 2^m cells of every split of the square
    /// into 2^a × 2^b equal boxes with a + b = m. GSL omits the origin, so its first 2^m − 1
    /// points and the origin fill every box once.
    @Test(arguments: [4, 6, 8])
    func theFirstPowerOfTwoPointsFillEveryElementaryBoxOnce(_ m: Int) {
        let sequence = QuasiRandomSequence(dimension: 2)
        let points = [[0.0, 0.0]] + (1..<(1 << m)).map { _ in sequence.next() }
        for a in 0...m {
            var counts = [Int](repeating: 0, count: 1 << m)
            for point in points {
                let x = Int(point[0] * Double(1 << a)), y = Int(point[1] * Double(1 << (m - a)))
                counts[x * (1 << (m - a)) + y] += 1
            }
            #expect(counts.allSatisfy { $0 == 1 }, "boxes of 2^\(a) × 2^\(m - a)")
        }
    }

    @Test func everyCoordinateIsInTheUnitInterval() {
        let sequence = QuasiRandomSequence(dimension: QuasiRandomSequence.maximumDimension)
        #expect(QuasiRandomSequence.maximumDimension == 40)
        for _ in 0..<256 {
            let point = sequence.next()
            #expect(point.count == 40)
            #expect(point.allSatisfy { $0 > 0 && $0 < 1 })
        }
    }
}

import SinergiStats
import Testing

@Suite("SobolSample (Saltelli's scheme)")
struct SobolSampleTests {
    @Test("N(k + 2) rows, or N(2k + 2) with second order", arguments: [false, true])
    func rowCount(secondOrder: Bool) throws {
        let sample = try SobolSample(factorCount: 5, baseRows: 16, secondOrder: secondOrder)
        #expect(sample.rowCount == 16 * (secondOrder ? 12 : 7))
        #expect(sample.coordinates.count == sample.rowCount * 5)
    }

    @Test("each block is A, AB(1…k), BA(1…k), B, the mixed rows taking one coordinate from the other matrix")
    func blockLayout() throws {
        let k = 4
        let sample = try SobolSample(factorCount: k, baseRows: 32, secondOrder: true)
        for j in 0..<32 {
            let a = sample.point(j * (2 * k + 2)), b = sample.point(j * (2 * k + 2) + 2 * k + 1)
            #expect(sample.point(sample.row(.a, baseRow: j)) == a)
            #expect(sample.point(sample.row(.b, baseRow: j)) == b)
            for i in 0..<k {
                let ab = sample.point(j * (2 * k + 2) + 1 + i), ba = sample.point(j * (2 * k + 2) + 1 + k + i)
                #expect(ab == (0..<k).map { $0 == i ? b[$0] : a[$0] })
                #expect(ba == (0..<k).map { $0 == i ? a[$0] : b[$0] })
                #expect(sample.role(ofRow: sample.row(.ab(i), baseRow: j)) == (.ab(i), j))
                #expect(sample.role(ofRow: sample.row(.ba(i), baseRow: j)) == (.ba(i), j))
            }
            #expect(sample.role(ofRow: sample.row(.a, baseRow: j)) == (.a, j))
            #expect(sample.role(ofRow: sample.row(.b, baseRow: j)) == (.b, j))
        }
    }

    @Test("the base rows are the origin and then GSL's 2k-dimensional Sobol' points, split into A and B")
    func baseRowsAreTheSobolSequence() throws {
        let k = 3
        let sample = try SobolSample(factorCount: k, baseRows: 64)
        let sequence = try QuasiRandomSequence(dimensions: 2 * k)
        for j in 0..<64 {
            let base = j == 0 ? [Double](repeating: 0, count: 2 * k) : sequence.next()
            let a = sample.point(sample.row(.a, baseRow: j)), b = sample.point(sample.row(.b, baseRow: j))
            #expect(a + b == base)
        }
    }

    @Test("N must be a power of two, k at least 2 and at most 20")
    func badInput() {
        #expect(throws: SensitivityError.samplesNotPowerOfTwo(1000)) { try SobolSample(factorCount: 3, baseRows: 1000) }
        #expect(throws: SensitivityError.samplesNotPowerOfTwo(1)) { try SobolSample(factorCount: 3, baseRows: 1) }
        #expect(throws: SensitivityError.tooFewFactors(1)) { try SobolSample(factorCount: 1, baseRows: 8) }
        #expect(throws: SensitivityError.tooManyFactors(21, maximum: 20)) {
            try SobolSample(factorCount: 21, baseRows: 8)
        }
        #expect(throws: Never.self) { try SobolSample(factorCount: 20, baseRows: 8) }
    }
}

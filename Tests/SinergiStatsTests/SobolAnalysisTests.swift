import SinergiStats
import Testing

@Suite("Sobol' analysis against exact indices")
struct SobolAnalysisTests {
    /// Every estimate within its percentile interval and within simultaneous z standard
    /// errors of the exact value.
    func expectExact(_ rows: [(name: String, estimate: SensitivityEstimate, exact: Double)]) {
        let z = simultaneousZ(count: rows.count)
        print(describe(rows))
        for row in rows {
            #expect(intervalCovers(row.estimate, row.exact), "\(row.name) interval misses the exact \(row.exact)")
            #expect(withinErrors(row.estimate, row.exact, z: z), "\(row.name) beyond \(z) standard errors")
        }
    }

    @Test("Ishigami: S1, ST and S2 within their bootstrap intervals of the exact values")
    func ishigami() throws {
        let function = SensitivityTestFunction.ishigami
        let sample = try SobolSample(factorCount: 3, baseRows: 4096, secondOrder: true)
        let outputs = try function.outputs(points: points(of: sample), replicates: 1, seed: 1)
        let indices = try SobolAnalysis.analyze(
            sample, outputs: outputs, options: SobolOptions(bootstrapSeed: 7, noiseCorrection: false))
        expectExact(
            labelledIndices(
                indices, exactFirst: function.firstOrder, exactTotal: function.totalOrder,
                exactPair: function.secondOrder))
        #expect(indices.noiseShare == nil)
    }

    @Test("Sobol' G (a = 0, 1, 4.5, 9, 99, 99, 99, 99): S1, ST and S2 within their intervals")
    func gFunction() throws {
        let function = SensitivityTestFunction.gFunction
        let sample = try SobolSample(factorCount: 8, baseRows: 4096, secondOrder: true)
        let outputs = try function.outputs(points: points(of: sample), replicates: 1, seed: 1)
        let indices = try SobolAnalysis.analyze(
            sample, outputs: outputs,
            options: SobolOptions(bootstrapResamples: 500, bootstrapSeed: 7, noiseCorrection: false))
        expectExact(
            labelledIndices(
                indices, exactFirst: function.firstOrder, exactTotal: function.totalOrder,
                exactPair: function.secondOrder))
    }
}

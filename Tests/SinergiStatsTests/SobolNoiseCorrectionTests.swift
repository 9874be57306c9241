import SinergiStats
import Testing

@Suite("Sobol' analysis with seed noise")
struct SobolNoiseCorrectionTests {
    static let ishigami = Ishigami()

    /// Ishigami plus, at point p of base row j and replicate r, σ_c z_{j,r} + σ_i z_{p,r}: a part
    /// shared by every row of base row j in replicate r (common random numbers within the
    /// base row; with `acrossBaseRows` shared by every row of the sample) and a part of the
    /// point's own.
    static func crnIshigami(
        _ sample: SobolSample, replicates: Int, commonSD: Double, ownSD: Double, acrossBaseRows: Bool = false,
        seed: UInt64
    ) throws -> ReplicateOutputs {
        let stream = RandomStream(seed: seed)
        let shared = (0..<(sample.baseRows * replicates)).map { _ in GSLMath.gaussianQuantile(stream.uniform(), 1) }
        var values: [Double] = []
        for p in 0..<sample.rowCount {
            let f = ishigami.value(unit: sample.point(p))
            let j = acrossBaseRows ? 0 : sample.role(ofRow: p).baseRow
            for r in 0..<replicates {
                let own = ownSD > 0 ? GSLMath.gaussianQuantile(stream.uniform(), ownSD) : 0
                values.append(f + commonSD * shared[j * replicates + r] + own)
            }
        }
        return try ReplicateOutputs(pointCount: sample.rowCount, replicateCount: replicates, values: values)
    }

    @Test(
        "noisy Ishigami, R = 2: naive indices hit the biased values the derivation predicts and miss the exact ones; corrected ones hit the exact ones"
    )
    func noisyIshigami() throws {
        let function = SensitivityTestFunction.noisyIshigami
        let r = 2, noise = NoisyIshigami().noiseVariance
        let sample = try SobolSample(factorCount: 3, baseRows: 8192)
        let outputs = try function.outputs(points: points(of: sample), replicates: r, seed: 2024)
        let naive = try SobolAnalysis.analyze(
            sample, outputs: outputs,
            options: SobolOptions(bootstrapResamples: 500, bootstrapSeed: 1, noiseCorrection: false))
        let corrected = try SobolAnalysis.analyze(
            sample, outputs: outputs, options: SobolOptions(bootstrapResamples: 500, bootstrapSeed: 1))

        // Noise independent between points adds σ²/R to V and to Jansen's numerator and
        // nothing to Saltelli's first-order numerator (docs/statistics.md).
        let v = Self.ishigami.variance, inflation = noise / Double(r)
        let predictedFirst = function.firstOrder.map { $0 * v / (v + inflation) }
        let predictedTotal = function.totalOrder.map { ($0 * v + inflation) / (v + inflation) }
        let predicted = labelledIndices(naive, exactFirst: predictedFirst, exactTotal: predictedTotal) { _, _ in 0 }
        let z = simultaneousZ(count: predicted.count)
        print("naive against the predicted bias:\n" + describe(predicted))
        for row in predicted {
            #expect(intervalCovers(row.estimate, row.exact), "naive \(row.name) misses its predicted value")
            #expect(withinErrors(row.estimate, row.exact, z: z), "naive \(row.name) beyond \(z) SE of its prediction")
        }
        // Where the predicted bias is not 0 (all but S1 of x3), the naive interval misses.
        let naiveRows = labelledIndices(
            naive, exactFirst: function.firstOrder, exactTotal: function.totalOrder, exactPair: function.secondOrder)
        for row in naiveRows where row.name != "S1[2]" {
            #expect(!intervalCovers(row.estimate, row.exact), "naive \(row.name) should miss the exact \(row.exact)")
        }

        let exact = labelledIndices(
            corrected, exactFirst: function.firstOrder, exactTotal: function.totalOrder, exactPair: function.secondOrder
        )
        print("corrected:\n" + describe(exact))
        let zExact = simultaneousZ(count: exact.count + 1)
        for row in exact {
            #expect(intervalCovers(row.estimate, row.exact), "corrected \(row.name) misses the exact \(row.exact)")
            #expect(withinErrors(row.estimate, row.exact, z: zExact), "corrected \(row.name) beyond \(zExact) SE")
        }
        let share = try #require(corrected.noiseShare)
        print("noise share \(share), exact \(function.noiseShare)")
        #expect(intervalCovers(share, function.noiseShare))
        #expect(withinErrors(share, function.noiseShare, z: zExact))
    }

    @Test(
        "common random numbers within a base row: the shared noise is not subtracted from Jansen's differences, only the points' own"
    )
    func commonRandomNumbers() throws {
        // σ_c² = 9 shared by the rows of a base row cancels from A − AB and AB − A but not
        // from V (base rows have their own seeds); σ_i² = 1 is each point's own. Subtracting
        // the whole within-point variance mean(s²)/R (≈ 10/R) from Jansen's numerator too
        // would remove 9/R too many there.
        let r = 3, commonSD = 3.0, ownSD = 1.0
        let sample = try SobolSample(factorCount: 3, baseRows: 8192, secondOrder: true)
        let outputs = try Self.crnIshigami(sample, replicates: r, commonSD: commonSD, ownSD: ownSD, seed: 77)
        let corrected = try SobolAnalysis.analyze(
            sample, outputs: outputs, options: SobolOptions(bootstrapResamples: 500, bootstrapSeed: 2))
        let function = SensitivityTestFunction.ishigami
        let rows = labelledIndices(
            corrected, exactFirst: function.firstOrder, exactTotal: function.totalOrder, exactPair: function.secondOrder
        )
        print("corrected, common random numbers within base rows:\n" + describe(rows))
        let z = simultaneousZ(count: rows.count + 2)
        for row in rows {
            #expect(intervalCovers(row.estimate, row.exact), "\(row.name) misses the exact \(row.exact)")
            #expect(withinErrors(row.estimate, row.exact, z: z), "\(row.name) beyond \(z) SE")
        }
        let v = Self.ishigami.variance, noise = commonSD * commonSD + ownSD * ownSD
        #expect(intervalCovers(corrected.variance, v), "V \(corrected.variance), exact \(v)")
        let share = try #require(corrected.noiseShare)
        print("noise share \(share), exact \(noise / (v + noise))")
        #expect(intervalCovers(share, noise / (v + noise)))
        #expect(withinErrors(share, noise / (v + noise), z: z))

        let naive = try SobolAnalysis.analyze(
            sample, outputs: outputs,
            options: SobolOptions(bootstrapResamples: 500, bootstrapSeed: 2, noiseCorrection: false))
        let within = try #require(corrected.withinPointVariance)
        let naiveV = naive.variance.estimate
        for i in 0..<3 {
            let subtractingAll =
                (naive.totalOrder[i].estimate * naiveV - within / Double(r)) / (naiveV - within / Double(r))
            print("ST[\(i)] subtracting mean(s²)/R everywhere: \(subtractingAll)")
            #expect(!intervalCovers(corrected.totalOrder[i], subtractingAll))
        }
    }

    @Test("noise common to every point only shifts the output: every index equals the noise-free one")
    func purelyCommonNoise() throws {
        let sample = try SobolSample(factorCount: 3, baseRows: 512, secondOrder: true)
        let noisy = try Self.crnIshigami(sample, replicates: 4, commonSD: 2, ownSD: 0, acrossBaseRows: true, seed: 5)
        let clean = try SensitivityTestFunction.ishigami.outputs(points: points(of: sample), replicates: 1, seed: 0)
        let options = SobolOptions(bootstrapResamples: 50, bootstrapSeed: 3, noiseCorrection: false)
        let reference = try SobolAnalysis.analyze(sample, outputs: clean, options: options)
        for correction in [false, true] {
            var withNoise = options
            withNoise.noiseCorrection = correction
            let indices = try SobolAnalysis.analyze(sample, outputs: noisy, options: withNoise)
            let pairs = zip(indices.firstOrder + indices.totalOrder, reference.firstOrder + reference.totalOrder)
            for (a, b) in pairs { #expect(abs(a.estimate - b.estimate) <= 1e-9, "correction \(correction)") }
            for (a, b) in zip(indices.secondOrder, reference.secondOrder) {
                #expect(abs(a.index.estimate - b.index.estimate) <= 1e-9, "correction \(correction)")
            }
        }
    }

    @Test("a convergence step on the first n base rows is the analysis of an n-row sample")
    func prefix() throws {
        let big = try SobolSample(factorCount: 3, baseRows: 256, secondOrder: true)
        let small = try SobolSample(factorCount: 3, baseRows: 64, secondOrder: true)
        let function = SensitivityTestFunction.noisyIshigami
        let outputs = try function.outputs(points: points(of: big), replicates: 2, seed: 8)
        let options = SobolOptions(bootstrapResamples: 100, bootstrapSeed: 4)
        let step = try SobolAnalysis.analyze(big, outputs: outputs, options: options, baseRows: 64)
        let alone = try SobolAnalysis.analyze(
            small, outputs: function.outputs(points: points(of: small), replicates: 2, seed: 8), options: options)
        #expect(step == alone)
        #expect(step.baseRows == 64)
    }

    @Test("bad input: R = 1 with noise correction, outputs of another sample, a missing output, a bad prefix")
    func badInput() throws {
        let sample = try SobolSample(factorCount: 2, baseRows: 8)
        let one = try ReplicateOutputs(means: [Double](repeating: 1, count: 32))
        #expect(throws: SensitivityError.noiseCorrectionNeedsReplicates(1)) {
            try SobolAnalysis.analyze(sample, outputs: one)
        }
        let short = try ReplicateOutputs(means: [Double](repeating: 1, count: 31))
        #expect(throws: SensitivityError.outputCountMismatch(points: 31, expected: 32)) {
            try SobolAnalysis.analyze(sample, outputs: short, options: SobolOptions(noiseCorrection: false))
        }
        #expect(throws: SensitivityError.nonFiniteOutput(point: 3, replicate: 1)) {
            try ReplicateOutputs(pointCount: 4, replicateCount: 2, values: [0, 0, 0, 0, 0, 0, 0, .nan])
        }
        #expect(throws: SensitivityError.prefixOutOfRange(1, available: 8)) {
            try SobolAnalysis.analyze(sample, outputs: one, options: SobolOptions(noiseCorrection: false), baseRows: 1)
        }
        for error in [
            SensitivityError.noiseCorrectionNeedsReplicates(1), .samplesNotPowerOfTwo(1000), .tooFewFactors(1),
        ] {
            #expect(!"\(error)".contains("\n"))
        }
    }
}

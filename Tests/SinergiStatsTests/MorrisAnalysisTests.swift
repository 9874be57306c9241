import SinergiStats
import Testing

@Suite("Morris analysis")
struct MorrisAnalysisTests {
    @Test("a linear function: μ = c (hi − lo), μ* = |c| (hi − lo), σ = 0 for every factor")
    func linear() throws {
        // f = Σ c_i x_i with x_i = lo_i + u_i (hi_i − lo_i): a step Δ in u changes f by
        // c_i (hi_i − lo_i) Δ, so every elementary effect is c_i (hi_i − lo_i).
        let coefficients = [2.0, -3.0, 0.5, 0.0]
        let ranges: [ClosedRange<Double>] = [0...1, -2...2, 10...30, 0...5]
        let sample = try MorrisSample(factorCount: 4, trajectories: 25, levels: 6, seed: 4)
        let values = points(of: sample).map { u in
            zip(zip(coefficients, ranges), u).reduce(0.0) { sum, term in
                let ((c, range), x) = term
                return sum + c * (range.lowerBound + x * (range.upperBound - range.lowerBound))
            }
        }
        let indices = try MorrisAnalysis.analyze(sample, outputs: ReplicateOutputs(means: values))
        for i in 0..<4 {
            let effect = coefficients[i] * (ranges[i].upperBound - ranges[i].lowerBound)
            #expect(abs(indices.mu[i].estimate - effect) <= 1e-9 * max(1, abs(effect)))
            #expect(abs(indices.muStar[i].estimate - abs(effect)) <= 1e-9 * max(1, abs(effect)))
            #expect(indices.sigma[i].estimate <= 1e-9 * max(1, abs(effect)))
            #expect(indices.muStar[i].ci95High - indices.muStar[i].ci95Low <= 1e-9 * max(1, abs(effect)))
        }
        #expect(indices.noiseShare == nil)
    }

    @Test("Sobol' G: μ* ranks the factors by their coefficients, and σ > 0 where they interact")
    func gFunctionRanking() throws {
        let sample = try MorrisSample(factorCount: 8, trajectories: 200, levels: 4, seed: 8)
        let outputs = try SensitivityTestFunction.gFunction.outputs(points: points(of: sample), replicates: 1, seed: 1)
        let indices = try MorrisAnalysis.analyze(sample, outputs: outputs)
        let muStar = indices.muStar.map(\.estimate)
        // a = 0 < 1 < 4.5 < 9 < 99: strictly decreasing importance, the four a = 99 last.
        #expect(muStar[0] > muStar[1] && muStar[1] > muStar[2] && muStar[2] > muStar[3])
        #expect(muStar[3] > muStar[4...].max()!)
        #expect(indices.sigma[0].estimate > 0)
    }

    @Test("replicates: the noise share is reported over the trajectory points, and is 0 without noise")
    func noiseShare() throws {
        let sample = try MorrisSample(factorCount: 3, trajectories: 200, levels: 4, seed: 2)
        let noisy = try SensitivityTestFunction.noisyIshigami.outputs(
            points: points(of: sample), replicates: 4, seed: 3)
        let share = try #require(try MorrisAnalysis.analyze(sample, outputs: noisy).noiseShare)
        // On the 4-level grid Ishigami's variance is not V(f) on the continuous cube, so the
        // exact share is that of the grid: σ² / (V_grid + σ²), V_grid by enumerating 4³ points.
        let grid = (0..<64).map { n in [n % 4, (n / 4) % 4, n / 16].map { Double($0) / 3 } }
        let values = grid.map { Ishigami().value(unit: $0) }
        let mean = values.reduce(0, +) / 64
        let gridVariance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 64
        let exact = 4 / (gridVariance + 4)
        #expect(intervalCovers(share, exact), "\(share), exact on the grid \(exact)")
        let clean = try SensitivityTestFunction.ishigami.outputs(points: points(of: sample), replicates: 2, seed: 3)
        #expect(try MorrisAnalysis.analyze(sample, outputs: clean).noiseShare?.estimate == 0)
    }

    @Test("bad input: outputs of another sample, a prefix beyond the trajectories, one resample")
    func badInput() throws {
        let sample = try MorrisSample(factorCount: 3, trajectories: 10, seed: 1)
        let short = try ReplicateOutputs(means: [Double](repeating: 0, count: 39))
        #expect(throws: SensitivityError.outputCountMismatch(points: 39, expected: 40)) {
            try MorrisAnalysis.analyze(sample, outputs: short)
        }
        let outputs = try ReplicateOutputs(means: (0..<40).map(Double.init))
        #expect(throws: SensitivityError.prefixOutOfRange(11, available: 10)) {
            try MorrisAnalysis.analyze(sample, outputs: outputs, trajectories: 11)
        }
        #expect(throws: SensitivityError.tooFewResamples(1)) {
            try MorrisAnalysis.analyze(sample, outputs: outputs, options: MorrisOptions(bootstrapResamples: 1))
        }
    }
}

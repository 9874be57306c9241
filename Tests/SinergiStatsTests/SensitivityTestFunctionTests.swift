import Foundation
import SinergiStats
import Testing

@Suite("Sensitivity test functions")
struct SensitivityTestFunctionTests {
    @Test("Ishigami's exact indices are the published ones (Saltelli et al. 2008, to 4 decimals)")
    func ishigamiPublished() {
        let function = SensitivityTestFunction.ishigami
        let first = [0.3139, 0.4424, 0], total = [0.5576, 0.4424, 0.2437]
        for i in 0..<3 {
            #expect(abs(function.firstOrder[i] - first[i]) < 0.5e-4)
            #expect(abs(function.totalOrder[i] - total[i]) < 0.5e-4)
        }
        #expect(abs(function.secondOrder(0, 2) - (total[0] - first[0])) < 1e-4)
        #expect(function.secondOrder(0, 1) == 0 && function.secondOrder(1, 2) == 0)
    }

    /// ∫₀¹ g(x) dx by the composite midpoint rule on 2¹⁸ cells; g here is smooth but for
    /// one kink at a cell boundary, so the rule's error is far below the checks' tolerance.
    func integrate(_ g: (Double) -> Double) -> Double {
        let cells = 1 << 18
        var sum = 0.0
        for c in 0..<cells { sum += g((Double(c) + 0.5) / Double(cells)) }
        return sum / Double(cells)
    }

    @Test("Ishigami's V and V₁ agree with one-dimensional quadrature of the formula")
    func ishigamiByQuadrature() {
        // With x uniform on [−π, π]: V₁ = Var(E[f | x₁]) where E[f | x₁] = sin x₁ (1 + b E[x₃⁴]) + a E[sin² x₂].
        let ishigami = Ishigami()
        let x = { (u: Double) in -Double.pi + 2 * Double.pi * u }
        let m4 = integrate { pow(x($0), 4) }
        let s2 = integrate { sin(x($0)) * sin(x($0)) }
        let conditional = { (u: Double) in sin(x(u)) * (1 + ishigami.b * m4) + ishigami.a * s2 }
        let mean = integrate(conditional)
        let v1 = integrate { (conditional($0) - mean) * (conditional($0) - mean) }
        #expect(abs(v1 / ishigami.variance - ishigami.firstOrder[0]) < 1e-9)
        let v2 = ishigami.a * ishigami.a * (integrate { pow(sin(x($0)), 4) } - s2 * s2)
        #expect(abs(v2 / ishigami.variance - ishigami.firstOrder[1]) < 1e-9)
    }

    @Test("Sobol' G: each factor's partial variance is the variance of its term, by quadrature")
    func gByQuadrature() {
        let g = SobolGFunction()
        var product = 1.0
        for a in g.coefficients {
            let term = { (x: Double) in (abs(4 * x - 2) + a) / (1 + a) }
            #expect(abs(integrate(term) - 1) < 1e-9)  // every term has mean 1
            let variance = integrate { (term($0) - 1) * (term($0) - 1) }
            product *= 1 + variance
        }
        #expect(abs((product - 1) - g.variance) < 1e-9)
        let s1 = g.firstOrder, st = g.totalOrder
        #expect(s1.indices.allSatisfy { st[$0] > s1[$0] })  // every factor interacts
    }

    @Test("the noise-free functions give every replicate the same value; noisy Ishigami's noise has variance 4")
    func replicates() throws {
        let points: [[Double]] = (0..<2000).map { (n: Int) -> [Double] in
            [Double(n % 10) / 10, Double(n % 7) / 7, Double(n % 13) / 13]
        }
        let clean = try SensitivityTestFunction.ishigami.outputs(points: points, replicates: 3, seed: 1)
        for p in 0..<points.count { #expect(clean[p, 0] == clean[p, 1] && clean[p, 1] == clean[p, 2]) }
        let noisy = try SensitivityTestFunction.noisyIshigami.outputs(points: points, replicates: 3, seed: 1)
        var noise: [Double] = []
        for p in 0..<points.count {
            for r in 0..<3 { noise.append(noisy[p, r] - clean[p, r]) }
        }
        let summary = Summary(noise)
        let variance = summary.standardDeviation * summary.standardDeviation
        // The sample variance of n normal draws has SE σ²√(2/(n − 1)).
        let se = 4 * (2 / Double(noise.count - 1)).squareRoot()
        #expect(abs(variance - 4) <= 4 * se)
        #expect(abs(summary.mean) <= 4 * (4 / Double(noise.count)).squareRoot())
        let again = try SensitivityTestFunction.noisyIshigami.outputs(points: points, replicates: 3, seed: 1)
        #expect(again == noisy)
    }

    @Test("names as the command line spells them")
    func names() {
        #expect(SensitivityTestFunction.allCases.map(\.rawValue) == ["ishigami", "g-function", "noisy-ishigami"])
        #expect(SensitivityTestFunction.gFunction.factorCount == 8)
    }
}

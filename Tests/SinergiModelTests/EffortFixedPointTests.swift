import Testing

@testable import SinergiModel

/// MODEL.md §7 property 5: with C pinned, no resource cap and no switching, the mean
/// delivered effort of a large government converges to the fixed point of
/// ē = π_p·C + π_c·C·[λ_c + (1 − λ_c)·min(1, g·ē/ē_ref)] + π_s·C·(ε + φ·I).
@Suite struct EffortFixedPointTests {
    static let commitment = 0.6
    static let mandate = 0.5
    static let months = 30

    /// A government of `n` agencies without initiatives and no election within the horizon;
    /// with `shares` the motivation types are fixed (the first π_p·n prosocial, the next
    /// π_c·n conditional, the rest selfish); without, they are drawn.
    static func input(n: Int, shares: (prosocial: Int, conditional: Int)?, reference: Double?) -> ModelInput {
        var agencies = (0..<n).map { AgencySpec(name: "opd-\($0)", sector: "sector") }
        if let shares {
            for i in 0..<n {
                agencies[i].motivation =
                    i < shares.prosocial
                    ? .prosocial
                    : i < shares.prosocial + shares.conditional ? .conditional : .selfish
            }
        }
        var government = GovernmentSpec(name: "Large", agencies: agencies)
        government.mandate = .constant(mandate)
        var input = ModelInput(months: months, governments: [government])
        input.parameters.politics.firstElection = months + 1  // no election: I stays I
        if let reference { input.parameters.effort.reference = reference }
        input.testHooks.pinnedCommitment = commitment
        input.testHooks.noResourceCap = true
        input.testHooks.noSwitching = true
        return input
    }

    /// The fixed point solved here by bisection on f(ē) − ē over [0, 1]; requires exactly
    /// one sign change on a fine grid so the root is the unique fixed point.
    static func fixedPoint(
        prosocial pp: Double, conditional pc: Double, selfish ps: Double,
        parameters: ModelParameters.Effort
    ) -> Double {
        let c = commitment
        func f(_ e: Double) -> Double {
            pp * c
                + pc * c
                * (parameters.conditionalFloor
                    + (1 - parameters.conditionalFloor) * min(1, parameters.reciprocity * e / parameters.reference))
                + ps * c * (parameters.selfishBase + parameters.mandateCompliance * mandate)
        }
        let grid = (0...1000).map { Double($0) / 1000 }
        let signChanges = zip(grid, grid.dropFirst()).filter { (f($0) - $0 > 0) != (f($1) - $1 > 0) }.count
        precondition(signChanges == 1, "the fixed point is not unique")
        var low = 0.0, high = 1.0
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if f(middle) - middle > 0 { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    static func meanEffortSeries(_ input: ModelInput, seed: UInt64) throws -> [Double] {
        try monthlySeries(.meanEffort, input, seed: seed)
    }

    /// ē₋ᵢ differs from ē by at most 1/(n − 1); that bounds the finite-n bias, so the
    /// tolerance is 1/(n − 1) (1e-3 for n = 1,001).
    static let n = 1_001

    /// Default ē_ref = 0.2: g·ē*/ē_ref > 1, conditional cooperators saturate, and
    /// ē* = C·(π_p + π_c + π_s·(ε + φI)).
    @Test func convergesWithSaturatingReciprocity() throws {
        let input = Self.input(n: Self.n, shares: (141, 530), reference: nil)
        let (pp, pc, ps) = (141.0 / 1001, 530.0 / 1001, 330.0 / 1001)
        let expected = Self.fixedPoint(prosocial: pp, conditional: pc, selfish: ps, parameters: input.parameters.effort)
        // Saturated: the closed form of the saturated branch.
        #expect(abs(expected - Self.commitment * (pp + pc + ps * (0.1 + 0.2 * Self.mandate))) <= 1e-12)
        #expect(0.9 * expected / 0.2 > 1)
        let series = try Self.meanEffortSeries(input, seed: 11)
        let tolerance = 1.0 / Double(Self.n - 1)
        for t in 12..<Self.months {
            #expect(abs(series[t] - expected) <= tolerance, "month \(t): ē = \(series[t]), ē* = \(expected)")
        }
    }

    /// ē_ref = 1: g·ē < 1, the min never saturates; the map is linear with slope
    /// b = π_c·C·(1 − λ_c)·g ≈ 0.23, so from ē = 0.5 it converges geometrically.
    @Test func convergesWithoutSaturation() throws {
        let input = Self.input(n: Self.n, shares: (141, 530), reference: 1)
        let (pp, pc, ps) = (141.0 / 1001, 530.0 / 1001, 330.0 / 1001)
        let expected = Self.fixedPoint(prosocial: pp, conditional: pc, selfish: ps, parameters: input.parameters.effort)
        let c = Self.commitment
        let a = c * (pp + pc * 0.2 + ps * (0.1 + 0.2 * Self.mandate)), b = pc * c * 0.8 * 0.9
        #expect(abs(expected - a / (1 - b)) <= 1e-12)
        #expect(0.9 * expected < 1)
        let series = try Self.meanEffortSeries(input, seed: 11)
        // Month 0 starts from ē₋ᵢ = 0.5, not the fixed point: the path must move to it.
        #expect(abs(series[0] - expected) > 0.01)
        let tolerance = 1.0 / Double(Self.n - 1)
        for t in 12..<Self.months {
            #expect(abs(series[t] - expected) <= tolerance, "month \(t): ē = \(series[t]), ē* = \(expected)")
        }
    }

    /// Drawn motivation types: the fixed point with the realised shares of the replicate.
    @Test func convergesWithRealisedShares() throws {
        let input = Self.input(n: Self.n, shares: nil, reference: 1)
        let driver = Driver(input)
        var last = 0.0
        _ = try driver.run(seed: 2024) { _, _, after in last = agencyMean(after.effort, Self.n) }
        var counts = [0, 0, 0]
        for i in 0..<Self.n { counts[Int(driver.state.motivation[i].rawValue)] += 1 }
        let shares = counts.map { Double($0) / Double(Self.n) }
        // The draws follow 0.14/0.53/0.33 (binomial SE ≤ 0.016 at n = 1,001; 4 SE).
        for (share, expected) in zip(shares, [0.14, 0.53, 0.33]) {
            #expect(abs(share - expected) <= 4 * (expected * (1 - expected) / Double(Self.n)).squareRoot())
        }
        let expected = Self.fixedPoint(
            prosocial: shares[0], conditional: shares[1], selfish: shares[2],
            parameters: input.parameters.effort)
        #expect(abs(last - expected) <= 1.0 / Double(Self.n - 1), "ē = \(last), ē* = \(expected)")
    }
}

import SinergiStats
import Testing

@Suite("MorrisSample")
struct MorrisSampleTests {
    @Test("each trajectory moves every factor once by ±Δ along the p-level grid", arguments: [2, 4, 6, 10])
    func trajectories(levels: Int) throws {
        let k = 5
        let sample = try MorrisSample(factorCount: k, trajectories: 40, levels: levels, seed: 9)
        let delta = Double(levels) / (2 * Double(levels - 1))
        #expect(sample.delta == delta)
        #expect(sample.rowCount == 40 * (k + 1))
        let grid = (0..<levels).map { Double($0) / Double(levels - 1) }
        for t in 0..<40 {
            var moved = Set<Int>()
            for s in 0..<k {
                let before = sample.point(t * (k + 1) + s), after = sample.point(t * (k + 1) + s + 1)
                let changed = (0..<k).filter { before[$0] != after[$0] }
                #expect(changed.count == 1)
                guard let factor = changed.first else { continue }
                #expect(factor == sample.movedFactors[t * k + s])
                let step = after[factor] - before[factor]
                #expect(abs(abs(step) - delta) < 1e-12)
                #expect((step > 0) == sample.movesUp[t * k + s])
                moved.insert(factor)
            }
            #expect(moved == Set(0..<k))
            for s in 0...k {
                #expect(sample.point(t * (k + 1) + s).allSatisfy { x in grid.contains { abs($0 - x) < 1e-12 } })
            }
        }
    }

    @Test("every grid level is visited equally often in the long run (each factor's levels are uniform)")
    func levelsAreBalanced() throws {
        // With p = 4 each level of a factor has probability 1/4 at a trajectory point: the start
        // x* is uniform on the lower half, a move adds Δ = 2 steps, and the direction is a coin.
        let k = 3, trajectories = 4000, levels = 4
        let sample = try MorrisSample(factorCount: k, trajectories: trajectories, levels: levels, seed: 21)
        var counts = [Int](repeating: 0, count: levels)
        for row in 0..<sample.rowCount {
            for x in sample.point(row) { counts[Int((x * Double(levels - 1)).rounded())] += 1 }
        }
        let total = Double(sample.rowCount * k)
        // Points of one trajectory are dependent, so bound by the SE of whole trajectories:
        // a trajectory contributes k(k + 1) values, so n_eff ≥ trajectories.
        let se = (0.25 * 0.75 / Double(trajectories)).squareRoot()
        for count in counts { #expect(abs(Double(count) / total - 0.25) <= 4 * se, "\(counts)") }
    }

    @Test("the same seed gives the same trajectories, another seed others")
    func seeded() throws {
        let a = try MorrisSample(factorCount: 4, trajectories: 10, seed: 1)
        #expect(try MorrisSample(factorCount: 4, trajectories: 10, seed: 1) == a)
        #expect(try MorrisSample(factorCount: 4, trajectories: 10, seed: 2) != a)
    }

    @Test("bad input: one factor, one trajectory, an odd or too small number of levels")
    func badInput() {
        #expect(throws: SensitivityError.tooFewFactors(1)) {
            try MorrisSample(factorCount: 1, trajectories: 10, seed: 1)
        }
        #expect(throws: SensitivityError.tooFewTrajectories(1)) {
            try MorrisSample(factorCount: 3, trajectories: 1, seed: 1)
        }
        #expect(throws: SensitivityError.levelsNotEven(5)) {
            try MorrisSample(factorCount: 3, trajectories: 10, levels: 5, seed: 1)
        }
        #expect(throws: SensitivityError.levelsNotEven(0)) {
            try MorrisSample(factorCount: 3, trajectories: 10, levels: 0, seed: 1)
        }
    }
}

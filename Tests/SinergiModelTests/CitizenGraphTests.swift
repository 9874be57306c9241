import SinergiStats
import Testing

@testable import SinergiModel

/// The citizen graphs of MODEL.md §3, built from the `citizens` stream into CSR arrays.
@Suite struct CitizenGraphTests {
    static func build(_ kind: CitizenGraphKind, size: Int, seed: UInt64 = 11) throws -> CitizenGraph {
        var graph = CitizenGraph()
        try graph.build(kind, size: size, stream: RandomStream(seed: seed))
        return graph
    }

    /// Every adjacency list: no self-loops, no repeated neighbour, and j ∈ N(i) ⇔ i ∈ N(j).
    static func checkSimpleUndirected(_ g: CitizenGraph) {
        var edges = Set<UInt64>()
        for i in 0..<g.size {
            var seen = Set<UInt32>()
            for e in Int(g.offsets[i])..<Int(g.offsets[i + 1]) {
                let j = g.neighbours[e]
                #expect(Int(j) != i, "self-loop at \(i)")
                #expect(seen.insert(j).inserted, "repeated neighbour \(j) of \(i)")
                edges.insert(UInt64(i) << 32 | UInt64(j))
            }
        }
        for key in edges { #expect(edges.contains((key & 0xFFFF_FFFF) << 32 | key >> 32), "asymmetric edge") }
    }

    @Test func ringLatticeHasDegreeKAndTheNearestNeighbours() throws {
        let g = try Self.build(.ringLattice(k: 6), size: 50)
        Self.checkSimpleUndirected(g)
        #expect(g.edgeCount == 150)
        for i in 0..<50 {
            #expect(g.degree(i) == 6)
            let neighbours = Set(g.neighbours[Int(g.offsets[i])..<Int(g.offsets[i + 1])].map(Int.init))
            var nearest = Set<Int>()
            for d in 1...3 {
                nearest.insert((i + d) % 50)
                nearest.insert((i - d + 50) % 50)
            }
            #expect(neighbours == nearest)
        }
    }

    /// Rewiring keeps the number of edges and the graph simple; β = 0 is the lattice;
    /// β = 1 moves the far end of every edge.
    @Test func wattsStrogatzRewiresAFractionBeta() throws {
        let lattice = try Self.build(.ringLattice(k: 10), size: 2_000)
        let same = try Self.build(.wattsStrogatz(k: 10, beta: 0), size: 2_000)
        #expect(same.offsets == lattice.offsets && same.neighbours == lattice.neighbours)
        for beta in [0.1, 0.5, 1.0] {
            let g = try Self.build(.wattsStrogatz(k: 10, beta: beta), size: 2_000)
            Self.checkSimpleUndirected(g)
            #expect(g.edgeCount == 10_000)
            // Share of edges between lattice neighbours: the 1 − β kept, plus the rewired
            // ones that land within distance 5 by chance (10 of the other n − 1 citizens).
            var kept = 0
            for i in 0..<2_000 {
                for e in Int(g.offsets[i])..<Int(g.offsets[i + 1]) {
                    let d = abs(Int(g.neighbours[e]) - i)
                    if min(d, 2_000 - d) <= 5 { kept += 1 }
                }
            }
            let share = Double(kept) / 20_000
            let expected = (1 - beta) + beta * 10 / 1_999
            let se = (expected * (1 - expected) / 10_000).squareRoot()
            #expect(abs(share - expected) <= 4 * se + 1e-4, "β = \(beta): kept \(share), expected \(expected)")
        }
    }

    /// m(n − m − 1) + m edges (a star of m + 1, then m per citizen), no repeats, and
    /// preferential attachment makes hubs: the largest degree is far above the mean.
    @Test func barabasiAlbertAttachesMEdgesPerCitizen() throws {
        let g = try Self.build(.barabasiAlbert(m: 3), size: 5_000)
        Self.checkSimpleUndirected(g)
        #expect(g.edgeCount == 3 * (5_000 - 3 - 1) + 3)
        let degrees = (0..<5_000).map(g.degree)
        #expect(degrees.min()! >= 3)
        #expect(degrees.max()! > 10 * 6)
    }

    /// G(n, p): the edge count is binomial with mean p·n(n − 1)/2.
    @Test func erdosRenyiHasTheMeanDegree() throws {
        let n = 4_000, meanDegree = 8.0
        let p = meanDegree / Double(n - 1)
        let pairs = Double(n * (n - 1) / 2)
        for seed: UInt64 in [1, 2, 3] {
            let g = try Self.build(.erdosRenyi(meanDegree: meanDegree), size: n, seed: seed)
            Self.checkSimpleUndirected(g)
            let expected = p * pairs, sd = (pairs * p * (1 - p)).squareRoot()
            #expect(abs(Double(g.edgeCount) - expected) <= 4 * sd, "edges \(g.edgeCount), expected \(expected)")
        }
        #expect(try Self.build(.erdosRenyi(meanDegree: 0), size: 100).edgeCount == 0)
    }

    /// A pair probability below 2⁻⁵³ (1 − p rounds to 1) once made every skip infinite and
    /// the conversion to an integer trap; with about 10⁻¹² expected edges there are none.
    @Test func erdosRenyiWithAVanishingDegreeHasNoEdges() throws {
        for meanDegree in [1e-15, 1e-300, Double.leastNonzeroMagnitude] {
            let g = try Self.build(.erdosRenyi(meanDegree: meanDegree), size: 1_000, seed: 4)
            #expect(g.edgeCount == 0, "meanDegree \(meanDegree)")
        }
    }

    /// The same seed builds the same graph; a rebuild in the same buffers as well.
    @Test func sameSeedSameGraph() throws {
        for kind: CitizenGraphKind in [
            .wattsStrogatz(k: 4, beta: 0.3), .barabasiAlbert(m: 2), .erdosRenyi(meanDegree: 5),
        ] {
            let a = try Self.build(kind, size: 1_000, seed: 5)
            var b = try Self.build(kind, size: 3_000, seed: 9)
            try b.build(kind, size: 1_000, stream: RandomStream(seed: 5))
            #expect(a.offsets == b.offsets && a.neighbours == b.neighbours, "\(kind.name)")
        }
    }

    @Test func completeGraphStoresNoEdges() throws {
        let g = try Self.build(.complete, size: 10_000)
        #expect(g.isComplete && g.storedBytes == 0)
        #expect(g.degree(17) == 9_999)
    }

    /// Memory: 20 bytes per citizen (offset, clock, two thresholds, count) and 4 per
    /// neighbour entry, plus the adopters of the busiest month.
    @Test func bytesPerCitizenAndPerEdge() throws {
        let network = CitizenNetwork()
        let n = 100_000
        try network.initialise(
            CitizenNetworkSpec(size: n, graph: .ringLattice(k: 10)), stream: RandomStream(seed: 3),
            access: 1, readiness: 1)
        _ = network.step(innovation: 0.03, imitation: 0.38, access: 1, readiness: 1)
        let entries = n * 10
        let fixed = network.storedBytes - entries * 4
        #expect(fixed <= 20 * n + 4 + 4 * 1_000, "\(Double(fixed) / Double(n)) bytes per citizen")
    }
}

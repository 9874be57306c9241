/// Network citizens of MODEL.md §3: how many citizens each government has and the graph
/// they adopt on.
public struct CitizenNetworkSpec: Sendable, Hashable {
    /// Citizens per government.
    public var size: Int
    public var graph: CitizenGraphKind

    public init(size: Int, graph: CitizenGraphKind) {
        self.size = size
        self.graph = graph
    }

    /// Largest supported size: node indices are stored as 32-bit integers.
    public static let maximumSize = Int(UInt32.max) - 1
}

/// The social graphs of MODEL.md §3, each generated from the `citizens` stream.
public enum CitizenGraphKind: Sendable, Hashable {
    /// Everyone knows everyone (no edges are stored: n_j / k_j = adopters / (N − 1)).
    case complete
    /// A ring where each citizen knows the `k` nearest (k/2 on each side); k even.
    case ringLattice(k: Int)
    /// The ring lattice with each edge rewired with probability `beta` (Watts & Strogatz 1998).
    case wattsStrogatz(k: Int, beta: Double)
    /// Preferential attachment, `m` edges per new citizen (Barabási & Albert 1999).
    case barabasiAlbert(m: Int)
    /// G(n, p) with p = meanDegree / (n − 1) (Erdős & Rényi 1959; Gilbert 1959).
    case erdosRenyi(meanDegree: Double)

    /// The name scenario files use.
    public var name: String {
        switch self {
        case .complete: return "complete"
        case .ringLattice: return "ring_lattice"
        case .wattsStrogatz: return "watts_strogatz"
        case .barabasiAlbert: return "barabasi_albert"
        case .erdosRenyi: return "erdos_renyi"
        }
    }

    /// Edges the graph has on `size` citizens (the expected number for random graphs);
    /// 0 for the complete graph, which is not stored.
    public func expectedEdges(size: Int) -> Double {
        let n = Double(size)
        switch self {
        case .complete: return 0
        case .ringLattice(let k), .wattsStrogatz(let k, _): return n * Double(k) / 2
        case .barabasiAlbert(let m): return Double(Swift.max(0, size - m)) * Double(m)
        case .erdosRenyi(let meanDegree): return n * meanDegree / 2
        }
    }

    /// Most edges a stored graph may have: each is kept twice in 32-bit neighbour offsets.
    public static let maximumEdges = Int(UInt32.max / 2)

    /// Why the graph cannot be built on `size` citizens, or nil when it can.
    public func problem(size: Int) -> String? {
        if let problem = parameterProblem(size: size) { return problem }
        let edges = expectedEdges(size: size)
        if edges > Double(Self.maximumEdges) {
            let count = edges < 9e18 ? "\(Int(edges))" : "\(edges)"
            return "this graph on \(size) citizens has about \(count) edges; at most "
                + "\(Self.maximumEdges) fit (neighbour offsets are 32-bit): use fewer citizens or a lower degree"
        }
        return nil
    }

    private func parameterProblem(size: Int) -> String? {
        switch self {
        case .complete: return nil
        case .ringLattice(let k), .wattsStrogatz(let k, _):
            if k < 2 || k % 2 != 0 { return "k must be an even number ≥ 2, got \(k)" }
            if k >= size { return "k must be smaller than the number of citizens (\(size)), got \(k)" }
            if case .wattsStrogatz(_, let beta) = self, !(0...1).contains(beta) {
                return "beta must be in [0, 1], got \(beta)"
            }
            return nil
        case .barabasiAlbert(let m):
            if m < 1 { return "m must be at least 1, got \(m)" }
            if m >= size { return "m must be smaller than the number of citizens (\(size)), got \(m)" }
            return nil
        case .erdosRenyi(let meanDegree):
            if !(meanDegree >= 0) { return "meanDegree must be ≥ 0, got \(meanDegree)" }
            if meanDegree > Double(size - 1) {
                return "meanDegree must be at most the number of citizens − 1 (\(size - 1)), got \(meanDegree)"
            }
            return nil
        }
    }
}

extension CitizenNetworkSpec {
    /// Bytes one worker holds for a government's citizens at the peak, while the graph is
    /// built (CitizenNetwork, CitizenGraph): per citizen three thresholds and a count
    /// (16 bytes) and a CSR offset (4); per edge two 4-byte neighbour entries and the edge
    /// list it was compressed from (8 more), kept for the next government; Watts–Strogatz
    /// adds a rewired bit per lattice edge, a degree per citizen and a hash set entry per
    /// rewired edge (about 16 bytes), Barabási–Albert an urn of two entries per edge.
    public var estimatedBytes: Double {
        let n = Double(size)
        let edges = graph.expectedEdges(size: size)
        var bytes = n * 20 + edges * 16
        switch graph {
        case .wattsStrogatz(_, let beta): bytes += edges / 8 + n * 4 + beta * edges * 16
        case .barabasiAlbert: bytes += edges * 8
        default: break
        }
        return bytes
    }
}

import RealModule
import SinergiStats

/// An undirected citizen graph in compressed sparse row form: the neighbours of citizen j
/// are `neighbours[offsets[j] ..< offsets[j + 1]]`, each edge stored once in each
/// direction. The complete graph stores no edges at all.
///
/// One value is owned by each replicate worker and rebuilt in place for every government
/// and replicate; its buffers and the generators' scratch keep their capacity, so a
/// rebuild allocates only when a larger graph than any before is needed.
struct CitizenGraph {
    private(set) var size = 0
    private(set) var isComplete = false
    private(set) var offsets: ContiguousArray<UInt32> = []
    private(set) var neighbours: ContiguousArray<UInt32> = []

    // Generator scratch (edge list, rewiring marks, preferential-attachment urn).
    private var sources: ContiguousArray<UInt32> = []
    private var targets: ContiguousArray<UInt32> = []
    private var rewired: ContiguousArray<UInt64> = []
    private var rewiredEdges = Set<UInt64>()
    private var urn: ContiguousArray<UInt32> = []
    private var degreeScratch: ContiguousArray<Int32> = []

    /// The degree of citizen j (N − 1 on the complete graph).
    @inline(__always) func degree(_ j: Int) -> Int {
        isComplete ? size - 1 : Int(offsets[j + 1] &- offsets[j])
    }

    /// Number of undirected edges.
    var edgeCount: Int { isComplete ? size * (size - 1) / 2 : neighbours.count / 2 }

    /// Bytes held for the graph itself (offsets and neighbour lists), not the scratch.
    var storedBytes: Int { offsets.count * 4 + neighbours.count * 4 }

    /// Rebuilds the graph for `size` citizens, drawing from `stream` (MODEL.md §3). The
    /// number of draws depends only on the graph's parameters and the draws themselves,
    /// never on levers, so baseline and policy runs build the same graph.
    mutating func build(_ kind: CitizenGraphKind, size n: Int, stream: RandomStream) throws(ModelError) {
        size = n
        isComplete = false
        sources.removeAll(keepingCapacity: true)
        targets.removeAll(keepingCapacity: true)
        switch kind {
        case .complete:
            isComplete = true
            offsets.removeAll(keepingCapacity: true)
            neighbours.removeAll(keepingCapacity: true)
            return
        case .ringLattice(let k):
            ringLattice(n, k)
        case .wattsStrogatz(let k, let beta):
            ringLattice(n, k)
            rewire(n, k, beta, stream)
        case .barabasiAlbert(let m):
            preferentialAttachment(n, m, stream)
        case .erdosRenyi(let meanDegree):
            gnp(n, n > 1 ? meanDegree / Double(n - 1) : 0, stream)
        }
        guard sources.count * 2 < Int(UInt32.max) else {
            throw .invalidInput("a citizen graph of \(sources.count) edges is too large (at most \(UInt32.max / 2))")
        }
        compress(n)
    }

    /// Edges (u, u + j mod n) for j = 1 … k/2, u = 0 … n − 1, j outermost.
    private mutating func ringLattice(_ n: Int, _ k: Int) {
        sources.reserveCapacity(n * k / 2)
        targets.reserveCapacity(n * k / 2)
        for j in 1...(k / 2) {
            for u in 0..<n {
                sources.append(UInt32(u))
                targets.append(UInt32((u + j) % n))
            }
        }
    }

    /// Watts & Strogatz (1998) rewiring, in the order of NetworkX's `watts_strogatz_graph`:
    /// for each lattice edge (u, u + j), j outermost, with probability β its far end moves
    /// to a citizen drawn uniformly among those that are neither u nor already u's
    /// neighbours (redrawn until one is found; skipped when u knows everyone).
    private mutating func rewire(_ n: Int, _ k: Int, _ beta: Double, _ stream: RandomStream) {
        let half = k / 2
        let words = (n * half + 63) / 64
        rewired.removeAll(keepingCapacity: true)
        rewired.append(contentsOf: repeatElement(0, count: words))
        rewiredEdges.removeAll(keepingCapacity: true)
        degreeScratch.removeAll(keepingCapacity: true)
        degreeScratch.append(contentsOf: repeatElement(Int32(k), count: n))
        for j in 1...half {
            for u in 0..<n {
                guard stream.uniform() < beta else { continue }
                if Int(degreeScratch[u]) >= n - 1 { continue }
                var w = 0
                repeat {
                    w = Swift.min(n - 1, Int(stream.uniform() * Double(n)))
                } while w == u || adjacent(u, w, n, half)
                let e = (j - 1) * n + u
                rewired[e / 64] |= 1 << UInt64(e % 64)
                let old = Int(targets[e])
                degreeScratch[old] -= 1
                degreeScratch[w] += 1
                targets[e] = UInt32(w)
                rewiredEdges.insert(Self.key(u, w))
            }
        }
    }

    /// Whether u and w are joined now: by a lattice edge not rewired away, or by a
    /// rewired edge.
    private func adjacent(_ u: Int, _ w: Int, _ n: Int, _ half: Int) -> Bool {
        let forward = (w - u + n) % n, backward = (u - w + n) % n
        if forward >= 1 && forward <= half {
            let e = (forward - 1) * n + u
            if rewired[e / 64] & (1 << UInt64(e % 64)) == 0 { return true }
        }
        if backward >= 1 && backward <= half {
            let e = (backward - 1) * n + w
            if rewired[e / 64] & (1 << UInt64(e % 64)) == 0 { return true }
        }
        return rewiredEdges.contains(Self.key(u, w))
    }

    private static func key(_ a: Int, _ b: Int) -> UInt64 {
        UInt64(Swift.min(a, b)) << 32 | UInt64(Swift.max(a, b))
    }

    /// Barabási & Albert (1999), as NetworkX's `barabasi_albert_graph`: a star on m + 1
    /// citizens, then each new citizen links to m distinct citizens drawn from an urn that
    /// holds every citizen once per edge end (so in proportion to degree).
    private mutating func preferentialAttachment(_ n: Int, _ m: Int, _ stream: RandomStream) {
        urn.removeAll(keepingCapacity: true)
        urn.reserveCapacity(2 * m * n)
        sources.reserveCapacity(m * n)
        targets.reserveCapacity(m * n)
        for i in 1...m {
            sources.append(0)
            targets.append(UInt32(i))
            urn.append(0)
            urn.append(UInt32(i))
        }
        var chosen = ContiguousArray<UInt32>(repeating: 0, count: m)
        for source in (m + 1)..<Swift.max(m + 1, n) {
            var count = 0
            while count < m {
                let pick = urn[Swift.min(urn.count - 1, Int(stream.uniform() * Double(urn.count)))]
                var seen = false
                for c in 0..<count where chosen[c] == pick { seen = true; break }
                if !seen { chosen[count] = pick; count += 1 }
            }
            for c in 0..<m {
                sources.append(UInt32(source))
                targets.append(chosen[c])
                urn.append(chosen[c])
                urn.append(UInt32(source))
            }
        }
    }

    /// G(n, p) by geometric skipping over the pairs (Batagelj & Brandes 2005), as NetworkX's
    /// `fast_gnp_random_graph`: one uniform per edge.
    private mutating func gnp(_ n: Int, _ p: Double, _ stream: RandomStream) {
        guard p > 0, n > 1 else { return }
        if p >= 1 {
            for v in 1..<n { for w in 0..<v { sources.append(UInt32(v)); targets.append(UInt32(w)) } }
            return
        }
        // log(1 − p) is 0 once 1 − p rounds to 1 (p below 2⁻⁵³, e.g. meanDegree 1e-15), which
        // would make every skip infinite: log1p keeps such p exact. Larger p keep the plain
        // logarithm, so their graphs are unchanged.
        let logOfMiss = 1 - p < 1 ? Double.log(1 - p) : Double.log(onePlus: -p)
        // A skip past every remaining pair (fewer than n²) ends the graph.
        let pairs = Double(n) * Double(n)
        var v = 1, w = -1
        while v < n {
            let skip = Double.log(1 - stream.uniform()) / logOfMiss
            guard skip < pairs else { break }
            w += 1 + Int(skip.rounded(.down))
            while w >= v && v < n {
                w -= v
                v += 1
            }
            if v < n {
                sources.append(UInt32(v))
                targets.append(UInt32(w))
            }
        }
    }

    /// Fills the CSR arrays from the edge list: each citizen's neighbours in edge order.
    private mutating func compress(_ n: Int) {
        offsets.removeAll(keepingCapacity: true)
        offsets.append(contentsOf: repeatElement(0, count: n + 1))
        for e in sources.indices {
            offsets[Int(sources[e]) + 1] &+= 1
            offsets[Int(targets[e]) + 1] &+= 1
        }
        for j in 0..<n { offsets[j + 1] &+= offsets[j] }
        neighbours.removeAll(keepingCapacity: true)
        neighbours.append(contentsOf: repeatElement(0, count: Int(offsets[n])))
        var next = ContiguousArray(offsets[0..<n])
        for e in sources.indices {
            let a = Int(sources[e]), b = Int(targets[e])
            neighbours[Int(next[a])] = UInt32(b)
            next[a] &+= 1
            neighbours[Int(next[b])] = UInt32(a)
            next[b] &+= 1
        }
    }
}

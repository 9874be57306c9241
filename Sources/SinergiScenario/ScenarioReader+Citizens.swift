import SinergiModel
import Yams

extension ScenarioReader {
    /// Graph kinds and the keys each one takes.
    static let graphKeys: [(kind: String, keys: [String])] = [
        ("complete", []), ("ring_lattice", ["k"]), ("watts_strogatz", ["k", "beta"]),
        ("barabasi_albert", ["m"]), ("erdos_renyi", ["meanDegree"]),
    ]
    /// The keys of `citizens`.
    static let citizensKeys = ["mode", "size", "graph"]
    /// Every key of `citizens.graph`: `kind`, then each kind's keys.
    static let graphAllKeys = ["kind", "k", "beta", "m", "meanDegree"]

    /// `citizens: {mode: aggregate}` or
    /// `citizens: {mode: network, size: N, graph: {kind: …, k: …, beta: …, m: …, meanDegree: …}}`.
    func readCitizens(_ node: Node) -> CitizenMode? {
        guard
            let citizens = mapping(
                node, subject: "citizens", allowed: Self.citizensKeys,
                expected: "a mapping such as {mode: aggregate}")
        else { return nil }
        let mode =
            citizens["mode"].flatMap {
                keyword($0, key: "mode", options: ["aggregate", "network"], noun: "citizens mode")
            }
            ?? (citizens.has("mode") ? nil : "aggregate")
        guard let mode else { return nil }
        if mode == "aggregate" {
            for key in ["size", "graph"] {
                if let extra = citizens[key] {
                    error("'citizens.\(key)' applies only to {mode: network}", at: extra)
                }
            }
            return .aggregate
        }
        guard let sizeNode = citizens["size"] else {
            missing("size", in: citizens, "for network citizens (citizens per government), e.g. size: 10000")
            return nil
        }
        guard let graphNode = citizens["graph"] else {
            missing("graph", in: citizens, "for network citizens, e.g. graph: {kind: watts_strogatz, k: 10, beta: 0.1}")
            return nil
        }
        guard let size = integer(sizeNode, key: "size", range: .init(lower: 1, upper: CitizenNetworkSpec.maximumSize))
        else { return nil }
        guard let graph = readGraph(graphNode, size: size) else { return nil }
        return .network(CitizenNetworkSpec(size: size, graph: graph))
    }

    private func readGraph(_ node: Node, size: Int) -> CitizenGraphKind? {
        let allKeys = Self.graphAllKeys
        guard
            let fields = mapping(
                node, subject: "citizens.graph", allowed: allKeys,
                expected: "a mapping such as {kind: ring_lattice, k: 4}")
        else { return nil }
        guard let kindNode = fields["kind"] else {
            missing("kind", in: fields, "in citizens.graph (\(Self.graphKeys.map(\.kind).joined(separator: ", ")))")
            return nil
        }
        guard let kind = keyword(kindNode, key: "kind", options: Self.graphKeys.map(\.kind), noun: "graph kind")
        else { return nil }
        let keys = Self.graphKeys.first { $0.kind == kind }!.keys
        var complete = true
        for key in allKeys.dropFirst() {
            if let value = fields[key], !keys.contains(key) {
                error(
                    "'\(key)' does not apply to a \(kind) graph"
                        + (keys.isEmpty ? ", which takes no parameters" : "; it takes \(keys.joined(separator: ", "))"),
                    at: value)
                complete = false
            }
        }
        for key in keys where !fields.has(key) {
            missing(key, in: fields, "for a \(kind) graph")
            complete = false
        }
        guard complete else { return nil }
        let graph: CitizenGraphKind?
        switch kind {
        case "complete": graph = .complete
        case "ring_lattice": graph = integer(fields["k"]!, key: "k", range: .atLeast(2)).map { .ringLattice(k: $0) }
        case "watts_strogatz":
            let k = integer(fields["k"]!, key: "k", range: .atLeast(2))
            let beta = number(fields["beta"]!, key: "beta", range: .unit)
            graph = k.flatMap { k in beta.map { .wattsStrogatz(k: k, beta: $0) } }
        case "barabasi_albert":
            graph = integer(fields["m"]!, key: "m", range: .atLeast(1)).map { .barabasiAlbert(m: $0) }
        default:
            graph = number(fields["meanDegree"]!, key: "meanDegree", range: .atLeast(0)).map {
                .erdosRenyi(meanDegree: $0)
            }
        }
        guard let graph else { return nil }
        if let problem = graph.problem(size: size) {
            error("citizens.graph: \(problem)", at: node)
            return nil
        }
        return graph
    }
}

extension CitizenMode {
    /// The mode as one line of a resolved scenario file.
    var resolvedYAML: String {
        switch self {
        case .aggregate: return "citizens: {mode: aggregate}"
        case .network(let spec):
            let graph: String
            switch spec.graph {
            case .complete: graph = "{kind: complete}"
            case .ringLattice(let k): graph = "{kind: ring_lattice, k: \(k)}"
            case .wattsStrogatz(let k, let beta): graph = "{kind: watts_strogatz, k: \(k), beta: \(beta)}"
            case .barabasiAlbert(let m): graph = "{kind: barabasi_albert, m: \(m)}"
            case .erdosRenyi(let meanDegree): graph = "{kind: erdos_renyi, meanDegree: \(meanDegree)}"
            }
            return "citizens: {mode: network, size: \(spec.size), graph: \(graph)}"
        }
    }
}

import RealModule
import SinergiStats

/// Network citizens of one government (MODEL.md §3, network mode), as struct-of-arrays
/// with every random number drawn at t = 0.
///
/// MODEL.md draws, each month, readiness catch-up with probability (λ′ − λ)/(1 − λ), access
/// with probability (ι(t+1) − ι(t))/(1 − ι(t)), and adoption with probability
/// 1 − exp(−h_j(t)), h_j = (p + q_b·n_j/k_j)·Δ. The same laws follow from three numbers per
/// citizen drawn once from the `citizens` stream (docs/model.md §8, choice 23):
/// - access threshold U_j: citizen j has access once ι has reached U_j. With ι rising,
///   P(U ≤ ι(t+1) | U > ι(t)) = (ι(t+1) − ι(t))/(1 − ι(t)), and P(U ≤ ι(0)) = ι(0);
/// - readiness threshold V_j: ready once λ has reached V_j, likewise;
/// - adoption clock E_j ~ Exp(1): the citizen adopts in the month its cumulative hazard
///   Σ h_j reaches E_j. By memorylessness, P(adopt in month t | not before) = 1 − e^(−h_j(t)).
///
/// So no citizen draws anything after t = 0, a lever cannot shift anyone's numbers (exact
/// common random numbers), and a month costs a few arithmetic operations per citizen who
/// can still adopt. n_j, the adopted neighbours at the start of the month, is kept
/// incrementally: adopters of a month are collected and their neighbours' counts raised
/// after the sweep.
///
/// Memory: 20 bytes per citizen (clock, two thresholds, count, CSR offset) plus 4 per
/// neighbour entry (8 per undirected edge), and the adopters of the busiest month.
final class CitizenNetwork {
    private(set) var graph = CitizenGraph()
    private(set) var size = 0
    /// Remaining hazard before adoption (E_j − Σh); −1 once adopted.
    private(set) var clock: ContiguousArray<Float> = []
    private(set) var accessThreshold: ContiguousArray<Float> = []
    private(set) var readinessThreshold: ContiguousArray<Float> = []
    /// n_j: adopted neighbours.
    private(set) var adoptedNeighbours: ContiguousArray<UInt32> = []
    private var newAdopters: ContiguousArray<UInt32> = []
    private(set) var adopters = 0
    /// The highest ι and λ reached so far (access and readiness are never lost).
    private var accessReached: Float = 0
    private var readinessReached: Float = 0

    /// Builds the graph and draws every citizen's numbers: graph draws first, then per
    /// citizen U, V and E in citizen order.
    func initialise(_ spec: CitizenNetworkSpec, stream: RandomStream, access: Double, readiness: Double)
        throws(ModelError)
    {
        let n = spec.size
        try graph.build(spec.graph, size: n, stream: stream)
        size = n
        clock.removeAll(keepingCapacity: true)
        accessThreshold.removeAll(keepingCapacity: true)
        readinessThreshold.removeAll(keepingCapacity: true)
        clock.reserveCapacity(n)
        accessThreshold.reserveCapacity(n)
        readinessThreshold.reserveCapacity(n)
        for _ in 0..<n {
            accessThreshold.append(Float(stream.uniform()))
            readinessThreshold.append(Float(stream.uniform()))
            clock.append(Float(-Double.log(stream.uniform())))
        }
        adoptedNeighbours.removeAll(keepingCapacity: true)
        adoptedNeighbours.append(contentsOf: repeatElement(0, count: n))
        newAdopters.removeAll(keepingCapacity: true)
        adopters = 0
        accessReached = Float(access)
        readinessReached = Float(readiness)
    }

    /// One month of adoption with innovation `p` and imitation `q` (per year), with access
    /// ι and readiness λ as they stand before ι grows this month. Returns the adopter share.
    func step(innovation p: Double, imitation q: Double, access: Double, readiness: Double) -> Double {
        accessReached = Swift.max(accessReached, Float(access))
        readinessReached = Swift.max(readinessReached, Float(readiness))
        let dt = BassDiffusion.monthInYears
        let base = Float(p * dt)
        let social = Float(q * dt)
        let iota = accessReached, lambda = readinessReached
        newAdopters.removeAll(keepingCapacity: true)
        clock.withUnsafeMutableBufferPointer { clock in
            accessThreshold.withUnsafeBufferPointer { access in
                readinessThreshold.withUnsafeBufferPointer { ready in
                    adoptedNeighbours.withUnsafeBufferPointer { counts in
                        if graph.isComplete {
                            // n_j / k_j = adopters / (N − 1) for every citizen who has not adopted.
                            let share = size > 1 ? Float(adopters) / Float(size - 1) : 0
                            let hazard = base + social * share
                            for j in 0..<size where access[j] <= iota && clock[j] > 0 && ready[j] <= lambda {
                                clock[j] -= hazard
                                if clock[j] <= 0 { newAdopters.append(UInt32(j)) }
                            }
                        } else {
                            graph.offsets.withUnsafeBufferPointer { offsets in
                                for j in 0..<size where access[j] <= iota && clock[j] > 0 && ready[j] <= lambda {
                                    let degree = offsets[j + 1] &- offsets[j]
                                    let hazard = degree == 0 ? base : base + social * Float(counts[j]) / Float(degree)
                                    clock[j] -= hazard
                                    if clock[j] <= 0 { newAdopters.append(UInt32(j)) }
                                }
                            }
                        }
                    }
                }
            }
        }
        for j in newAdopters { clock[Int(j)] = -1 }
        adopters += newAdopters.count
        if !graph.isComplete {
            graph.offsets.withUnsafeBufferPointer { offsets in
                graph.neighbours.withUnsafeBufferPointer { neighbours in
                    adoptedNeighbours.withUnsafeMutableBufferPointer { counts in
                        for j in newAdopters {
                            for e in Int(offsets[Int(j)])..<Int(offsets[Int(j) + 1]) {
                                counts[Int(neighbours[e])] &+= 1
                            }
                        }
                    }
                }
            }
        }
        return size > 0 ? Double(adopters) / Double(size) : 0
    }

    /// Bytes held per citizen and per neighbour entry, as allocated (not the scratch).
    var storedBytes: Int {
        graph.storedBytes + clock.count * 4 + accessThreshold.count * 4 + readinessThreshold.count * 4
            + adoptedNeighbours.count * 4 + newAdopters.capacity * 4
    }
}

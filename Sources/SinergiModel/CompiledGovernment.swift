/// One government's static inputs in the flat, index-only form the monthly step reads.
///
/// Built once per run from a ``GovernmentSpec`` and the run's interventions; shared
/// read-only by every replicate worker.
struct CompiledGovernment: Sendable, Equatable {
    /// A lever entry as it acts on this government.
    struct LeverEntry: Sendable, Equatable {
        var lever: Lever
        var start: Int
        /// First month after the entry (Int.max when it lasts to the end).
        var end: Int
        var intensity: Double
        /// Targeted agencies: `agencyIndices[agencyStart ..< agencyStart + agencyCount]`.
        var agencyStart: Int
        var agencyCount: Int
    }

    var spec: GovernmentSpec
    var agencyCount: Int
    var initiativeCount: Int
    /// Partners of initiative k: `partners[partnerStart[k] ..< partnerStart[k + 1]]` (CSR).
    var partnerStart: ContiguousArray<Int>
    var partners: ContiguousArray<Int>
    var citizenFacing: ContiguousArray<Bool>
    var displacesLegacy: ContiguousArray<Bool>
    var rate: ContiguousArray<Double>
    var integration: ContiguousArray<Double>
    var launchThreshold: ContiguousArray<Double>
    var hasCitizenFacing: Bool
    var levers: ContiguousArray<LeverEntry>
    var agencyIndices: ContiguousArray<Int>
    /// Total lever cost attributed to this government.
    var leverCost: Double
    /// Network citizens of this government, or nil in aggregate mode.
    var network: CitizenNetworkSpec?

    init(
        spec: GovernmentSpec, index: Int, interventions: [Intervention], months: Int,
        citizens: CitizenMode = .aggregate
    ) {
        self.spec = spec
        if case .network(let network) = citizens { self.network = network } else { network = nil }
        agencyCount = spec.agencies.count
        initiativeCount = spec.initiatives.count
        var starts: ContiguousArray<Int> = [0]
        var flatPartners: ContiguousArray<Int> = []
        for initiative in spec.initiatives {
            flatPartners.append(contentsOf: initiative.partners)
            starts.append(flatPartners.count)
        }
        partnerStart = starts
        partners = flatPartners
        citizenFacing = ContiguousArray(spec.initiatives.map(\.citizenFacing))
        displacesLegacy = ContiguousArray(spec.initiatives.map(\.displacesLegacy))
        rate = ContiguousArray(spec.initiatives.map(\.rate))
        integration = ContiguousArray(spec.initiatives.map(\.integration))
        launchThreshold = ContiguousArray(spec.initiatives.map(\.launchThreshold))
        hasCitizenFacing = spec.initiatives.contains(where: \.citizenFacing)

        var entries: ContiguousArray<LeverEntry> = []
        var indices: ContiguousArray<Int> = []
        var cost = 0.0
        for intervention in interventions {
            guard let target = intervention.targets.first(where: { $0.government == index }) else { continue }
            cost += intervention.totalCost(horizon: months) / Double(intervention.targets.count)
            let agencies = intervention.lever.actsOnGovernment ? [] : target.agencies
            entries.append(
                LeverEntry(
                    lever: intervention.lever, start: intervention.start,
                    end: intervention.duration.map { intervention.start + $0 } ?? Int.max,
                    intensity: intervention.intensity, agencyStart: indices.count, agencyCount: agencies.count))
            indices.append(contentsOf: agencies)
        }
        levers = entries
        agencyIndices = indices
        leverCost = cost
    }
}

import SinergiModel
import SinergiStats
import Synchronization

/// Where a design's number for one scenario path lands in the scenario's model input, when
/// the path sets a government's or an agency's value (a number or a distribution, MODEL.md
/// §1): which governments and agencies take it, found once per path, so that each design
/// point sets the number there instead of reading the whole scenario again.
///
/// A path such as `defaults.agency.ego` reaches every agency that does not write `ego`
/// itself (in its entry or its template's); `governments[*].agencies[BPKAD].legacyLockIn`
/// one agency of every government. Rather than repeat those rules, ``find(path:in:)`` reads
/// the scenario with the path at two different numbers and keeps the values that differ;
/// it then checks that setting those values on the scenario's input gives, at both
/// numbers, exactly the input that reading gives. The reader gives a value key a number by
/// the same rule wherever the key is written (`value(_:key:range:)`: a finite number in the
/// key's range becomes a constant) and checks nothing across keys, so what holds at two
/// numbers holds at every number of the range.
struct DirectValuePlan: Sendable {
    /// A value of the model input: key `field` of government `government`, or of agency
    /// `agency` of that government.
    enum Slot: Hashable, Sendable {
        /// `GovernmentFields.values[field]`.
        case government(Int, field: Int)
        /// `AgencyFields.values[field]`, or the agency's `trust` when `field` is
        /// `AgencyFields.values.count`.
        case agency(Int, Int, field: Int)
    }

    /// The numbers the reader accepts for the key.
    let range: ClosedRange<Double>
    /// The values the path sets, in input order; empty when the scenario writes the key
    /// wherever the path could reach.
    let slots: [Slot]
    /// The same values, to tell in one pass whether two paths reach a common one (a path
    /// over every agency of indonesia-548 reaches 16,425).
    let slotSet: Set<Slot>

    init(range: ClosedRange<Double>, slots: [Slot]) {
        self.range = range
        self.slots = slots
        slotSet = Set(slots)
    }

    /// Whether this plan and `other` set a common value.
    func overlaps(_ other: DirectValuePlan) -> Bool {
        let (small, large) = slots.count <= other.slots.count ? (self, other) : (other, self)
        return small.slots.contains(where: large.slotSet.contains)
    }

    /// The key's range and the slots of the governments or agencies of `input` that have
    /// it, or nil when `key` is not a government's or an agency's value.
    static func candidates(key: String, in input: ModelInput) -> (ClosedRange<Double>, [Slot])? {
        if let field = GovernmentFields.values.firstIndex(where: { $0.key == key }) {
            return (0...1, input.governments.indices.map { Slot.government($0, field: field) })
        }
        let field: Int
        let range: ClosedRange<Double>
        if let index = AgencyFields.values.firstIndex(where: { $0.key == key }) {
            (field, range) = (index, AgencyFields.values[index].range)
        } else if key == "trust" {
            (field, range) = (AgencyFields.values.count, 0...1)
        } else {
            return nil
        }
        var slots: [Slot] = []
        for (g, government) in input.governments.enumerated() {
            for a in government.agencies.indices { slots.append(.agency(g, a, field: field)) }
        }
        return (range, slots)
    }

    /// The plan of `path` over `source`'s scenario, or nil when the path does not set a
    /// government's or an agency's value, or setting it directly cannot be shown to give
    /// what reading gives.
    static func find(path: ScenarioPath, in source: ScenarioSource) -> DirectValuePlan? {
        guard case .key(let key)? = path.steps.last else { return nil }
        let base = source.scenario.input
        guard let (range, candidates) = candidates(key: key, in: base) else { return nil }
        let width = range.upperBound - range.lowerBound
        let probes = [range.lowerBound + 0.3125 * width, range.lowerBound + 0.6875 * width]
        var inputs: [ModelInput] = []
        for probe in probes {
            guard let input = try? source.inputByReading(with: [ScenarioOverride(path: path, number: probe)]),
                input.governments.map(\.agencies.count) == base.governments.map(\.agencies.count)
            else { return nil }
            inputs.append(input)
        }
        let plan = DirectValuePlan(
            range: range, slots: candidates.filter { $0.value(in: inputs[0]) != $0.value(in: inputs[1]) })
        for (probe, input) in zip(probes, inputs) {
            var set = base
            plan.set(probe, in: &set)
            guard set == input else { return nil }
        }
        return plan
    }

    /// Sets every slot of `input` to the constant `value`, which must lie in ``range``.
    func set(_ value: Double, in input: inout ModelInput) {
        for slot in slots { slot.set(.constant(value), in: &input) }
    }
}

extension DirectValuePlan.Slot {
    /// The value in `input` (a missing trust reads as nil).
    func value(in input: ModelInput) -> Distribution? {
        switch self {
        case .government(let g, let field):
            return input.governments[g][keyPath: GovernmentFields.values[field].path]
        case .agency(let g, let a, let field):
            let agency = input.governments[g].agencies[a]
            return field < AgencyFields.values.count ? agency[keyPath: AgencyFields.values[field].path] : agency.trust
        }
    }

    func set(_ value: Distribution, in input: inout ModelInput) {
        switch self {
        case .government(let g, let field):
            input.governments[g][keyPath: GovernmentFields.values[field].path] = value
        case .agency(let g, let a, let field):
            if field < AgencyFields.values.count {
                input.governments[g].agencies[a][keyPath: AgencyFields.values[field].path] = value
            } else {
                input.governments[g].agencies[a].trust = value
            }
        }
    }
}

/// The plans a ``ScenarioSource`` has found, by path (nil: the path takes the full way),
/// shared by the threads that resolve design points. A design has a few paths, so they are
/// compared in turn rather than hashed.
final class DirectValuePlans: Sendable {
    private let plans = Mutex<[(path: ScenarioPath, plan: DirectValuePlan?)]>([])

    /// The plan of `path`, found on first use.
    func plan(for path: ScenarioPath, in source: ScenarioSource) -> DirectValuePlan? {
        if let known = plans.withLock({ $0.first { $0.path == path } }) { return known.plan }
        let plan = DirectValuePlan.find(path: path, in: source)
        plans.withLock { plans in
            if !plans.contains(where: { $0.path == path }) { plans.append((path, plan)) }
        }
        return plan
    }
}

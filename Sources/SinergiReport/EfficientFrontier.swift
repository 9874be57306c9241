import SinergiModel

/// The efficient frontier of packages on the effect–cost plane (docs/statistics.md,
/// "Efficient frontier"): the packages no other option dominates, the baseline — no
/// package: cost 0, effect 0 — being one of the options.
///
/// An option dominates a package when it costs no more and its mean effect is at least as
/// good, and it is strictly cheaper or strictly better (a package that costs something and
/// does no better than the baseline is dominated by the baseline). Means are compared, not
/// intervals; extended dominance (a mix of two packages beating a third) is not applied.
enum EfficientFrontier {
    struct Point: Equatable {
        var name: String
        var cost: Double
        var effect: Double
    }

    /// The packages on the frontier, cheapest first (ties: better effect first, then the
    /// order given). Points with a cost or effect that is not finite are left out.
    static func members(_ points: [Point], better: Outcome.Direction = .higher) -> [Point] {
        let sign = better == .higher ? 1.0 : -1.0
        let valid = points.filter { $0.cost.isFinite && $0.effect.isFinite }
        let options = valid + [Point(name: "", cost: 0, effect: 0)]
        func dominates(_ a: Point, _ b: Point) -> Bool {
            let gain = sign * (a.effect - b.effect)
            return a.cost <= b.cost && gain >= 0 && (a.cost < b.cost || gain > 0)
        }
        let kept = valid.enumerated().filter { _, point in !options.contains { dominates($0, point) } }
        return kept.sorted { a, b in
            if a.element.cost != b.element.cost { return a.element.cost < b.element.cost }
            let x = sign * a.element.effect, y = sign * b.element.effect
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }

    /// The frontier as a line: from the baseline (0, 0) through the members in order of
    /// cost; from the first member when it costs less than nothing (a package that saves
    /// money).
    static func line(_ points: [Point], better: Outcome.Direction = .higher) -> [(cost: Double, effect: Double)] {
        let members = members(points, better: better)
        let start: [(cost: Double, effect: Double)] = (members.first?.cost ?? 0) < 0 ? [] : [(0, 0)]
        return start + members.map { ($0.cost, $0.effect) }
    }
}

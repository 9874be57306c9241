import SinergiModel
import SinergiStats

/// A slider of the lecturer's page: one construct of the model, set for every government
/// (docs/model.md §8, choices 24–32).
public enum Construct: String, Sendable, CaseIterable {
    case ego, politicalWill, champion, design, budget, hr, culture, legacyLockIn, mandate

    /// The slider's range (budget adequacy goes to 1.5, as B⁰ does).
    public var range: ClosedRange<Double> { self == .budget ? 0...1.5 : 0...1 }

    /// Short label for the slider.
    public var label: String {
        switch self {
        case .ego: return "Sectoral ego"
        case .politicalWill: return "Political will of the head"
        case .champion: return "Champion (facilitative leadership)"
        case .design: return "Institutional design"
        case .budget: return "ICT budget adequacy"
        case .hr: return "IT staff adequacy"
        case .culture: return "Dynamic culture"
        case .legacyLockIn: return "Legacy lock-in"
        case .mandate: return "External mandate"
        }
    }

    /// The model symbol (docs/model.md §2).
    public var symbol: String {
        switch self {
        case .ego: return "ego"
        case .politicalWill: return "W"
        case .champion: return "L"
        case .design: return "D"
        case .budget: return "B⁰"
        case .hr: return "H"
        case .culture: return "u"
        case .legacyLockIn: return "ℓ"
        case .mandate: return "I"
        }
    }

    /// What the slider means and what it sets.
    public var help: String {
        switch self {
        case .ego:
            return
                "How unwilling agencies are to share activities, data or authority. Sets the mean of every agency's ego, drawn from Beta(4μ, 4(1−μ)); high ego lowers commitment."
        case .politicalWill:
            return
                "Commitment of the head of government. W is drawn uniformly within ±0.2 of the slider (also when a new head is elected); it raises commitment and the yearly ICT budget."
        case .champion:
            return
                "A passionate champion chairing the coordination forum. Sets L for every government: more forum meetings, more commitment and more capacity for joint action."
        case .design:
            return
                "Rules, an SPBE coordination team and ground rules for the forum. Sets D: meetings, dialogue quality, capacity for joint action and the policy domain of the index."
        case .budget:
            return
                "ICT budget available over budget required (1 = adequate, up to 1.5). Every agency's base budget B⁰ is drawn uniformly within ±0.3 of the slider; budget caps delivered effort."
        case .hr:
            return
                "Competent ICT staff over staff required. Every agency's H is drawn uniformly within ±0.3 of the slider; staff cap delivered effort."
        case .culture:
            return
                "Organisational culture from static (0) to dynamic (1). Sets the mean of every agency's culture, drawn from Beta(4μ, 4(1−μ)); culture speeds learning and maturity."
        case .legacyLockIn:
            return
                "How strongly the agencies holding a legacy system cling to it. Sets ℓ for the legacy holders; lock-in lowers their commitment and their contribution to systems that replace it."
        case .mandate:
            return
                "Outside evaluation pressure, such as the anti-corruption commission's recommendation. Sets I: it raises commitment and the effort even selfish agencies give."
        }
    }

    /// The seeds or theory the construct comes from.
    public var source: String {
        switch self {
        case .ego: return "seed 000, 003"
        case .politicalWill: return "seed 000, 001"
        case .champion: return "seed 000; Linden 2010"
        case .design: return "seed 001, 002; Ansell & Gash 2008"
        case .budget: return "seed 000, 001, 002, 004"
        case .hr: return "seed 000, 001, 002, 004"
        case .culture: return "seed 001, 002"
        case .legacyLockIn: return "seed 000"
        case .mandate: return "seed 000"
        }
    }

    /// `government` with the construct set to the slider value `value` (choices 24–32):
    ///
    /// - ego, culture: every agency ~ Beta(4μ, 4(1 − μ)), μ = value clamped to [0.05, 0.95];
    /// - politicalWill: W ~ Uniform(max(0, c − 0.2), min(1, c + 0.2)), also at elections;
    /// - champion, design, mandate: the constant value;
    /// - budget: every B⁰ ~ Uniform(max(0, c − 0.3), min(1.5, c + 0.3));
    /// - hr: every H ~ Uniform(max(0, c − 0.3), min(1, c + 0.3));
    /// - legacyLockIn: the constant value for the agencies of ``legacyHolders(_:)``.
    public func apply(_ value: Double, to government: inout GovernmentSpec) {
        func betaWithMean(_ mean: Double) -> Distribution {
            let mu = Swift.min(0.95, Swift.max(0.05, mean))
            return .beta(alpha: 4 * mu, beta: 4 * (1 - mu))
        }
        func band(_ centre: Double, _ halfWidth: Double, upper: Double) -> Distribution {
            .uniform(low: Swift.max(0, centre - halfWidth), high: Swift.min(upper, centre + halfWidth))
        }
        switch self {
        case .ego:
            for i in government.agencies.indices { government.agencies[i].ego = betaWithMean(value) }
        case .politicalWill:
            government.politicalWill = band(value, 0.2, upper: 1)
        case .champion:
            government.champion = .constant(value)
        case .design:
            government.design = .constant(value)
        case .budget:
            for i in government.agencies.indices { government.agencies[i].budget = band(value, 0.3, upper: 1.5) }
        case .hr:
            for i in government.agencies.indices { government.agencies[i].hr = band(value, 0.3, upper: 1) }
        case .culture:
            for i in government.agencies.indices { government.agencies[i].culture = betaWithMean(value) }
        case .legacyLockIn:
            for i in Self.legacyHolders(government) { government.agencies[i].legacyLockIn = .constant(value) }
        case .mandate:
            government.mandate = .constant(value)
        }
    }

    /// The scenario's own value of the construct for `government`: the mean of its
    /// distribution, averaged over the agencies it applies to for agency constructs.
    public func value(in government: GovernmentSpec) -> Double {
        func average(_ indices: [Int], _ path: KeyPath<AgencySpec, Distribution>) -> Double {
            guard !indices.isEmpty else { return 0 }
            return indices.map { government.agencies[$0][keyPath: path].mean }.reduce(0, +) / Double(indices.count)
        }
        let all = Array(government.agencies.indices)
        switch self {
        case .ego: return average(all, \.ego)
        case .politicalWill: return government.politicalWill.mean
        case .champion: return government.champion.mean
        case .design: return government.design.mean
        case .budget: return average(all, \.budget)
        case .hr: return average(all, \.hr)
        case .culture: return average(all, \.culture)
        case .legacyLockIn: return average(Self.legacyHolders(government), \.legacyLockIn)
        case .mandate: return government.mandate.mean
        }
    }

    /// The agencies the legacy lock-in slider sets: those whose lock-in in the scenario is
    /// not the constant 0 (the legacy holders); when there are none, the partners of
    /// initiatives that displace a legacy system; when there are none either, every agency.
    public static func legacyHolders(_ government: GovernmentSpec) -> [Int] {
        let holders = government.agencies.indices.filter { government.agencies[$0].legacyLockIn != .constant(0) }
        if !holders.isEmpty { return holders }
        let partners = Set(government.initiatives.filter(\.displacesLegacy).flatMap(\.partners))
        if !partners.isEmpty { return partners.sorted() }
        return Array(government.agencies.indices)
    }
}

extension Distribution {
    /// The mean: closed form where there is a simple one, otherwise the integral of the
    /// quantile function by the midpoint rule on 4,000 points (clipped normals and
    /// lognormals), which is what a slider's starting position needs.
    var mean: Double {
        switch self {
        case .constant(let value): return value
        case .uniform(let low, let high): return (low + high) / 2
        case .beta(let alpha, let beta): return alpha / (alpha + beta)
        case .triangular(let low, let mode, let high): return (low + mode + high) / 3
        case .bernoulli(let p): return p
        case .normal, .truncatedNormal, .lognormal:
            let n = 4000
            var sum = 0.0
            for k in 0..<n { sum += quantile((Double(k) + 0.5) / Double(n)) }
            return sum / Double(n)
        }
    }
}

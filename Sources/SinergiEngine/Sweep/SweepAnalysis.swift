import SinergiModel

/// What a sweep's report shows, read from its store: the main effect of every factor on the
/// key outcomes of the headline unit (the Region, or the only government), and the maps of
/// the factor pairs the user named.
public struct SweepAnalysis: Sendable {
    /// The Region when the scenario has several governments, else its only government.
    public var unit: String
    public var factors: [String]
    public var points: Int
    public var replicatesPerPoint: Int
    /// One per key outcome and factor, outcome by outcome.
    public var effects: [MainEffect]
    public var maps: [TwoFactorMap]

    /// The outcomes the report shows.
    public static let outcomes: [Outcome] = [
        .finalSpbe, .pBaikOrBetter, .adoption, .initiativesIntegrated, .meanTrust,
    ]

    /// Reads the analysis from `store`, whose design is `design`; `pairs` are the factor
    /// pairs (by index) to map.
    static func read(store: SweepStore, design: [[Double]], pairs: [(Int, Int)]) throws(RunError) -> SweepAnalysis {
        let identity = store.identity
        let unit = identity.governments.count > 1 ? RunStatistics.regionName : identity.governments[0]
        var effects: [MainEffect] = []
        var maps: [TwoFactorMap] = []
        for outcome in outcomes {
            let means = try store.means(government: unit, outcome: outcome.name, points: design.count)
            for (f, factor) in identity.factors.enumerated() {
                effects.append(
                    MainEffect.compute(
                        factor: factor, column: f, design: design, means: means, outcome: outcome.name,
                        government: unit))
            }
            if outcome == .finalSpbe || outcome == .adoption {
                for (a, b) in pairs {
                    maps.append(
                        TwoFactorMap.compute(
                            factors: (identity.factors[a], identity.factors[b]), columns: (a, b), design: design,
                            means: means, outcome: outcome.name, government: unit))
                }
            }
        }
        return SweepAnalysis(
            unit: unit, factors: identity.factors, points: design.count, replicatesPerPoint: identity.replicates,
            effects: effects, maps: maps)
    }
}

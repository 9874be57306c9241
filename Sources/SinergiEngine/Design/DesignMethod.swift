import SinergiStats

/// A way of choosing an experiment's points: one type per method, one file each (grid,
/// Latin hypercube, Sobol', Morris, a csv file), listed in ``DesignMethods/all``.
///
/// Most methods place points in the unit hypercube and map each coordinate with
/// ``Factor/value(atUnit:)``; the result is deterministic given the settings.
public protocol DesignMethod: Sendable {
    /// The name `--design` takes, e.g. "sobol".
    static var name: String { get }
    /// The method with its settings; `argument` is what follows the name after a colon
    /// (`csv:FILE`), nil when nothing does.
    ///
    /// - Throws: ``DesignError/design(_:problem:)`` when a setting it needs is missing or
    ///   out of range.
    init(argument: String?, settings: DesignSettings) throws(DesignError)
    /// The points for `factors`, in order.
    func design(for factors: [Factor]) throws(DesignError) -> Design
}

extension DesignMethod {
    /// The stream of a random design: seeded from the master seed but apart from every
    /// replicate's streams, so the design and the simulation do not share numbers. MT19937:
    /// a design is drawn once per study, off the replicates' path, and keeps sinergi 0.2's points.
    static func stream(seed: UInt64) -> RandomStream {
        RandomStream(algorithm: .mt19937, seed: SeedDerivation.mix(seed ^ SeedDerivation.fnv1a64("design:\(name)")))
    }

    /// The problem as a ``DesignError`` of this method.
    static func failure(_ problem: String) -> DesignError { .design(name, problem: problem) }
}

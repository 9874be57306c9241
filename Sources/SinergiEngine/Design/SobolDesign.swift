import SinergiStats

/// The first N points of Sobol's quasi-random sequence (GSL's `gsl_qrng_sobol`) after its
/// first point, the origin, which GSL already leaves out: (½, …, ½), (¾, ¼, …), … mapped to
/// the factors' ranges. N must be a power of two: the sequence's balance properties hold
/// for such blocks. Deterministic, with no seed; at most 40 factors.
public struct SobolDesign: DesignMethod {
    public static let name = "sobol"

    public var points: Int

    public init(points: Int) {
        self.points = points
    }

    public init(argument: String?, settings: DesignSettings) throws(DesignError) {
        if let argument { throw Self.failure("takes no ':\(argument)'") }
        guard let points = settings.points else { throw Self.failure("needs --points N, a power of two") }
        guard points >= 1, points & (points - 1) == 0 else {
            let below = points < 2 ? 1 : 1 << (Int.bitWidth - 1 - points.leadingZeroBitCount)
            let hint = points < 2 ? "e.g. 256" : "use \(below) or \(below * 2)"
            throw Self.failure("--points must be a power of two, got \(points); \(hint)")
        }
        self.init(points: points)
    }

    public func design(for factors: [Factor]) throws(DesignError) -> Design {
        guard !factors.isEmpty else { throw Self.failure("needs at least one --factor") }
        guard factors.count <= QuasiRandomSequence.maximumDimensions else {
            throw Self.failure(
                "GSL's Sobol' sequence has at most \(QuasiRandomSequence.maximumDimensions) dimensions, "
                    + "got \(factors.count) factors; use lhs")
        }
        let sequence: QuasiRandomSequence
        do { sequence = try QuasiRandomSequence(dimensions: factors.count) } catch {
            throw Self.failure("\(error)")
        }
        let units = (0..<points).map { _ in sequence.next() }
        let values = units.map { unit in zip(factors, unit).map { $0.value(atUnit: $1) } }
        return Design(method: Self.name, factors: factors, points: values, unitPoints: units)
    }
}

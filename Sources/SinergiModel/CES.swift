import RealModule

/// The constant-elasticity-of-substitution aggregate of partner contributions,
/// X = (mean xᵢ^ρ)^(1/ρ) (MODEL.md §2 step 14).
///
/// ρ = −∞ is the weakest link (min; Hirshleifer 1983), ρ = 0 the geometric mean, ρ = 1 the
/// mean (additive public good) and ρ = +∞ the best shot (max). Values are added one at a
/// time so the monthly step needs no buffer.
public struct CESAggregate: Sendable {
    @usableFromInline enum Kind: Sendable { case minimum, geometric, power, maximum }

    @usableFromInline let kind: Kind
    @usableFromInline let rho: Double
    @usableFromInline var accumulator: Double
    @usableFromInline var count: Int
    /// Power means only: the reference s of Σ (x/s)^ρ held in `accumulator` — the largest x
    /// for ρ > 0, the smallest positive x for ρ < 0 — so no term exceeds 1 and the
    /// reference's own term is 1: x^ρ neither overflows nor underflows for large |ρ|.
    /// 0 until a positive x arrives.
    @usableFromInline var scale: Double

    /// Starts an empty aggregate with elasticity parameter `rho`.
    @inlinable
    public init(rho: Double) {
        self.rho = rho
        count = 0
        scale = 0
        if rho == -.infinity {
            kind = .minimum; accumulator = .infinity
        } else if rho == .infinity {
            kind = .maximum; accumulator = -.infinity
        } else if rho == 0 {
            kind = .geometric; accumulator = 0
        } else {
            kind = .power; accumulator = 0
        }
    }

    /// Adds one contribution x ≥ 0.
    @inlinable
    public mutating func add(_ x: Double) {
        count += 1
        switch kind {
        case .minimum: accumulator = Swift.min(accumulator, x)
        case .maximum: accumulator = Swift.max(accumulator, x)
        case .geometric: accumulator += x > 0 ? Double.log(x) : -.infinity
        case .power:
            if accumulator == .infinity {
                break  // a zero term already made it 0 (ρ < 0)
            } else if x <= 0 {
                if rho < 0 { accumulator = .infinity }  // 0^ρ = ∞: the aggregate is 0
            } else if scale == 0 {
                accumulator = 1
                scale = x
            } else if (rho > 0) == (x > scale) {
                // x becomes the reference: re-express the sum relative to it.
                accumulator = accumulator * Double.pow(scale / x, rho) + 1
                scale = x
            } else {
                accumulator += Double.pow(x / scale, rho)
            }
        }
    }

    /// The aggregate of the contributions added so far (0 when none were added).
    @inlinable
    public var value: Double {
        guard count > 0 else { return 0 }
        switch kind {
        case .minimum, .maximum: return accumulator
        case .geometric: return Double.exp(accumulator / Double(count))
        case .power:
            if accumulator == .infinity || scale == 0 { return 0 }
            return scale * Double.pow(accumulator / Double(count), 1 / rho)
        }
    }

    /// The aggregate of `values` with elasticity parameter `rho`.
    public static func of(_ values: some Sequence<Double>, rho: Double) -> Double {
        var aggregate = CESAggregate(rho: rho)
        for x in values { aggregate.add(x) }
        return aggregate.value
    }
}

import RealModule

/// The Ishigami–Homma function (Ishigami & Homma 1990), a standard check of sensitivity
/// estimators: f(x) = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁ on [−π, π]³, with a strong
/// non-additive interaction of x₁ and x₃ and no first-order effect of x₃.
///
/// Exact partial variances (Sobol' & Levitan 1999; SALib's `test_functions.Ishigami`):
/// V₁ = (1 + bπ⁴/5)²/2, V₂ = a²/8, V₃ = 0, V₁₃ = b²π⁸ (1/18 − 1/50) = 8b²π⁸/225, no other
/// interaction, and V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2. With a = 7, b = 0.1:
/// S = 0.3139, 0.4424, 0 and S_T = 0.5576, 0.4424, 0.2437.
public struct Ishigami: Sendable, Equatable {
    public var a: Double
    public var b: Double

    public init(a: Double = 7, b: Double = 0.1) {
        self.a = a
        self.b = b
    }

    /// The three factors.
    public static let factorNames = ["x1", "x2", "x3"]

    /// f at a point of [−π, π]³.
    public func value(_ x: [Double]) -> Double {
        let sine1 = Double.sin(x[0]), sine2 = Double.sin(x[1])
        return sine1 + a * sine2 * sine2 + b * Double.pow(x[2], 4) * sine1
    }

    /// f at a point of the unit cube, each coordinate mapped linearly onto [−π, π].
    public func value(unit u: [Double]) -> Double {
        value(u.map { -Double.pi + 2 * Double.pi * $0 })
    }

    /// V(f), the variance over the uniform inputs.
    public var variance: Double {
        let pi4 = Double.pow(Double.pi, 4)
        return a * a / 8 + b * pi4 / 5 + b * b * pi4 * pi4 / 18 + 0.5
    }

    /// V₁₃, the only interaction.
    var interaction13: Double { 8 * b * b * Double.pow(Double.pi, 8) / 225 }

    /// The exact first-order indices S₁, S₂, S₃.
    public var firstOrder: [Double] {
        let v1 = 0.5 * (1 + b * Double.pow(Double.pi, 4) / 5) * (1 + b * Double.pow(Double.pi, 4) / 5)
        return [v1 / variance, a * a / 8 / variance, 0]
    }

    /// The exact total-order indices S_T1, S_T2, S_T3.
    public var totalOrder: [Double] {
        let s = firstOrder
        let s13 = interaction13 / variance
        return [s[0] + s13, s[1], s13]
    }

    /// The exact second-order index S_ij (only S₁₃ is not 0).
    public func secondOrder(_ i: Int, _ j: Int) -> Double {
        Set([i, j]) == [0, 2] ? interaction13 / variance : 0
    }
}

import Foundation

// Closed-form references the tests compare against. They are written from textbook
// formulas with libm's erfc, independently of GSL and of SinergiStats, so a wrong GSL
// binding or a wrong inverse CDF in the module cannot make both sides agree.

/// Standard normal CDF Φ(z) = erfc(−z/√2)/2.
func standardNormalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

/// Standard normal upper tail Q(z) = 1 − Φ(z) = erfc(z/√2)/2, accurate in the upper tail.
func standardNormalTail(_ z: Double) -> Double { 0.5 * erfc(z / 2.0.squareRoot()) }

/// Standard normal density φ(z).
func standardNormalPDF(_ z: Double) -> Double { exp(-0.5 * z * z) / (2 * Double.pi).squareRoot() }

/// The standard normal quantile at 0.975 (Abramowitz & Stegun 26.2; scipy.stats.norm.ppf).
let z975 = 1.959963984540054

/// Mean and variance of a random variable.
struct Moments {
    var mean: Double
    var variance: Double
}

/// Normal(μ, σ) with values beyond [a, b] replaced by the bound (clipped, not truncated):
/// E[Y] = aΦ(α) + b(1 − Φ(β)) + ∫ₐᵇ x f(x) dx, and likewise E[Y²], with α = (a − μ)/σ,
/// β = (b − μ)/σ, ∫ z φ = φ(α) − φ(β) and ∫ z² φ = (Φ(β) − Φ(α)) + αφ(α) − βφ(β).
func clippedNormalMoments(mean mu: Double, sd sigma: Double, low a: Double, high b: Double) -> Moments {
    let alpha = (a - mu) / sigma, beta = (b - mu) / sigma
    let below = standardNormalCDF(alpha), above = standardNormalTail(beta)
    let inside = 1 - below - above
    let z1 = standardNormalPDF(alpha) - standardNormalPDF(beta)
    let z2 = inside + alpha * standardNormalPDF(alpha) - beta * standardNormalPDF(beta)
    let m1 = a * below + b * above + mu * inside + sigma * z1
    let m2 = a * a * below + b * b * above + mu * mu * inside + 2 * mu * sigma * z1 + sigma * sigma * z2
    return Moments(mean: m1, variance: m2 - m1 * m1)
}

/// Normal(μ, σ) conditioned on [a, b] (Johnson, Kotz & Balakrishnan 1994, §10.1):
/// mean μ + σ(φ(α) − φ(β))/Z, variance σ²[1 + (αφ(α) − βφ(β))/Z − ((φ(α) − φ(β))/Z)²].
func truncatedNormalMoments(mean mu: Double, sd sigma: Double, low a: Double, high b: Double) -> Moments {
    let alpha = (a - mu) / sigma, beta = (b - mu) / sigma
    let mass = standardNormalTail(alpha) - standardNormalTail(beta)
    let ratio = (standardNormalPDF(alpha) - standardNormalPDF(beta)) / mass
    let spread = (alpha * standardNormalPDF(alpha) - beta * standardNormalPDF(beta)) / mass
    return Moments(mean: mu + sigma * ratio, variance: sigma * sigma * (1 + spread - ratio * ratio))
}

/// True when |actual − expected| ≤ tolerance · max(1, |expected|).
func isClose(_ actual: Double, _ expected: Double, tolerance: Double = 1e-12) -> Bool {
    abs(actual - expected) <= tolerance * max(1, abs(expected))
}

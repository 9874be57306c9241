import RealModule

/// The prior of a calibration: independent marginals, one per named factor.
///
/// A parameter vector lists one value per factor, in the order of ``factors``. Sampling
/// takes one uniform per factor, in that order, from the stream it is given.
public struct Prior: Sendable, Hashable, Codable {
    /// One calibrated factor: the name the engine knows it by (a scenario path) and its prior.
    public struct Factor: Sendable, Hashable, Codable {
        public var name: String
        public var marginal: PriorMarginal
        public init(name: String, marginal: PriorMarginal) {
            self.name = name
            self.marginal = marginal
        }
    }

    public var factors: [Factor]

    public init(_ factors: [Factor]) { self.factors = factors }

    /// The number of factors.
    public var dimension: Int { factors.count }

    /// Checks that there is at least one factor, that names are present and distinct, and
    /// that every marginal is valid.
    public func validate() throws(CalibrationError) {
        guard !factors.isEmpty else { throw CalibrationError(message: "a calibration needs at least one factor") }
        var seen = Set<String>()
        for factor in factors {
            guard !factor.name.isEmpty else { throw CalibrationError(message: "a factor needs a name") }
            guard seen.insert(factor.name).inserted else {
                throw CalibrationError(message: "factor '\(factor.name)' is given twice")
            }
            do { try factor.marginal.validate() } catch {
                throw CalibrationError(message: "factor '\(factor.name)': \(error.message)")
            }
        }
    }

    /// Whether every value of `parameters` lies in its factor's support.
    public func contains(_ parameters: [Double]) -> Bool {
        parameters.count == dimension && zip(factors, parameters).allSatisfy { $0.marginal.contains($1) }
    }

    /// The natural logarithm of the joint prior density (−∞ outside the support).
    public func logDensity(_ parameters: [Double]) -> Double {
        precondition(parameters.count == dimension, "a parameter vector needs one value per factor")
        var total = 0.0
        for (factor, value) in zip(factors, parameters) { total += factor.marginal.logDensity(value) }
        return total
    }

    /// The joint prior density: the product of the marginal densities.
    public func density(_ parameters: [Double]) -> Double { Double.exp(logDensity(parameters)) }

    /// One parameter vector drawn from the prior: one uniform per factor, in factor order.
    public func sample(_ stream: RandomStream) -> [Double] { factors.map { $0.marginal.sample(stream) } }

    /// `parameters` on the working scale (see ``PriorMarginal``).
    func working(_ parameters: [Double]) -> [Double] {
        zip(factors, parameters).map { $0.marginal.toWorking($1) }
    }

    /// The parameter vector whose working coordinates are `x`.
    func natural(_ x: [Double]) -> [Double] { zip(factors, x).map { $0.marginal.fromWorking($1) } }

    /// Whether the working coordinates `x` lie in the support.
    func containsWorking(_ x: [Double]) -> Bool { zip(factors, x).allSatisfy { $0.marginal.containsWorking($1) } }

    /// The logarithm of the prior density of the working coordinates `x`.
    func workingLogDensity(_ x: [Double]) -> Double {
        var total = 0.0
        for (factor, value) in zip(factors, x) { total += factor.marginal.workingLogDensity(value) }
        return total
    }

    /// Each factor's prior variance on the working scale.
    var workingVariances: [Double] { factors.map(\.marginal.workingVariance) }
}

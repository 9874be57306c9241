import SinergiStats
import Testing

@Suite("Distribution.validate and support")
struct DistributionValidationTests {
    /// A parameter set that must be rejected, with the distribution name the message must give.
    struct Invalid: Sendable, CustomTestStringConvertible {
        var distribution: Distribution
        var name: String
        var testDescription: String { "\(distribution)" }
    }

    static let invalid: [Invalid] = [
        Invalid(distribution: .constant(.nan), name: "constant"),
        Invalid(distribution: .constant(.infinity), name: "constant"),
        Invalid(distribution: .uniform(low: 2, high: 2), name: "uniform"),
        Invalid(distribution: .uniform(low: 3, high: 1), name: "uniform"),
        Invalid(distribution: .uniform(low: 0, high: .infinity), name: "uniform"),
        Invalid(distribution: .uniform(low: .nan, high: 1), name: "uniform"),
        Invalid(distribution: .beta(alpha: 0, beta: 1), name: "beta"),
        Invalid(distribution: .beta(alpha: 1, beta: 0), name: "beta"),
        Invalid(distribution: .beta(alpha: -1, beta: 2), name: "beta"),
        Invalid(distribution: .beta(alpha: -0.5, beta: 2), name: "beta"),
        // B(−1.5, 2) = Γ(−1.5)Γ(2)/Γ(0.5) = 4/3 > 0: ln B exists, but the shape is still invalid.
        Invalid(distribution: .beta(alpha: -1.5, beta: 2), name: "beta"),
        Invalid(distribution: .beta(alpha: 2, beta: -2.5), name: "beta"),
        Invalid(distribution: .beta(alpha: .infinity, beta: 1), name: "beta"),
        Invalid(distribution: .beta(alpha: .nan, beta: 1), name: "beta"),
        Invalid(distribution: .normal(mean: 0, sd: 0, clip: nil), name: "normal"),
        Invalid(distribution: .normal(mean: 0, sd: -1, clip: nil), name: "normal"),
        Invalid(distribution: .normal(mean: .nan, sd: 1, clip: nil), name: "normal"),
        Invalid(distribution: .normal(mean: 0, sd: .infinity, clip: nil), name: "normal"),
        Invalid(distribution: .normal(mean: 0, sd: 1, clip: -.infinity...0), name: "normal"),
        Invalid(distribution: .normal(mean: 0, sd: 1, clip: 0...(.infinity)), name: "normal"),
        Invalid(distribution: .truncatedNormal(mean: 0, sd: 0, low: -1, high: 1), name: "truncatedNormal"),
        Invalid(distribution: .truncatedNormal(mean: 0, sd: 1, low: 1, high: 1), name: "truncatedNormal"),
        Invalid(distribution: .truncatedNormal(mean: 0, sd: 1, low: 2, high: 1), name: "truncatedNormal"),
        Invalid(distribution: .truncatedNormal(mean: 0, sd: 1, low: -.infinity, high: 1), name: "truncatedNormal"),
        Invalid(distribution: .truncatedNormal(mean: .nan, sd: 1, low: 0, high: 1), name: "truncatedNormal"),
        // [40, 41] is 40 sd above the mean: no probability to condition on.
        Invalid(distribution: .truncatedNormal(mean: 0, sd: 1, low: 40, high: 41), name: "truncatedNormal"),
        Invalid(distribution: .triangular(low: 0, mode: 2, high: 1), name: "triangular"),
        Invalid(distribution: .triangular(low: 0, mode: -1, high: 1), name: "triangular"),
        Invalid(distribution: .triangular(low: 1, mode: 1, high: 1), name: "triangular"),
        Invalid(distribution: .triangular(low: .nan, mode: 0.5, high: 1), name: "triangular"),
        Invalid(distribution: .triangular(low: 0, mode: 0.5, high: .infinity), name: "triangular"),
        Invalid(distribution: .lognormal(mu: 0, sigma: 0, clip: nil), name: "lognormal"),
        Invalid(distribution: .lognormal(mu: 0, sigma: -1, clip: nil), name: "lognormal"),
        Invalid(distribution: .lognormal(mu: .infinity, sigma: 1, clip: nil), name: "lognormal"),
        Invalid(distribution: .lognormal(mu: 0, sigma: 1, clip: 0...(.infinity)), name: "lognormal"),
        Invalid(distribution: .bernoulli(p: -0.1), name: "bernoulli"),
        Invalid(distribution: .bernoulli(p: 1.1), name: "bernoulli"),
        Invalid(distribution: .bernoulli(p: .nan), name: "bernoulli"),
    ]

    /// The words of a message (runs of letters), so "normal" does not match inside "lognormal".
    private func words(_ message: String) -> [Substring] {
        message.split(whereSeparator: { !$0.isLetter })
    }

    @Test("validate rejects a bad parameter set with a message naming the distribution", arguments: invalid)
    func rejects(_ c: Invalid) {
        let error = #expect(throws: DistributionError.self) { try c.distribution.validate() }
        guard let error else { return }
        #expect(words(error.message).contains(Substring(c.name)), "message: \(error.message)")
        #expect(error.description == error.message)
    }

    static let valid: [Distribution] = [
        .constant(0), .constant(-3.5),
        .uniform(low: 0.3, high: 0.7), .uniform(low: -1e6, high: 1e6),
        .beta(alpha: 2, beta: 2), .beta(alpha: 0.01, beta: 1000), .beta(alpha: 1e-3, beta: 1e-3),
        .normal(mean: 0, sd: 1, clip: nil), .normal(mean: 0.5, sd: 0.2, clip: 0...1),
        .truncatedNormal(mean: 0.5, sd: 0.2, low: 0, high: 1), .truncatedNormal(mean: 0, sd: 1, low: 4, high: 5),
        .triangular(low: 0, mode: 0, high: 1), .triangular(low: 0, mode: 1, high: 1),
        .triangular(low: 1, mode: 2, high: 6),
        .lognormal(mu: 0, sigma: 1, clip: nil), .lognormal(mu: -1, sigma: 0.3, clip: 0...1),
        .bernoulli(p: 0), .bernoulli(p: 1), .bernoulli(p: 0.14),
    ]

    @Test("validate accepts good parameter sets, including edge cases", arguments: valid)
    func accepts(_ distribution: Distribution) {
        #expect(throws: Never.self) { try distribution.validate() }
    }

    @Test("support of each case")
    func support() {
        #expect(Distribution.constant(2.5).support == 2.5...2.5)
        #expect(Distribution.uniform(low: 0.4, high: 1).support == 0.4...1)
        #expect(Distribution.beta(alpha: 2, beta: 5).support == 0...1)
        #expect(Distribution.normal(mean: 3, sd: 1, clip: nil).support == -Double.infinity...Double.infinity)
        #expect(Distribution.normal(mean: 3, sd: 1, clip: 0...5).support == 0...5)
        #expect(Distribution.truncatedNormal(mean: 0, sd: 1, low: -2, high: 3).support == -2...3)
        #expect(Distribution.triangular(low: 1, mode: 2, high: 6).support == 1...6)
        #expect(Distribution.lognormal(mu: 0, sigma: 1, clip: nil).support == 0...Double.infinity)
        #expect(Distribution.lognormal(mu: 0, sigma: 1, clip: 0.5...4).support == 0.5...4)
        #expect(Distribution.bernoulli(p: 0.3).support == 0...1)
    }
}

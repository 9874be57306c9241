import Foundation
import SinergiStats
import Testing

@Suite("GSLMath")
struct GSLMathTests {
    @Test("logBeta(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b)")
    func logBetaValues() throws {
        // B(2, 3) = 1!·2!/4! = 1/12; B(1, 1) = 1; B(1/2, 1/2) = π.
        #expect(isClose(try GSLMath.logBeta(2, 3), Foundation.log(1.0 / 12.0)))
        #expect(isClose(try GSLMath.logBeta(1, 1), 0))
        #expect(isClose(try GSLMath.logBeta(0.5, 0.5), Foundation.log(Double.pi)))
        #expect(isClose(try GSLMath.logBeta(7.5, 2.25), lgamma(7.5) + lgamma(2.25) - lgamma(9.75), tolerance: 1e-13))
    }

    @Test("logBeta(-1, 2) throws GSLError.domain instead of aborting")
    func logBetaDomainError() {
        #expect(throws: GSLError.domain) { try GSLMath.logBeta(-1, 2) }
        #expect(throws: GSLError.domain) { try GSLMath.logBeta(2, 0) }
    }

    @Test("log(x) is ln x for x > 0")
    func logValues() throws {
        #expect(isClose(try GSLMath.log(1), 0))
        #expect(isClose(try GSLMath.log(M_E), 1))
        #expect(isClose(try GSLMath.log(1e-300), -300 * Foundation.log(10.0)))
    }

    @Test("log of a non-positive number throws GSLError.domain", arguments: [-1.0, 0.0, -1e-300])
    func logDomainError(x: Double) {
        #expect(throws: GSLError.domain) { try GSLMath.log(x) }
    }

    @Test("Student's t quantile matches the reference value")
    func studentTQuantile() {
        // t(0.975, 9) from mpmath (30 digits): solve I_{9/(9+t²)}(4.5, 0.5)/2 = 0.025
        // → 2.2621571627982055086…; scipy.stats.t.ppf(0.975, 9) agrees.
        #expect(isClose(GSLMath.studentTQuantile(0.975, degreesOfFreedom: 9), 2.2621571627982055))
        // With one degree of freedom t is Cauchy: quantile tan(π(p − 1/2)).
        #expect(isClose(GSLMath.studentTQuantile(0.9, degreesOfFreedom: 1), tan(Double.pi * 0.4), tolerance: 1e-10))
        // Large dof tends to the normal quantile.
        #expect(abs(GSLMath.studentTQuantile(0.975, degreesOfFreedom: 1e7) - z975) < 1e-6)
    }

    @Test("gaussianQuantile and gaussianCDF are inverse to each other and match erfc")
    func gaussian() {
        #expect(isClose(GSLMath.gaussianQuantile(0.975, 1), z975))
        #expect(isClose(GSLMath.gaussianQuantile(0.975, 2.5), 2.5 * z975))
        for x in stride(from: -6.0, through: 6.0, by: 0.5) {
            #expect(isClose(GSLMath.gaussianCDF(x, 2), standardNormalCDF(x / 2), tolerance: 1e-14))
        }
    }
}

import SinergiStats
import Testing

@Suite("GSLError")
struct GSLErrorTests {
    @Test("the named codes are GSL's status values")
    func codes() {
        // gsl_errno.h: GSL_EDOM = 1, GSL_ERANGE = 2, GSL_EINVAL = 4, GSL_ENOMEM = 8, GSL_EMAXITER = 11.
        #expect(GSLError.domain.rawValue == 1)
        #expect(GSLError.range.rawValue == 2)
        #expect(GSLError.invalidArgument.rawValue == 4)
        #expect(GSLError.outOfMemory.rawValue == 8)
        #expect(GSLError.maximumIterations.rawValue == 11)
    }

    @Test("description gives the code and GSL's own explanation")
    func readableDescription() {
        #expect(GSLError.domain.description == "GSL error 1: input domain error")
        #expect(GSLError.range.description == "GSL error 2: output range error")
        #expect(GSLError(rawValue: 9999).description.contains("9999"))
        // A thrown error reads the same way when interpolated.
        do {
            _ = try GSLMath.log(-1)
            Issue.record("log(-1) did not throw")
        } catch {
            #expect("\(error)" == "GSL error 1: input domain error")
        }
    }

    @Test("check throws for every non-zero status and only for those")
    func check() {
        #expect(throws: Never.self) { try GSLError.check(0) }
        #expect(throws: GSLError.domain) { try GSLError.check(1) }
        #expect(throws: GSLError(rawValue: 27)) { try GSLError.check(27) }
        #expect(throws: GSLError(rawValue: -1)) { try GSLError.check(-1) }
    }

    @Test("GSL errors in a fresh process neither abort nor need set-up by the caller")
    func noAbortInFreshProcess() async {
        // A child process that has not yet created a stream or called GSLRuntime: every GSL
        // entry point must still run with GSL's aborting error handler switched off.
        await #expect(processExitsWith: .success) {
            // Inverse CDF whose GSL Newton iteration fails to converge (GSL_EFAILED).
            let quantile = Distribution.beta(alpha: 0.01, beta: 1).quantile(0.5)
            precondition(quantile.isFinite, "beta quantile is not finite: \(quantile)")
            do {
                _ = try GSLMath.logBeta(-1, 2)
                preconditionFailure("logBeta(-1, 2) did not throw")
            } catch {
                precondition((error as? GSLError) == .domain, "\(error)")
            }
        }
    }
}

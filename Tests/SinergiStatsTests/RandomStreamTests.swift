import SinergiStats
import Testing

@Suite("RandomStream")
struct RandomStreamTests {
    /// Raw output number `n` (1-based) of a stream.
    private func rawOutput(_ n: Int, of stream: RandomStream) -> UInt {
        var value: UInt = 0
        for _ in 0..<n { value = stream.nextRaw() }
        return value
    }

    @Test("MT19937 seeded 4357 gives GSL's published 1000th output")
    func mt19937KnownValue() {
        // gsl-2.7.1/rng/test.c: rng_test (gsl_rng_mt19937, 4357, 1000, 1186927261).
        // 4357 < 2^32, so the 64-bit fold leaves the seed unchanged.
        let stream = RandomStream(algorithm: .mt19937, seed: 4357)
        #expect(rawOutput(1000, of: stream) == 1_186_927_261)
    }

    @Test("taus2 seeded 1 gives GSL's published 10000th output")
    func taus2KnownValue() {
        // gsl-2.7.1/rng/test.c: rng_test (gsl_rng_taus2, 1, 10000, 2733957125UL).
        let stream = RandomStream(algorithm: .taus2, seed: 1)
        #expect(rawOutput(10_000, of: stream) == 2_733_957_125)
    }

    @Test("the default algorithm is xoshiro256++")
    func defaultAlgorithm() {
        #expect(RandomStream(seed: 4357).algorithm == .xoshiro256pp)
        #expect(RandomAlgorithm.standard == .xoshiro256pp)
        #expect(RandomAlgorithm(rawValue: "xoshiro256++") == .xoshiro256pp)
    }

    @Test("reseed restarts the sequence exactly as a fresh stream", arguments: RandomAlgorithm.allCases)
    func reseedMatchesFreshStream(algorithm: RandomAlgorithm) {
        let reused = RandomStream(algorithm: algorithm, seed: 42)
        for _ in 0..<1234 { _ = reused.uniform() }
        reused.reseed(0xDEAD_BEEF_0000_0007)
        #expect(reused.seed == 0xDEAD_BEEF_0000_0007)

        let fresh = RandomStream(algorithm: algorithm, seed: 0xDEAD_BEEF_0000_0007)
        let fromReused = (0..<500).map { _ in reused.nextRaw() }
        let fromFresh = (0..<500).map { _ in fresh.nextRaw() }
        #expect(fromReused == fromFresh)
    }

    @Test("two streams with the same seed agree; different seeds differ", arguments: RandomAlgorithm.allCases)
    func sameSeedSameSequence(algorithm: RandomAlgorithm) {
        let a = RandomStream(algorithm: algorithm, seed: 2018)
        let b = RandomStream(algorithm: algorithm, seed: 2018)
        let c = RandomStream(algorithm: algorithm, seed: 2019)
        let fromA = (0..<100).map { _ in a.uniform() }
        let fromB = (0..<100).map { _ in b.uniform() }
        let fromC = (0..<100).map { _ in c.uniform() }
        #expect(fromA == fromB)
        #expect(fromA != fromC)
    }

    @Test("the 64-bit seed is folded to 32 bits as documented")
    func seedFolding() {
        // seed ^ (seed >> 32), low 32 bits: 0x9ABCDEF0 ^ 0x12345678 = 0x88888888.
        #expect(RandomStream.gslSeed(0x1234_5678_9ABC_DEF0) == 0x8888_8888)
        #expect(RandomStream.gslSeed(4357) == 4357)
        #expect(RandomStream.gslSeed(0xFFFF_FFFF) == 0xFFFF_FFFF)
        #expect(RandomStream.gslSeed(0x0000_0001_0000_0000) == 1)

        let wide = RandomStream(algorithm: .mt19937, seed: 0x1234_5678_9ABC_DEF0)
        let folded = RandomStream(algorithm: .mt19937, seed: 0x8888_8888)
        #expect((0..<50).map { _ in wide.nextRaw() } == (0..<50).map { _ in folded.nextRaw() })
    }

    @Test("uniform() lies in the open interval (0, 1) and has mean 1/2", arguments: RandomAlgorithm.allCases)
    func uniformOpenInterval(algorithm: RandomAlgorithm) {
        let stream = RandomStream(algorithm: algorithm, seed: 7)
        let n = 200_000
        var sum = 0.0
        var outside = 0
        for _ in 0..<n {
            let u = stream.uniform()
            if !(u > 0 && u < 1) { outside += 1 }
            sum += u
        }
        #expect(outside == 0)
        // Var U(0,1) = 1/12.
        let se = standardError(variance: 1.0 / 12.0, n: n)
        #expect(abs(sum / Double(n) - 0.5) <= 4 * se)
    }

    @Test("MT19937 uniform() is the raw output divided by 2^32 (GSL's definition)")
    func uniformIsScaledRawOutput() {
        let a = RandomStream(algorithm: .mt19937, seed: 99)
        let b = RandomStream(algorithm: .mt19937, seed: 99)
        let uniforms = (0..<1000).map { _ in a.uniform() }
        let scaled = (0..<1000).map { _ -> Double in
            var raw = b.nextRaw()
            while raw == 0 { raw = b.nextRaw() }  // uniform_pos skips an exact 0
            return Double(raw) / 4_294_967_296.0
        }
        #expect(uniforms == scaled)
    }
}

internal import CGSL

/// The pseudo-random algorithms a scenario can choose.
public enum RandomAlgorithm: String, Sendable, CaseIterable, Codable {
    /// xoshiro256++ (Blackman & Vigna 2021), the default: 256 bits of state seeded from the
    /// full 64-bit stream seed by SplitMix64, computed inline in Swift.
    case xoshiro256pp = "xoshiro256++"
    /// Mersenne Twister MT19937 (Matsumoto & Nishimura 1998) from GSL, the default of
    /// sinergi 0.1–0.2 (results format 1).
    case mt19937
    /// Maximally equidistributed combined Tausworthe generator (L'Ecuyer 1999) from GSL.
    case taus2

    /// The algorithm of a scenario that names none.
    public static let standard = RandomAlgorithm.xoshiro256pp

}

/// One named stream of uniform random numbers.
///
/// Every stochastic function in Sinergi takes its stream explicitly. A stream is owned by
/// one replicate worker and reseeded for each replicate, so the monthly step never
/// allocates a generator. xoshiro256++ keeps its four state words in memory the stream
/// owns and is stepped inline; MT19937 and taus2 are GSL generators behind a pointer.
public final class RandomStream {
    /// xoshiro256++'s state s0 … s3 (unused by the GSL algorithms). A pointer rather than
    /// stored properties: a class's stored `var`s would be checked for exclusive access at
    /// every draw.
    @usableFromInline let words: UnsafeMutablePointer<UInt64>
    /// The GSL generator, for MT19937 and taus2.
    let generator: UnsafeMutablePointer<gsl_rng>?
    /// The algorithm behind this stream.
    public let algorithm: RandomAlgorithm
    /// Whether ``algorithm`` is xoshiro256++, read at every draw.
    @inlinable var isXoshiro: Bool { algorithm == .xoshiro256pp }
    /// The seed last given to ``reseed(_:)`` or the initialiser.
    public private(set) var seed: UInt64

    /// Creates a stream seeded with `seed`.
    ///
    /// xoshiro256++ takes all 64 bits (``xoshiroState(seed:)``). GSL seeds MT19937 and
    /// taus2 from 32 bits: the 64-bit seed is folded (`seed ^ (seed >> 32)`, low 32 bits)
    /// before it reaches GSL.
    public init(algorithm: RandomAlgorithm = .standard, seed: UInt64) {
        words = .allocate(capacity: 4)
        words.initialize(repeating: 0, count: 4)
        self.algorithm = algorithm
        self.seed = seed
        switch algorithm {
        case .xoshiro256pp:
            generator = nil
        case .mt19937, .taus2:
            GSLRuntime.configure()
            let type = algorithm == .mt19937 ? sinergi_rng_type_mt19937() : sinergi_rng_type_taus2()
            guard let rng = gsl_rng_alloc(type) else {
                fatalError("GSL could not allocate a random number generator (out of memory)")
            }
            generator = rng
        }
        reseed(seed)
    }

    deinit {
        words.deallocate()
        if let generator { gsl_rng_free(generator) }
    }

    /// Restarts the stream from `seed`, as if newly created.
    public func reseed(_ seed: UInt64) {
        self.seed = seed
        if let generator {
            gsl_rng_set(generator, RandomStream.gslSeed(seed))
        } else {
            let state = Self.xoshiroState(seed: seed)
            words[0] = state.0
            words[1] = state.1
            words[2] = state.2
            words[3] = state.3
        }
    }

    /// xoshiro256++'s state for a 64-bit seed: the first four outputs of SplitMix64 started
    /// at `seed` (mix(seed + k·γ) for k = 0 … 3, ``SeedDerivation/mix(_:)``), as the
    /// generator's authors recommend. mix is a bijection and the four inputs differ, so the
    /// state is never all zero.
    @inlinable
    public static func xoshiroState(seed: UInt64) -> (UInt64, UInt64, UInt64, UInt64) {
        let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (
            SeedDerivation.mix(seed), SeedDerivation.mix(seed &+ gamma), SeedDerivation.mix(seed &+ 2 &* gamma),
            SeedDerivation.mix(seed &+ 3 &* gamma)
        )
    }

    /// Starts xoshiro256++ from the state words `s0 … s3` (not all zero), for checks against
    /// the reference implementation's published outputs.
    public static func xoshiro(state: (UInt64, UInt64, UInt64, UInt64)) -> RandomStream {
        let stream = RandomStream(algorithm: .xoshiro256pp, seed: 0)
        stream.words[0] = state.0
        stream.words[1] = state.1
        stream.words[2] = state.2
        stream.words[3] = state.3
        return stream
    }

    /// The 32-bit seed GSL receives for a 64-bit seed.
    @inlinable
    public static func gslSeed(_ seed: UInt64) -> UInt {
        UInt((seed ^ (seed >> 32)) & 0xFFFF_FFFF)
    }

    /// xoshiro256++'s next output (Blackman & Vigna's reference `next()`).
    @inlinable @inline(__always)
    func nextXoshiro() -> UInt64 {
        let s0 = words[0], s1 = words[1], s2 = words[2], s3 = words[3]
        let sum = s0 &+ s3
        let result = ((sum << 23) | (sum >> 41)) &+ s0
        let t = s1 << 17
        let n2 = s2 ^ s0
        let n3 = s3 ^ s1
        words[1] = s1 ^ n2
        words[0] = s0 ^ n3
        words[2] = n2 ^ t
        words[3] = (n3 << 45) | (n3 >> 19)
        return result
    }

    /// The generator's next raw integer output: 64 bits for xoshiro256++, `gsl_rng_get`
    /// (32 bits) for the GSL algorithms.
    public func nextRaw() -> UInt {
        if let generator { return gsl_rng_get(generator) }
        return UInt(nextXoshiro())
    }

    /// The generator's whole internal state: two streams of one algorithm with equal states
    /// produce the same numbers from here on. For checks that two runs drew the same numbers
    /// (common random numbers).
    public func stateBytes() -> [UInt8] {
        guard let generator else {
            return Array(UnsafeRawBufferPointer(start: words, count: 4 * MemoryLayout<UInt64>.size))
        }
        let size = gsl_rng_size(generator)
        guard let state = gsl_rng_state(generator) else { return [] }
        return Array(UnsafeRawBufferPointer(start: state, count: size))
    }

    /// A uniform number in the open interval (0, 1), safe to feed an inverse CDF.
    ///
    /// xoshiro256++: (⌊x / 2¹¹⌋ + ½) · 2⁻⁵³ for the 64-bit output x, the 2⁵³ midpoints of an
    /// even grid on (0, 1). MT19937 and taus2: `gsl_rng_uniform_pos`, a 32-bit output
    /// divided by 2³², skipping 0.
    @inlinable
    public func uniform() -> Double {
        guard isXoshiro else { return gslUniform() }
        return (Double(nextXoshiro() >> 11) + 0.5) * 0x1p-53
    }

    @usableFromInline func gslUniform() -> Double {
        // Only streams of a GSL algorithm reach here, and they always have a generator.
        gsl_rng_uniform_pos(generator.unsafelyUnwrapped)
    }
}

internal import CGSL

/// The pseudo-random algorithms a scenario can choose.
public enum RandomAlgorithm: String, Sendable, CaseIterable, Codable {
    /// Mersenne Twister MT19937 (Matsumoto & Nishimura 1998), the default.
    case mt19937
    /// Maximally equidistributed combined Tausworthe generator (L'Ecuyer 1999).
    case taus2
}

/// One named stream of uniform random numbers, owning a GSL generator.
///
/// Every stochastic function in Sinergi takes its stream explicitly. A stream is owned by
/// one replicate worker and reseeded for each replicate, so the monthly step never
/// allocates a generator.
public final class RandomStream {
    let generator: UnsafeMutablePointer<gsl_rng>
    /// The algorithm behind this stream.
    public let algorithm: RandomAlgorithm
    /// The seed last given to ``reseed(_:)`` or the initialiser.
    public private(set) var seed: UInt64

    /// Creates a stream seeded with `seed`.
    ///
    /// GSL seeds MT19937 and taus2 from 32 bits: the 64-bit seed is folded
    /// (`seed ^ (seed >> 32)`, low 32 bits) before it reaches GSL.
    public init(algorithm: RandomAlgorithm = .mt19937, seed: UInt64) {
        GSLRuntime.configure()
        let type: UnsafePointer<gsl_rng_type>
        switch algorithm {
        case .mt19937: type = sinergi_rng_type_mt19937()
        case .taus2: type = sinergi_rng_type_taus2()
        }
        guard let rng = gsl_rng_alloc(type) else {
            fatalError("GSL could not allocate a random number generator (out of memory)")
        }
        self.generator = rng
        self.algorithm = algorithm
        self.seed = seed
        gsl_rng_set(rng, RandomStream.gslSeed(seed))
    }

    deinit { gsl_rng_free(generator) }

    /// Restarts the stream from `seed`, as if newly created.
    public func reseed(_ seed: UInt64) {
        self.seed = seed
        gsl_rng_set(generator, RandomStream.gslSeed(seed))
    }

    /// The 32-bit seed GSL receives for a 64-bit seed.
    @inlinable
    public static func gslSeed(_ seed: UInt64) -> UInt {
        UInt((seed ^ (seed >> 32)) & 0xFFFF_FFFF)
    }

    /// The generator's next raw integer output (`gsl_rng_get`).
    public func nextRaw() -> UInt { gsl_rng_get(generator) }

    /// The generator's whole internal state (`gsl_rng_state`, `gsl_rng_size` bytes): two
    /// streams of one algorithm with equal states produce the same numbers from here on.
    /// For checks that two runs drew the same numbers (common random numbers).
    public func stateBytes() -> [UInt8] {
        let size = gsl_rng_size(generator)
        guard let state = gsl_rng_state(generator) else { return [] }
        return Array(UnsafeRawBufferPointer(start: state, count: size))
    }

    /// A uniform number in the open interval (0, 1) (`gsl_rng_uniform_pos`), safe to feed
    /// an inverse CDF.
    public func uniform() -> Double { gsl_rng_uniform_pos(generator) }
}

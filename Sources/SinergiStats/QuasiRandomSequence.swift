internal import CGSL

/// A quasi-random (low-discrepancy) sequence of points in the unit hypercube [0, 1)^d:
/// Sobol's sequence as GSL generates it (`gsl_qrng_sobol`; Sobol' 1967, with the direction
/// numbers of Bratley & Fox 1988). Points fill the cube more evenly than random ones; the
/// sequence is deterministic and has no seed.
///
/// Sobol's sequence proper starts at the origin, a corner of the cube; GSL leaves it out,
/// so the first point is (½, …, ½), then (¾, ¼, …), (¼, ¾, …).
/// Like ``RandomStream``, it owns its GSL state and is not shared between threads.
public final class QuasiRandomSequence {
    let generator: UnsafeMutablePointer<gsl_qrng>
    /// The number of coordinates of each point.
    public let dimension: Int

    /// The most dimensions GSL's Sobol' generator supports (40).
    public static var maximumDimension: Int { Int(sinergi_qrng_type_sobol().pointee.max_dimension) }

    /// The sequence in `dimension` dimensions, from its first point.
    ///
    /// - Precondition: 1 ≤ `dimension` ≤ ``maximumDimension``.
    public init(dimension: Int) {
        precondition(
            (1...Self.maximumDimension).contains(dimension),
            "a Sobol' sequence has 1 to \(Self.maximumDimension) dimensions, got \(dimension)")
        GSLRuntime.configure()
        guard let generator = gsl_qrng_alloc(sinergi_qrng_type_sobol(), UInt32(dimension)) else {
            fatalError("GSL could not allocate a quasi-random generator (out of memory)")
        }
        self.generator = generator
        self.dimension = dimension
    }

    deinit { gsl_qrng_free(generator) }

    /// The next point of the sequence (`gsl_qrng_get`).
    public func next() -> [Double] {
        [Double](unsafeUninitializedCapacity: dimension) { buffer, count in
            // GSL fails only past the generator's period (2^30 points for Sobol').
            let status = gsl_qrng_get(generator, buffer.baseAddress)
            precondition(status == GSL_SUCCESS, "the Sobol' sequence is exhausted (GSL status \(status))")
            count = dimension
        }
    }
}

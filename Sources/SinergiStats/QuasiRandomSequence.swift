internal import CGSL

/// Sobol's low-discrepancy sequence on the unit cube [0, 1)^d, owning a GSL quasi-random
/// generator (`gsl_qrng_sobol`: Antonov & Saleev's Gray-code order, Bratley & Fox's 1988
/// direction numbers).
///
/// Points fill the cube far more evenly than independent uniforms, so integrals over the
/// factor space (a design's coverage, the variances of a Sobol' analysis) converge faster
/// (Sobol' 1967). The sequence is deterministic: there is no seed.
///
/// GSL starts at the sequence's second point, (1/2, …, 1/2), and leaves out the origin; the
/// first 2^m points of the full sequence, origin included, form a net, so callers that
/// want balanced blocks put the origin back in front (``SobolSample`` does).
public final class QuasiRandomSequence {
    /// The most dimensions GSL's Sobol' generator supports.
    public static let maximumDimensions = 40

    let generator: UnsafeMutablePointer<gsl_qrng>
    /// The dimension d of every point.
    public let dimensions: Int

    /// A sequence of points in `dimensions` dimensions, starting at GSL's first point.
    /// Throws when `dimensions` is not in 1…40 (GSL itself would not report it).
    public init(dimensions: Int) throws(DimensionError) {
        guard (1...Self.maximumDimensions).contains(dimensions) else { throw DimensionError(dimensions: dimensions) }
        GSLRuntime.configure()
        guard let qrng = gsl_qrng_alloc(sinergi_qrng_type_sobol(), UInt32(dimensions)) else {
            fatalError("GSL could not allocate a quasi-random generator (out of memory)")
        }
        generator = qrng
        self.dimensions = dimensions
    }

    deinit { gsl_qrng_free(generator) }

    /// The next point, `dimensions` coordinates in [0, 1).
    public func next() -> [Double] {
        var point = [Double](repeating: 0, count: dimensions)
        point.withUnsafeMutableBufferPointer { buffer in _ = gsl_qrng_get(generator, buffer.baseAddress!) }
        return point
    }

    /// Restarts the sequence at its first point.
    public func reset() { gsl_qrng_init(generator) }

    /// A dimension GSL's Sobol' generator cannot produce.
    public struct DimensionError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The dimension that was asked for.
        public let dimensions: Int

        public init(dimensions: Int) { self.dimensions = dimensions }

        public var description: String {
            "Sobol' sequence: \(dimensions) dimensions asked for, GSL supports 1 to \(QuasiRandomSequence.maximumDimensions)"
        }
    }
}

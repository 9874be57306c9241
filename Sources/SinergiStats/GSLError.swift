internal import CGSL

/// A GSL status code as a Swift error.
///
/// GSL's default error handler aborts the process. Sinergi turns it off once
/// (``GSLRuntime/configure()``) and converts every non-success status into a thrown
/// `GSLError`, in the manner of swift-system's `Errno`.
public struct GSLError: Error, RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Input domain error, e.g. the logarithm of a negative number (`GSL_EDOM`).
    public static let domain = GSLError(rawValue: Int32(GSL_EDOM))
    /// Output range error, e.g. an exponential that overflows (`GSL_ERANGE`).
    public static let range = GSLError(rawValue: Int32(GSL_ERANGE))
    /// Invalid argument supplied by the caller (`GSL_EINVAL`).
    public static let invalidArgument = GSLError(rawValue: Int32(GSL_EINVAL))
    /// An iterative method did not converge (`GSL_EMAXITER`).
    public static let maximumIterations = GSLError(rawValue: Int32(GSL_EMAXITER))
    /// Memory could not be allocated (`GSL_ENOMEM`).
    public static let outOfMemory = GSLError(rawValue: Int32(GSL_ENOMEM))

    /// GSL's own one-line explanation of the code (`gsl_strerror`).
    public var description: String {
        "GSL error \(rawValue): \(String(cString: gsl_strerror(rawValue)))"
    }

    /// Throws when `status` is not `GSL_SUCCESS`.
    @inlinable
    public static func check(_ status: Int32) throws(GSLError) {
        if status != 0 { throw GSLError(rawValue: status) }
    }
}

/// Process-wide GSL set-up, done once before any GSL call.
public enum GSLRuntime {
    private static let configured: Bool = {
        gsl_set_error_handler_off()
        return true
    }()

    /// Turns GSL's aborting error handler off; idempotent and thread-safe.
    public static func configure() { _ = configured }
}

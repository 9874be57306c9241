/// Why a calibration cannot be set up or continued: a prior, an observation or a setting
/// that is not valid, or outcomes handed back out of order.
public struct CalibrationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

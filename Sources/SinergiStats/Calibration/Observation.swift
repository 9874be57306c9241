/// One observed value a calibration aims at — a government's SPBE index in a given year,
/// say — and its standard deviation: how far a simulation may fall from it by measurement
/// error or chance, the unit in which the distance counts the miss.
public struct Observation: Sendable, Hashable, Codable {
    /// The target's name, used when a diagnosis names the targets the model cannot reach.
    public var name: String
    public var value: Double
    /// Must be finite and positive.
    public var sd: Double

    public init(name: String, value: Double, sd: Double) {
        self.name = name
        self.value = value
        self.sd = sd
    }

    /// Checks that the value is finite and the sd finite and positive.
    public func validate() throws(CalibrationError) {
        guard value.isFinite else { throw CalibrationError(message: "observation '\(name)' needs a finite value") }
        guard sd.isFinite, sd > 0 else {
            throw CalibrationError(message: "observation '\(name)' needs a finite sd > 0, got \(sd)")
        }
    }
}

/// A lever switched on in the settings, from month 0.
public struct LeverSetting: Sendable, Equatable {
    /// Intensity in [0, 1]; nil takes the lever's default intensity (``LeverInfo``).
    public var intensity: Double?

    public init(intensity: Double? = nil) {
        self.intensity = intensity
    }
}

extension Double {
    /// The number as a person reads it in a message: 1 rather than 1.0.
    var clean: String {
        guard isFinite else { return "\(self)" }
        return self == rounded() && Swift.abs(self) < 1e15 ? String(Int64(self)) : "\(self)"
    }
}

/// Switches that pin parts of the model so tests can check its properties in isolation
/// (MODEL.md §7 allows pinning S or C). Every switch is off in a normal run.
public struct TestHooks: Sendable, Hashable {
    /// Service quality S used by citizens instead of the modelled one.
    public var pinnedServiceQuality: Double? = nil
    /// Commitment C of every agency instead of the logit of step 9.
    public var pinnedCommitment: Double? = nil
    /// Delivered effort equals intended effort (no budget or HR cap).
    public var noResourceCap = false
    /// Motivation types never change.
    public var noSwitching = false

    public init() {}
}

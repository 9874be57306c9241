/// Why an ABC-SMC run stopped.
public enum ABCStopReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// G generations are complete.
    case maximumGenerations = "generations"
    /// The next generation would have needed more than ⌊N / A⌋ simulations: its acceptance
    /// rate fell below the floor A. It is abandoned; the last complete generation stands.
    case acceptanceBelowFloor = "acceptance"
    /// The next tolerance would fall by less than the minimum decrease (1%): the distances
    /// have stopped shrinking.
    case toleranceStalled = "tolerance"
}

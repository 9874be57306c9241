/// Why a replicate cannot be run.
public enum ModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No common maturity offset reproduces the observed initial index.
    case initialSpbeUnreachable(government: String, target: Double, reachable: ClosedRange<Double>)
    /// An input the model cannot run, such as a citizen graph too large to index.
    case invalidInput(String)

    public var description: String {
        switch self {
        case let .initialSpbeUnreachable(government, target, reachable):
            let low = (reachable.lowerBound * 1000).rounded() / 1000
            let high = (reachable.upperBound * 1000).rounded() / 1000
            return "initialSpbe \(target) of '\(government)' cannot be reached: with its design, "
                + "understanding and initiatives the initial index lies in [\(low), \(high)]"
        case let .invalidInput(message):
            return message
        }
    }
}

/// Why a `--set PATH=VALUE` (or a factor of an experiment) cannot be applied to a scenario.
public enum OverrideError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The argument is not `PATH=VALUE`, the path cannot be read, or the value is not YAML.
    case malformed(String)
    /// The path names nothing the scenario format allows or nothing the scenario holds;
    /// `hint` is "; did you mean '…'?" or what would be accepted.
    case unknownPath(String, hint: String)
    /// The scenario with the value set is not valid: validation's own messages, those about
    /// a value given on the command line marked with its option
    /// (``Diagnostic/option``).
    case invalid(ScenarioError)

    /// The lines to print, each a whole error line: `error: OPTION: …` for the path and the
    /// argument, and the diagnostics of ``invalid(_:)`` as they are.
    public func lines(option: String = "--set") -> [String] {
        switch self {
        case .malformed(let problem): return ["error: \(option): \(problem)"]
        case .unknownPath(let path, let hint): return ["error: \(option): no '\(path)' in the scenario\(hint)"]
        case .invalid(let error): return error.diagnostics.map(\.description)
        }
    }

    /// ``lines(option:)`` for `--set`, one per line.
    public var description: String { lines().joined(separator: "\n") }
}

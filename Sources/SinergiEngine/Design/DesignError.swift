import SinergiScenario

/// Why an experiment's factors or design cannot be used. Each is one line naming the
/// problem (``lines``); the command exits 64 and writes nothing.
public enum DesignError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A `--factor` argument that cannot be read or is inconsistent (LOW ≥ HIGH, `log`
    /// with LOW ≤ 0, …): the argument and the problem.
    case factor(String, problem: String)
    /// A factor whose path names nothing in the scenario, or a value of it that the scenario
    /// does not accept (validation's message, against the `--factor` argument).
    case scenario(OverrideError)
    /// The design cannot be made with these settings: the design's name and the problem.
    case design(String, problem: String)
    /// A problem in a csv design file, at a 1-based line when there is one.
    case file(String, line: Int?, problem: String)

    /// The lines to print, each a whole error line.
    public var lines: [String] {
        switch self {
        case .factor(let argument, let problem): return ["error: --factor \(argument): \(problem)"]
        case .scenario(let error): return error.lines(option: "--factor")
        case .design(let name, let problem): return ["error: --design \(name): \(problem)"]
        case .file(let path, let line, let problem):
            return ["error: \(path)\(line.map { ":\($0)" } ?? ""): \(problem)"]
        }
    }

    public var description: String { lines.joined(separator: "\n") }
}

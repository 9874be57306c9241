/// One problem found in a scenario file, at a 1-based line and column.
///
/// Its description is the conventional compiler form that editors and terminals link to:
/// `path:line:column: error: message`. A problem in a value given on the command line
/// (`--set PATH=VALUE`) has no line in the file; it is written `error: OPTION: message`
/// instead, e.g. `error: --set parameters.trust.build=1.5: 'trust.build' must be a number
/// in [0, 1], got 1.5`.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    /// The scenario path as the user gave it.
    public var file: String
    /// 1-based line of the offending value (or key, for an unknown key).
    public var line: Int
    /// 1-based column, counted in Unicode scalars as libyaml counts them.
    public var column: Int
    /// What is wrong and, where possible, what would be right.
    public var message: String
    /// The command-line option the offending value came from, e.g.
    /// `--set parameters.trust.build=1.5`; nil for a value written in the file. When set,
    /// `line` and `column` are 0.
    public var option: String?

    public init(file: String, line: Int, column: Int, message: String, option: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.option = option
    }

    public var description: String {
        if let option { return "error: \(option): \(message)" }
        return "\(file):\(line):\(column): error: \(message)"
    }
}

/// Every problem found in one scenario, sorted by line then column.
///
/// Validation collects all errors in one pass, so a user fixes a file in one round.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One diagnostic per line, without a trailing newline.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

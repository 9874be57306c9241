/// One problem found in a scenario file, at a 1-based line and column.
///
/// Its description is the conventional compiler form that editors and terminals link to:
/// `path:line:column: error: message`.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    /// The scenario path as the user gave it.
    public var file: String
    /// 1-based line of the offending value (or key, for an unknown key).
    public var line: Int
    /// 1-based column, counted in Unicode scalars as libyaml counts them.
    public var column: Int
    /// What is wrong and, where possible, what would be right.
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): error: \(message)" }
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

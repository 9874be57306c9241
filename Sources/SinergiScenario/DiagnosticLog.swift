/// Collects the problems of one scenario as they are found, so that all of them are
/// reported together.
struct DiagnosticLog {
    /// The path written at the front of every diagnostic.
    let file: String
    private var entries: [(location: SourceLocation, message: String)] = []

    init(file: String) {
        self.file = file
    }

    var isEmpty: Bool { entries.isEmpty }

    /// Records an error at `location`.
    mutating func error(_ message: String, at location: SourceLocation) {
        entries.append((location, message))
    }

    /// The diagnostics sorted by line then column (ties keep the order they were found in),
    /// with exact repeats removed — a template used by several governments reports a problem
    /// in its own text once.
    var diagnostics: [Diagnostic] {
        let ordered = entries.enumerated().sorted { a, b in
            a.element.location != b.element.location
                ? a.element.location < b.element.location : a.offset < b.offset
        }
        var seen = Set<String>()
        var result: [Diagnostic] = []
        for (_, entry) in ordered {
            let diagnostic = Diagnostic(
                file: file, line: entry.location.line, column: entry.location.column,
                message: entry.message)
            if seen.insert(diagnostic.description).inserted {
                result.append(diagnostic)
            }
        }
        return result
    }
}

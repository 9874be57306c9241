/// Collects the problems of one scenario as they are found, so that all of them are
/// reported together.
struct DiagnosticLog {
    /// The path written at the front of every diagnostic.
    let file: String
    /// Values given on the command line are composed as if written past the end of the file,
    /// the value of `options[i]` on line `firstLine + i`; a problem there is reported against
    /// that option (e.g. `--set parameters.trust.build=1.5`) rather than a line of the file.
    var options: (firstLine: Int, names: [String])?
    private var entries: [(location: SourceLocation, message: String)] = []

    init(file: String) {
        self.file = file
    }

    var isEmpty: Bool { entries.isEmpty }

    /// Records an error at `location`.
    mutating func error(_ message: String, at location: SourceLocation) {
        entries.append((location, message))
    }

    /// The option a location past the end of the file belongs to, with its position.
    private func option(at location: SourceLocation) -> (index: Int, name: String)? {
        guard let options, location.line >= options.firstLine, !options.names.isEmpty else { return nil }
        let index = Swift.min(location.line - options.firstLine, options.names.count - 1)
        return (index, options.names[index])
    }

    /// The diagnostics: those of command-line values first, in the order the options were
    /// given, then those of the file sorted by line then column (ties keep the order they
    /// were found in), with exact repeats removed — a template used by several governments
    /// reports a problem in its own text once.
    var diagnostics: [Diagnostic] {
        let ordered = entries.enumerated().map { offset, entry in
            (offset: offset, entry: entry, option: option(at: entry.location))
        }.sorted { a, b in
            switch (a.option, b.option) {
            case (let x?, let y?): return x.index != y.index ? x.index < y.index : a.offset < b.offset
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil):
                return a.entry.location != b.entry.location
                    ? a.entry.location < b.entry.location : a.offset < b.offset
            }
        }
        var seen = Set<String>()
        var result: [Diagnostic] = []
        for (_, entry, option) in ordered {
            let diagnostic =
                option.map { Diagnostic(file: file, line: 0, column: 0, message: entry.message, option: $0.name) }
                ?? Diagnostic(
                    file: file, line: entry.location.line, column: entry.location.column, message: entry.message)
            if seen.insert(diagnostic.description).inserted {
                result.append(diagnostic)
            }
        }
        return result
    }
}

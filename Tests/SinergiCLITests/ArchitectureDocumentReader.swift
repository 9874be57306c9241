/// Reads the module tables of docs/architecture.md: in every Markdown table whose header
/// has a "depends on" column, each row's module (the first `code` name of its first cell)
/// and the `code` names of its "depends on" cell ("—" for none).
enum ArchitectureDocumentReader {
    /// One row of a module table.
    struct Row: Equatable {
        var module: String
        var dependencies: Set<String>
    }

    static func rows(in document: String) -> [Row] {
        var rows: [Row] = []
        var inTable = false
        var dependencyColumn: Int?
        for line in document.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("|") else {
                inTable = false
                continue
            }
            let cells = trimmed.split(separator: "|", omittingEmptySubsequences: false).dropFirst().map {
                $0.trimmingPrefix(while: { $0 == " " })
            }
            if !inTable {
                inTable = true
                dependencyColumn = cells.firstIndex { $0.lowercased().hasPrefix("depends on") }
                continue
            }
            guard let column = dependencyColumn, cells.count > column,
                !cells[0].hasPrefix("---"), let module = cells[0].firstMatch(of: #/`([^`]+)`/#)?.1
            else { continue }
            let names = cells[column].matches(of: #/`([^`]+)`/#).map { String($0.1) }
            rows.append(Row(module: String(module), dependencies: Set(names)))
        }
        return rows
    }
}

import Yams

/// A 1-based line and column in the scenario file.
struct SourceLocation: Hashable, Comparable, Sendable {
    var line: Int
    var column: Int

    /// The first character of the file, where problems with the file as a whole are reported.
    static let start = SourceLocation(line: 1, column: 1)

    static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A value read from the file together with where it was written.
struct Located<Value> {
    var value: Value
    var location: SourceLocation
}

extension Node {
    /// Where the node starts; Yams marks are already 1-based.
    var location: SourceLocation {
        guard let mark else { return .start }
        return SourceLocation(line: mark.line, column: mark.column)
    }
}

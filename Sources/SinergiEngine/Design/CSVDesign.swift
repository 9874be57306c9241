import Foundation
import SinergiModel
import SinergiScenario

/// A design the user made: a CSV file with a header naming one column per factor by its
/// path, and one row per point. A `point` column (as design.csv has) is ignored, so a
/// written design reads back. Values are used as written; each must be a number within
/// its factor's range or list (a whole number for an integer factor).
public struct CSVDesign: DesignMethod {
    public static let name = "csv"

    /// The file, as given after `csv:`.
    public var path: String

    public init(path: String) {
        self.path = path
    }

    public init(argument: String?, settings: DesignSettings) throws(DesignError) {
        guard let argument, !argument.isEmpty else { throw Self.failure("needs a file: --design csv:FILE") }
        self.init(path: argument)
    }

    public func design(for factors: [Factor]) throws(DesignError) -> Design {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .file(path, line: nil, problem: "cannot read the design file")
        }
        let records = CSVRecords.parse(String(decoding: data, as: UTF8.self))
        guard let header = records.first, !(header.fields.count == 1 && header.fields[0].isEmpty) else {
            throw .file(path, line: 1, problem: "the design file is empty; its first line names one column per factor")
        }
        let names = factors.map(\.name)
        var columns = [Int](repeating: -1, count: factors.count)
        for (index, column) in header.fields.enumerated() {
            if column == "point" { continue }
            guard let factor = names.firstIndex(of: column) else {
                throw .file(
                    path, line: header.line,
                    problem: "column '\(column)' is not a factor"
                        + Suggestion.hint(for: column, among: names, listing: "the factors are"))
            }
            guard columns[factor] < 0 else {
                throw .file(path, line: header.line, problem: "column '\(column)' appears twice")
            }
            columns[factor] = index
        }
        if let missing = columns.firstIndex(of: -1) {
            throw .file(path, line: header.line, problem: "no column '\(names[missing])' for the factor of that path")
        }
        var points: [[Double]] = []
        for record in records.dropFirst() {
            if record.fields == [""] { continue }
            guard record.fields.count == header.fields.count else {
                throw .file(
                    path, line: record.line,
                    problem: "\(record.fields.count) values for the \(header.fields.count) columns of the header")
            }
            var point: [Double] = []
            for (factor, column) in zip(factors, columns) {
                let text = record.fields[column].trimmingCharacters(in: .whitespaces)
                guard let value = Double(text), value.isFinite else {
                    throw .file(path, line: record.line, problem: "column '\(factor.name)': '\(text)' is not a number")
                }
                if let problem = factor.problem(with: value) {
                    throw .file(path, line: record.line, problem: "column '\(factor.name)': \(problem)")
                }
                point.append(value)
            }
            points.append(point)
        }
        guard !points.isEmpty else {
            throw .file(path, line: nil, problem: "the design file has no points, only a header")
        }
        return Design(method: Self.name, factors: factors, points: points)
    }
}

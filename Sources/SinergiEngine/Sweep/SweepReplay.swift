import Foundation

/// What `sinergi sweep --replay` reads beside a sweep's manifest: the design points of its
/// design.csv, whose SHA-256 the manifest holds.
public enum SweepReplay {
    /// The data files a sweep's manifest records and its replay must reproduce.
    public static let dataFiles = ["design.csv", "points.csv", "replicates.csv"]

    /// The points of design.csv: a header `point` then `factors` in order, and rows
    /// 0, 1, … with one number per factor (as ``Design/csv(factors:points:)`` writes them).
    public static func points(designCSV text: String, factors: [String]) throws(RunError) -> [[Double]] {
        let records = CSVRecords.parse(text).filter { !($0.fields.count == 1 && $0.fields[0].isEmpty) }
        guard let header = records.first, header.fields == ["point"] + factors else {
            throw .io("design.csv does not have the columns point, \(factors.joined(separator: ", ")) of the manifest")
        }
        var points: [[Double]] = []
        for (index, record) in records.dropFirst().enumerated() {
            let values = record.fields.dropFirst().compactMap(Double.init)
            guard record.fields.first == String(index), values.count == factors.count else {
                throw .io("design.csv line \(record.line): expected point \(index) and \(factors.count) numbers")
            }
            points.append(values)
        }
        return points
    }
}

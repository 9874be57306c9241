import Crypto
import Foundation
import SinergiModel
import SinergiScenario

/// An experimental design: the points of an experiment, one value per factor each.
///
/// It is written first, as design.csv (``csv``), and never changes: its SHA-256
/// (``sha256``) goes in the manifest, and point `p` of every later file is row `p` here.
public struct Design: Sendable {
    /// The method that made it (``DesignMethod/name``).
    public var method: String
    /// The problem: the factors, in column order.
    public var factors: [Factor]
    /// `points[p][f]`: the value of factor `f` at point `p`.
    public var points: [[Double]]
    /// The same points in the unit hypercube, before ``Factor/value(atUnit:)``: where a
    /// method's structure lives (Morris's steps of Δ, a Latin hypercube's strata); nil for a
    /// design read from a file.
    public var unitPoints: [[Double]]?

    public init(method: String, factors: [Factor], points: [[Double]], unitPoints: [[Double]]? = nil) {
        self.method = method
        self.factors = factors
        self.points = points
        self.unitPoints = unitPoints
    }

    /// The number of points.
    public var count: Int { points.count }

    /// The overrides that set every factor to its value at point `p`, in factor order.
    public func overrides(at point: Int) -> [ScenarioOverride] {
        zip(factors, points[point]).map { factor, value in factor.override(value) }
    }

    /// design.csv: a `point` column (0, 1, …) and one column per factor, named by its path,
    /// with numbers in the shortest form that reads back as the same Double.
    public var csv: String { Self.csv(factors: factors.map(\.name), points: points) }

    /// design.csv for factors named `factors` and `points`.
    public static func csv(factors: [String], points: [[Double]]) -> String {
        var table = CSV(header: ["point"] + factors)
        for (index, point) in points.enumerated() {
            table.appendRow([String(index)] + point.map(CSV.number))
        }
        return table.contents
    }

    /// Lower-case hexadecimal SHA-256 of ``csv``.
    public var sha256: String { Self.sha256(csv) }

    /// Writes ``csv`` to `url` (design.csv) and returns its SHA-256.
    @discardableResult
    public func write(to url: URL) throws -> String {
        let text = csv
        try Data(text.utf8).write(to: url, options: .atomic)
        return Self.sha256(text)
    }

    private static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

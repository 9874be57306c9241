import SinergiStats

/// How an outcome moves with one factor across a sweep's design: the points grouped by the
/// factor's value, and per group the mean of the points' means with its 95% interval.
///
/// A factor with at most ``maximumLevels`` distinct values (a grid, a Morris grid, a csv
/// design of levels) is grouped by value; otherwise the points are split by rank into
/// `min(10, ⌊√points⌋)` groups of (nearly) equal count, each labelled by the mean factor
/// value in it. The interval is the t-based 95% CI of the mean over the group's points, so it
/// holds the spread due to the other factors as well as the seed noise left in each point's
/// mean: it answers "how sure are we of the average effect of this factor here", which is
/// what a main-effect plot shows.
public struct MainEffect: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        /// The factor's value (or the mean value in a rank group).
        public var value: Double
        public var points: Int
        public var mean: Double
        public var ci95Low: Double
        public var ci95High: Double
    }

    public var factor: String
    public var outcome: String
    public var government: String
    public var groups: [Group]

    /// Most distinct values grouped one by one.
    public static let maximumLevels = 12

    /// The main effect of factor `f` of `design` on `means` (one mean per point, NaN when missing).
    public static func compute(
        factor: String, column f: Int, design: [[Double]], means: [Double], outcome: String, government: String
    ) -> MainEffect {
        let groups = Self.groups(of: design.map { $0[f] }).map { members -> Group in
            let values = members.map { means[$0] }
            let summary = Summary(values)
            let value = members.map { design[$0][f] }.reduce(0, +) / Double(members.count)
            return Group(
                value: value, points: summary.count, mean: summary.mean, ci95Low: summary.ci95Low,
                ci95High: summary.ci95High)
        }
        return MainEffect(factor: factor, outcome: outcome, government: government, groups: groups)
    }

    /// Indices of the points in each group, groups in ascending order of value.
    static func groups(of values: [Double], maximumGroups: Int = 10) -> [[Int]] {
        let distinct = Set(values).sorted()
        if distinct.count <= maximumLevels {
            let position = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
            var groups = [[Int]](repeating: [], count: distinct.count)
            for (p, value) in values.enumerated() { groups[position[value]!].append(p) }
            return groups
        }
        let count = Swift.max(2, Swift.min(maximumGroups, Int(Double(values.count).squareRoot())))
        let order = values.indices.sorted { (values[$0], $0) < (values[$1], $1) }
        return (0..<count).map { k in
            Array(order[(k * order.count / count)..<((k + 1) * order.count / count)])
        }
    }
}

/// The mean of an outcome over the points in each cell of two factors' groups (for the
/// report's heat map); NaN for an empty cell.
public struct TwoFactorMap: Sendable, Equatable {
    /// The factors on the rows and on the columns.
    public var rowFactor: String
    public var columnFactor: String
    public var outcome: String
    public var government: String
    /// Group values of the first and second factor.
    public var rows: [Double]
    public var columns: [Double]
    /// means[i][j]: mean over the points in row group i and column group j.
    public var means: [[Double]]

    public static func == (a: TwoFactorMap, b: TwoFactorMap) -> Bool {
        a.rowFactor == b.rowFactor && a.columnFactor == b.columnFactor && a.outcome == b.outcome
            && a.government == b.government && a.rows == b.rows
            && a.columns == b.columns
            && a.means.elementsEqual(b.means) { $0.elementsEqual($1) { $0.bitPattern == $1.bitPattern } }
    }

    public static func compute(
        factors: (String, String), columns: (Int, Int), design: [[Double]], means: [Double], outcome: String,
        government: String
    ) -> TwoFactorMap {
        let first = MainEffect.groups(of: design.map { $0[columns.0] }, maximumGroups: 8)
        let second = MainEffect.groups(of: design.map { $0[columns.1] }, maximumGroups: 8)
        var rowOf = [Int](repeating: 0, count: design.count)
        var columnOf = [Int](repeating: 0, count: design.count)
        for (i, members) in first.enumerated() { for p in members { rowOf[p] = i } }
        for (j, members) in second.enumerated() { for p in members { columnOf[p] = j } }
        var sums = [[Double]](repeating: [Double](repeating: 0, count: second.count), count: first.count)
        var counts = sums
        for p in design.indices where !means[p].isNaN {
            sums[rowOf[p]][columnOf[p]] += means[p]
            counts[rowOf[p]][columnOf[p]] += 1
        }
        let grid = sums.indices.map { i in
            sums[i].indices.map { j in counts[i][j] > 0 ? sums[i][j] / counts[i][j] : .nan }
        }
        func centre(_ groups: [[Int]], _ c: Int) -> [Double] {
            groups.map { members in members.map { design[$0][c] }.reduce(0, +) / Double(members.count) }
        }
        return TwoFactorMap(
            rowFactor: factors.0, columnFactor: factors.1, outcome: outcome, government: government,
            rows: centre(first, columns.0),
            columns: centre(second, columns.1), means: grid)
    }
}

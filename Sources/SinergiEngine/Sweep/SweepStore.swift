import Foundation
import GRDB

/// The crash-safe store of a sweep, or of one shard of it: one SQLite database in WAL mode.
///
/// The store is the sweep's source of truth; points.csv, replicates.csv and report.html are
/// views written from it. Each design point's replicate rows and summaries are committed in
/// one transaction, so `kill -9` at any moment loses at most the points in flight, and a
/// point is either wholly in the store or not at all. The store reads as complete only once
/// ``markComplete()`` has run, after every point of its shard is in.
///
/// Tables (a user may query them with any SQLite client):
/// - `meta(key, value)`: the ``SweepIdentity`` as JSON (`identity`) and the `status`
///   (`running` or `complete`);
/// - `point(point, replicates)`: one row per committed point;
/// - `replicate(point, replicate, seed, government, <outcome columns…>, final_predicate)`;
/// - `summary(point, government, outcome, n, mean, sd, ci95_low, ci95_high)`.
public final class SweepStore: @unchecked Sendable {
    /// The store's file name inside a sweep or shard folder.
    public static let fileName = "sweep.sqlite"
    /// The schema version, in `PRAGMA user_version`.
    static let schemaVersion = 1

    public let url: URL
    public let identity: SweepIdentity
    private let pool: DatabasePool

    /// Creates an empty store at `url` (which must not exist) for `identity`.
    public static func create(at url: URL, identity: SweepIdentity) throws(RunError) -> SweepStore {
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw .io("cannot create the sweep store \(url.path): it exists already")
        }
        do {
            let pool = try DatabasePool(path: url.path, configuration: configuration())
            try pool.write { db in
                try db.execute(sql: "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                try db.execute(sql: "CREATE TABLE point (point INTEGER PRIMARY KEY, replicates INTEGER NOT NULL)")
                let outcomes = identity.outcomeColumns.map { "\(quoted($0)) REAL" }.joined(separator: ", ")
                try db.execute(
                    sql: """
                        CREATE TABLE replicate (point INTEGER NOT NULL, replicate INTEGER NOT NULL, \
                        seed TEXT NOT NULL, government TEXT NOT NULL, \(outcomes), final_predicate TEXT, \
                        PRIMARY KEY (point, replicate, government))
                        """)
                try db.execute(
                    sql: """
                        CREATE TABLE summary (point INTEGER NOT NULL, government TEXT NOT NULL, \
                        outcome TEXT NOT NULL, n INTEGER NOT NULL, mean REAL, sd REAL, ci95_low REAL, \
                        ci95_high REAL, PRIMARY KEY (point, government, outcome))
                        """)
                let json = String(decoding: try identity.encoded(), as: UTF8.self)
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('identity', ?)", arguments: [json])
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('status', 'running')")
                try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
            }
            return SweepStore(url: url, identity: identity, pool: pool)
        } catch let error as RunError {
            throw error
        } catch {
            throw .io("cannot create the sweep store \(url.path): \(error)")
        }
    }

    /// Opens an existing store.
    public static func open(_ url: URL) throws(RunError) -> SweepStore {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw .io("no sweep store at \(url.path)")
        }
        do {
            let pool = try DatabasePool(path: url.path, configuration: configuration())
            let (version, json) = try pool.read { db in
                (
                    try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
                    try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'identity'")
                )
            }
            guard version == schemaVersion, let json else {
                throw RunError.io("\(url.path) is not a sweep store of this version of sinergi")
            }
            let identity = try SweepIdentity.decoded(from: Data(json.utf8))
            return SweepStore(url: url, identity: identity, pool: pool)
        } catch let error as RunError {
            throw error
        } catch {
            throw .io("cannot open the sweep store \(url.path): \(error)")
        }
    }

    private init(url: URL, identity: SweepIdentity, pool: DatabasePool) {
        self.url = url
        self.identity = identity
        self.pool = pool
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // WAL with NORMAL synchronisation: a committed transaction survives the process
            // being killed (it is in the log); only a power cut may lose the last ones.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return configuration
    }

    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The points committed so far, ascending.
    public func completedPoints() throws(RunError) -> [Int] {
        do {
            return try pool.read { db in try Int.fetchAll(db, sql: "SELECT point FROM point ORDER BY point") }
        } catch {
            throw .io("cannot read the sweep store \(url.path): \(error)")
        }
    }

    /// Whether every point of the store's shard was committed and the store closed as complete.
    public func isComplete() throws(RunError) -> Bool {
        do {
            return try pool.read { db in
                try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'status'") == "complete"
            }
        } catch {
            throw .io("cannot read the sweep store \(url.path): \(error)")
        }
    }

    /// Commits one point: its replicate rows and summaries, in one transaction.
    public func commit(_ point: PointResult) throws(RunError) {
        try commit([point])
    }

    /// Commits a chunk of points, in one transaction: every point of the chunk is in the
    /// store afterwards, or (after a crash or an error) none of them, and each point is
    /// whole either way. Rows go in with multi-row INSERTs, in the order given.
    public func commit(_ points: [PointResult]) throws(RunError) {
        guard let first = points.first else { return }
        let replicateColumns = identity.outcomeColumns.count + 5
        do {
            try pool.write { db in
                var replicates = BatchInsert(db: db, table: "replicate", columns: replicateColumns)
                var summaries = BatchInsert(db: db, table: "summary", columns: 8)
                var committed = BatchInsert(db: db, table: "point", columns: 2)
                for point in points {
                    for row in point.rows {
                        try replicates.append(contentsOf: [
                            point.point, row.replicate, String(row.seed), row.government,
                        ])
                        for value in row.values { try replicates.append(value.isNaN ? nil : value) }
                        try replicates.append(row.finalPredicate)
                    }
                    for s in point.summaries {
                        try summaries.append(contentsOf: [point.point, s.government, s.outcome, s.n])
                        for value in [s.mean, s.sd, s.ci95Low, s.ci95High] {
                            try summaries.append(value.isNaN ? nil : value)
                        }
                    }
                    try committed.append(contentsOf: [point.point, point.replicates])
                }
                try replicates.flush()
                try summaries.flush()
                try committed.flush()
            }
        } catch {
            let which = points.count == 1 ? "point \(first.point)" : "points \(first.point)…\(points.last!.point)"
            throw .io("cannot write \(which) to the sweep store \(url.path): \(error)")
        }
    }

    /// Marks the store complete: every point of its shard is in.
    public func markComplete() throws(RunError) {
        do {
            try pool.write { db in
                try db.execute(sql: "UPDATE meta SET value = 'complete' WHERE key = 'status'")
            }
            try pool.writeWithoutTransaction { db in
                _ = try db.checkpoint(.truncate)
            }
        } catch {
            throw .io("cannot close the sweep store \(url.path): \(error)")
        }
    }

    /// Closes the database, folding the write-ahead log into the file: a finished folder
    /// holds sweep.sqlite alone. The store must not be used afterwards.
    public func close() throws(RunError) {
        do {
            try pool.close()
        } catch {
            throw .io("cannot close the sweep store \(url.path): \(error)")
        }
        // Back to a rollback journal, which leaves no -wal and -shm files beside the store.
        // Only a tidy-up: while another process reads the store (a notebook, say) it cannot
        // switch, and the store stays in WAL mode, which every SQLite reader understands.
        if let queue = try? DatabaseQueue(path: url.path) {
            try? queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try? queue.close()
        }
    }

    /// The summaries of the points in `points`, ordered by point, then as committed.
    public func summaries(points: Range<Int>) throws(RunError) -> [PointSummaryRow] {
        do {
            return try pool.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT point, government, outcome, n, mean, sd, ci95_low, ci95_high FROM summary \
                        WHERE point >= ? AND point < ? ORDER BY point, rowid
                        """,
                    arguments: [points.lowerBound, points.upperBound]
                ).map { row in
                    PointSummaryRow(
                        point: row[0], government: row[1], outcome: row[2], n: row[3],
                        mean: row[4] ?? .nan, sd: row[5] ?? .nan, ci95Low: row[6] ?? .nan, ci95High: row[7] ?? .nan)
                }
            }
        } catch {
            throw .io("cannot read the sweep store \(url.path): \(error)")
        }
    }

    /// Calls `body` with every summary of the points in `points`, ordered by point, then as
    /// committed, read with a cursor: nothing but the current row is held.
    func forEachSummary(points: Range<Int>, _ body: (PointSummaryRow) throws(RunError) -> Void) throws(RunError) {
        do {
            try pool.read { db in
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT point, government, outcome, n, mean, sd, ci95_low, ci95_high FROM summary \
                        WHERE point >= ? AND point < ? ORDER BY point, rowid
                        """,
                    arguments: [points.lowerBound, points.upperBound])
                while let row = try rows.next() {
                    try body(
                        PointSummaryRow(
                            point: row[0], government: row[1], outcome: row[2], n: row[3],
                            mean: row[4] ?? .nan, sd: row[5] ?? .nan, ci95Low: row[6] ?? .nan,
                            ci95High: row[7] ?? .nan))
                }
            }
        } catch let error as RunError {
            throw error
        } catch {
            throw .io("cannot read the sweep store \(url.path): \(error)")
        }
    }

    /// Calls `body` with every replicate row of the points in `points`, ordered by point,
    /// replicate, then as committed, read with a cursor.
    func forEachReplicateRow(
        points: Range<Int>, _ body: (_ point: Int, ReplicateRow) throws(RunError) -> Void
    ) throws(RunError) {
        let count = identity.outcomeColumns.count
        do {
            try pool.read { db in
                let rows = try Row.fetchCursor(
                    db,
                    sql: "SELECT * FROM replicate WHERE point >= ? AND point < ? ORDER BY point, replicate, rowid",
                    arguments: [points.lowerBound, points.upperBound])
                var values = [Double](repeating: .nan, count: count)
                while let row = try rows.next() {
                    let seedText: String = row[2]
                    for c in 0..<count { values[c] = (row[4 + c] as Double?) ?? .nan }
                    try body(
                        row[0],
                        ReplicateRow(
                            replicate: row[1], seed: UInt64(seedText) ?? 0, government: row[3], values: values,
                            finalPredicate: row[4 + count]))
                }
            }
        } catch let error as RunError {
            throw error
        } catch {
            throw .io("cannot read the sweep store \(url.path): \(error)")
        }
    }

    /// The mean of `outcome` for `government` at every point `0 ..< points` (NaN where the
    /// store has none), for the report's main effects.
    public func means(government: String, outcome: String, points: Int) throws(RunError) -> [Double] {
        do {
            return try pool.read { db in
                var means = [Double](repeating: .nan, count: points)
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT point, mean FROM summary WHERE government = ? AND outcome = ?",
                    arguments: [government, outcome])
                while let row = try rows.next() {
                    let point: Int = row[0]
                    if point >= 0 && point < points, let mean: Double = row[1] { means[point] = mean }
                }
                return means
            }
        } catch {
            throw .io("cannot read the sweep store \(url.path): \(error)")
        }
    }

    /// The replicate rows of the points in `points`, ordered by point, replicate, then as committed.
    public func replicateRows(points: Range<Int>) throws(RunError) -> [(point: Int, row: ReplicateRow)] {
        let count = identity.outcomeColumns.count
        do {
            return try pool.read { db in
                try Row.fetchAll(
                    db,
                    sql: "SELECT * FROM replicate WHERE point >= ? AND point < ? ORDER BY point, replicate, rowid",
                    arguments: [points.lowerBound, points.upperBound]
                ).map { row in
                    let seedText: String = row[2]
                    let values = (0..<count).map { (row[4 + $0] as Double?) ?? .nan }
                    return (
                        row[0],
                        ReplicateRow(
                            replicate: row[1], seed: UInt64(seedText) ?? 0, government: row[3], values: values,
                            finalPredicate: row[4 + count])
                    )
                }
            }
        } catch {
            throw .io("cannot read the sweep store \(url.path): \(error)")
        }
    }
}

/// Rows for one table, inserted many to a statement (`INSERT … VALUES (…), (…), …`):
/// fewer statements to step than one per row, for the thousands of rows of a chunk.
private struct BatchInsert {
    /// Bound values per statement at most: SQLite's historical limit, safe with any build.
    static let maximumArguments = 999

    let db: Database
    let table: String
    let columns: Int
    let rowsPerStatement: Int
    private var values: [(any DatabaseValueConvertible)?] = []

    init(db: Database, table: String, columns: Int) {
        self.db = db
        self.table = table
        self.columns = columns
        rowsPerStatement = Swift.max(1, Self.maximumArguments / columns)
        values.reserveCapacity(rowsPerStatement * columns)
    }

    /// Appends values of the current row, in column order; a full statement is executed.
    mutating func append(_ value: (any DatabaseValueConvertible)?) throws {
        values.append(value)
        if values.count == rowsPerStatement * columns { try flush() }
    }

    mutating func append(contentsOf row: [(any DatabaseValueConvertible)?]) throws {
        for value in row { try append(value) }
    }

    /// Executes the rows appended so far.
    mutating func flush() throws {
        let rows = values.count / columns
        guard rows > 0 else { return }
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        let sql = "INSERT INTO \(table) VALUES " + Array(repeating: row, count: rows).joined(separator: ", ")
        try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(values))
        values.removeAll(keepingCapacity: true)
    }
}

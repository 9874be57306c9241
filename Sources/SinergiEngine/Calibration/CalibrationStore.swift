import Foundation
import GRDB
import SinergiStats

/// The crash-safe store of a calibration: one SQLite database in WAL mode, as a sweep's.
///
/// Each complete ABC-SMC generation is committed in one transaction, so `kill -9` at any
/// moment loses at most the generation being built, and `--resume` continues after the
/// last committed one exactly as if the run had never stopped.
///
/// Tables:
/// - `meta(key, value)`: the identity of the calibration as JSON (`identity`) and the `status`;
/// - `generation(generation, tolerance, simulations, json)`: every complete generation, its
///   particles, weights and distances in `json` (``ABCGeneration``).
public final class CalibrationStore: @unchecked Sendable {
    public static let fileName = "calibration.sqlite"
    static let schemaVersion = 1

    public let url: URL
    /// What the calibration is: targets, scenario, factors and settings, as canonical JSON.
    public let identity: String
    private let pool: DatabasePool

    private init(url: URL, identity: String, pool: DatabasePool) {
        self.url = url
        self.identity = identity
        self.pool = pool
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        return configuration
    }

    /// Creates an empty store at `url` (which must not exist).
    public static func create(at url: URL, identity: String) throws(RunError) -> CalibrationStore {
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw .io("cannot create the calibration store \(url.path): it exists already")
        }
        do {
            let pool = try DatabasePool(path: url.path, configuration: configuration())
            try pool.write { db in
                try db.execute(sql: "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                try db.execute(
                    sql: """
                        CREATE TABLE generation (generation INTEGER PRIMARY KEY, tolerance REAL, \
                        simulations INTEGER NOT NULL, json TEXT NOT NULL)
                        """)
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('identity', ?)", arguments: [identity])
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('status', 'running')")
                try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
            }
            return CalibrationStore(url: url, identity: identity, pool: pool)
        } catch {
            throw .io("cannot create the calibration store \(url.path): \(error)")
        }
    }

    /// Opens an existing store.
    public static func open(_ url: URL) throws(RunError) -> CalibrationStore {
        do {
            let pool = try DatabasePool(path: url.path, configuration: configuration())
            let (version, identity) = try pool.read { db in
                (
                    try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
                    try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'identity'")
                )
            }
            guard version == schemaVersion, let identity else {
                throw RunError.io("\(url.path) is not a calibration store of this version of sinergi")
            }
            return CalibrationStore(url: url, identity: identity, pool: pool)
        } catch let error as RunError {
            throw error
        } catch {
            throw .io("cannot open the calibration store \(url.path): \(error)")
        }
    }

    /// Commits one complete generation.
    public func commit(_ generation: ABCGeneration) throws(RunError) {
        do {
            let json = String(decoding: try JSONEncoder().encode(generation), as: UTF8.self)
            try pool.write { db in
                try db.execute(
                    sql: "INSERT INTO generation (generation, tolerance, simulations, json) VALUES (?, ?, ?, ?)",
                    arguments: [
                        generation.index, generation.tolerance.isFinite ? generation.tolerance : nil,
                        generation.simulations, json,
                    ])
            }
        } catch {
            throw .io("cannot write generation \(generation.index) to \(url.path): \(error)")
        }
    }

    /// Every committed generation, in order.
    public func generations() throws(RunError) -> [ABCGeneration] {
        do {
            let texts = try pool.read { db in
                try String.fetchAll(db, sql: "SELECT json FROM generation ORDER BY generation")
            }
            return try texts.map { try JSONDecoder().decode(ABCGeneration.self, from: Data($0.utf8)) }
        } catch {
            throw .io("cannot read the calibration store \(url.path): \(error)")
        }
    }

    /// Marks the store complete and folds the write-ahead log into the file.
    public func markComplete() throws(RunError) {
        do {
            try pool.write { db in try db.execute(sql: "UPDATE meta SET value = 'complete' WHERE key = 'status'") }
            try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        } catch {
            throw .io("cannot close the calibration store \(url.path): \(error)")
        }
    }

    /// Closes the database; a finished folder holds calibration.sqlite alone.
    public func close() throws(RunError) {
        do { try pool.close() } catch { throw .io("cannot close the calibration store \(url.path): \(error)") }
        if let queue = try? DatabaseQueue(path: url.path) {
            try? queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try? queue.close()
        }
    }
}

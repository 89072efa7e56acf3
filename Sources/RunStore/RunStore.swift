import Foundation
internal import GRDB
import RunRecords

/// The database of one simulation run, `DIR/run.sqlite`: what was run (`RunInfo`), how far it got
/// (`RunProgress`), the metrics time series, the traces of records of traced subjects, and at the
/// end the final snapshots, the state digest and the summary.
///
/// The store is the run's durable record, so that a run can be reported on, compared and
/// resumed long after the process that made it is gone, and it survives that process being
/// killed at any moment: every write is one SQLite transaction (a period's metrics, traces and
/// progress together, or the finish), the file is in WAL mode with `synchronous = FULL`, and
/// `create` builds the file aside and moves it in place only once complete. docs/run-store.md
/// documents the schema for anyone querying the file with other tools.
///
/// All methods are synchronous and safe to call from any thread: writes are serialized on one
/// connection, reads run on a small pool of connections and see only committed transactions.
/// Every failure is a `RunStoreError` naming the file.
public final class RunStore: Sendable {
    /// The run folder, as given to `create` or `open`.
    public let directory: String
    /// The database file, `directory/run.sqlite`.
    public let databasePath: String
    /// The connections: one writer and concurrent readers (WAL mode).
    let pool: DatabasePool

    init(directory: String, databasePath: String, pool: DatabasePool) {
        self.directory = directory
        self.databasePath = databasePath
        self.pool = pool
    }

    /// Creates the run folder `directory` (and its parents) if needed and the run database in it,
    /// with the current schema, the run row from `info` and an empty progress row (no days done).
    ///
    /// The database is built under a temporary name in the folder and linked in as `run.sqlite`
    /// only when complete, so a process killed while creating leaves either no run or a whole one.
    /// - Throws: `RunStoreError.alreadyExists` if the folder already holds a `run.sqlite` (a run is
    ///   never overwritten); `notADirectory` or `cannotCreateDirectory` if the folder cannot be
    ///   had; `database` if SQLite fails.
    public static func create(directory: String, info: RunInfo) throws -> RunStore {
        if let problem = info.rangeProblem { throw RunStoreError.invalidArgument(path: directory, reason: problem) }
        try makeDirectory(directory)
        let file = databasePath(in: directory)
        if FileManager.default.fileExists(atPath: file) { throw RunStoreError.alreadyExists(path: file) }

        let temporary = (directory as NSString).appendingPathComponent(
            ".\(databaseFileName).creating-\(UUID().uuidString)"
        )
        do {
            let queue = try DatabaseQueue(path: temporary)
            try migrator.migrate(queue)
            try queue.write { db in
                try insertRun(info, db)
                try db.execute(
                    sql:
                        "INSERT INTO progress (id, days_done, last_day, checkpoint, finished) VALUES (1, 0, NULL, NULL, 0)"
                )
            }
            try queue.close()
            try moveIntoPlace(temporary, file)
        } catch {
            removeSQLiteFiles(temporary)
            throw RunStoreError.wrapping(error, path: file, operation: "creating the run database")
        }
        // The temporary name goes before SQLite opens the file again: SQLite warns about, and its
        // locks do not cover, a database file with two names.
        removeSQLiteFiles(temporary)
        do {
            return try RunStore(directory: directory, databasePath: file, pool: openPool(file))
        } catch {
            throw RunStoreError.wrapping(error, path: file, operation: "opening the new run database")
        }
    }

    /// Opens the run in `directory` for reading and for further writing (a resumed run commits
    /// more periods, then finishes).
    ///
    /// Before SQLite touches the file, it is checked to be a SQLite database of whole pages, so a
    /// stray or cut file is reported as such and never modified; then the database is checked to
    /// have the tables and one run row of a run, and a schema version this build knows. An older
    /// schema is migrated in place.
    /// - Throws: `RunStoreError.noSuchDirectory`, `notADirectory`, `noRunDatabase`, `unreadable`,
    ///   `notADatabase` (empty, or not SQLite), `damaged` (truncated, malformed, no run row),
    ///   `notARun` (a SQLite file of something else), `newerSchema`, or `database`.
    public static func open(directory: String) throws -> RunStore {
        let file = try existingDatabase(in: directory)
        try checkFileHeader(file)
        try checkContents(file)
        do {
            let pool = try openPool(file)
            try migrator.migrate(pool)
            return RunStore(directory: directory, databasePath: file, pool: pool)
        } catch {
            throw RunStoreError.wrapping(error, path: file, operation: "opening the run database")
        }
    }

    /// Closes the database now instead of when the store is released: SQLite merges the
    /// write-ahead log into `run.sqlite` and removes it, so the folder can be copied or archived
    /// as it is. A finished run (opened for writing) also leaves WAL mode, so that it is one file
    /// readable on read-only media. Every later call on this store throws.
    public func close() throws {
        // Asked on the writer: a reader connection opened now could keep the log from being merged.
        let finished =
            pool.configuration.readonly
            ? false
            : ((try? pool.writeWithoutTransaction { db in
                try Bool.fetchOne(db, sql: "SELECT finished FROM progress WHERE id = 1")
            }) ?? nil) ?? false
        try perform("closing the run database") { try pool.close() }
        if finished { try perform("leaving WAL mode") { try Self.leaveWAL(databasePath) } }
    }

    /// The path of the run database in a run folder.
    static func databasePath(in directory: String) -> String {
        (directory as NSString).appendingPathComponent(databaseFileName)
    }

    /// Opens the connections of a checked or new run database. GRDB puts a pool in WAL mode with
    /// `synchronous = NORMAL`; the writer is set to `FULL` so that a committed period is on disk
    /// even if the machine loses power, which costs one fsync per period (see docs/run-store.md).
    static func openPool(_ file: String) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.label = "RunStore"
        // Another process (the web app, a report) may hold a lock briefly; wait instead of failing.
        configuration.busyMode = .timeout(30)
        configuration.maximumReaderCount = 4
        let pool = try DatabasePool(path: file, configuration: configuration)
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        return pool
    }

    /// Runs `body`, turning any error into a `RunStoreError` about this store's file.
    func perform<T>(_ operation: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw RunStoreError.wrapping(error, path: databasePath, operation: operation)
        }
    }

    /// Inserts the run row.
    static func insertRun(_ info: RunInfo, _ db: Database) throws {
        let columns = runColumns + ["seeds", "branch_baseline_text", "branch_date", "branch_folder"]
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        try db.execute(
            sql: "INSERT INTO run (id, \(columns.joined(separator: ", "))) VALUES (1, \(placeholders))",
            arguments: [
                info.scenarioID, info.scenarioText, info.population, String(info.seed), info.start, info.end,
                info.threads, info.checkpointEvery, info.version, info.traceEvery,
                info.tracePeople.map(String.init).joined(separator: ","), info.seeds,
                info.branch?.baselineText, info.branch?.date, info.branch?.baselineFolder,
            ]
        )
    }
}

// MARK: - Files

extension RunStore {
    /// Makes sure `directory` is a folder, creating it and its parents if needed.
    private static func makeDirectory(_ directory: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw RunStoreError.notADirectory(path: directory) }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw RunStoreError.cannotCreateDirectory(path: directory, reason: reason(of: error))
        }
    }

    /// Gives the new database its final name without ever replacing a file: a hard link fails if
    /// the name is taken (another process created a run in the same folder meanwhile). Where
    /// hard links are not supported, it falls back to a rename after checking the name is free.
    private static func moveIntoPlace(_ temporary: String, _ file: String) throws {
        if link(temporary, file) == 0 { return }
        let code = errno
        if code == EEXIST { throw RunStoreError.alreadyExists(path: file) }
        if FileManager.default.fileExists(atPath: file) { throw RunStoreError.alreadyExists(path: file) }
        if rename(temporary, file) != 0 {
            throw RunStoreError.database(
                path: file,
                operation: "creating the run database",
                message: "cannot move \(temporary) into place: \(String(cString: strerror(errno)))"
            )
        }
    }

    /// Removes a database file and the journal files SQLite may have left beside it.
    private static func removeSQLiteFiles(_ file: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: file + suffix)
        }
    }

    /// The human part of a Foundation error.
    static func reason(of error: any Error) -> String { plainReason(of: error) }
}

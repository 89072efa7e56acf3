import Foundation
internal import GRDB

/// The checks `open` makes before it trusts a file, from the cheapest to the most thorough, each
/// failing with the `RunStoreError` that says what the file is instead of a run.
extension RunStore {
    /// The first 16 bytes of every SQLite 3 database.
    private static let sqliteMagic = Array("SQLite format 3\u{0}".utf8)

    /// The path of `directory/run.sqlite`, after checking the folder and the file exist.
    static func existingDatabase(in directory: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw RunStoreError.noSuchDirectory(path: directory)
        }
        guard isDirectory.boolValue else { throw RunStoreError.notADirectory(path: directory) }
        let file = databasePath(in: directory)
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw RunStoreError.noRunDatabase(path: file)
        }
        guard !isDirectory.boolValue else { throw RunStoreError.notADatabase(path: file, reason: "it is a folder") }
        return file
    }

    /// Reads the 100-byte SQLite header without opening the file with SQLite, which would accept
    /// an empty file as an empty database and could write to a file that is not ours.
    ///
    /// A file that is empty or lacks the SQLite magic is `notADatabase`; a SQLite file shorter than
    /// its header, not a whole number of pages, or shorter than the page count its header records
    /// is `damaged` (truncated). The page checks are skipped while a write-ahead log is present:
    /// the log may hold pages the main file does not have yet, and SQLite replays it on opening.
    static func checkFileHeader(_ file: String) throws {
        let header: Data
        let size: UInt64
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: file))
            defer { try? handle.close() }
            size = try handle.seekToEnd()
            try handle.seek(toOffset: 0)
            header = try handle.read(upToCount: 100) ?? Data()
        } catch {
            throw RunStoreError.unreadable(path: file, reason: reason(of: error))
        }
        let bytes = [UInt8](header)
        if size == 0 { throw RunStoreError.notADatabase(path: file, reason: "the file is empty") }
        guard bytes.starts(with: sqliteMagic) else {
            throw RunStoreError.notADatabase(path: file, reason: "\(size) bytes without the SQLite header")
        }
        guard bytes.count == 100 else {
            throw RunStoreError.damaged(path: file, reason: "truncated: \(size) bytes, shorter than the SQLite header")
        }
        func bigEndian(_ offset: Int, _ count: Int) -> UInt64 {
            bytes[offset..<offset + count].reduce(0) { $0 << 8 | UInt64($1) }
        }
        let rawPageSize = bigEndian(16, 2)
        let pageSize: UInt64 = rawPageSize == 1 ? 65_536 : rawPageSize
        guard pageSize >= 512, pageSize & (pageSize - 1) == 0 else {
            throw RunStoreError.damaged(path: file, reason: "the header gives an invalid page size \(rawPageSize)")
        }
        let walSize =
            (try? FileManager.default.attributesOfItem(atPath: file + "-wal")[.size] as? NSNumber)?.uint64Value ?? 0
        guard walSize == 0 else { return }
        guard size % pageSize == 0 else {
            throw RunStoreError.damaged(
                path: file,
                reason: "truncated: \(size) bytes is not a whole number of \(pageSize)-byte pages"
            )
        }
        // The page count in the header is valid when the "version valid for" field matches the
        // change counter (SQLite 3.7.0 and later keep it so).
        let pageCount = bigEndian(28, 4)
        let headerCountValid = bigEndian(24, 4) == bigEndian(92, 4)
        if headerCountValid, pageCount * pageSize > size {
            throw RunStoreError.damaged(
                path: file,
                reason: "truncated: the header records \(pageCount) pages, the file holds \(size / pageSize)"
            )
        }
    }

    /// Opens the file with one plain connection, which changes nothing in it (no journal mode is
    /// set), and checks, in this order: the schema version is not newer than this build's (a newer
    /// schema may have dropped or renamed tables, which is not a reason to call it foreign); the
    /// tables of a run are all there; the run and progress rows exist.
    static func checkContents(_ file: String, readOnly: Bool = false) throws {
        do {
            // Another connection (a writer, or another reader opening the run) may hold a lock
            // briefly: wait for it, as the store's own connections do, instead of failing.
            var configuration = Configuration()
            configuration.busyMode = .timeout(30)
            configuration.readonly = readOnly
            let queue = try DatabaseQueue(path: file, configuration: configuration)
            defer { try? queue.close() }
            try queue.read { db in
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                let superseded = try db.tableExists("grdb_migrations") && migrator.hasBeenSuperseded(db)
                if version > schemaVersion || superseded {
                    throw RunStoreError.newerSchema(
                        path: file,
                        found: max(version, schemaVersion + 1),
                        supported: schemaVersion
                    )
                }
                let tables = try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
                let missing = requiredTables.filter { !tables.contains($0) }
                if !missing.isEmpty { throw RunStoreError.notARun(path: file, missingTables: missing) }
                for table in ["run", "progress"] {
                    let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
                    if rows != 1 {
                        throw RunStoreError.damaged(
                            path: file,
                            reason: "the \(table) table has \(rows) rows instead of one"
                        )
                    }
                }
            }
        } catch {
            // SQLite says "file is not a database" for a file with a SQLite header it cannot read,
            // so here that is damage, not a foreign file.
            throw RunStoreError.wrapping(error, path: file, operation: "opening the run database")
        }
    }
}

extension RunStore {
    /// Runs SQLite's full integrity check over the whole file, which `open` does not do because it
    /// reads every page (seconds for a large run). Use it before trusting a run that was copied,
    /// archived or found after a disk problem; damage `open` cannot see (a garbled page in the
    /// middle of the file) otherwise shows only when a query reaches it.
    /// - Throws: `RunStoreError.damaged` with SQLite's first findings when the check fails.
    public func verify() throws {
        try perform("checking the run database") {
            let findings = try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check(10)") }
            if findings != ["ok"] {
                throw RunStoreError.damaged(path: databasePath, reason: findings.joined(separator: "; "))
            }
        }
    }
}

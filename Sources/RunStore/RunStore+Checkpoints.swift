import Foundation
internal import GRDB

extension RunStore {
    /// Every checkpoint the run records (schema version 7), oldest first. Empty for older runs
    /// (whose latest checkpoint is only `progress().checkpoint`) and runs that wrote none.
    public func checkpoints() throws -> [CheckpointRecord] {
        try perform("reading checkpoints") {
            try pool.read { db in
                guard try db.tableExists("checkpoint") else { return [] }
                return try Row.fetchAll(
                    db,
                    sql: "SELECT days_done, file, bytes, sha256 FROM checkpoint ORDER BY days_done"
                )
                .map { row in
                    try CheckpointRecord(
                        daysDone: row.decode(atIndex: 0),
                        file: row.decode(atIndex: 1),
                        bytes: row.decode(atIndex: 2),
                        sha256: row.decode(atIndex: 3)
                    )
                }
            }
        }
    }

    /// Forgets the checkpoints taken at `days` (their files are about to be deleted), in one
    /// transaction; the progress row's latest becomes the newest that remains (or none). The
    /// caller deletes the files only after this commits, so the store never names a deleted
    /// file it still offers as the latest.
    public func forgetCheckpoints(days: [Int]) throws {
        guard !days.isEmpty else { return }
        try perform("forgetting checkpoints") {
            try pool.write { db in
                for day in days { try db.execute(sql: "DELETE FROM checkpoint WHERE days_done = ?", arguments: [day]) }
                try db.execute(
                    sql: """
                        UPDATE progress SET checkpoint = (SELECT file FROM checkpoint ORDER BY days_done DESC LIMIT 1)
                        WHERE id = 1 AND checkpoint IS NOT NULL AND checkpoint NOT IN (SELECT file FROM checkpoint)
                        """
                )
            }
        }
    }

    /// Checks a checkpoint record before the transaction.
    func validate(_ checkpoint: CheckpointRecord) throws {
        let hexDigits = Set("0123456789abcdef")
        let problem: String? =
            checkpoint.file.isEmpty || checkpoint.file.hasPrefix("/")
            ? "the checkpoint path must be relative to the run folder (got '\(checkpoint.file)')"
            : checkpoint.daysDone < 0
                ? "a checkpoint's days done cannot be negative (got \(checkpoint.daysDone))"
                : checkpoint.bytes < 0
                    ? "a checkpoint's size cannot be negative (got \(checkpoint.bytes))"
                    : checkpoint.sha256.count != 64 || !checkpoint.sha256.allSatisfy(hexDigits.contains)
                        ? "a checkpoint's SHA-256 must be 64 lowercase hex digits (got '\(checkpoint.sha256)')"
                        : nil
        if let problem { throw RunStoreError.invalidArgument(path: databasePath, reason: problem) }
    }

    /// Whether the run database in `directory` is in WAL mode, from bytes 18 and 19 of its header
    /// (2 for WAL), read without opening it with SQLite, so that nothing is changed.
    public static func isInWALMode(directory: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: databasePath(in: directory)) else { return false }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 20), header.count == 20 else { return false }
        return header[header.startIndex + 18] == 2 || header[header.startIndex + 19] == 2
    }

    /// Takes a closed, finished run database out of WAL mode: one file, which SQLite (and plain
    /// `sqlite3 -readonly`) opens on read-only media, where a WAL database needs its `-shm` file
    /// made. Unfinished runs stay in WAL mode, which their writer needs.
    static func leaveWAL(_ file: String) throws {
        let queue = try DatabaseQueue(path: file)
        defer { try? queue.close() }
        let finished = try queue.read { db in
            try Bool.fetchOne(db, sql: "SELECT finished FROM progress WHERE id = 1") ?? false
        }
        guard finished else { return }
        let mode = try queue.writeWithoutTransaction { db in
            try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
        }
        guard mode?.lowercased() == "delete" else {
            throw RunStoreError.database(
                path: file,
                operation: "leaving WAL mode",
                message: "the journal mode stayed \(mode ?? "unknown")"
            )
        }
    }
}

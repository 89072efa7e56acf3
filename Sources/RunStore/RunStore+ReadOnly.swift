import Foundation
internal import GRDB
import RunRecords
import SocialCredit

extension RunStore {
    /// Opens the run in `directory` for reading only, as a server must: SQLite opens the file
    /// read-only, nothing is migrated, and every write through this store fails. The same checks
    /// as `open` come first (a folder, a SQLite file of whole pages, the tables of a run, a schema
    /// version this build knows), so a stray file is reported, never touched. An older schema is
    /// read as it is: what it lacks reads as empty (`listings`, `groupTallies`).
    /// - Throws: the same errors as `open`.
    public static func openReadOnly(directory: String) throws -> RunStore {
        let file = try existingDatabase(in: directory)
        try checkFileHeader(file)
        try checkContents(file, readOnly: true)
        do {
            var configuration = Configuration()
            configuration.label = "RunStore (read-only)"
            configuration.readonly = true
            configuration.busyMode = .timeout(5)
            configuration.maximumReaderCount = 4
            let pool = try DatabasePool(path: file, configuration: configuration)
            return RunStore(directory: directory, databasePath: file, pool: pool)
        } catch {
            throw RunStoreError.wrapping(error, path: file, operation: "opening the run database read-only")
        }
    }

    /// Every entry onto a list by a rule, for everyone (schema version 3), in the order they were
    /// made (by day, then id): what a public list publishes. Empty for older runs.
    public func listings() throws -> [Listing] {
        try perform("reading listings") {
            try pool.read { db in
                guard try db.tableExists("listing") else { return [] }
                let sql = "SELECT \(Self.listingColumns.joined(separator: ", ")) FROM listing ORDER BY day, id"
                let rows = try Row.fetchCursor(db, sql: sql)
                var listings: [Listing] = []
                while let row = try rows.next() {
                    listings.append(
                        try Listing(
                            id: row.decode(atIndex: 0),
                            subject: row.decode(atIndex: 1),
                            subjectKind: subjectKind(row, 2, in: "listing"),
                            list: row.decode(atIndex: 3),
                            day: row.decode(atIndex: 4),
                            until: row.decode(atIndex: 5),
                            behavior: row.decode(atIndex: 6),
                            source: row.decode(atIndex: 7),
                            rule: row.decode(atIndex: 8),
                            misattributed: row.decode(atIndex: 9)
                        )
                    )
                }
                return listings
            }
        }
    }
}

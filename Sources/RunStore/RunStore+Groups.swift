internal import GRDB
import RunRecords

extension RunStore {
    /// Upserts metric points inside a write (NaN stored as NULL).
    func insertMetrics(_ metrics: [MetricPoint], _ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO metric (period, name, value) VALUES (?, ?, ?)
                ON CONFLICT (period, name) DO UPDATE SET value = excluded.value
                """
        )
        for point in metrics {
            try statement.execute(arguments: [point.period, point.name, point.value.isNaN ? nil : point.value])
        }
    }

    /// Inserts group tallies inside a write.
    func insertGroups(_ groups: [GroupTally], _ db: Database) throws {
        guard !groups.isEmpty else { return }
        let columns = ["dimension", "grp"] + GroupTally.countNames
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let statement = try db.cachedStatement(
            sql: "INSERT INTO group_tally (\(columns.joined(separator: ", "))) VALUES (\(placeholders))"
        )
        for group in groups {
            let values: [(any DatabaseValueConvertible)?] = [group.dimension, group.group] + group.counts.map { $0 }
            try statement.execute(arguments: StatementArguments(values))
        }
    }

    /// The counts over every person by group, stored when the run finished: empty for an
    /// unfinished run or one made before schema version 2. In the order they were written
    /// (everyone, quintiles, residence, sex, age groups, provinces).
    public func groupTallies() throws -> [GroupTally] {
        try perform("reading group tallies") {
            try pool.read { db in
                // A run of schema version 1 opened read-only has no such table yet.
                guard try db.tableExists("group_tally") else { return [] }
                let columns = (["dimension", "grp"] + GroupTally.countNames).joined(separator: ", ")
                let rows = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM group_tally ORDER BY rowid")
                var tallies: [GroupTally] = []
                while let row = try rows.next() {
                    let counts: [Int] = try (0..<GroupTally.countNames.count).map { try row.decode(atIndex: $0 + 2) }
                    tallies.append(
                        try GroupTally(
                            dimension: row.decode(atIndex: 0),
                            group: row.decode(atIndex: 1),
                            counts: counts
                        )
                    )
                }
                return tallies
            }
        }
    }
}

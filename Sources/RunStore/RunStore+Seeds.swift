internal import GRDB
import RunRecords

extension RunStore {
    /// Checks seed outcomes before the transaction: one per seed, every figure finite (the table
    /// holds no NULL, and NaN would read back as one).
    func validate(_ outcomes: [SeedOutcome]) throws {
        var seen = Set<UInt64>()
        for outcome in outcomes {
            guard seen.insert(outcome.seed).inserted else {
                throw RunStoreError.invalidArgument(path: databasePath, reason: "seed \(outcome.seed) has two outcomes")
            }
            if let bad = outcome.values.first(where: { !$0.value.isFinite }) {
                throw RunStoreError.invalidArgument(
                    path: databasePath,
                    reason: "seed \(outcome.seed): figure '\(bad.key)' is \(bad.value), not a finite number"
                )
            }
        }
    }

    /// Inserts seed outcomes inside a write.
    func insertSeedOutcomes(_ outcomes: [SeedOutcome], _ db: Database) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO seed_outcome (seed, name, value) VALUES (?, ?, ?)")
        for outcome in outcomes {
            for (name, value) in outcome.values.sorted(by: { $0.key < $1.key }) {
                try statement.execute(arguments: [String(outcome.seed), name, value])
            }
        }
    }

    /// The key figures of each further seed the run is measured over, by seed in ascending order:
    /// empty for a run of one seed, an unfinished run, or one made before schema version 6.
    public func seedOutcomes() throws -> [SeedOutcome] {
        try perform("reading seed outcomes") {
            try pool.read { db in
                // A run of schema version 5 or older opened read-only has no such table yet.
                guard try db.tableExists("seed_outcome") else { return [] }
                let rows = try Row.fetchCursor(db, sql: "SELECT seed, name, value FROM seed_outcome")
                var bySeed: [UInt64: [String: Double]] = [:]
                while let row = try rows.next() {
                    let text: String = try row.decode(atIndex: 0)
                    guard let seed = UInt64(text) else {
                        throw RunStoreError.damaged(
                            path: databasePath,
                            reason: "seed_outcome: seed '\(text)' is not a 64-bit unsigned number"
                        )
                    }
                    bySeed[seed, default: [:]][try row.decode(atIndex: 1)] = try row.decode(atIndex: 2) as Double
                }
                return bySeed.keys.sorted().map { SeedOutcome(seed: $0, values: bySeed[$0]!) }
            }
        }
    }
}

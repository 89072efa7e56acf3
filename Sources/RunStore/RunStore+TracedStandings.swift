internal import GRDB
import RunRecords
import SocialCredit

extension RunStore {
    /// Writes a period's traced standings and decisions inside `commitPeriod`'s transaction.
    /// A resumed run writes the periods after its checkpoint again: rows are replaced by key.
    func insertTracedMonth(_ standings: [TracedStanding], _ decisions: [TracedDecision], _ db: Database) throws {
        let standingStatement = try db.cachedStatement(sql: Self.upsertSQL("traced_standing", Self.standingColumns))
        for s in standings {
            try standingStatement.execute(arguments: [
                s.subject, s.subjectKind.rawValue, s.day, s.score, s.tier, s.lists, s.ceiling, s.spilloverPoints,
                s.spilloverCeiling, s.spillovers, s.notices,
            ])
        }
        let decisionStatement = try db.cachedStatement(sql: Self.upsertSQL("traced_decision", Self.decisionColumns))
        for d in decisions {
            try decisionStatement.execute(arguments: [
                d.subject, d.subjectKind.rawValue, d.day, d.action, d.blocked, d.rewarded,
            ])
        }
    }

    /// The subject kind in column `index` of a row of `table`: a value other than "people" or
    /// "companies" (which the schema's checks keep out, so only a tampered file holds one) is
    /// `damaged`, naming the table and the value.
    func subjectKind(_ row: Row, _ index: Int, in table: String) throws -> SubjectKind {
        let text: String = try row.decode(atIndex: index)
        guard let kind = SubjectKind(rawValue: text) else {
            throw RunStoreError.damaged(
                path: databasePath,
                reason: "\(table): subject kind '\(text)' is not 'people' or 'companies'"
            )
        }
        return kind
    }

    /// `INSERT OR REPLACE` of every column.
    private static func upsertSQL(_ table: String, _ columns: [String]) -> String {
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return "INSERT OR REPLACE INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))"
    }

    /// What the run held for each traced subject at each month end (schema version 5), people
    /// before companies, by subject and day: what `sclab verify` re-derives. Empty for older runs.
    public func tracedStandings() throws -> [TracedStanding] {
        try perform("reading traced standings") {
            try pool.read { db in
                guard try db.tableExists("traced_standing") else { return [] }
                let sql =
                    "SELECT \(Self.standingColumns.joined(separator: ", ")) FROM traced_standing "
                    + "ORDER BY subject_kind = 'companies', subject, day"
                let rows = try Row.fetchCursor(db, sql: sql)
                var standings: [TracedStanding] = []
                while let row = try rows.next() {
                    standings.append(
                        try TracedStanding(
                            subject: row.decode(atIndex: 0),
                            subjectKind: subjectKind(row, 1, in: "traced_standing"),
                            day: row.decode(atIndex: 2),
                            score: row.decode(atIndex: 3),
                            tier: row.decode(atIndex: 4),
                            lists: row.decode(atIndex: 5),
                            ceiling: row.decode(atIndex: 6),
                            spilloverPoints: row.decode(atIndex: 7),
                            spilloverCeiling: row.decode(atIndex: 8),
                            spillovers: row.decode(atIndex: 9),
                            notices: row.decode(atIndex: 10)
                        )
                    )
                }
                return standings
            }
        }
    }

    /// The run's decisions on traced subjects' action attempts (schema version 5), people before
    /// companies, by subject, day and action. Empty for older runs.
    public func tracedDecisions() throws -> [TracedDecision] {
        try perform("reading traced decisions") {
            try pool.read { db in
                guard try db.tableExists("traced_decision") else { return [] }
                let sql =
                    "SELECT \(Self.decisionColumns.joined(separator: ", ")) FROM traced_decision "
                    + "ORDER BY subject_kind = 'companies', subject, day, action"
                let rows = try Row.fetchCursor(db, sql: sql)
                var decisions: [TracedDecision] = []
                while let row = try rows.next() {
                    decisions.append(
                        try TracedDecision(
                            subject: row.decode(atIndex: 0),
                            subjectKind: subjectKind(row, 1, in: "traced_decision"),
                            day: row.decode(atIndex: 2),
                            action: row.decode(atIndex: 3),
                            blocked: row.decode(atIndex: 4),
                            rewarded: row.decode(atIndex: 5)
                        )
                    )
                }
                return decisions
            }
        }
    }
}

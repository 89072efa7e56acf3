internal import GRDB
import RunRecords
import SocialCredit

extension RunStore {
    /// What was run: scenario, parameters, seed and software version, as given to `create`.
    /// Reports show it, and `sclab` uses it to resume or reproduce the run.
    public func info() throws -> RunInfo {
        try perform("reading the run row") {
            try pool.read { db in
                let columns = Self.runColumns.joined(separator: ", ")
                guard let row = try Row.fetchOne(db, sql: "SELECT \(columns) FROM run WHERE id = 1") else {
                    throw RunStoreError.damaged(path: databasePath, reason: "the run row is missing")
                }
                let seedText: String = try row.decode(atIndex: 3)
                guard let seed = UInt64(seedText) else {
                    throw RunStoreError.damaged(
                        path: databasePath,
                        reason: "the seed '\(seedText)' is not a 64-bit unsigned number"
                    )
                }
                let peopleText: String = try row.decode(atIndex: 10)
                let people = peopleText.split(separator: ",").map { Int($0) }
                guard people.allSatisfy({ $0 != nil }) else {
                    throw RunStoreError.damaged(
                        path: databasePath,
                        reason: "trace_people '\(peopleText)' is not a list of person numbers"
                    )
                }
                // A run of schema version 5 or older opened read-only has no `seeds` column: one seed.
                let seeds =
                    try db.columns(in: "run").contains { $0.name == "seeds" }
                    ? Int.fetchOne(db, sql: "SELECT seeds FROM run WHERE id = 1") ?? 1 : 1
                // A run of schema version 7 or older opened read-only has no branch columns: none.
                let branch =
                    try db.columns(in: "run").contains { $0.name == "branch_date" }
                    ? Row.fetchOne(
                        db,
                        sql: "SELECT branch_baseline_text, branch_date, branch_folder FROM run WHERE id = 1"
                    ).flatMap { row -> RunBranch? in
                        guard let text: String = row[0], let date: String = row[1], let folder: String = row[2] else {
                            return nil
                        }
                        return RunBranch(baselineText: text, date: date, baselineFolder: folder)
                    } : nil
                let info = try RunInfo(
                    scenarioID: row.decode(atIndex: 0),
                    scenarioText: row.decode(atIndex: 1),
                    population: row.decode(atIndex: 2),
                    seed: seed,
                    start: row.decode(atIndex: 4),
                    end: row.decode(atIndex: 5),
                    threads: row.decode(atIndex: 6),
                    checkpointEvery: row.decode(atIndex: 7),
                    version: row.decode(atIndex: 8),
                    traceEvery: row.decode(atIndex: 9),
                    tracePeople: people.compactMap { $0 },
                    seeds: seeds,
                    branch: branch
                )
                // Every number range-checked where it is read: a run no `sclab` could have made
                // is damaged, whatever wrote it.
                if let problem = info.rangeProblem { throw RunStoreError.damaged(path: databasePath, reason: problem) }
                return info
            }
        }
    }

    /// How far the run got, from the progress row and the summary: what a resumed run starts
    /// from, and whether the run is finished with its digest and summary.
    public func progress() throws -> RunProgress {
        try perform("reading the progress row") {
            try pool.read { db in
                guard
                    let row = try Row.fetchOne(
                        db,
                        sql: """
                            SELECT progress.days_done, progress.last_day, progress.checkpoint, progress.finished,
                                   summary.digest, summary.json
                            FROM progress LEFT JOIN summary ON summary.id = 1
                            WHERE progress.id = 1
                            """
                    )
                else {
                    throw RunStoreError.damaged(path: databasePath, reason: "the progress row is missing")
                }
                return try RunProgress(
                    daysDone: row.decode(atIndex: 0),
                    lastDay: row.decode(atIndex: 1),
                    checkpoint: row.decode(atIndex: 2),
                    finished: row.decode(atIndex: 3),
                    digest: row.decode(atIndex: 4),
                    summaryJSON: row.decode(atIndex: 5)
                )
            }
        }
    }

    /// The names of the metrics stored, sorted, so a report can list what it may chart.
    public func metricNames() throws -> [String] {
        try perform("reading metric names") {
            try pool.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT name FROM metric ORDER BY name") }
        }
    }

    /// The time series of one metric, in period order ("YYYY-MM" and ISO dates sort by time).
    /// Empty when no such metric is stored.
    public func metrics(named name: String) throws -> [MetricPoint] {
        try fetchMetrics("SELECT period, name, value FROM metric WHERE name = ? ORDER BY period", arguments: [name])
    }

    /// Every metric point, in period order and by name within a period: the whole series for an
    /// export.
    public func allMetrics() throws -> [MetricPoint] {
        try fetchMetrics("SELECT period, name, value FROM metric ORDER BY period, name", arguments: [])
    }

    /// The traced records of one subject in id order (the order they were made), each in its
    /// latest version: the history behind a person's or company's standing.
    /// - Parameters:
    ///   - subject: The person's or company's index.
    ///   - kind: "people" or "companies".
    public func traces(subject: Int, kind: String) throws -> [RecordTrace] {
        try fetchTraces("WHERE subject_kind = ? AND subject = ? ORDER BY id", arguments: [kind, subject])
    }

    /// Every traced record, people before companies, by subject and then id: the records export.
    public func allTraces() throws -> [RecordTrace] {
        try fetchTraces("ORDER BY subject_kind = 'companies', subject, id", arguments: [])
    }

    /// The final snapshots, people before companies, each by index: empty until the run is
    /// finished.
    public func snapshots() throws -> [SubjectSnapshot] {
        try fetchSnapshots("ORDER BY subject_kind = 'companies', subject_kind, subject", arguments: [])
    }

    /// The final snapshot of one subject; nil when it is not stored (neither traced nor ever
    /// listed, or the run is unfinished).
    public func snapshot(subject: Int, kind: String) throws -> SubjectSnapshot? {
        try fetchSnapshots("WHERE subject_kind = ? AND subject = ?", arguments: [kind, subject]).first
    }

    /// Runs a trace query after `SELECT <columns> FROM record_trace`.
    private func fetchTraces(_ clause: String, arguments: StatementArguments) throws -> [RecordTrace] {
        try perform("reading record traces") {
            try pool.read { db in
                let sql = "SELECT \(Self.traceColumns.joined(separator: ", ")) FROM record_trace " + clause
                let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
                var traces: [RecordTrace] = []
                while let row = try rows.next() { traces.append(try trace(row)) }
                return traces
            }
        }
    }

    /// Runs a snapshot query after `SELECT <columns> FROM snapshot`.
    private func fetchSnapshots(_ clause: String, arguments: StatementArguments) throws -> [SubjectSnapshot] {
        try perform("reading snapshots") {
            try pool.read { db in
                let sql = "SELECT \(Self.snapshotColumns.joined(separator: ", ")) FROM snapshot " + clause
                let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
                var snapshots: [SubjectSnapshot] = []
                while let row = try rows.next() {
                    snapshots.append(
                        try SubjectSnapshot(
                            subject: row.decode(atIndex: 0),
                            subjectKind: subjectKind(row, 1, in: "snapshot"),
                            reason: row.decode(atIndex: 2),
                            score: row.decode(atIndex: 3),
                            tier: row.decode(atIndex: 4),
                            lists: row.decode(atIndex: 5),
                            everListed: row.decode(atIndex: 6),
                            records: row.decode(atIndex: 7),
                            falseRecords: row.decode(atIndex: 8),
                            blocked: row.decode(atIndex: 9),
                            rewarded: row.decode(atIndex: 10),
                            age: row.decode(atIndex: 11),
                            male: row.decode(atIndex: 12),
                            province: row.decode(atIndex: 13),
                            urban: row.decode(atIndex: 14),
                            incomeQuintile: row.decode(atIndex: 15),
                            falseLists: row.decode(atIndex: 16),
                            spilloverPoints: row.decode(atIndex: 17),
                            spilloverCeiling: row.decode(atIndex: 18),
                            spillovers: row.decode(atIndex: 19)
                        )
                    )
                }
                return snapshots
            }
        }
    }

    /// A trace from a row of `traceColumns`.
    func trace(_ row: Row) throws -> RecordTrace {
        try RecordTrace(
            id: row.decode(atIndex: 0),
            subject: row.decode(atIndex: 1),
            subjectKind: subjectKind(row, 2, in: "record_trace"),
            behavior: row.decode(atIndex: 3),
            source: row.decode(atIndex: 4),
            occurred: row.decode(atIndex: 5),
            recorded: row.decode(atIndex: 6),
            misattributed: row.decode(atIndex: 7),
            actualSubject: row.decode(atIndex: 8),
            rule: row.decode(atIndex: 9),
            delta: row.decode(atIndex: 10),
            judgedOtherwise: row.decode(atIndex: 11),
            listed: row.decode(atIndex: 12),
            appealFiled: row.decode(atIndex: 13),
            appealDecided: row.decode(atIndex: 14),
            appealOutcome: row.decode(atIndex: 15)
        )
    }

    /// Runs a metric query whose columns are (period, name, value), NULL values read as NaN.
    private func fetchMetrics(_ sql: String, arguments: StatementArguments) throws -> [MetricPoint] {
        try perform("reading metrics") {
            try pool.read { db in
                let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
                var points: [MetricPoint] = []
                while let row = try rows.next() {
                    let value: Double? = try row.decode(atIndex: 2)
                    points.append(
                        try MetricPoint(
                            period: row.decode(atIndex: 0),
                            name: row.decode(atIndex: 1),
                            value: value ?? .nan
                        )
                    )
                }
                return points
            }
        }
    }
}

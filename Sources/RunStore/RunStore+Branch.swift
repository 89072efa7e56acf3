import Foundation
internal import GRDB
import RunRecords

extension RunStore {
    /// Copies a baseline run's stored months before `day` into this run, and sets the progress
    /// row to them: what a branch run (`RunInfo.branch`) that starts from the baseline's state on
    /// `day` (a checkpoint's day, the first of a month) holds of the months it did not simulate,
    /// so that its timeline is complete. Metric points of the months before `day`, record traces
    /// of records judged before it (an appeal filed or decided on `day` or later is left out, as
    /// the baseline's store held it then: the branch writes its own), list entries, traced
    /// standings and decisions before it; no checkpoint (the baseline's files stay its own).
    ///
    /// - Parameters:
    ///   - baseline: The baseline's run folder, of the same schema (the same sclab version).
    ///   - day: The first day not copied (ISO date).
    ///   - daysDone: Days from the run's first day to `day`, the progress row's new count.
    ///   - lastDay: The day before `day` (ISO date).
    ///   - excludedMetricPrefix: Metric names not copied (the baseline's counterfactual series,
    ///     stored when it finished).
    /// - Throws: `RunStoreError.alreadyFinished` for a finished run, `database` if SQLite fails
    ///   (nothing is then copied).
    public func copyMonths(
        from baseline: String,
        before day: String,
        daysDone: Int,
        lastDay: String,
        excludingMetricsPrefixed excludedMetricPrefix: String
    ) throws {
        try validate(daysDone: daysDone, checkpoint: nil, traces: [])
        let path = (baseline as NSString).appendingPathComponent(Self.databaseFileName)
        let month = String(day.prefix(7))
        let traces = Self.traceColumns.map { column -> String in
            switch column {
            case "appeal_filed": return "CASE WHEN appeal_filed < :day THEN appeal_filed END"
            case "appeal_decided", "appeal_outcome":
                return "CASE WHEN appeal_decided < :day THEN \(column) END"
            default: return column
            }
        }
        try perform("copying the baseline's months") {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "ATTACH DATABASE ? AS baseline", arguments: [path])
                defer { try? db.execute(sql: "DETACH DATABASE baseline") }
                try db.inTransaction {
                    try requireUnfinished(db)
                    let arguments: StatementArguments = ["day": day, "month": month, "prefix": excludedMetricPrefix]
                    try db.execute(
                        sql: """
                            INSERT OR REPLACE INTO metric (period, name, value)
                            SELECT period, name, value FROM baseline.metric
                            WHERE period < :month AND substr(name, 1, length(:prefix)) <> :prefix
                            """,
                        arguments: arguments
                    )
                    let traceList = Self.traceColumns.joined(separator: ", ")
                    try db.execute(
                        sql: """
                            INSERT OR REPLACE INTO record_trace (\(traceList))
                            SELECT \(traces.joined(separator: ", ")) FROM baseline.record_trace WHERE recorded < :day
                            """,
                        arguments: arguments
                    )
                    for (table, columns) in [
                        ("listing", Self.listingColumns), ("traced_standing", Self.standingColumns),
                        ("traced_decision", Self.decisionColumns),
                    ] {
                        let list = columns.joined(separator: ", ")
                        try db.execute(
                            sql: """
                                INSERT OR REPLACE INTO \(table) (\(list))
                                SELECT \(list) FROM baseline.\(table) WHERE day < :day
                                """,
                            arguments: arguments
                        )
                    }
                    try db.execute(
                        sql: "UPDATE progress SET days_done = ?, last_day = ? WHERE id = 1",
                        arguments: [daysDone, lastDay]
                    )
                    return .commit
                }
            }
        }
    }
}

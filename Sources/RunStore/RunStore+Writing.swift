import Foundation
internal import GRDB
import RunRecords
import SocialCredit

extension RunStore {
    /// Records one period of the run in one transaction: appends the metric points, writes the
    /// record traces, and sets the progress row. A process killed during the call leaves the run
    /// as it was before it (the whole period or none of it, progress included), so the progress
    /// row always tells how far the stored data goes.
    ///
    /// - Parameters:
    ///   - daysDone: Days simulated so far, counted from the run's start.
    ///   - lastDay: The last day simulated (ISO date).
    ///   - metrics: The period's metric points. A point whose (period, name) is already stored
    ///     replaces it, so a run resumed from a checkpoint older than its progress can write the
    ///     periods after the checkpoint again. A NaN value is stored as NULL and read back as NaN.
    ///   - traces: Record traces, upserted by id: a trace written again (say with the outcome of an
    ///     appeal decided later) replaces its earlier version.
    ///   - checkpoint: The checkpoint written at the end of this period (its file relative to the
    ///     run folder, so the folder can be moved), recorded in `checkpoint` and made the progress
    ///     row's latest; nil when this period wrote none, which leaves the latest as it was.
    ///   - listings: The period's entries onto lists, upserted by id like traces (a resumed run
    ///     writes them again).
    ///   - standings: What the run held for each traced subject during the period (at its end),
    ///     upserted by (subject, day).
    ///   - decisions: The period's decisions on traced subjects' action attempts, upserted by
    ///     (subject, day, action).
    /// - Throws: `RunStoreError.alreadyFinished` after `finish`; `invalidArgument` for a negative
    ///   day count, an absolute checkpoint path or a trace with an unknown appeal outcome; `database` if SQLite fails (the period is then not stored at all).
    public func commitPeriod(
        daysDone: Int,
        lastDay: String,
        metrics: [MetricPoint],
        traces: [RecordTrace],
        checkpoint: CheckpointRecord?,
        listings: [Listing] = [],
        standings: [TracedStanding] = [],
        decisions: [TracedDecision] = []
    ) throws {
        try validate(daysDone: daysDone, checkpoint: checkpoint, traces: traces)
        try perform("committing a period") {
            try pool.write { db in
                try requireUnfinished(db)
                try insertMetrics(metrics, db)
                let traceStatement = try db.cachedStatement(sql: Self.traceUpsertSQL)
                for trace in traces {
                    try traceStatement.execute(arguments: [
                        trace.id, trace.subject, trace.subjectKind.rawValue, trace.behavior, trace.source,
                        trace.occurred,
                        trace.recorded, trace.misattributed, trace.actualSubject, trace.rule, trace.delta,
                        trace.judgedOtherwise, trace.listed, trace.appealFiled, trace.appealDecided,
                        trace.appealOutcome,
                    ])
                }
                let listingStatement = try db.cachedStatement(sql: Self.listingUpsertSQL)
                for listing in listings {
                    try listingStatement.execute(arguments: [
                        listing.id, listing.subject, listing.subjectKind.rawValue, listing.list, listing.day,
                        listing.until,
                        listing.behavior, listing.source, listing.rule, listing.misattributed,
                    ])
                }
                try insertTracedMonth(standings, decisions, db)
                if let checkpoint {
                    try db.execute(
                        sql: "INSERT OR REPLACE INTO checkpoint (days_done, file, bytes, sha256) VALUES (?, ?, ?, ?)",
                        arguments: [checkpoint.daysDone, checkpoint.file, checkpoint.bytes, checkpoint.sha256]
                    )
                }
                try db.execute(
                    sql:
                        "UPDATE progress SET days_done = ?, last_day = ?, checkpoint = coalesce(?, checkpoint) WHERE id = 1",
                    arguments: [daysDone, lastDay, checkpoint?.file]
                )
            }
        }
    }

    /// Closes the run in one transaction: stores the final snapshots, the digest of the final
    /// state and the summary, and marks the run finished. Until this commits the run reads as
    /// unfinished (and can be resumed); afterwards it is read-only.
    ///
    /// - Parameters:
    ///   - snapshots: The final state of each traced or listed subject, at most one per subject.
    ///   - digest: SHA-256 of the final state as 64 lowercase hex digits, which two runs of the
    ///     same scenario, population and seed must share whatever their thread counts.
    ///   - summaryJSON: The run's summary as a JSON document (headline figures for reports).
    ///   - groups: Counts over every person by group (`group_tally`), for "who it hit".
    ///   - metrics: Further metric points stored with the finish, such as the counterfactual
    ///     run's series (`counterfactual.` names), upserted like a period's points.
    ///   - seedOutcomes: The key figures of each further seed the run is measured over
    ///     (`seed_outcome`), at most one per seed, every value finite.
    /// - Throws: `RunStoreError.alreadyFinished` if finished before; `invalidArgument` for a
    ///   malformed digest or JSON, a subject snapshotted twice, a seed given twice or a figure
    ///   that is not finite; `database` if SQLite fails.
    public func finish(
        snapshots: [SubjectSnapshot],
        digest: String,
        summaryJSON: String,
        groups: [GroupTally] = [],
        metrics: [MetricPoint] = [],
        seedOutcomes: [SeedOutcome] = []
    ) throws {
        try validate(digest: digest, summaryJSON: summaryJSON, snapshots: snapshots)
        try validate(seedOutcomes)
        try perform("finishing the run") {
            try pool.write { db in
                try requireUnfinished(db)
                let placeholders = Array(repeating: "?", count: Self.snapshotColumns.count).joined(separator: ", ")
                let statement = try db.cachedStatement(
                    sql:
                        "INSERT INTO snapshot (\(Self.snapshotColumns.joined(separator: ", "))) VALUES (\(placeholders))"
                )
                for snapshot in snapshots {
                    try statement.execute(arguments: [
                        snapshot.subject, snapshot.subjectKind.rawValue, snapshot.reason, snapshot.score, snapshot.tier,
                        snapshot.lists, snapshot.everListed, snapshot.records, snapshot.falseRecords, snapshot.blocked,
                        snapshot.rewarded, snapshot.age, snapshot.male, snapshot.province, snapshot.urban,
                        snapshot.incomeQuintile, snapshot.falseLists, snapshot.spilloverPoints,
                        snapshot.spilloverCeiling, snapshot.spillovers,
                    ])
                }
                try insertGroups(groups, db)
                try insertMetrics(metrics, db)
                try insertSeedOutcomes(seedOutcomes, db)
                try db.execute(
                    sql: "INSERT INTO summary (id, digest, json) VALUES (1, ?, ?)",
                    arguments: [digest, summaryJSON]
                )
                try db.execute(sql: "UPDATE progress SET finished = 1 WHERE id = 1")
            }
        }
    }

    /// The trace upsert: insert, or on an existing id replace every other column.
    private static let traceUpsertSQL: String = {
        let placeholders = Array(repeating: "?", count: traceColumns.count).joined(separator: ", ")
        let updates = traceColumns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        return "INSERT INTO record_trace (\(traceColumns.joined(separator: ", "))) VALUES (\(placeholders)) "
            + "ON CONFLICT (id) DO UPDATE SET \(updates)"
    }()

    /// The listing upsert: insert, or on an existing id (a resumed run) replace it.
    private static let listingUpsertSQL: String = {
        let placeholders = Array(repeating: "?", count: listingColumns.count).joined(separator: ", ")
        return "INSERT OR REPLACE INTO listing (\(listingColumns.joined(separator: ", "))) VALUES (\(placeholders))"
    }()

    /// Throws `alreadyFinished` inside a write, so the check and the write are one transaction.
    func requireUnfinished(_ db: Database) throws {
        if try Bool.fetchOne(db, sql: "SELECT finished FROM progress WHERE id = 1") ?? false {
            throw RunStoreError.alreadyFinished(path: databasePath)
        }
    }

    /// Checks a period's arguments before the transaction, for messages clearer than SQLite's
    /// constraint failures (which remain as a second line of defence).
    func validate(daysDone: Int, checkpoint: CheckpointRecord?, traces: [RecordTrace]) throws {
        if daysDone < 0 {
            throw RunStoreError.invalidArgument(
                path: databasePath,
                reason: "days done cannot be negative (got \(daysDone))"
            )
        }
        if let checkpoint { try validate(checkpoint) }
        for trace in traces {
            if let outcome = trace.appealOutcome, !Self.appealOutcomes.contains(outcome) {
                throw RunStoreError.invalidArgument(
                    path: databasePath,
                    reason: "trace \(trace.id): appeal outcome '\(outcome)' is not 'upheld' or 'overturned'"
                )
            }
        }
    }

    /// Checks the finishing arguments before the transaction.
    private func validate(digest: String, summaryJSON: String, snapshots: [SubjectSnapshot]) throws {
        let hexDigits = Set("0123456789abcdef")
        if digest.count != 64 || !digest.allSatisfy(hexDigits.contains) {
            throw RunStoreError.invalidArgument(
                path: databasePath,
                reason: "the digest must be SHA-256 as 64 lowercase hex digits (got '\(digest)')"
            )
        }
        if (try? JSONSerialization.jsonObject(with: Data(summaryJSON.utf8), options: [.fragmentsAllowed])) == nil {
            throw RunStoreError.invalidArgument(path: databasePath, reason: "the summary is not valid JSON")
        }
        var seen = Set<String>()
        for snapshot in snapshots {
            if !seen.insert("\(snapshot.subjectKind) \(snapshot.subject)").inserted {
                throw RunStoreError.invalidArgument(
                    path: databasePath,
                    reason: "\(snapshot.subjectKind) \(snapshot.subject) has two snapshots"
                )
            }
        }
    }

    /// The values of `appeal_outcome`.
    static let appealOutcomes: Set<String> = ["upheld", "overturned"]
}

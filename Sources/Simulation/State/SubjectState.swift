/// The mutable state of every person (or every company) in a run, as columns.
///
/// Everything the day loop changes lives here; everything it reads about who people are lives
/// in the `Population`. Columns are plain arrays of fixed-width values, so the whole state can be
/// hashed for the digest and written to a checkpoint as bytes.
struct SubjectState: @unchecked Sendable {
    /// Next day a behaviour may occur (candidate), and whether that day is only a refresh.
    let nextBehavior: Column<Int32>
    let nextAction: Column<Int32>
    /// Points from records that count, beyond the initial score.
    let scoreDelta: Column<Int32>
    /// Of `scoreDelta`, the points from false records.
    let falseDelta: Column<Int32>
    /// Points from spillovers in force (recomputed monthly).
    let spillDelta: Column<Int16>
    /// Worst tier allowed by a record's tier ceiling, and until when (exclusive).
    let ceilingTier: Column<UInt8>
    let ceilingUntil: Column<Int32>
    /// Tier ceiling from spillovers in force (0xFF: none), recomputed monthly.
    let spillCeiling: Column<UInt8>
    /// Spillovers reaching the subject (bit per spillover), recomputed monthly.
    let spillMask: Column<UInt16>
    /// Per rule-filled list: first day listed, and first day off the list (0 when never).
    let listedSince: [Column<Int32>]
    let listedUntil: [Column<Int32>]
    /// The latest end of the subject's entries on rule-filled black lists (for the `listed` trigger).
    let blackUntil: Column<Int32>
    /// Lists whose current entry came from a false record (bit per list), and lists ever held.
    let listFalse: Column<UInt8>
    let everListed: Column<UInt8>
    /// One-off response triggers: the last day an action was blocked, and the last day a record
    /// lowered the score (Int32.min: never).
    let lastSanctioned: Column<Int32>
    let lastRecorded: Column<Int32>
    /// Last day a record lowered the score (for `clean_days`), or Int32.min.
    let lastNegative: Column<Int32>
    /// Actions (bit per action) on which some measure or spillover acts for the subject: only
    /// these attempts are simulated one by one; the others could not be blocked or rewarded.
    let actionGate: Column<UInt64>
    /// Set when monthly spillovers changed for the subject, until its gate is refreshed.
    let spillChanged: Column<UInt8>
    /// Counters for snapshots: records, false records, blocked actions, rewards.
    let records: Column<UInt16>
    let falseRecords: Column<UInt16>
    let blocked: Column<UInt16>
    let rewarded: Column<UInt16>
    /// Per further rating: points from records that count, and of those the points from false
    /// records (no columns when the scenario declares no rating).
    let ratingDelta: [Column<Int32>]
    let ratingFalse: [Column<Int32>]
    /// Rating tiers at the last month end, 8 bits per rating (0xFF: not rated), as spillovers
    /// see them; empty when the scenario declares no rating.
    let ratingSnapshot: Column<UInt64>

    init(count: Int, lists: Int, ratings: Int = 0) {
        nextBehavior = Column<Int32>(repeating: 0, count: count)
        nextAction = Column<Int32>(repeating: 0, count: count)
        scoreDelta = Column<Int32>(repeating: 0, count: count)
        falseDelta = Column<Int32>(repeating: 0, count: count)
        spillDelta = Column<Int16>(repeating: 0, count: count)
        ceilingTier = Column<UInt8>(repeating: 0, count: count)
        ceilingUntil = Column<Int32>(repeating: Int32.min, count: count)
        spillCeiling = Column<UInt8>(repeating: 0xFF, count: count)
        spillMask = Column<UInt16>(repeating: 0, count: count)
        listedSince = (0..<lists).map { _ in Column<Int32>(repeating: 0, count: count) }
        listedUntil = (0..<lists).map { _ in Column<Int32>(repeating: Int32.min, count: count) }
        blackUntil = Column<Int32>(repeating: Int32.min, count: count)
        listFalse = Column<UInt8>(repeating: 0, count: count)
        everListed = Column<UInt8>(repeating: 0, count: count)
        lastSanctioned = Column<Int32>(repeating: Int32.min, count: count)
        lastRecorded = Column<Int32>(repeating: Int32.min, count: count)
        lastNegative = Column<Int32>(repeating: Int32.min, count: count)
        actionGate = Column<UInt64>(repeating: 0, count: count)
        spillChanged = Column<UInt8>(repeating: 0, count: count)
        records = Column<UInt16>(repeating: 0, count: count)
        falseRecords = Column<UInt16>(repeating: 0, count: count)
        blocked = Column<UInt16>(repeating: 0, count: count)
        rewarded = Column<UInt16>(repeating: 0, count: count)
        ratingDelta = (0..<ratings).map { _ in Column<Int32>(repeating: 0, count: count) }
        ratingFalse = (0..<ratings).map { _ in Column<Int32>(repeating: 0, count: count) }
        ratingSnapshot = Column<UInt64>(repeating: UInt64.max, count: ratings > 0 ? count : 0)
    }

    var count: Int { scoreDelta.count }

    /// Every column, in a fixed order (for the digest and checkpoints).
    var columns: [UnsafeRawBufferPointer] {
        [nextBehavior.bytes, nextAction.bytes, scoreDelta.bytes, falseDelta.bytes, spillDelta.bytes, ceilingTier.bytes,
         ceilingUntil.bytes, spillCeiling.bytes, spillMask.bytes]
            + listedSince.map(\.bytes) + listedUntil.map(\.bytes)
            + [blackUntil.bytes, listFalse.bytes, everListed.bytes, lastSanctioned.bytes, lastRecorded.bytes, lastNegative.bytes,
               actionGate.bytes, spillChanged.bytes, records.bytes, falseRecords.bytes, blocked.bytes, rewarded.bytes]
            + ratingDelta.map(\.bytes) + ratingFalse.map(\.bytes) + [ratingSnapshot.bytes]
    }

    /// Feeds every column into a hash, in a fixed order.
    func hash(into digest: inout SHA256) {
        for column in columns { digest.update(raw: column) }
    }
}

/// A subject's standing as the rules see it, computed on demand from the state: plain values only.
struct Standing: Sendable {
    /// Whether the subject has a score (enrolled, and its kind is scored).
    var scored: Bool
    var score: Int32
    /// Tier index (0 = best), or -1 when not scored.
    var tier: Int32
    /// Bit per list (rule-filled and condition-filled).
    var lists: UInt8
    var lastNegative: Int32
    /// Tier per further rating, 8 bits each (0xFF: not rated).
    var ratings: UInt64 = UInt64.max
}

/// The mutable state of every person (or every company) in a run, laid out for the day loop.
///
/// Everything the day loop changes lives here, with what it reads about each person on every
/// event (date of birth, relatives, flags, province, income quintile). Fields read together are
/// packed in records: the *event* record (32 bytes: who the subject is, and what sets off
/// responses) is all a behaviour event reads; the *standing* record (one cache line: score,
/// ceilings, lists, gate) is all a record's arrival and a decision read. Fields touched only
/// monthly or rarely are plain columns. All values are fixed-width, so the whole state can be
/// hashed for the digest and written to a checkpoint as bytes.
struct SubjectState: @unchecked Sendable {
    // The event record.
    let event: RecordBlock
    /// Date of birth (day number), mother, father and spouse (`Population.none`: none), flags,
    /// province index, income quintile 1-5, and bits (bit 0: a parent of a minor; bit 1:
    /// enrolled, so scored). People only; set once when the run is prepared.
    let birthDay: Field<Int32>
    let mother: Field<UInt32>
    let father: Field<UInt32>
    let spouse: Field<UInt32>
    let flags: Field<UInt8>
    let province: Field<UInt8>
    let quintile: Field<UInt8>
    let bits: Field<UInt8>
    /// The latest end of the subject's entries on rule-filled black lists (for the `listed` trigger).
    let blackUntil: Field<Int32>
    /// One-off response triggers: the last day an action was blocked, and the last day a record
    /// lowered the score (Int32.min: never).
    let lastSanctioned: Field<Int32>
    let lastRecorded: Field<Int32>

    // The standing record.
    let standing: RecordBlock
    /// Actions (bit per action) on which some measure or spillover acts for the subject: only
    /// these attempts are simulated one by one; the others could not be blocked or rewarded.
    let actionGate: Field<UInt64>
    /// Points from records that count, beyond the initial score; of them, points from false records.
    let scoreDelta: Field<Int32>
    let falseDelta: Field<Int32>
    /// Worst tier allowed by a record's tier ceiling, and until when (exclusive).
    let ceilingUntil: Field<Int32>
    let ceilingTier: Field<UInt8>
    /// Last day a record lowered the score (for `clean_days`), or Int32.min.
    let lastNegative: Field<Int32>
    /// Points from spillovers in force, their tier ceiling (0xFF: none), and the spillovers
    /// reaching the subject (bit per spillover), recomputed monthly.
    let spillDelta: Field<Int16>
    let spillCeiling: Field<UInt8>
    let spillMask: Field<UInt16>
    /// Records attached (true and false), for snapshots and for finding who needs a monthly look.
    let records: Field<UInt16>
    /// Lists whose current entry came from a false record (bit per list).
    let listFalse: Field<UInt8>
    /// Per list: first day off the list (Int32.min when never listed; rule-filled lists only).
    let listedUntil: [Field<Int32>]

    // Columns.
    /// Next day a behaviour may occur (candidate), and whether that day is only a refresh
    /// (written negative); the same for action attempts. Scanned every day, so kept apart.
    let nextBehavior: Column<Int32>
    let nextAction: Column<Int32>
    /// Per list with a minimum time before credit repair: first day listed (empty otherwise).
    let listedSince: [Column<Int32>]
    /// Lists ever held (bit per list).
    let everListed: Column<UInt8>
    /// Set when monthly spillovers changed for the subject, until its gate is refreshed.
    let spillChanged: Column<UInt8>
    /// Counters for snapshots: false records, blocked actions, rewards.
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

    /// State for `count` subjects, `lists` lists (of which those flagged in `sinceNeeded` keep
    /// the day each entry began) and `ratings` further ratings.
    init(count: Int, lists: Int, ratings: Int = 0, sinceNeeded: [Bool]) {
        var e = RecordLayout()
        let offsets = (birthDay: e.add(Int32(0)), mother: e.add(UInt32(0)), father: e.add(UInt32(0)),
                       spouse: e.add(UInt32(0)), flags: e.add(UInt8(0)), province: e.add(UInt8(0)),
                       quintile: e.add(UInt8(0)), bits: e.add(UInt8(0)), blackUntil: e.add(Int32.min),
                       lastSanctioned: e.add(Int32.min), lastRecorded: e.add(Int32.min))
        event = RecordBlock(count: count, layout: e)
        birthDay = event.field(offsets.birthDay)
        mother = event.field(offsets.mother)
        father = event.field(offsets.father)
        spouse = event.field(offsets.spouse)
        flags = event.field(offsets.flags)
        province = event.field(offsets.province)
        quintile = event.field(offsets.quintile)
        bits = event.field(offsets.bits)
        blackUntil = event.field(offsets.blackUntil)
        lastSanctioned = event.field(offsets.lastSanctioned)
        lastRecorded = event.field(offsets.lastRecorded)

        var s = RecordLayout()
        let standingOffsets = (actionGate: s.add(UInt64(0)), scoreDelta: s.add(Int32(0)), falseDelta: s.add(Int32(0)),
                               ceilingUntil: s.add(Int32.min), lastNegative: s.add(Int32.min),
                               spillDelta: s.add(Int16(0)), spillMask: s.add(UInt16(0)), records: s.add(UInt16(0)),
                               ceilingTier: s.add(UInt8(0)), spillCeiling: s.add(UInt8(0xFF)), listFalse: s.add(UInt8(0)))
        let untilOffsets = (0..<lists).map { _ in s.add(Int32.min) }
        let standing = RecordBlock(count: count, layout: s)
        self.standing = standing
        actionGate = standing.field(standingOffsets.actionGate)
        scoreDelta = standing.field(standingOffsets.scoreDelta)
        falseDelta = standing.field(standingOffsets.falseDelta)
        ceilingUntil = standing.field(standingOffsets.ceilingUntil)
        lastNegative = standing.field(standingOffsets.lastNegative)
        spillDelta = standing.field(standingOffsets.spillDelta)
        spillMask = standing.field(standingOffsets.spillMask)
        records = standing.field(standingOffsets.records)
        ceilingTier = standing.field(standingOffsets.ceilingTier)
        spillCeiling = standing.field(standingOffsets.spillCeiling)
        listFalse = standing.field(standingOffsets.listFalse)
        listedUntil = untilOffsets.map { standing.field($0) }

        nextBehavior = Column<Int32>(repeating: 0, count: count)
        nextAction = Column<Int32>(repeating: 0, count: count)
        listedSince = (0..<lists).map { Column<Int32>(repeating: 0, count: sinceNeeded[$0] ? count : 0) }
        everListed = Column<UInt8>(repeating: 0, count: count)
        spillChanged = Column<UInt8>(repeating: 0, count: count)
        falseRecords = Column<UInt16>(repeating: 0, count: count)
        blocked = Column<UInt16>(repeating: 0, count: count)
        rewarded = Column<UInt16>(repeating: 0, count: count)
        ratingDelta = (0..<ratings).map { _ in Column<Int32>(repeating: 0, count: count) }
        ratingFalse = (0..<ratings).map { _ in Column<Int32>(repeating: 0, count: count) }
        ratingSnapshot = Column<UInt64>(repeating: UInt64.max, count: ratings > 0 ? count : 0)
    }

    var count: Int { nextBehavior.count }

    /// All the state's memory, in a fixed order (for the digest and checkpoints).
    var columns: [UnsafeRawBufferPointer] {
        [event.bytes, standing.bytes, nextBehavior.bytes, nextAction.bytes] + listedSince.map(\.bytes)
            + [everListed.bytes, spillChanged.bytes, falseRecords.bytes, blocked.bytes, rewarded.bytes]
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

/// The mutable state of every person (or every company) in a run, laid out for the day loop.
///
/// Everything the day loop changes lives here, with what it reads about each person on every
/// event (date of birth, flags, province, income quintile). Fields read together are packed in
/// records: the *event* record (16 bytes: who the subject is, and what sets off responses) is
/// all a behaviour event reads; the *standing* record (32 bytes: score, ceilings, lists, gate)
/// is all a record's arrival and a decision read. Days are 16-bit `RunDays`. Fields touched only
/// monthly or rarely are plain columns. All values are fixed-width, so the whole state can be
/// hashed for the digest and written to a checkpoint as bytes.
struct SubjectState: @unchecked Sendable {
    // The event record (16 bytes).
    let event: RecordBlock
    /// Date of birth (day number), flags, province index, income quintile 1-5, and bits (bit 0:
    /// a parent of a minor; bit 1: enrolled, so scored; bit 2: a parent or the spouse was on a
    /// black list at the last month end, for the `relative_listed` trigger). People only;
    /// bit 2 is set monthly, the rest once when the run is prepared.
    let birthDay: Field<Int32>
    let flags: Field<UInt8>
    let province: Field<UInt8>
    let quintile: Field<UInt8>
    let bits: Field<UInt8>
    /// The latest end of the subject's entries on rule-filled black lists (for the `listed` trigger).
    let blackUntil: DayField
    /// One-off response triggers: the last day an action was blocked, and the last day a record
    /// lowered the score (Int32.min: never).
    let lastSanctioned: DayField
    let lastRecorded: DayField

    // The standing record (32 bytes unless the scenario has many lists of the kind).
    let standing: RecordBlock
    /// Actions (bit per action) on which some measure or spillover acts for the subject: only
    /// these attempts are simulated one by one; the others could not be blocked or rewarded.
    let actionGate: Field<UInt64>
    /// Points from records that count, beyond the initial score; of them, points from false records.
    let scoreDelta: Field<Int32>
    let falseDelta: Field<Int32>
    /// Worst tier allowed by a record's tier ceiling, and until when (exclusive).
    let ceilingUntil: DayField
    let ceilingTier: Field<UInt8>
    /// Last day a record lowered the score (for `clean_days`), or Int32.min.
    let lastNegative: DayField
    /// Points from spillovers in force, their tier ceiling (0xFF: none), and the spillovers
    /// reaching the subject (bit per spillover), recomputed monthly.
    let spillDelta: Field<Int16>
    let spillCeiling: Field<UInt8>
    let spillMask: Field<UInt16>
    /// Lists whose current entry came from a false record (bit per list).
    let listFalse: Field<UInt8>
    /// Per list: first day off the list (Int32.min when never listed). Only rule-filled lists
    /// of the subject's kind have one; the others are absent.
    let listedUntil: [DayField]

    // Columns.
    /// Next day a behaviour may occur, and next day an action may be attempted. Scanned every
    /// day, so kept apart.
    let nextBehavior: ScheduleColumn
    let nextAction: ScheduleColumn
    /// The earliest due day of each group of sixteen subjects in both schedule columns (derived
    /// from them: not hashed or saved), so the scan skips the groups with nothing due.
    let due: DueSummary
    /// Records attached (true and false; stops at 65,535), for snapshots and for finding who
    /// needs a monthly look: with none, no list term, ceiling or negative record can be held.
    let records: Column<UInt16>
    /// Lists ever held (bit per list): rule-filled lists from the day of entry, condition-filled
    /// ones from the first month end at which they held.
    let everListed: Column<UInt8>
    /// Condition-filled lists held at the last month end (bit per list), to count their entries
    /// and removals month by month.
    let conditionalHeld: Column<UInt8>
    /// Spillovers at a glance, so month-end passes need not read the standing record of the
    /// many people no spillover reaches: bit 0, they changed this month (until the gate is
    /// refreshed); bit 1, a point delta or tier ceiling is in force; bit 2, a block or reward is.
    let spillFlags: Column<UInt8>
    /// Counters for snapshots: false records, blocked actions, rewards.
    let falseRecords: Column<UInt16>
    let blocked: Column<UInt16>
    let rewarded: Column<UInt16>
    /// Per further rating: points from records that count, and of those the points from false
    /// records. A rating of the other kind of subject has empty columns (a rule's rating rates
    /// the kind its behaviour is done by), so people carry nothing for a company rating: 8
    /// bytes a person, 0.8 GB at 100 million people, in the seed scenario.
    let ratingDelta: [Column<Int32>]
    let ratingFalse: [Column<Int32>]
    /// Rating tiers at the last month end, a byte per rating (0xFF: not rated), as spillovers
    /// see them; empty when no rating rates this kind of subject.
    let ratingSnapshot: RatingTierColumn
    /// Each subject's total behaviour rate as last worked out (`RateCacheEntry`): derived, so
    /// not among `stateColumns` (neither hashed nor saved).
    let rateCache: Column<RateCacheEntry>
    /// The first day (`RunDays`) on which the subject's own standing may differ from its last
    /// month-end snapshot with nothing written to its standing: the end of a list term or tier
    /// ceiling, both of which end by the day alone. `Int16.min`: worked out again at the next
    /// month end (something was written since, or it was never worked out). Derived, so not
    /// among `stateColumns` (see `Simulation.takeSnapshots`).
    let snapshotWake: Column<Int16>

    /// State for `count` subjects whose day fields count from `origin` (the run's first day).
    /// `listed` flags the lists whose entries this kind of subject can hold by rule; `rated` flags,
    /// per further rating, those that rate this kind; `first` is the whole-society index of
    /// subject 0 (a shard's first).
    init(count: Int, origin: Int32, listed: [Bool], rated: [Bool] = [], first: Int = 0) {
        var e = RecordLayout()
        let offsets = (
            birthDay: e.add(Int32(0)), blackUntil: e.add(Int16.min), lastSanctioned: e.add(Int16.min),
            lastRecorded: e.add(Int16.min), flags: e.add(UInt8(0)), province: e.add(UInt8(0)),
            quintile: e.add(UInt8(0)), bits: e.add(UInt8(0))
        )
        event = RecordBlock(count: count, layout: e)
        birthDay = event.field(offsets.birthDay)
        flags = event.field(offsets.flags)
        province = event.field(offsets.province)
        quintile = event.field(offsets.quintile)
        bits = event.field(offsets.bits)
        blackUntil = event.dayField(offsets.blackUntil, origin: origin)
        lastSanctioned = event.dayField(offsets.lastSanctioned, origin: origin)
        lastRecorded = event.dayField(offsets.lastRecorded, origin: origin)

        var s = RecordLayout()
        let standingOffsets = (
            actionGate: s.add(UInt64(0)), scoreDelta: s.add(Int32(0)), falseDelta: s.add(Int32(0)),
            ceilingUntil: s.add(Int16.min), lastNegative: s.add(Int16.min),
            spillDelta: s.add(Int16(0)), spillMask: s.add(UInt16(0)),
            ceilingTier: s.add(UInt8(0)), spillCeiling: s.add(UInt8(0xFF)), listFalse: s.add(UInt8(0))
        )
        let untilOffsets = listed.map { $0 ? s.add(Int16.min) : nil }
        let standing = RecordBlock(count: count, layout: s)
        self.standing = standing
        actionGate = standing.field(standingOffsets.actionGate)
        scoreDelta = standing.field(standingOffsets.scoreDelta)
        falseDelta = standing.field(standingOffsets.falseDelta)
        ceilingUntil = standing.dayField(standingOffsets.ceilingUntil, origin: origin)
        lastNegative = standing.dayField(standingOffsets.lastNegative, origin: origin)
        spillDelta = standing.field(standingOffsets.spillDelta)
        spillMask = standing.field(standingOffsets.spillMask)
        ceilingTier = standing.field(standingOffsets.ceilingTier)
        spillCeiling = standing.field(standingOffsets.spillCeiling)
        listFalse = standing.field(standingOffsets.listFalse)
        listedUntil = untilOffsets.map { offset in offset.map { standing.dayField($0, origin: origin) } ?? .absent }

        due = DueSummary(count: count, first: first)
        nextBehavior = ScheduleColumn(count: count, origin: origin, due: due, lane: ScheduleColumn.behaviorLane)
        nextAction = ScheduleColumn(count: count, origin: origin, due: due, lane: ScheduleColumn.actionLane)
        records = Column<UInt16>(repeating: 0, count: count)
        everListed = Column<UInt8>(repeating: 0, count: count)
        conditionalHeld = Column<UInt8>(repeating: 0, count: count)
        spillFlags = Column<UInt8>(repeating: 0, count: count)
        falseRecords = Column<UInt16>(repeating: 0, count: count)
        blocked = Column<UInt16>(repeating: 0, count: count)
        rewarded = Column<UInt16>(repeating: 0, count: count)
        ratingDelta = rated.map { Column<Int32>(repeating: 0, count: $0 ? count : 0) }
        ratingFalse = rated.map { Column<Int32>(repeating: 0, count: $0 ? count : 0) }
        ratingSnapshot = RatingTierColumn(ratings: rated.contains(true) ? rated.count : 0, count: count)
        rateCache = Column<RateCacheEntry>(repeating: RateCacheEntry(), count: count)
        snapshotWake = Column<Int16>(repeating: Int16.min, count: count)
    }

    var count: Int { nextBehavior.count }

    /// All the state's memory in a fixed order, each column with the bytes a subject takes in
    /// it: the order the state digest hashes a block's rows in (`BlockDigest`) and checkpoints
    /// save the state in.
    var stateColumns: [StateColumn] {
        [event.stateColumn, standing.stateColumn, nextBehavior.column.stateColumn, nextAction.column.stateColumn]
            + [
                records.stateColumn, everListed.stateColumn, conditionalHeld.stateColumn, spillFlags.stateColumn,
                falseRecords.stateColumn, blocked.stateColumn, rewarded.stateColumn,
            ]
            + ratingDelta.map(\.stateColumn) + ratingFalse.map(\.stateColumn) + [ratingSnapshot.stateColumn]
    }

    /// Bytes of derived state (neither hashed nor saved, rebuilt when needed): the scan's due
    /// summary, the kept behaviour totals and the snapshots' wake-up days.
    var derivedBytes: Int { due.entries.bytes.count + rateCache.bytes.count + snapshotWake.bytes.count }

    /// All the state's memory, in the fixed order of `stateColumns` (for checkpoints).
    var columns: [UnsafeRawBufferPointer] { stateColumns.map(\.bytes) }
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

import MemoryHints

extension EventContext {
    /// Subjects found per batch by `scan` (at least this many unless the range runs out, at
    /// most this many plus a group's sixteen): how far ahead of their events their records are
    /// asked for. With `codeDistance`, measured on the seed scenario at 10,000,000 people and
    /// the reference model at 1,000,000: 16 and 16 took the scan from 17.2% of the run to 16%
    /// at 10,000,000 and by a fifth at 1,000,000, where batches of sixteen groups held about
    /// two subjects; 4 and 4 were no better than those batches, 32 no better than 16.
    static let batchSubjects = 16

    /// Groups to open whose schedule codes are asked for ahead of `collect`'s reading them.
    static let codeDistance = 16

    /// Finds the subjects of `range` with an event today and runs their events, a batch at a time.
    ///
    /// On a typical day about one subject in sixty has an event, so each one's state is far from
    /// the last and not in cache. Working through the subjects one by one, the processor waits for
    /// memory at every event; instead the subjects due are found a batch ahead and their records
    /// asked for (prefetched) then, so they arrive while the current batch's events run. Only the
    /// groups whose entry in `state.due` is today or earlier are opened (most are not: they are
    /// passed over eight at a time, `sclab_next_open`), and their codes are asked for
    /// `codeDistance` opened groups ahead. Batches and distances count subjects and opened
    /// groups, not groups: how many groups hold one varies with the size of the society and the
    /// rates (one group in ten at 1,000,000 people of the reference model).
    /// The order of events is the same as one by one: `events` checks again that each subject is
    /// still due (an event never makes another subject due on the same day).
    /// With `tally.timed`, the time spent finding subjects and running their events is added
    /// to the tally's scan and event times.
    func scan(_ range: Range<Int>, _ counters: inout DayCounters, _ tally: inout EventTally) {
        guard !range.isEmpty else { return }
        // Chunks start at group boundaries (see `DueSummary`): no group is shared with another chunk.
        assert(range.lowerBound == 0 || state.due.group(range.lowerBound - 1) < state.due.group(range.lowerBound))
        let groups = state.due.group(range.lowerBound)..<(state.due.group(range.upperBound - 1) + 1)
        let capacity = Self.batchSubjects + DueSummary.width
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * capacity + Self.codeDistance) { due in
            var current = (list: due.baseAddress!, count: 0)
            var spare = due.baseAddress! + capacity
            var cursor = ScanCursor(ahead: groups.lowerBound, opened: due.baseAddress! + 2 * capacity)
            var clock = tally.now()
            current.count = collect(&cursor, of: range, within: groups, into: current.list)
            while current.count > 0 || !cursor.finished(groups) {
                let ahead = cursor.finished(groups) ? 0 : collect(&cursor, of: range, within: groups, into: spare)
                if tally.timed {
                    let found = tally.now()
                    tally.scanTicks &+= found &- clock
                    clock = found
                }
                for k in 0..<current.count {
                    let found = current.list[k]
                    events(found >> Self.laneBits, lanes: found & Self.laneMask, &counters, &tally)
                }
                if tally.timed {
                    let done = tally.now()
                    tally.eventTicks &+= done &- clock
                    clock = done
                }
                swap(&current.list, &spare)
                current.count = ahead
            }
        }
    }

    /// How `collect` writes a subject due: its index shifted left by `laneBits`, with a bit per
    /// schedule column whose code is due today (`1 << ScheduleColumn.behaviorLane`, `actionLane`).
    static let laneBits = 2
    static let laneMask = 1 << laneBits - 1

    /// Writes the subjects of `range` due today into `due` (with the columns due, see
    /// `laneBits`) from the groups where `cursor` stands on, until `batchSubjects` are found or the
    /// groups run out; asks for what their events read, and returns how many there are. Of each
    /// group, only the schedule columns whose entry is today or earlier are read (`DueSummary`),
    /// and each gets its exact earliest due day after today: today's subjects are left out, as
    /// their events write their next days (which lower the entry again).
    @inline(__always)
    private func collect(
        _ cursor: inout ScanCursor,
        of range: Range<Int>,
        within all: Range<Int>,
        into due: UnsafeMutablePointer<Int>
    ) -> Int {
        let summary = state.due
        let entries = summary.entries.base
        let lanes = DueSummary.lanes
        let (b, a) = (ScheduleColumn.behaviorLane, ScheduleColumn.actionLane)
        let today = DueSummary.key(state.nextBehavior.code(day))
        let behavior = state.nextBehavior.column.base
        let action = state.nextAction.column.base
        var count = 0
        let (batch, distance) = (Self.batchSubjects, Self.codeDistance)
        while count < batch {
            // The codes of the groups to open are asked for `codeDistance` opened groups ahead:
            // opened groups are too far apart for the processor to see a stream and fetch them
            // ahead by itself. The groups found are kept for the loop below, in order.
            while cursor.waiting < distance, cursor.ahead < all.upperBound {
                let group = sclab_next_open(entries, cursor.ahead, all.upperBound, today)
                cursor.ahead = group &+ 1
                guard group < all.upperBound else { break }
                let (entry, first) = (entries + group &* lanes, summary.start(of: group))
                if entry[b] <= today { sclab_prefetch(behavior + first) }
                if entry[a] <= today { sclab_prefetch(action + first) }
                cursor.push(group)
            }
            guard cursor.waiting > 0 else { break }
            let group = cursor.pop()
            let entry = entries + group &* lanes
            let openBehavior = entry[b] <= today
            let openAction = entry[a] <= today
            let first = summary.start(of: group)
            let subjects = summary.subjects(of: group, count: state.count).clamped(to: range)
            guard openBehavior || openAction else { continue }  // found open, so still open
            var hits = (behavior: UInt32(0), action: UInt32(0))
            if subjects.count == DueSummary.width {
                if openBehavior { hits.behavior = sclab_due_codes(behavior + first, today, entry + b) }
                if openAction { hits.action = sclab_due_codes(action + first, today, entry + a) }
            } else {
                // A group cut short by the end of the subjects: both columns looked at in full.
                var earliest = (behavior: UInt16.max, action: UInt16.max)
                for subject in subjects {
                    let bit = UInt32(1) << UInt32(subject &- first)
                    let keys = (behavior: DueSummary.key(behavior[subject]), action: DueSummary.key(action[subject]))
                    if keys.behavior == today { hits.behavior |= bit }
                    if keys.action == today { hits.action |= bit }
                    if keys.behavior > today { earliest.behavior = min(earliest.behavior, keys.behavior) }
                    if keys.action > today { earliest.action = min(earliest.action, keys.action) }
                }
                entry[b] = earliest.behavior
                entry[a] = earliest.action
            }
            var found = hits.behavior | hits.action
            while found != 0 {
                let lane = found.trailingZeroBitCount
                let columns = Int(hits.behavior >> UInt32(lane) & 1) << b | Int(hits.action >> UInt32(lane) & 1) << a
                due[count] = (first &+ lane) << Self.laneBits | columns
                count &+= 1
                found &= found &- 1
            }
        }
        // A behaviour event reads the event record and the kept total; an action attempt the
        // event record and the standing (its gate). A behaviour's record that arrives the same
        // day reads the standing too, but few events make one (in the seed, at most one
        // behaviour event in eighteen makes a record at all).
        let totals = state.rateCache
        for k in 0..<count {
            let subject = due[k] >> Self.laneBits
            prefetchEvent(subject)
            if due[k] & 1 << b != 0 { totals.prefetch(subject) }
            if due[k] & 1 << a != 0 { prefetchStanding(subject) }
        }
        return count
    }

    /// Asks for the subject's event and standing records ahead of their use (a hint to the
    /// processor; nothing changes): a subject read soon after would otherwise wait for memory.
    @inline(__always) func prefetchRecords(_ subject: Int) {
        prefetchEvent(subject)
        prefetchStanding(subject)
    }

    /// Asks for the subject's event record ahead of its use.
    @inline(__always) func prefetchEvent(_ subject: Int) {
        sclab_prefetch(state.event.base + subject &* state.event.stride)
    }

    /// Asks for what the month-end figures read of a touched subject besides its snapshot: its
    /// spillover flags, the condition-filled lists it held, and its rating tiers (if any).
    @inline(__always) func prefetchFigures(_ subject: Int) {
        sclab_prefetch(state.spillFlags.base + subject)
        sclab_prefetch(state.conditionalHeld.base + subject)
        if state.ratingSnapshot.count > 0 { state.ratingSnapshot.prefetch(subject) }
    }

    /// Asks for what a month end's gate refresh reads of a candidate before its records: its
    /// spillover flags and its count of records.
    @inline(__always) func prefetchGateCheck(_ subject: Int) {
        sclab_prefetch(state.spillFlags.base + subject)
        sclab_prefetch(state.records.base + subject)
    }

    /// Asks for the subject's standing record ahead of its use.
    @inline(__always) func prefetchStanding(_ subject: Int) {
        sclab_prefetch(state.standing.base + subject &* state.standing.stride)
    }

    /// The subject's behaviour and action events due today, if any, looking only at the
    /// schedule columns in `lanes` (bit per lane: those the scan found due; the others' codes are
    /// not fetched).
    @inline(__always) func events(_ subject: Int, lanes: Int, _ counters: inout DayCounters, _ tally: inout EventTally)
    {
        let today = state.nextBehavior.code(day)
        if lanes & 1 << ScheduleColumn.behaviorLane != 0 {
            let behavior = state.nextBehavior.column[subject]
            if behavior == today || behavior == -today {
                tally.behaviorEvents &+= 1
                behaviorEvent(subject, refresh: behavior < 0, &counters)
            }
        }
        // A behaviour event may put off the subject's action (a new gate), never bring one to today.
        if lanes & 1 << ScheduleColumn.actionLane != 0 {
            let action = state.nextAction.column[subject]
            if action == today || action == -today {
                tally.actionEvents &+= 1
                actionEvent(subject, refresh: action < 0, &counters)
            }
        }
    }
}

/// Where `scan` is in a chunk's groups: the next group `sclab_next_open` looks from, and the
/// groups found open (to be read by `collect`, in order) whose codes were asked for, kept in a
/// ring of `EventContext.codeDistance` places.
struct ScanCursor {
    var ahead: Int
    let opened: UnsafeMutablePointer<Int>
    var (head, tail) = (0, 0)

    init(ahead: Int, opened: UnsafeMutablePointer<Int>) {
        self.ahead = ahead
        self.opened = opened
    }

    /// Groups found open and not yet read.
    var waiting: Int { tail &- head }

    /// Whether every group of `groups` has been read.
    func finished(_ groups: Range<Int>) -> Bool { waiting == 0 && ahead >= groups.upperBound }

    /// Keeps a group found open, after those kept before it (at most `codeDistance` waiting).
    mutating func push(_ group: Int) {
        opened[tail % EventContext.codeDistance] = group
        tail &+= 1
    }

    /// The first group kept and not yet read.
    mutating func pop() -> Int {
        defer { head &+= 1 }
        return opened[head % EventContext.codeDistance]
    }
}

import MemoryHints

extension EventContext {
    /// Groups of sixteen subjects looked at per batch by `scan`: the prefetch distance. At
    /// 10,000,000 people (seed scenario, about 4 subjects due per 256) 256 subjects ran 5% faster
    /// than 512 and 128, and 1024 slower still: too many requests in flight at once, or too
    /// little time for them to arrive.
    static let batchGroups = 16

    /// Finds the subjects of `range` with an event today and runs their events, a batch at a time.
    ///
    /// On a typical day about one subject in sixty has an event, so each one's state is far from
    /// the last and not in cache. Working through the subjects one by one, the processor waits for
    /// memory at every event; instead the subjects due are found a batch ahead and their records
    /// asked for (prefetched) then, so they arrive while the current batch's events run. Only the
    /// groups whose entry in `state.due` is today or earlier are opened (most are not). The
    /// order of events is the same as one by one: `events` checks again that each subject is
    /// still due (an event never makes another subject due on the same day).
    /// With `tally.timed`, the time spent finding subjects and running their events is added
    /// to the tally's scan and event times.
    func scan(_ range: Range<Int>, _ counters: inout DayCounters, _ tally: inout EventTally) {
        guard !range.isEmpty else { return }
        // Chunks start at group boundaries (see `DueSummary`): no group is shared with another chunk.
        assert(range.lowerBound == 0 || state.due.group(range.lowerBound - 1) < state.due.group(range.lowerBound))
        let groups = state.due.group(range.lowerBound)..<(state.due.group(range.upperBound - 1) + 1)
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * Self.batchGroups * DueSummary.width) { due in
            let halves = (due.baseAddress!, due.baseAddress! + Self.batchGroups * DueSummary.width)
            var next = groups.lowerBound
            var current = (list: halves.0, count: 0)
            var clock = tally.now()
            current.count = collect(
                next..<min(next + Self.batchGroups, groups.upperBound),
                of: range,
                within: groups,
                into: current.list
            )
            next += Self.batchGroups
            var spare = halves.1
            while current.count > 0 || next < groups.upperBound {
                var ahead = 0
                if next < groups.upperBound {
                    ahead = collect(
                        next..<min(next + Self.batchGroups, groups.upperBound),
                        of: range,
                        within: groups,
                        into: spare
                    )
                    next += Self.batchGroups
                }
                if tally.timed {
                    let found = tally.now()
                    tally.scanTicks &+= found &- clock
                    clock = found
                }
                for k in 0..<current.count { events(Int(current.list[k]), &counters, &tally) }
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

    /// Writes the subjects of `range` in `groups` due today into `due`, asks for their records,
    /// and returns how many there are. Each group opened gets its exact earliest due day after
    /// today: today's subjects are left out, as their events write their next days (which
    /// lower the entry again).
    @inline(__always)
    private func collect(
        _ groups: Range<Int>,
        of range: Range<Int>,
        within all: Range<Int>,
        into due: UnsafeMutablePointer<Int32>
    ) -> Int {
        let summary = state.due
        let entries = summary.entries.base
        let today = DueSummary.key(state.nextBehavior.code(day))
        let behavior = state.nextBehavior.column.base
        let action = state.nextAction.column.base
        var count = 0
        // The codes of the next batch's groups to open are asked for now: opened groups are too
        // far apart for the processor to see a stream and fetch them ahead by itself.
        for group in groups.upperBound..<min(groups.upperBound &+ Self.batchGroups, all.upperBound)
        where entries[group] <= today {
            let first = (group << DueSummary.shift) &- summary.offset
            sclab_prefetch(behavior + first)
            sclab_prefetch(action + first)
        }
        for group in groups where entries[group] <= today {
            let subjects = summary.subjects(of: group, count: state.count).clamped(to: range)
            var earliest = UInt16.max
            if subjects.count == DueSummary.width {
                let first = subjects.lowerBound
                var hits = sclab_due_group(behavior + first, action + first, today, &earliest)
                while hits != 0 {
                    due[count] = Int32(truncatingIfNeeded: first &+ hits.trailingZeroBitCount)
                    count &+= 1
                    hits &= hits &- 1
                }
            } else {
                for subject in subjects {
                    let b = DueSummary.key(behavior[subject])
                    let a = DueSummary.key(action[subject])
                    if b == today || a == today {
                        due[count] = Int32(truncatingIfNeeded: subject)
                        count &+= 1
                    }
                    if b > today { earliest = min(earliest, b) }
                    if a > today { earliest = min(earliest, a) }
                }
            }
            entries[group] = earliest
        }
        let totals = state.rateCache.base
        for k in 0..<count {
            prefetchRecords(Int(due[k]))
            sclab_prefetch(totals + Int(due[k]))
        }
        return count
    }

    /// Asks for the subject's event and standing records ahead of their use (a hint to the
    /// processor; nothing changes): a subject read soon after would otherwise wait for memory.
    @inline(__always) func prefetchRecords(_ subject: Int) {
        sclab_prefetch(state.event.base + subject &* state.event.stride)
        sclab_prefetch(state.standing.base + subject &* state.standing.stride)
    }

    /// The subject's behaviour and action events due today, if any.
    @inline(__always) func events(_ subject: Int, _ counters: inout DayCounters, _ tally: inout EventTally) {
        let today = state.nextBehavior.code(day)
        let behavior = state.nextBehavior.column[subject]
        if behavior == today || behavior == -today {
            tally.behaviorEvents &+= 1
            behaviorEvent(subject, refresh: behavior < 0, &counters)
        }
        let action = state.nextAction.column[subject]
        if action == today || action == -today {
            tally.actionEvents &+= 1
            actionEvent(subject, refresh: action < 0, &counters)
        }
    }
}

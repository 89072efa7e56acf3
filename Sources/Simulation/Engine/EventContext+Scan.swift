import MemoryHints

extension EventContext {
    /// Subjects looked at per batch by `scan`: the prefetch distance. At 10,000,000 people
    /// (seed scenario, about 4 subjects due per 256) 256 ran 5% faster than 512 and 128, and 1024
    /// slower still: too many requests in flight at once, or too little time for them to arrive.
    static let batch = 256

    /// Finds the subjects of `range` with an event today and runs their events, a batch at a time.
    ///
    /// On a typical day about one subject in fifty has an event, so each one's state is far from
    /// the last and not in cache. Working through the subjects one by one, the processor waits for
    /// memory at every event; instead the subjects due are found a batch ahead and their records
    /// asked for (prefetched) then, so they arrive while the current batch's events run. The
    /// order of events is the same as one by one: `events` checks again that each subject is
    /// still due (an event never makes another subject due on the same day).
    /// With `tally.timed`, the time spent finding subjects and running their events is added
    /// to the tally's scan and event times.
    func scan(_ range: Range<Int>, _ counters: inout DayCounters, _ tally: inout EventTally) {
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * Self.batch) { due in
            let halves = (due.baseAddress!, due.baseAddress! + Self.batch)
            var next = range.lowerBound
            var current = (list: halves.0, count: 0)
            var clock = tally.now()
            if next < range.upperBound {
                current.count = collect(next..<min(next + Self.batch, range.upperBound), into: current.list)
                next += Self.batch
            }
            var spare = halves.1
            while current.count > 0 || next < range.upperBound {
                var ahead = 0
                if next < range.upperBound {
                    ahead = collect(next..<min(next + Self.batch, range.upperBound), into: spare)
                    next += Self.batch
                }
                if tally.timed {
                    let found = tally.now()
                    tally.scanNanos &+= found &- clock
                    clock = found
                }
                for k in 0..<current.count { events(Int(current.list[k]), &counters, &tally) }
                if tally.timed {
                    let done = tally.now()
                    tally.eventNanos &+= done &- clock
                    clock = done
                }
                swap(&current.list, &spare)
                current.count = ahead
            }
        }
    }

    /// Writes the subjects of `batch` due today into `due`, asks for their records, and returns
    /// how many there are.
    @inline(__always)
    private func collect(_ batch: Range<Int>, into due: UnsafeMutablePointer<Int32>) -> Int {
        let today = state.nextBehavior.code(day)
        let behavior = state.nextBehavior.column.base
        let action = state.nextAction.column.base
        var count = 0
        var subject = batch.lowerBound
        // Sixteen subjects at a time: most groups of sixteen have no event at all. A due day's
        // code is today's, negated for a refresh.
        let plus = SIMD16<Int16>(repeating: today)
        let minus = SIMD16<Int16>(repeating: -today)
        while subject &+ 16 <= batch.upperBound {
            let b = UnsafeRawPointer(behavior + subject).loadUnaligned(as: SIMD16<Int16>.self)
            let a = UnsafeRawPointer(action + subject).loadUnaligned(as: SIMD16<Int16>.self)
            let hits = (b .== plus) .| (b .== minus) .| (a .== plus) .| (a .== minus)
            if any(hits) {
                for lane in 0..<16 where hits[lane] {
                    due[count] = Int32(truncatingIfNeeded: subject &+ lane)
                    count &+= 1
                }
            }
            subject &+= 16
        }
        while subject < batch.upperBound {
            let b = behavior[subject]
            let a = action[subject]
            if b == today || b == -today || a == today || a == -today {
                due[count] = Int32(truncatingIfNeeded: subject)
                count &+= 1
            }
            subject &+= 1
        }
        let event = state.event
        let standing = state.standing
        for k in 0..<count {
            let subject = Int(due[k])
            sclab_prefetch(event.base + subject &* event.stride)
            sclab_prefetch(standing.base + subject &* standing.stride)
        }
        return count
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

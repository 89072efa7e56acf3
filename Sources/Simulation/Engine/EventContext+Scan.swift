extension EventContext {
    /// Subjects looked at per batch by `scan`.
    static let batch = 512

    /// Finds the subjects of `range` with an event today and runs their events, a batch at a time.
    ///
    /// On a typical day about one subject in fifty has an event, so each one's state is far from
    /// the last and not in cache. Working through the subjects one by one, the processor waits for
    /// memory at every event; instead, each batch is first scanned for today's subjects, then
    /// their records are read all at once (independent loads, which the processor overlaps),
    /// and only then are their events run, on records already in cache. The order of events is
    /// the same as one by one.
    func scan(_ range: Range<Int>, _ counters: inout DayCounters) {
        let today = state.nextBehavior.code(day)
        let behavior = state.nextBehavior.column.base, action = state.nextAction.column.base
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: Self.batch) { due in
            var sink: UInt64 = 0
            for first in stride(from: range.lowerBound, to: range.upperBound, by: Self.batch) {
                let last = min(first + Self.batch, range.upperBound)
                var count = 0
                var subject = first
                // Sixteen subjects at a time: most groups of sixteen have no event at all. A due
                // day's code is today's, negated for a refresh.
                let plus = SIMD16<Int16>(repeating: today), minus = SIMD16<Int16>(repeating: -today)
                while subject &+ 16 <= last {
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
                while subject < last {
                    let b = behavior[subject], a = action[subject]
                    if b == today || b == -today || a == today || a == -today {
                        due[count] = Int32(truncatingIfNeeded: subject)
                        count &+= 1
                    }
                    subject &+= 1
                }
                for k in 0..<count {
                    let subject = Int(due[k])
                    sink ^= UInt64(state.bits[subject]) ^ state.actionGate[subject]
                }
                for k in 0..<count { events(Int(due[k]), &counters) }
            }
            chunk.prefetchSink = sink
        }
    }

    /// The subject's behaviour and action events due today, if any.
    @inline(__always) func events(_ subject: Int, _ counters: inout DayCounters) {
        let today = state.nextBehavior.code(day)
        let behavior = state.nextBehavior.column[subject]
        if behavior == today || behavior == -today {
            behaviorEvent(subject, refresh: behavior < 0, &counters)
        }
        let action = state.nextAction.column[subject]
        if action == today || action == -today {
            actionEvent(subject, refresh: action < 0, &counters)
        }
    }
}

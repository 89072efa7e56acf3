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
        let today = UInt32(UInt32(bitPattern: day))
        let behavior = state.nextBehavior.base, action = state.nextAction.base
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: Self.batch) { due in
            var sink: UInt64 = 0
            for first in stride(from: range.lowerBound, to: range.upperBound, by: Self.batch) {
                let last = min(first + Self.batch, range.upperBound)
                var count = 0
                var subject = first
                // Eight subjects at a time: most groups of eight have no event at all.
                let plus = SIMD8<Int32>(repeating: day), minus = SIMD8<Int32>(repeating: -day)
                while subject &+ 8 <= last {
                    let b = UnsafeRawPointer(behavior + subject).loadUnaligned(as: SIMD8<Int32>.self)
                    let a = UnsafeRawPointer(action + subject).loadUnaligned(as: SIMD8<Int32>.self)
                    let hits = (b .== plus) .| (b .== minus) .| (a .== plus) .| (a .== minus)
                    if any(hits) {
                        for lane in 0..<8 where hits[lane] {
                            due[count] = Int32(truncatingIfNeeded: subject &+ lane)
                            count &+= 1
                        }
                    }
                    subject &+= 8
                }
                while subject < last {
                    if behavior[subject].magnitude == today || action[subject].magnitude == today {
                        due[count] = Int32(truncatingIfNeeded: subject)
                        count &+= 1
                    }
                    subject &+= 1
                }
                for k in 0..<count {
                    let subject = Int(due[k])
                    sink ^= UInt64(UInt32(bitPattern: state.lastRecorded[subject])) ^ state.actionGate[subject]
                }
                for k in 0..<count { events(Int(due[k]), &counters) }
            }
            chunk.prefetchSink = sink
        }
    }

    /// The subject's behaviour and action events due today, if any.
    @inline(__always) func events(_ subject: Int, _ counters: inout DayCounters) {
        let behavior = state.nextBehavior[subject]
        if behavior == day || behavior == -day {
            behaviorEvent(subject, refresh: behavior < 0, &counters)
        }
        let action = state.nextAction[subject]
        if action == day || action == -day {
            actionEvent(subject, refresh: action < 0, &counters)
        }
    }
}

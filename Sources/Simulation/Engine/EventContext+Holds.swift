import SocialCredit

extension EventContext {
    /// A judgement lowered the score today.
    func markNegative(_ record: PendingRecord) {
        let subject = Int(record.subject)
        state.lastNegative[subject] = day
        guard model.keepsNegatives else { return }
        var marks = chunk.negatives[record.subject] ?? []
        marks.append(RecordMark(day: day, record: record.id, rule: record.rule))
        // Only the latest mark that no appeal can strike out matters, with those after it.
        if let last = marks.lastIndex(where: { $0.day &+ model.daysToDecide < day }), last > 0 {
            marks.removeFirst(last)
        }
        chunk.negatives[record.subject] = marks
    }

    /// A negative judgement was struck out on appeal: `clean_days` counts from the latest one that stands.
    func unmarkNegative(_ record: PendingRecord) {
        guard model.keepsNegatives, var marks = chunk.negatives[record.subject] else { return }
        marks.removeAll { $0.record == record.id && $0.rule == record.rule }
        state.lastNegative[Int(record.subject)] = marks.last?.day ?? Int32.min
        chunk.negatives[record.subject] = marks.isEmpty ? nil : marks
    }

    /// A rule's tier ceiling through a record, held until `until` (exclusive; `Int32.max`: for good).
    func holdCeiling(_ record: PendingRecord, tier: UInt8, until: Int32) {
        chunk.ceilings[record.subject, default: []].append(
            CeilingHold(
                until: until,
                record: record.id,
                rule: record.rule,
                tier: tier,
                misattributed: record.misattributed
            )
        )
        settleCeilings(Int(record.subject))
        if until != Int32.max {
            var end = record
            end.kind = .ceilingEnd
            chunk.schedule(end, on: until)
        }
    }

    /// A ceiling struck out on appeal.
    func releaseCeiling(_ record: PendingRecord) {
        chunk.ceilings[record.subject]?.removeAll { $0.record == record.id && $0.rule == record.rule }
        settleCeilings(Int(record.subject))
    }

    /// The ceiling columns from the ceilings held today: the worst tier of them all, in force
    /// until the first of them ends (when this runs again, from the calendar).
    func settleCeilings(_ subject: Int) {
        let key = Int32(subject)
        guard var holds = chunk.ceilings[key] else { return }
        holds.removeAll { $0.until <= day }
        guard let first = holds.min(by: { $0.until < $1.until }) else {
            chunk.ceilings[key] = nil
            state.ceilingUntil[subject] = Int32.min
            return
        }
        chunk.ceilings[key] = holds
        state.ceilingTier[subject] = TierCeiling.tier(score: 0, ceilings: holds.lazy.map(\.tier))
        state.ceilingUntil[subject] = first.until
    }

    /// The tier ceiling the subject's true records hold today (the worst of them; -1: none), for
    /// its standing without false records. Read only when a block is checked for being wrongful.
    func trueCeiling(_ subject: Int) -> Int32 {
        guard let holds = chunk.ceilings[Int32(subject)] else { return -1 }
        return TierCeiling.tier(
            score: -1,
            ceilings: holds.lazy.filter { !$0.misattributed && $0.until > self.day }.map { Int32($0.tier) }
        )
    }

    /// Whether a false record touches the subject's standing now: its points (on the score or a
    /// rating), a list entry it began, or a tier ceiling it holds. Only then can a block be wrongful.
    func touchedByFalseRecords(_ subject: Int) -> Bool {
        if state.falseDelta[subject] != 0 || state.listFalse[subject] != 0 { return true }
        for column in state.ratingFalse where column.count > 0 && column[subject] != 0 { return true }
        guard day < state.ceilingUntil[subject], let holds = chunk.ceilings[Int32(subject)] else { return false }
        return holds.contains { $0.misattributed && $0.until > day }
    }
}

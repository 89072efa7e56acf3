import RunRecords
import SocialCredit

extension EventContext {
    /// Steps the subject's entry on a rule-filled list with one event (a trigger or a repair),
    /// through the list state machine the decision engine folds (`ListTerm`), and brings the
    /// state's columns up to date; `strikable` says that an appeal will strike the event out.
    /// Whether the subject's standing changed.
    @discardableResult
    func step(
        _ subject: Int,
        _ list: Int,
        _ event: ListEvent,
        _ record: PendingRecord,
        strikable: Bool,
        _ counters: inout DayCounters
    ) -> Bool {
        let key = subject &* 16 &+ list
        let rules = model.listTermRules[list]
        var current = chunk.lists[key] ?? ListFold()
        let before = current
        let step = current.apply(event, rules)
        if var held = chunk.strikable[key] {
            // Every event after one an appeal will strike out is kept, to be folded again.
            held.events.append(event)
            settle(&held, rules)
            chunk.strikable[key] = held.events.isEmpty ? nil : held
        } else if strikable {
            chunk.strikable[key] = StrikableEvents(base: before, events: [event])
        }
        keep(current, key)
        guard let term = current.term else { return false }
        switch step {
        case .unchanged, .noted:
            return false
        case .entered:
            enter(subject, list, term, falsely: event.misattributed, &counters)
            chunk.listings.append(listing(record, list, until: term.end))
            counters.listEntries[list] += 1
            if event.misattributed { counters.wrongfulListings += 1 }
            // Listing may change behaviour (deterrence): redraw the next behaviour day. Without
            // responses rates cannot change, and not redrawing keeps the draws of a run with the
            // system switched off (the counterfactual) the same.
            if !model.scenario.responses.isEmpty { scheduleBehavior(subject) }
        case .extended:
            state.listedUntil[list][subject] = term.end
            updateBlackUntil(subject)
        case .repaired:
            state.listedUntil[list][subject] = term.end
            updateBlackUntil(subject)
            counters.listRemovals[list] += 1
        }
        return true
    }

    /// An appeal struck a record's judgement out: the subject's entry on the list is folded
    /// again from the events no appeal can touch, without it (as the engine folds it).
    func strike(_ record: PendingRecord, from list: Int, _ counters: inout DayCounters) {
        let subject = Int(record.subject)
        let key = subject &* 16 &+ list
        guard var held = chunk.strikable[key] else { return }
        let before = held.events.count
        held.events.removeAll { !$0.isRepair && $0.record == record.id && $0.rule == record.rule }
        guard held.events.count != before else { return }
        let rules = model.listTermRules[list]
        var fold = held.base
        for event in held.events { _ = fold.apply(event, rules) }
        chunk.strikable[key] = held.events.isEmpty ? nil : held
        keep(fold, key)
        let wasListed = day < state.listedUntil[list][subject]
        if let term = fold.term, term.holds(on: day) {
            enter(subject, list, term, falsely: fold.enteredFalsely, &counters)
        } else {
            state.listedUntil[list][subject] = fold.term?.end ?? min(state.listedUntil[list][subject], day)
            updateBlackUntil(subject)
            if wasListed { counters.listRemovals[list] += 1 }
        }
    }

    /// The columns of an entry that holds: its end, whether a false record began it, and that the
    /// subject was ever on the list.
    private func enter(_ subject: Int, _ list: Int, _ term: ListTerm, falsely: Bool, _ counters: inout DayCounters) {
        let bit = UInt8(1) << UInt8(list)
        state.listedUntil[list][subject] = term.end
        updateBlackUntil(subject)
        if falsely { state.listFalse[subject] |= bit } else { state.listFalse[subject] &= ~bit }
        state.everListed[subject] |= bit
    }

    /// Folds into `base` the events that no appeal can strike out any more: an appeal is decided
    /// `daysToDecide` days after its record arrived.
    private func settle(_ held: inout StrikableEvents, _ rules: ListTermRules) {
        var final = 0
        while final < held.events.count && held.events[final].day &+ model.daysToDecide < day {
            _ = held.base.apply(held.events[final], rules)
            final += 1
        }
        if final > 0 { held.events.removeFirst(final) }
    }

    /// Stores an entry, or forgets it once it has ended and no appeal can bring it back.
    private func keep(_ entry: ListFold, _ key: Int) {
        let holds = entry.term?.holds(on: day) ?? false
        chunk.lists[key] = !holds && chunk.strikable[key] == nil ? nil : entry
    }
}

import Foundation
import MemoryHints
import RunRecords
import SocialCredit
import Society

extension EventContext {
    /// A behaviour candidate day: the subject does a behaviour (picked by current rates), sources
    /// in force may record it, and the next day is drawn.
    func behaviorEvent(_ subject: Int, refresh: Bool, _ counters: inout DayCounters) {
        guard !refresh else { return scheduleBehavior(subject) }
        // The kept total is read before anything else: its wait for memory then overlaps the
        // event record's.
        let kept = state.rateCache[subject]
        let inputs = rateInputs(subject, triggers: triggers(subject))
        // The total first (kept from the last time unless the inputs changed), then rates most
        // frequent first until the draw falls in one.
        let (behavior, total): (Int, Double) = behaviors.withUnsafeBufferPointer { behaviors in
            let total = behaviorTotal(subject, inputs, behaviors, key: rateKey(inputs), kept: kept)
            guard total > 0 else { return (-1, 0) }
            var pick = draws.behaviorPick.uniform(key(subject), UInt64(UInt32(bitPattern: day))) * total
            var chosen = -1
            eachBehaviorRate(subject, inputs, behaviors) { k, rate in
                guard rate > 0 else { return true }
                chosen = Int(behaviors[k].index)
                if pick < rate { return false }
                pick -= rate
                return true
            }
            return (chosen, total)
        }
        if behavior >= 0 {
            counters.behaviors[behavior] += 1
            observe(subject, behavior, &counters)
        }
        // The same rates hold unless the event changed what sets them off.
        if triggers(subject) == inputs.triggers && state.lastSanctioned[subject] == inputs.lastSanctioned
            && state.lastRecorded[subject] == inputs.lastRecorded
        {
            state.nextBehavior[subject] = nextDay(total, draws.behaviorGap, subject, refreshBy: effectsEnd(inputs))
        } else {
            scheduleBehavior(subject)
        }
    }

    /// Each source observing the behaviour and in force here records it with its coverage, and
    /// attaches it to the wrong subject (another in the same block of the same province, see
    /// `attributionBlock`) with its false-attribution rate.
    func observe(_ subject: Int, _ behavior: Int, _ counters: inout DayCounters) {
        let p = province(subject)
        for k in model.behaviorSources.range(behavior)
        where tables.sources[
            model.sourceTableIndex(Int(model.behaviorSources.values[k]), companies: isCompanies, province: p)
        ] {
            let source = Int(model.behaviorSources.values[k])
            let drawKey = key(subject) &* 64 &+ UInt64(source)
            let dayKey = UInt64(UInt32(bitPattern: day))
            guard draws.observe.uniform(drawKey, dayKey) < model.sourceCoverage[source] else { continue }
            var target = subject
            var misattributed = false
            if model.sourceFalse[source] > 0, draws.misattribute.uniform(drawKey, dayKey) < model.sourceFalse[source] {
                let block = attributionBlock(subject)
                if block.count > 1 {
                    let other = draws.misattribute.below(block.count - 1, drawKey, dayKey &+ 1 << 40)
                    target = block.lowerBound + (other >= subject - block.lowerBound ? other + 1 : other)
                    misattributed = true
                }
            }
            let id = RecordID.make(
                company: isCompanies,
                subject: firstSubject + subject,
                day: Int(day - origin),
                source: source
            )
            let record = PendingRecord(
                kind: .arrival,
                id: id,
                subject: Int32(target),
                actual: Int32(subject),
                behavior: Int16(behavior),
                source: Int16(source),
                rule: -1,
                occurred: day,
                recorded: day + Self.delay(model.sourceDelay[source], misattributed: misattributed),
                delta: 0,
                misattributed: misattributed,
                overturn: false,
                expires: Int32.max
            )
            if record.recorded == day {
                arrive(record, &counters)
            } else {
                chunk.schedule(record, on: record.recorded)
            }
        }
    }

    /// Days from an event to its record's arrival: the source's delay, but at least a day for a
    /// record attached to someone else. A subject's own same-day record arrives at its event,
    /// before its action that day; a false one made by a subject visited later the same day
    /// would arrive after the wrong subject's action, yet the engine counts every record of a
    /// day for that day's decisions. From the next day on it counts for both.
    static func delay(_ sourceDelay: Int32, misattributed: Bool) -> Int32 {
        misattributed ? max(1, sourceDelay) : sourceDelay
    }

    /// Records ahead in the day's calendar whose subject's records are asked for before they are
    /// handled: the calendar is in the order records were made, so its subjects are scattered.
    static let calendarAhead = 8

    /// Something was written to the subject's standing (points, a list entry, a tier ceiling, the
    /// last negative day): its gate is worked out again now, and its own snapshot at the next
    /// month end (`SubjectState.snapshotWake`). Every write to a standing is followed by this.
    @inline(__always) func standingMayHaveChanged(_ subject: Int) {
        state.snapshotWake[subject] = Int16.min
        refreshGate(subject)
    }

    /// Pending records due today: arrivals, expiries, appeal decisions.
    func processCalendar(_ counters: inout DayCounters, _ tally: inout EventTally) {
        guard let due = chunk.calendar.take(day) else { return }
        tally.calendarItems &+= due.count
        for k in 0..<min(Self.calendarAhead, due.count) { prefetchCalendar(Int(due[k].subject)) }
        for k in due.indices {
            if k &+ Self.calendarAhead < due.count { prefetchCalendar(Int(due[k &+ Self.calendarAhead].subject)) }
            let record = due[k].record(on: day, firstSubject: firstSubject, origin: origin)
            switch record.kind {
            case .arrival: arrive(record, &counters)
            case .expiry: expire(record, &counters)
            case .appealDecision: decideAppeal(record, &counters)
            case .ceilingEnd:
                settleCeilings(Int(record.subject))
                standingMayHaveChanged(Int(record.subject))
            }
        }
    }

    /// Asks for what handling a calendar record reads first: its subject's event and standing
    /// records, record count and kept behaviour total (a record may start a response).
    @inline(__always) private func prefetchCalendar(_ subject: Int) {
        prefetchRecords(subject)
        sclab_prefetch(state.records.base + subject)
        state.rateCache.prefetch(subject)
        sclab_prefetch(state.snapshotWake.base + subject)
    }

    /// A record reaches the authority: each rule in force judges it; lists, ceilings, expiry and
    /// appeals follow; records of repair behaviours end list entries.
    func arrive(_ record: PendingRecord, _ counters: inout DayCounters) {
        let subject = Int(record.subject)
        let p = province(subject)
        counters.records[Int(record.source)] += 1
        if state.records[subject] < UInt16.max { state.records[subject] += 1 }
        if record.misattributed {
            counters.falseRecords += 1
            counters.falseBySource[Int(record.source)] += 1
            state.falseRecords[subject] &+= 1
        }
        let traced = isTraced(subject)
        var applied = false
        var changed = false
        for k in model.behaviorRules.range(Int(record.behavior))
        where tables.rules[Int(model.behaviorRules.values[k]) * provinces + p] {
            let r = model.behaviorRules.values[k]
            let mask = model.ruleSourceMask[Int(r)]
            guard mask == 0 || mask & (1 << UInt64(record.source)) != 0 else { continue }
            applied = true
            var judged = record
            judged.rule = Int16(r)
            if judge(&judged, &counters) { changed = true }
            if traced { chunk.traces[Self.judgement(judged)] = trace(judged) }
        }
        if !applied && traced { chunk.traces[TraceID(record: record.id, rule: nil).rawValue] = trace(record) }
        for k in model.behaviorRemoves.range(Int(record.behavior)) {
            let list = Int(model.behaviorRemoves.values[k])
            guard model.listHasRemoval[list] else { continue }
            let event = ListEvent(
                day: day,
                record: record.id,
                rule: -1,
                termDays: -1,
                misattributed: record.misattributed
            )
            if step(subject, list, event, record, strikable: false, &counters) { changed = true }
        }
        // Only a changed standing can change which actions matter.
        if changed { standingMayHaveChanged(subject) }
    }

    /// One rule applied to one record; whether the subject's standing may have changed.
    private func judge(_ record: inout PendingRecord, _ counters: inout DayCounters) -> Bool {
        let rule = Int(record.rule)
        let subject = Int(record.subject)
        let drawKey = UInt64(bitPattern: record.id) &* 64 &+ UInt64(rule)
        if model.ruleDiscretion[rule] > 0 && random.uniform(.judge, drawKey, 0) < model.ruleDiscretion[rule] {
            counters.judgedOtherwise += 1
            record.expires = -1  // marks "judged otherwise" in traces
            return false
        }
        // Points, after the rule's yearly cap.
        var delta = model.ruleDelta[rule]
        let cap = model.ruleCap[rule]
        if cap >= 0 && delta != 0 {
            // A new calendar year leaves every cap's room whole again.
            let year = Int32(Day(number: day).year)
            if chunk.capYear != year {
                chunk.capUse.removeAll()
                chunk.capYear = year
            }
            let capKey = subject &* 64 &+ rule
            var used = Int(chunk.capUse[capKey] ?? 0)
            delta = Int32(YearlyCap.judge(Int(delta), cap: Int(cap), used: &used))
            chunk.capUse[capKey] = Int32(used)
        }
        record.delta = delta
        let lifetime = model.ruleLifetime[rule]
        let until = RecordLifetime.end(recorded: day, lifetime: lifetime >= 0 ? lifetime : nil) ?? Int32.max
        if delta != 0 {
            addPoints(subject, rule: rule, delta, misattributed: record.misattributed)
            if delta > 0 { counters.pointsAdded += Int(delta) } else { counters.pointsDeducted -= Int(delta) }
            if delta < 0 {
                markNegative(record)
                if model.usesRecordedTrigger && state.lastRecorded[subject] != day {
                    state.lastRecorded[subject] = day
                    scheduleBehavior(subject)  // a `recorded` response starts: rates change today
                }
            }
            if until != Int32.max {
                var expiry = record
                expiry.kind = .expiry
                expiry.expires = until
                record.expires = until
                chunk.schedule(expiry, on: until)
            }
        }
        let ceiling = model.ruleCeiling[rule]
        if ceiling >= 0 { holdCeiling(record, tier: UInt8(ceiling), until: until) }
        let appeal = self.appeal(record)
        let list = Int(model.ruleList[rule])
        let listing = list >= 0 && tables.lists[list * provinces + province(subject)]
        if listing {
            let ruleTerm = model.ruleListTerm[rule]
            let event = ListEvent(
                day: day,
                record: record.id,
                rule: record.rule,
                termDays: ruleTerm == -2 ? model.listTerm[list] : ruleTerm,
                misattributed: record.misattributed
            )
            step(subject, list, event, record, strikable: appeal.overturns, &counters)
        }
        fileAppeal(record, appeal, &counters)
        return delta != 0 || ceiling >= 0 || listing
    }

    /// Whether the subject contests a rule's judgement of a record, and whether the appeal will
    /// then overturn it: both drawn from the judgement, so they are known when it is made.
    private func appeal(_ record: PendingRecord) -> (filed: Bool, overturns: Bool) {
        let contest = record.misattributed ? model.contestFalse : model.contestTrue
        guard contest > 0 else { return (false, false) }
        let drawKey = UInt64(bitPattern: record.id) &* 64 &+ UInt64(max(0, record.rule))
        guard random.uniform(.appeal, drawKey, 0) < contest else { return (false, false) }
        let success = record.misattributed ? model.successFalse : model.successTrue
        return (true, random.uniform(.appeal, drawKey, 1) < success)
    }

    /// The subject contests the judgement (`appeal`, drawn for it): the appeal is decided later.
    private func fileAppeal(
        _ record: PendingRecord,
        _ appeal: (filed: Bool, overturns: Bool),
        _ counters: inout DayCounters
    ) {
        guard appeal.filed else { return }
        counters.appealsFiled += 1
        if record.misattributed { counters.appealsFiledFalse += 1 }
        if record.delta > 0 { counters.appealsFiledAdded += 1 }
        var decision = record
        decision.kind = .appealDecision
        decision.overturn = appeal.overturns
        decision.recorded = day  // the filing day, kept for the trace
        chunk.schedule(decision, on: day + model.daysToDecide)
    }

    /// A record's lifetime ends: its points stop counting (unless an appeal took them back already).
    func expire(_ record: PendingRecord, _ counters: inout DayCounters) {
        guard chunk.overturned.remove(Self.judgement(record)) == nil else { return }
        let subject = Int(record.subject)
        addPoints(subject, rule: Int(record.rule), -record.delta, misattributed: record.misattributed)
        counters.expired += 1
        standingMayHaveChanged(subject)
    }

    /// A rule's judgement of a record as one number: its `TraceID`'s raw value (record × 64 + rule),
    /// written out here because it runs on every judged record.
    @inline(__always)
    static func judgement(_ record: PendingRecord) -> Int64 { record.id &* TraceID.slots &+ Int64(record.rule) }

    /// An appeal is decided. An overturned judgement is struck out as if it had never been made:
    /// its points stop counting, its tier ceiling and its part in `clean_days` go, and the lists
    /// it touched are folded again without it. The room it used under a yearly cap stays used.
    func decideAppeal(_ record: PendingRecord, _ counters: inout DayCounters) {
        let subject = Int(record.subject)
        let traceKey = Self.judgement(record)
        if isTraced(subject), record.rule >= 0, var trace = chunk.traces[traceKey] ?? pendingTrace(record) {
            trace.appealFiled = Day(number: record.recorded).description
            trace.appealDecided = Day(number: day).description
            trace.appealOutcome = record.overturn ? "overturned" : "upheld"
            chunk.traces[traceKey] = trace
        }
        guard record.overturn, record.rule >= 0 else { return }
        counters.appealsOverturned += 1
        if record.misattributed { counters.appealsOverturnedFalse += 1 }
        if record.delta > 0 { counters.appealsOverturnedAdded += 1 }
        let rule = Int(record.rule)
        if record.expires == Int32.max || record.expires > day {
            addPoints(subject, rule: rule, -record.delta, misattributed: record.misattributed)
            // Its expiry is still in the calendar (due within the run): it must not take the
            // points back again.
            if chunk.calendar.keeps(record.expires) { chunk.overturned.insert(traceKey) }
        }
        if record.delta < 0 { unmarkNegative(record) }
        if model.ruleCeiling[rule] >= 0 { releaseCeiling(record) }
        let list = Int(model.ruleList[rule])
        if list >= 0 { strike(record, from: list, &counters) }
        standingMayHaveChanged(subject)
    }

    /// The trace of a record decided on appeal after its month was already written out: rebuilt
    /// from the pending record (the store replaces the earlier row by id).
    private func pendingTrace(_ record: PendingRecord) -> RecordTrace? {
        var trace = self.trace(record)
        trace.recorded = Day(number: record.recorded).description
        return trace
    }

    func isTraced(_ subject: Int) -> Bool {
        (firstSubject + subject) % traceEvery == 0 || (!traced.isEmpty && traced.contains(subject))
    }

    /// The subjects a record about `subject` may be wrongly attached to: its block of
    /// `Simulation.block` subjects by whole-society index, within its province. Blocks never
    /// cross a chunk (chunks are cut at whole-society multiples of the block) nor a shard (shards
    /// are whole provinces), so a false record stays with the chunk that made it, however the
    /// society is split. (A hand-made society not laid out by province has whole blocks.)
    func attributionBlock(_ subject: Int) -> Range<Int> {
        let global = firstSubject + subject
        let start = global / Simulation.block * Simulation.block - firstSubject
        guard !provinceStart.isEmpty else { return max(start, 0)..<min(start + Simulation.block, state.count) }
        let province = self.province(subject)
        return max(start, provinceStart[province])..<min(start + Simulation.block, provinceStart[province + 1])
    }

    /// The public face of a new list entry: the record behind it, today, and the term's end.
    func listing(_ record: PendingRecord, _ list: Int, until: Int32) -> Listing {
        let scenario = model.scenario
        let rule = Int(record.rule)
        return Listing(
            id: TraceID(record: record.id, rule: rule).rawValue,
            subject: firstSubject + Int(record.subject),
            subjectKind: isCompanies ? .companies : .people,
            list: scenario.lists[list].id,
            day: Day(number: day).description,
            until: until == Int32.max ? nil : Day(number: until - 1).description,
            behavior: scenario.behaviors[Int(record.behavior)].id,
            source: scenario.sources[Int(record.source)].id,
            rule: scenario.rules[rule].id,
            misattributed: record.misattributed
        )
    }

    func trace(_ record: PendingRecord) -> RecordTrace {
        let scenario = model.scenario
        let rule = Int(record.rule)
        return RecordTrace(
            id: TraceID(record: record.id, rule: rule >= 0 ? rule : nil).rawValue,
            subject: firstSubject + Int(record.subject),
            subjectKind: isCompanies ? .companies : .people,
            behavior: scenario.behaviors[Int(record.behavior)].id,
            source: scenario.sources[Int(record.source)].id,
            occurred: Day(number: record.occurred).description,
            recorded: Day(number: day).description,
            misattributed: record.misattributed,
            actualSubject: record.misattributed ? firstSubject + Int(record.actual) : nil,
            rule: rule >= 0 ? scenario.rules[rule].id : nil,
            delta: Int(record.delta),
            judgedOtherwise: record.expires == -1,
            listed: rule >= 0 && model.ruleList[rule] >= 0 ? scenario.lists[Int(model.ruleList[rule])].id : nil,
            appealFiled: nil,
            appealDecided: nil,
            appealOutcome: nil
        )
    }
}

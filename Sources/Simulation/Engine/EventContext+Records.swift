import Foundation
import SocialCredit
import Society

extension EventContext {
    /// A behaviour candidate day: the subject does a behaviour (picked by current rates), sources
    /// in force may record it, and the next day is drawn.
    func behaviorEvent(_ subject: Int, refresh: Bool, _ counters: inout DayCounters) {
        defer { scheduleBehavior(subject) }
        guard !refresh else { return }
        let age = isCompanies ? 0 : self.age(subject)
        var rates = [Double](repeating: 0, count: model.behaviors.count)
        var total = 0.0
        for b in model.behaviors.indices {
            rates[b] = behaviorRate(subject, b, age: age)
            total += rates[b]
        }
        guard total > 0 else { return }
        var pick = random.uniform(.behaviorPick, key(subject), UInt64(UInt32(bitPattern: day))) * total
        var behavior = model.behaviors.count - 1
        for b in rates.indices where rates[b] > 0 {
            if pick < rates[b] { behavior = b; break }
            pick -= rates[b]
        }
        counters.behaviors[behavior] += 1
        observe(subject, behavior, &counters)
    }

    /// Each source observing the behaviour and in force here records it with its coverage, and
    /// attaches it to the wrong subject (a neighbour in the same block) with its false-attribution rate.
    func observe(_ subject: Int, _ behavior: Int, _ counters: inout DayCounters) {
        let p = province(subject)
        for source in model.behaviors[behavior].sources where tables.sources[source * tables.provinces + p] {
            let definition = model.scenario.sources[source]
            let drawKey = key(subject) &* 64 &+ UInt64(source)
            guard random.uniform(.observe, drawKey, UInt64(UInt32(bitPattern: day))) < definition.coverage else { continue }
            var target = subject
            var misattributed = false
            if definition.falseAttribution > 0,
               random.uniform(.misattribute, drawKey, UInt64(UInt32(bitPattern: day))) < definition.falseAttribution {
                let block = subject / Simulation.block * Simulation.block
                let size = min(Simulation.block, (isCompanies ? population.companies.count : population.count) - block)
                if size > 1 {
                    let other = random.below(size - 1, .misattribute, drawKey, UInt64(UInt32(bitPattern: day)) &+ 1 << 40)
                    target = block + (other >= subject - block ? other + 1 : other)
                    misattributed = true
                }
            }
            chunk.nextRecord += 1
            let id = (isCompanies ? 1 << 45 : 0) | Int64(chunkIndex) << 38 | chunk.nextRecord
            let record = PendingRecord(
                kind: .arrival, id: id, subject: Int32(target), actual: Int32(subject), behavior: Int16(behavior),
                source: Int16(source), rule: -1, occurred: day, recorded: day + Int32(definition.delayDays), delta: 0,
                misattributed: misattributed, overturn: false, expires: Int32.max)
            if definition.delayDays == 0 {
                arrive(record, &counters)
            } else {
                chunk.schedule(record, on: record.recorded)
            }
        }
    }

    /// Pending records due today: arrivals, expiries, appeal decisions.
    func processCalendar(_ counters: inout DayCounters) {
        guard let due = chunk.calendar.removeValue(forKey: day) else { return }
        for record in due {
            switch record.kind {
            case .arrival: arrive(record, &counters)
            case .expiry: expire(record, &counters)
            case .appealDecision: decideAppeal(record, &counters)
            }
        }
    }

    /// A record reaches the authority: each rule in force judges it; lists, ceilings, expiry and
    /// appeals follow; records of repair behaviours end list entries.
    func arrive(_ record: PendingRecord, _ counters: inout DayCounters) {
        let subject = Int(record.subject)
        let p = province(subject)
        counters.records[Int(record.source)] += 1
        state.records[subject] &+= 1
        if record.misattributed {
            counters.falseRecords += 1
            state.falseRecords[subject] &+= 1
        }
        let traced = isTraced(subject)
        var applied = false
        for rule in model.behaviors[Int(record.behavior)].rules
        where tables.rules[rule * tables.provinces + p] && sourceMatches(rule, Int(record.source)) {
            applied = true
            var judged = record
            judged.rule = Int16(rule)
            judge(&judged, &counters)
            if traced { chunk.traces[judged.id &* 64 &+ Int64(rule)] = trace(judged) }
        }
        if !applied && traced { chunk.traces[record.id &* 64 &+ 63] = trace(record) }
        for list in model.behaviors[Int(record.behavior)].removes { repair(subject, list, record, &counters) }
    }

    private func sourceMatches(_ rule: Int, _ source: Int) -> Bool {
        model.policy.ruleSources[rule].isEmpty || model.policy.ruleSources[rule].contains(source)
    }

    /// One rule applied to one record.
    private func judge(_ record: inout PendingRecord, _ counters: inout DayCounters) {
        let rule = model.scenario.rules[Int(record.rule)]
        let subject = Int(record.subject)
        let drawKey = UInt64(bitPattern: record.id) &* 64 &+ UInt64(record.rule)
        if rule.discretion > 0 && random.uniform(.judge, drawKey, 0) < rule.discretion {
            counters.judgedOtherwise += 1
            record.expires = -1  // marks "judged otherwise" in traces
            return
        }
        // Points, after the rule's yearly cap.
        var delta = Int32(rule.delta)
        if let cap = rule.capPerYear, delta != 0 {
            let capKey = subject &* 4096 &+ Int(record.rule)
            let year = Int32(Day(number: day).year)
            var use = chunk.capUse[capKey] ?? (year, 0)
            if use.year != year { use = (year, 0) }
            let room = max(0, Int32(cap) - use.used)
            delta = delta < 0 ? -min(-delta, room) : min(delta, room)
            use.used += abs(delta)
            chunk.capUse[capKey] = use
        }
        record.delta = delta
        if delta != 0 {
            state.scoreDelta[subject] &+= delta
            if record.misattributed { state.falseDelta[subject] &+= delta }
            if delta > 0 { counters.pointsAdded += Int(delta) } else { counters.pointsDeducted -= Int(delta) }
            if delta < 0 {
                state.lastNegative[subject] = day
                if model.recordedDuration > 0 {
                    state.recordedUntil[subject] = max(state.recordedUntil[subject], day &+ model.recordedDuration)
                }
            }
            if let lifetime = rule.lifetimeDays {
                var expiry = record
                expiry.kind = .expiry
                expiry.expires = day + Int32(lifetime)
                record.expires = expiry.expires
                chunk.schedule(expiry, on: expiry.expires)
            }
        }
        if let ceiling = model.policy.ruleCeiling[Int(record.rule)] {
            let until = rule.lifetimeDays.map { day + Int32($0) } ?? Int32.max
            let active = day < state.ceilingUntil[subject]
            state.ceilingTier[subject] = active ? max(state.ceilingTier[subject], UInt8(ceiling)) : UInt8(ceiling)
            state.ceilingUntil[subject] = max(active ? state.ceilingUntil[subject] : Int32.min, until)
            chunk.ceilingRecord[record.subject] = record.id
        }
        if let list = model.policy.ruleList[Int(record.rule)], tables.lists[list * tables.provinces + province(subject)] {
            enlist(subject, list, record, rule: rule, &counters)
        }
        fileAppeal(record, &counters)
    }

    /// Puts a subject on a list, or extends the entry they hold.
    private func enlist(_ subject: Int, _ list: Int, _ record: PendingRecord, rule: Rule, _ counters: inout DayCounters) {
        let definition = model.scenario.lists[list]
        let entryKey = subject &* 16 &+ list
        let bit = UInt8(1) << UInt8(list)
        if day < state.listedUntil[list][subject] {
            // Already listed: a further triggering record extends a fixed term.
            guard definition.extensionDays > 0, state.listedUntil[list][subject] != Int32.max else { return }
            let used = chunk.extensions[entryKey] ?? 0
            let room = definition.maxExtensionDays.map { Int32($0) - used } ?? Int32(definition.extensionDays)
            let added = min(Int32(definition.extensionDays), max(0, room))
            if added > 0 {
                state.listedUntil[list][subject] &+= added
                chunk.extensions[entryKey] = used + added
            }
            return
        }
        let term = rule.listTermDays ?? definition.termDays
        state.listedSince[list][subject] = day
        state.listedUntil[list][subject] = term.map { day + Int32($0) } ?? Int32.max
        chunk.extensions[entryKey] = nil
        chunk.listingRecord[entryKey] = record.id
        if record.misattributed {
            state.listFalse[subject] |= bit
            counters.wrongfulListings += 1
        } else {
            state.listFalse[subject] &= ~bit
        }
        state.everListed[subject] |= bit
        counters.listEntries[list] += 1
        // Listing may change behaviour (deterrence): redraw the next behaviour day.
        scheduleBehavior(subject)
    }

    /// Credit repair: a record of a repair behaviour ends a current entry after the list's delay.
    private func repair(_ subject: Int, _ list: Int, _ record: PendingRecord, _ counters: inout DayCounters) {
        guard let removal = model.scenario.lists[list].removal, day < state.listedUntil[list][subject],
              day >= state.listedSince[list][subject] &+ Int32(removal.minimumDays) else { return }
        let end = day + Int32(removal.delayDays)
        if end < state.listedUntil[list][subject] {
            state.listedUntil[list][subject] = end
            counters.listRemovals[list] += 1
        }
    }

    /// The subject may contest the record; the appeal is decided later.
    private func fileAppeal(_ record: PendingRecord, _ counters: inout DayCounters) {
        let appeals = model.scenario.appeals
        let contest = record.misattributed ? appeals.contestFalse : appeals.contestTrue
        guard contest > 0 else { return }
        let drawKey = UInt64(bitPattern: record.id) &* 64 &+ UInt64(max(0, record.rule))
        guard random.uniform(.appeal, drawKey, 0) < contest else { return }
        counters.appealsFiled += 1
        if record.misattributed { counters.appealsFiledFalse += 1 }
        let success = record.misattributed ? appeals.successFalse : appeals.successTrue
        var decision = record
        decision.kind = .appealDecision
        decision.overturn = random.uniform(.appeal, drawKey, 1) < success
        decision.recorded = day  // the filing day, kept for the trace
        chunk.schedule(decision, on: day + Int32(max(1, appeals.daysToDecide)))
    }

    /// A record's lifetime ends: its points stop counting.
    func expire(_ record: PendingRecord, _ counters: inout DayCounters) {
        guard !chunk.overturned.contains(record.id) else { return }
        let subject = Int(record.subject)
        state.scoreDelta[subject] &-= record.delta
        if record.misattributed { state.falseDelta[subject] &-= record.delta }
        counters.expired += 1
    }

    /// An appeal is decided; an overturned record stops counting and the listing it made ends.
    func decideAppeal(_ record: PendingRecord, _ counters: inout DayCounters) {
        let subject = Int(record.subject)
        if isTraced(subject), record.rule >= 0, var trace = chunk.traces[record.id &* 64 &+ Int64(record.rule)] {
            trace.appealFiled = Day(number: record.recorded).description
            trace.appealDecided = Day(number: day).description
            trace.appealOutcome = record.overturn ? "overturned" : "upheld"
            chunk.traces[record.id &* 64 &+ Int64(record.rule)] = trace
        }
        guard record.overturn else { return }
        counters.appealsOverturned += 1
        if record.misattributed { counters.appealsOverturnedFalse += 1 }
        if record.expires > day || record.expires == Int32.max {
            state.scoreDelta[subject] &-= record.delta
            if record.misattributed { state.falseDelta[subject] &-= record.delta }
            chunk.overturned.insert(record.id)
        }
        for list in model.scenario.lists.indices where chunk.listingRecord[subject &* 16 &+ list] == record.id {
            if day < state.listedUntil[list][subject] {
                state.listedUntil[list][subject] = day
                counters.listRemovals[list] += 1
            }
            chunk.listingRecord[subject &* 16 &+ list] = nil
        }
        if chunk.ceilingRecord[record.subject] == record.id {
            state.ceilingUntil[subject] = Int32.min
            chunk.ceilingRecord[record.subject] = nil
        }
    }

    func isTraced(_ subject: Int) -> Bool { subject % simulation.config.traceEvery == 0 }

    func trace(_ record: PendingRecord) -> RecordTrace {
        let scenario = model.scenario
        let rule = record.rule >= 0 ? scenario.rules[Int(record.rule)] : nil
        return RecordTrace(
            id: record.id &* 64 &+ Int64(max(0, Int(record.rule))), subject: Int(record.subject),
            subjectKind: isCompanies ? "companies" : "people",
            behavior: scenario.behaviors[Int(record.behavior)].id, source: scenario.sources[Int(record.source)].id,
            occurred: Day(number: record.occurred).description, recorded: Day(number: day).description,
            misattributed: record.misattributed, actualSubject: record.misattributed ? Int(record.actual) : nil,
            rule: rule?.id, delta: Int(record.delta), judgedOtherwise: record.expires == -1,
            listed: record.rule >= 0 ? model.policy.ruleList[Int(record.rule)].map { scenario.lists[$0].id } : nil,
            appealFiled: nil, appealDecided: nil, appealOutcome: nil)
    }
}

/// The decision engine (N1): a subject's standing on a day, computed from their records by the
/// policy's rules, and nothing else. Pure and deterministic: the same records, relations and day
/// always give the same standing, and every number in it can be traced to records and rules.
extension Policy {
    /// Where a subject stands on `day`: score, tier, lists, spillovers and measures in force.
    public func assess(_ subject: Subject, on day: Day, relations: Relations = .none) -> Standing {
        assess(subject, on: day, relations: relations, spilloversAsOf: day)
    }

    /// Where a subject stands on `day`, with the spillovers that linked subjects' standing on an
    /// earlier day gives (`snapshot`), or none when `snapshot` is nil. A run computes spillovers
    /// from month-end snapshots and keeps them in force through the next month; this answers for
    /// the same snapshot, so that an explanation or `sclab verify` states exactly what the run did.
    /// The spillovers' rollout is read on the snapshot's day too, as the run reads it.
    /// With a `memo`, linked subjects that have an `id` have their own standing computed once per
    /// day and reused (a verification asks for every friend of every person at every month end).
    public func assess(
        _ subject: Subject,
        on day: Day,
        relations: Relations,
        spilloversAsOf snapshot: Day?,
        memo: OwnStandingMemo? = nil
    ) -> Standing {
        var standing = ownStanding(subject, on: day)
        if subject.kind == .people, let snapshot {
            applySpillovers(to: &standing, province: subject.province, relations: relations, on: snapshot, memo: memo)
            if !standing.spillovers.isEmpty {
                // Spillovers may have moved the score or tier: condition-filled lists follow.
                standing.lists.removeAll { listEntry[$0.list] != nil }
                conditionLists(&standing, province: subject.province)
            }
        }
        standing.measures = measures(in: standing, province: subject.province)
        return standing
    }

    /// The standing from the subject's own records, lists included: no spillovers, no measures. This is what
    /// spillovers test on linked subjects, so that links cannot form cycles.
    func ownStanding(_ subject: Subject, on day: Day) -> Standing {
        let ledger = ledger(for: subject, on: day)
        var standing = Standing(
            day: day,
            kind: subject.kind,
            score: nil,
            tier: nil,
            contributions: ledger.contributions,
            ceilings: ledger.ceilings,
            lists: [],
            pastLists: [],
            spillovers: [],
            measures: []
        )
        for list in scenario.lists.indices where scenario.lists[list].entry == nil {
            let (current, past) = ruleListEntries(list, subject: subject, ledger: ledger.contributions, on: day)
            if let current { standing.lists.append(current) }
            standing.pastLists += past
        }
        let scored = subject.kind == .companies || subject.enrolled
        if scored {
            for (index, rating) in scenario.ratings.enumerated()
            where rating.rates(subject.kind, sector: subject.sector) {
                let value = rating.scale.clamp(rating.scale.initial + ratingTotal(index, standing.contributions))
                standing.ratings.append(
                    RatingStanding(rating: index, score: value, tier: rating.scale.tierIndex(for: value))
                )
            }
        }
        if scored, let scale = scale(for: subject.kind) {
            standing.score = scale.clamp(scale.initial + ownPoints(standing))
        }
        settleTier(&standing)
        conditionLists(&standing, province: subject.province)
        return standing
    }

    /// Every (record, rule) pair up to `day`, with caps applied in recorded-day order.
    private func ledger(
        for subject: Subject,
        on day: Day
    ) -> (contributions: [Contribution], ceilings: [Ceiling], total: Int) {
        let records = subject.records.filter { $0.recorded <= day }
            .sorted { ($0.recorded, $0.id) < ($1.recorded, $1.id) }
        var used: [CapKey: Int] = [:]
        var contributions: [Contribution] = []
        var ceilings: [Ceiling] = []
        var total = 0
        for record in records where record.behavior < rulesByBehavior.count {
            for ruleIndex in rulesByBehavior[record.behavior]
            where ruleSources[ruleIndex].isEmpty || ruleSources[ruleIndex].contains(record.source) {
                let rule = scenario.rules[ruleIndex]
                // The first day it no longer counts (the rule the simulation's expiry uses too).
                let end = RecordLifetime.end(
                    recorded: record.recorded.number,
                    lifetime: rule.lifetimeDays.map { Int32(clamping: $0) }
                )
                let expires = end.map { Day(number: $0 - 1) }
                var entry = Contribution(
                    record: record.id,
                    recorded: record.recorded,
                    rule: ruleIndex,
                    nominal: rule.delta,
                    delta: 0,
                    status: .counting,
                    expires: expires
                )
                if record.judgedOtherwise || record.rulesJudgedOtherwise.contains(ruleIndex) {
                    entry.status = .judgedOtherwise
                } else if !ruleRollout[ruleIndex].isOpen(on: record.recorded, in: subject.province) {
                    entry.status = .ruleNotInForce
                } else {
                    // The cap's room is used when the record is judged, even if an appeal later
                    // strikes the record out (YearlyCap).
                    entry.delta = YearlyCap.judge(
                        rule.delta,
                        cap: rule.capPerYear,
                        used: &used[CapKey(rule: ruleIndex, year: record.recorded.year), default: 0]
                    )
                    if record.isOverturned(by: day, rule: ruleIndex) {
                        entry.status = .overturned
                    } else if let end, day.number >= end {
                        entry.status = .expired
                    }
                }
                if entry.status == .counting {
                    total += entry.delta
                    if let tier = ruleCeiling[ruleIndex] {
                        ceilings.append(Ceiling(tier: tier, origin: .rule(rule: ruleIndex, record: record.id)))
                    }
                }
                contributions.append(entry)
            }
        }
        return (contributions, ceilings, total)
    }

    /// Points the subject's own records give the main score: rules on the main score directly,
    /// and ratings that feed it with their weight (after their own bounds).
    private func ownPoints(_ standing: Standing) -> Int {
        var points = standing.contributions.filter { $0.status == .counting && ruleRating[$0.rule] == nil }
            .reduce(0) { $0 + $1.delta }
        for entry in standing.ratings where scenario.ratings[entry.rating].scoreWeight != nil {
            points += scenario.ratings[entry.rating].scoreContribution(
                ratingDelta: ratingTotal(entry.rating, standing.contributions)
            )
        }
        return points
    }

    /// The raw total of the counting deltas of rules on one rating.
    private func ratingTotal(_ rating: Int, _ contributions: [Contribution]) -> Int {
        contributions.filter { $0.status == .counting && ruleRating[$0.rule] == rating }.reduce(0) { $0 + $1.delta }
    }

    private struct CapKey: Hashable {
        var rule: Int
        var year: Int
    }

    /// Entries on a list that rules fill: the list state machine (`ListTerm`) folded over the
    /// records that trigger or repair it, in the order the rules take them (day, record, a
    /// record's triggers in rule order before its repair). A record struck out on appeal is left
    /// out, as if it had never been: the entry is rebuilt from the records that stand.
    private func ruleListEntries(
        _ list: Int,
        subject: Subject,
        ledger: [Contribution],
        on day: Day
    ) -> (current: ListEntry?, past: [ListEntry]) {
        let definition = scenario.lists[list]
        let rules = ListTermRules(definition)
        let byID = Dictionary(subject.records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var events: [ListEvent] = []
        for entry in ledger
        where ruleList[entry.rule] == list && (entry.status == .counting || entry.status == .expired) {
            guard let record = byID[entry.record], listRollout[list].isOpen(on: record.recorded, in: subject.province)
            else { continue }
            let term = scenario.rules[entry.rule].listTermDays ?? definition.termDays
            events.append(
                ListEvent(
                    day: record.recorded.number,
                    record: Int64(record.id),
                    rule: Int16(entry.rule),
                    termDays: term.map { Int32(clamping: $0) } ?? -1,
                    misattributed: record.misattributed
                )
            )
        }
        if !listRemovals[list].isEmpty {
            for record in subject.records
            where record.recorded <= day && listRemovals[list].contains(record.behavior)
                && !record.isOverturned(by: day)
            {
                events.append(
                    ListEvent(
                        day: record.recorded.number,
                        record: Int64(record.id),
                        rule: -1,
                        termDays: -1,
                        misattributed: record.misattributed
                    )
                )
            }
        }
        events.sort {
            ($0.day, $0.record, $0.isRepair ? 1 : 0, $0.rule) < ($1.day, $1.record, $1.isRepair ? 1 : 0, $1.rule)
        }

        var term: ListTerm?
        var current: ListEntry?
        var past: [ListEntry] = []
        func end(_ term: ListTerm) -> Day? { term.isOpen ? nil : Day(number: term.end) }
        for event in events {
            if let entry = current, let held = term, held.end <= event.day {
                past.append(entry)
                current = nil
                term = nil
            }
            let record = Int(event.record)
            switch event.apply(to: &term, rules) {
            case .entered:
                guard let held = term else { continue }
                current = ListEntry(
                    list: list,
                    start: Day(number: held.start),
                    end: end(held),
                    triggers: [record],
                    extensions: [],
                    extendedDays: 0,
                    ending: held.isOpen ? .open : .term
                )
            case .extended, .noted:
                guard let held = term else { continue }
                current?.end = end(held)
                current?.extendedDays = Int(held.extendedDays)
                current?.extensions.append(record)
            case .repaired:
                guard let held = term else { continue }
                current?.end = end(held)
                current?.ending = .repaired(record: record)
            case .unchanged:
                break
            }
        }
        if let entry = current, let held = term, held.end <= day.number {
            past.append(entry)
            current = nil
        }
        return (current, past)
    }

    /// Sets the tier from the score, no better than any ceiling in force.
    private func settleTier(_ standing: inout Standing) {
        guard let score = standing.score, let scale = scale(for: standing.kind) else {
            standing.tier = nil
            return
        }
        standing.tier = TierCeiling.tier(score: scale.tierIndex(for: score), ceilings: standing.ceilings.map(\.tier))
    }

    /// Applies every spillover in force on `day`: tests linked subjects' own standing on `day`
    /// (the snapshot's day, which may be before the day assessed).
    private func applySpillovers(
        to standing: inout Standing,
        province: Int,
        relations: Relations,
        on day: Day,
        memo: OwnStandingMemo?
    ) {
        guard !scenario.spillovers.isEmpty else { return }
        var delta = 0
        var cache: [String: Standing] = [:]
        func own(_ subject: Subject, _ key: String) -> Standing {
            if let known = cache[key] { return known }
            let computed: Standing
            if let memo, let id = subject.id {
                computed = memo.standing(of: subject.kind, id, on: day) { ownStanding(subject, on: day) }
            } else {
                computed = ownStanding(subject, on: day)
            }
            cache[key] = computed
            return computed
        }
        for (index, spillover) in scenario.spillovers.enumerated()
        where spilloverRollout[index].isOpen(on: day, in: province) {
            let test = spilloverTest[index]
            var through: [Int] = []
            var because = Because()
            var linked = 0
            func consider(_ subject: Subject, key: String, position: Int) {
                linked += 1
                if let witness = self.witness(test, in: own(subject, key)) {
                    through.append(position)
                    because.merge(witness)
                }
            }
            switch spillover.link {
            case .parents:
                for (i, parent) in relations.parents.enumerated() { consider(parent, key: "p\(i)", position: i) }
            case .spouse:
                if let spouse = relations.spouse { consider(spouse, key: "s", position: 0) }
            case .friends:
                for (i, friend) in relations.friends.enumerated() { consider(friend, key: "f\(i)", position: i) }
            case .employer:
                if let employer = relations.employer { consider(employer, key: "e", position: 0) }
            }
            let reached =
                spillover.link == .friends
                ? linked > 0 && Double(through.count) >= spillover.share * Double(linked)
                : !through.isEmpty
            guard reached else { continue }
            standing.spillovers.append(SpilloverHit(spillover: index, through: through, of: linked, because: because))
            switch spilloverEffect[index] {
            case let .delta(points): delta += points
            case let .tierCeiling(tier): standing.ceilings.append(Ceiling(tier: tier, origin: .spillover(index)))
            case .block, .reward: break
            }
        }
        if delta != 0, standing.score != nil, let scale = scale(for: standing.kind) {
            standing.score = scale.clamp(scale.initial + ownPoints(standing) + delta)
        }
        settleTier(&standing)
    }

    /// Lists that follow a condition, in declaration order (a later one may test an earlier one).
    private func conditionLists(_ standing: inout Standing, province: Int) {
        for (list, definition) in scenario.lists.enumerated() {
            guard let test = listEntry[list], definition.subject == standing.kind,
                listRollout[list].isOpen(on: standing.day, in: province),
                let because = witness(test, in: standing)
            else { continue }
            standing.lists.append(
                ListEntry(
                    list: list,
                    start: nil,
                    end: nil,
                    triggers: because.records,
                    extensions: [],
                    extendedDays: 0,
                    ending: .open
                )
            )
        }
    }

    /// Measures in force for this standing.
    private func measures(in standing: Standing, province: Int) -> [ActiveMeasure] {
        scenario.measures.indices.compactMap { index in
            guard scenario.measures[index].subject == standing.kind,
                measureRollout[index].isOpen(on: standing.day, in: province),
                let because = witness(measureTest[index], in: standing)
            else { return nil }
            return ActiveMeasure(measure: index, because: because)
        }
    }

    /// Why a condition holds for a standing, or nil when it does not.
    func witness(_ test: Test, in standing: Standing) -> Because? {
        switch test {
        case let .listed(list):
            guard let entry = standing.entry(list) else { return nil }
            let records = entry.triggers + entry.extensions
            let rules = standing.contributions.filter { records.contains($0.record) && ruleList[$0.rule] == list }.map(
                \.rule
            )
            return Because(lists: [list], records: records, rules: Array(Set(rules)).sorted())
        case let .tierAtMost(tier):
            guard let actual = standing.tier, actual >= tier else { return nil }
            return scoreBecause(standing, sign: -1, tier: actual)
        case let .tierAtLeast(tier):
            guard let actual = standing.tier, actual <= tier else { return nil }
            return scoreBecause(standing, sign: 1, tier: actual)
        case let .ratingTierAtMost(target):
            guard let actual = standing.rating(target.rating), actual.tier >= target.tier else { return nil }
            return ratingBecause(standing, target.rating, sign: -1)
        case let .ratingTierAtLeast(target):
            guard let actual = standing.rating(target.rating), actual.tier <= target.tier else { return nil }
            return ratingBecause(standing, target.rating, sign: 1)
        case let .scoreBelow(value):
            guard let score = standing.score, score < value else { return nil }
            return scoreBecause(standing, sign: -1, tier: standing.tier)
        case let .scoreAtLeast(value):
            guard let score = standing.score, score >= value else { return nil }
            return scoreBecause(standing, sign: 1, tier: standing.tier)
        case let .cleanFor(days):
            // Records struck out on appeal do not count; expired ones do (they were recorded).
            let lastNegative = standing.contributions
                .filter { $0.delta < 0 && ($0.status == .counting || $0.status == .expired) }.map(\.recorded.number)
                .max()
            return CleanDays.holds(lastNegative: lastNegative, days: Int32(clamping: days), on: standing.day.number)
                ? Because() : nil
        case let .all(parts):
            var because = Because()
            for part in parts {
                guard let witness = witness(part, in: standing) else { return nil }
                because.merge(witness)
            }
            return because
        case let .any(parts):
            return parts.lazy.compactMap { self.witness($0, in: standing) }.first
        }
    }

    /// The records that pushed a rating in one direction.
    private func ratingBecause(_ standing: Standing, _ rating: Int, sign: Int) -> Because {
        let pushing = standing.contributions.filter {
            $0.status == .counting && ruleRating[$0.rule] == rating && $0.delta * sign > 0
        }
        var because = Because()
        because.records = pushing.map(\.record).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        because.rules = pushing.map(\.rule).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        return because
    }

    /// The records that pushed the score in one direction (and, going down, those that capped the tier).
    private func scoreBecause(_ standing: Standing, sign: Int, tier: Int?) -> Because {
        let pushing = standing.contributions.filter { $0.status == .counting && $0.delta * sign > 0 }
        var records = pushing.map(\.record)
        var rules = pushing.map(\.rule)
        if sign < 0 {
            for ceiling in standing.ceilings {
                if case let .rule(rule, record) = ceiling.origin {
                    records.append(record)
                    rules.append(rule)
                }
            }
        }
        var because = Because(tier: tier, score: standing.score)
        because.records = records.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        because.rules = rules.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        return because
    }
}

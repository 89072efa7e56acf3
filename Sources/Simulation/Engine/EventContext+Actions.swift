import Foundation
import SocialCredit
import Society

extension EventContext {
    /// A subject's standing today: score (clamped, spillovers included), tier (capped by ceilings)
    /// and lists (rule-filled entries held today, then condition-filled lists).
    /// With `cleared`, false records are left out (their points, the list entries they began, the
    /// tier ceilings they hold): the standing the subject would have without them.
    /// Without `spillovers`, the subject's own standing: what spillovers test on linked subjects,
    /// so that effects cannot go round in cycles (the decision engine's `ownStanding`).
    func standing(_ subject: Int, cleared: Bool = false, spillovers: Bool = true) -> Standing {
        var result = Standing(scored: false, score: 0, tier: -1, lists: 0, lastNegative: state.lastNegative[subject])
        var ratingPoints: Int32 = 0
        if !model.ratings.isEmpty {
            (ratingPoints, result.ratings) = ratingStanding(subject, cleared: cleared)
        }
        if let scale, isCompanies || state.bits[subject] & EventBit.enrolled != 0 {
            var raw = scale.initial &+ state.scoreDelta[subject] &+ ratingPoints
            if spillovers { raw &+= Int32(state.spillDelta[subject]) }
            if cleared { raw &-= state.falseDelta[subject] }
            let score = min(scale.maximum, max(scale.minimum, raw))
            var tier = scale.tier(score)
            if day < state.ceilingUntil[subject] {
                tier = max(tier, cleared ? trueCeiling(subject) : Int32(state.ceilingTier[subject]))
            }
            if spillovers && state.spillCeiling[subject] != 0xFF {
                tier = max(tier, Int32(state.spillCeiling[subject]))
            }
            result.scored = true
            result.score = score
            result.tier = tier
        }
        for l in 0..<model.listCount where !model.listConditional[l] && day < state.listedUntil[l][subject] {
            let bit = UInt8(1) << UInt8(l)
            if !(cleared && state.listFalse[subject] & bit != 0) { result.lists |= bit }
        }
        let p = province(subject)
        for l in 0..<model.listCount
        where model.listConditional[l] && model.listCompanies[l] == isCompanies
            && tables.lists[l * provinces + p] && model.programs.holds(model.listEntryProgram[l], result, day: day)
        {
            result.lists |= 1 << UInt8(l)
        }
        return result
    }

    /// The actions on which a measure in force or a spillover acts for the subject now. Each
    /// distinct condition is evaluated at most once.
    func gate(_ subject: Int) -> UInt64 {
        let own = standing(subject)
        let p = province(subject)
        let programs = model.programs
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, programs.count)) { known in
            known.initialize(repeating: 2)  // 2: not evaluated yet
            var mask: UInt64 = 0
            for a in 0..<min(64, model.actionCount) {
                var acts = false
                for k in model.actionMeasures.range(a) {
                    let m = Int(model.actionMeasures.values[k])
                    guard tables.measures[m &* provinces &+ p] && model.measureCompanies[m] == isCompanies else {
                        continue
                    }
                    let program = model.measureProgram[m]
                    if known[program] == 2 { known[program] = programs.holds(program, own, day: day) ? 1 : 0 }
                    if known[program] == 1 {
                        acts = true
                        break
                    }
                }
                if !acts && !isCompanies {
                    for k in model.actionSpillovers.range(a)
                    where state.spillMask[subject] & (1 << UInt16(model.actionSpillovers.values[k])) != 0 {
                        acts = true
                        break
                    }
                }
                if acts { mask |= 1 << UInt64(a) }
            }
            return mask
        }
    }

    /// Recomputes the gate after the subject's standing changed; a changed gate changes the
    /// subject's rate of attempts that matter, so the next attempt day is redrawn.
    func refreshGate(_ subject: Int) {
        setGate(subject, gate(subject))
    }

    /// `refreshGate` for many subjects on one day (a rollout, the first day): the gate of
    /// subjects the system never touched is worked out once per `untouchedSlot` and kept in
    /// `shared` (`2 * provinces` entries, nil until known, for this day only).
    func refreshGate(_ subject: Int, sharing shared: inout [UInt64?]) {
        guard let slot = untouchedSlot(subject, ownOnly: false) else { return refreshGate(subject) }
        let new = shared[slot] ?? gate(subject)
        shared[slot] = new
        setGate(subject, new)
    }

    private func setGate(_ subject: Int, _ new: UInt64) {
        if new != state.actionGate[subject] {
            state.actionGate[subject] = new
            scheduleAction(subject)
        }
    }

    /// Subjects the system never touched (no record, never on a rule-filled list, and unless
    /// `ownOnly` no spillover in force) have the same standing, and so the same gate, as every
    /// other such subject of their kind, enrolment and province: their slot among
    /// `2 * provinces`, or nil for anyone else. Companies with ratings are never untouched
    /// (their ratings depend on their sector).
    func untouchedSlot(_ subject: Int, ownOnly: Bool) -> Int? {
        guard isUntouched(subject) else { return nil }
        let held = SpillFlag.movesStanding | SpillFlag.actsOnActions
        guard ownOnly || isCompanies || state.spillFlags[subject] & held == 0 else { return nil }
        let enrolled = isCompanies || state.bits[subject] & EventBit.enrolled != 0
        return UntouchedWords.slot(enrolled: enrolled, province(subject), provinces: provinces)
    }

    /// Whether the system never touched the subject: no record, never on a rule-filled list (and
    /// not a company rated otherwise by sector). Such a subject's own standing is its slot's; it
    /// has no list entry, tier ceiling or negative record, and no list entry began falsely.
    @inline(__always) func isUntouched(_ subject: Int) -> Bool {
        !(isCompanies && !model.ratings.isEmpty)
            && Self.untouched(
                records: state.records[subject],
                everListed: state.everListed[subject],
                conditional: model.conditionalMask
            )
    }

    /// `isUntouched` from the subject's columns: no record, and no list ever held but the
    /// condition-filled ones (`conditional`). Both read without a branch between them, as
    /// month-end passes test everyone.
    @inline(__always) static func untouched(records: UInt16, everListed: UInt8, conditional: UInt8) -> Bool {
        (UInt32(records) | UInt32(everListed & ~conditional)) == 0
    }

    /// Whether a spillover's points or tier ceiling reach the person this month, so that the
    /// standing differs from the own standing (never for companies).
    @inline(__always) func spilloverMovesStanding(_ subject: Int) -> Bool {
        !isCompanies && state.spillFlags[subject] & SpillFlag.movesStanding != 0
    }

    /// An action attempt: measures in force and spillovers reaching the subject block or reward it.
    func actionEvent(_ subject: Int, refresh: Bool, _ counters: inout DayCounters) {
        defer { scheduleAction(subject) }
        guard !refresh else { return }
        let age = isCompanies ? 0 : self.age(subject)
        let g = groups(subject, age: age)
        let type = isCompanies ? 0 : personType(subject, age: age)
        let gate = state.actionGate[subject]
        var total = 0.0
        for a in 0..<model.actionCount where gate & (1 << UInt64(a)) != 0 {
            total += actionRate(subject, a, groups: g, type: type)
        }
        guard total > 0 else { return }
        var pick = draws.actionPick.uniform(key(subject), UInt64(UInt32(bitPattern: day))) * total
        var action = -1
        for a in 0..<model.actionCount where gate & (1 << UInt64(a)) != 0 {
            let rate = actionRate(subject, a, groups: g, type: type)
            guard rate > 0 else { continue }
            action = a
            if pick < rate { break }
            pick -= rate
        }
        guard action >= 0 else { return }
        counters.attempts[action] += 1
        let (blocked, rewarded, grants) = decide(subject, action, cleared: false)
        traceDecision(subject, action, blocked: blocked, rewarded: rewarded)
        if blocked {
            counters.blocked[action] += 1
            state.blocked[subject] &+= 1
            // Blocked only because of false records: a wrongful sanction (N2).
            if touchedByFalseRecords(subject), !decide(subject, action, cleared: true).blocked {
                counters.wrongfulBlocked[action] += 1
            }
            if model.usesSanctionTrigger && state.lastSanctioned[subject] != day {
                state.lastSanctioned[subject] = day
                scheduleBehavior(subject)  // a `sanctioned` response starts: rates change today
            }
        } else if rewarded {
            counters.rewards[action] += 1
            state.rewarded[subject] &+= 1
            var bits = grants
            let first = model.actionMeasures.range(action).lowerBound
            while bits != 0 {
                counters.grants[Int(model.actionMeasures.values[first + bits.trailingZeroBitCount])] += 1
                bits &= bits - 1
            }
        }
    }

    /// Whether the measures and spillovers in force block the action, whether they reward it, and
    /// which reward measures are in force on it (bits over the action's measures, in
    /// `actionMeasures` order; a scenario has at most `Scenario.maximumMeasures`, 64).
    func decide(_ subject: Int, _ action: Int, cleared: Bool) -> (blocked: Bool, rewarded: Bool, grants: UInt64) {
        let measures = model.actionMeasures.range(action)
        let spillovers = model.actionSpillovers.range(action)
        guard !measures.isEmpty || !spillovers.isEmpty else { return (false, false, 0) }
        let own = standing(subject, cleared: cleared)
        let p = province(subject)
        var blocked = false
        var rewarded = false
        var grants: UInt64 = 0
        for k in measures {
            let m = Int(model.actionMeasures.values[k])
            guard tables.measures[m * provinces + p] && model.measureCompanies[m] == isCompanies,
                model.programs.holds(model.measureProgram[m], own, day: day)
            else { continue }
            switch model.measureKind[m] {
            case .block: blocked = true
            case .reward:
                rewarded = true
                grants |= 1 << UInt64(k - measures.lowerBound)
            case .notice: break  // notices gate no action (`actionMeasures` holds none)
            }
        }
        if !isCompanies {
            // Spillovers come from relatives' standing, never the subject's own false records.
            for k in spillovers where state.spillMask[subject] & (1 << UInt16(model.actionSpillovers.values[k])) != 0 {
                switch model.policy.spilloverEffect[Int(model.actionSpillovers.values[k])] {
                case .block: blocked = true
                case .reward: rewarded = true
                case .delta, .tierCeiling: break  // `actionSpillovers` holds blocks and rewards only
                }
            }
        }
        return (blocked, rewarded && !blocked, blocked ? 0 : grants)
    }
}

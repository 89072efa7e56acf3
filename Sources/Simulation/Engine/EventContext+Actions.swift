import Foundation
import SocialCredit
import Society

extension EventContext {
    /// A subject's standing today: score (clamped, spillovers included), tier (capped by ceilings)
    /// and lists (rule-filled entries held today, then condition-filled lists).
    /// With `cleared`, false records are left out: the standing the subject would have without them.
    func standing(_ subject: Int, cleared: Bool = false) -> Standing {
        let scale = model.policy.scale(for: isCompanies ? .companies : .people)
        var score: Int?
        var tier: Int?
        let scored = isCompanies || simulation.enrolled[subject]
        if let scale, scored {
            var raw = scale.initial + Int(state.scoreDelta[subject]) + Int(state.spillDelta[subject])
            if cleared { raw -= Int(state.falseDelta[subject]) }
            let value = scale.clamp(raw)
            score = value
            var t = scale.tierIndex(for: value)
            if day < state.ceilingUntil[subject] { t = max(t, Int(state.ceilingTier[subject])) }
            if state.spillCeiling[subject] != 0xFF { t = max(t, Int(state.spillCeiling[subject])) }
            tier = t
        }
        var lists: UInt8 = 0
        for l in model.scenario.lists.indices where !model.listIsConditional[l] && day < state.listedUntil[l][subject] {
            let bit = UInt8(1) << UInt8(l)
            if !(cleared && state.listFalse[subject] & bit != 0) { lists |= bit }
        }
        var standing = Standing(score: score, tier: tier, lists: lists, lastNegative: state.lastNegative[subject])
        let p = province(subject)
        for l in model.scenario.lists.indices where model.listIsConditional[l]
            && model.listSubjectCompanies[l] == isCompanies && tables.lists[l * tables.provinces + p] {
            if let entry = model.policy.listEntry[l], holds(entry, standing) { standing.lists |= 1 << UInt8(l) }
        }
        return standing
    }

    /// Whether a compiled condition holds for a standing on the current day.
    func holds(_ test: Test, _ s: Standing) -> Bool {
        switch test {
        case let .listed(l): return s.lists & (1 << UInt8(l)) != 0
        case let .tierAtMost(t): return s.tier.map { $0 >= t } ?? false
        case let .tierAtLeast(t): return s.tier.map { $0 <= t } ?? false
        case let .scoreBelow(v): return s.score.map { $0 < v } ?? false
        case let .scoreAtLeast(v): return s.score.map { $0 >= v } ?? false
        case let .cleanFor(days): return s.lastNegative == Int32.min || s.lastNegative <= day - Int32(days)
        case let .all(parts): return parts.allSatisfy { holds($0, s) }
        case let .any(parts): return parts.contains { holds($0, s) }
        }
    }

    /// An action attempt: measures in force and spillovers reaching the subject block or reward it.
    func actionEvent(_ subject: Int, refresh: Bool, _ counters: inout DayCounters) {
        defer { scheduleAction(subject) }
        guard !refresh else { return }
        let age = isCompanies ? 0 : self.age(subject)
        var rates = [Double](repeating: 0, count: model.actions.count)
        var total = 0.0
        for a in model.actions.indices {
            rates[a] = actionRate(subject, a, age: age)
            total += rates[a]
        }
        guard total > 0 else { return }
        var pick = random.uniform(.actionPick, key(subject), UInt64(UInt32(bitPattern: day))) * total
        var action = model.actions.count - 1
        for a in rates.indices where rates[a] > 0 {
            if pick < rates[a] { action = a; break }
            pick -= rates[a]
        }
        counters.attempts[action] += 1
        let (blocked, rewarded) = decide(subject, action, cleared: false)
        if blocked {
            counters.blocked[action] += 1
            state.blocked[subject] &+= 1
            // Blocked only because of false records: a wrongful sanction (N2).
            if state.falseDelta[subject] != 0 || state.listFalse[subject] != 0, !decide(subject, action, cleared: true).blocked {
                counters.wrongfulBlocked[action] += 1
            }
            if model.sanctionDuration > 0 {
                state.sanctionedUntil[subject] = max(state.sanctionedUntil[subject], day &+ model.sanctionDuration)
                scheduleBehavior(subject)
            }
        } else if rewarded {
            counters.rewards[action] += 1
            state.rewarded[subject] &+= 1
        }
    }

    /// Whether the measures and spillovers in force block the action, and whether they reward it.
    func decide(_ subject: Int, _ action: Int, cleared: Bool) -> (blocked: Bool, rewarded: Bool) {
        let own = standing(subject, cleared: cleared)
        let p = province(subject)
        var blocked = false, rewarded = false
        for m in model.actions[action].measures where tables.measures[m * tables.provinces + p] {
            let measure = model.scenario.measures[m]
            guard (measure.subject == .companies) == isCompanies, holds(model.policy.measureTest[m], own) else { continue }
            if measure.kind == .block { blocked = true } else if measure.kind == .reward { rewarded = true }
        }
        if !isCompanies {
            for sp in model.actions[action].spillovers where state.spillMask[subject] & (1 << UInt16(sp)) != 0 {
                // Cleared standings do not remove relatives' standing: a spillover is never the
                // subject's own false record.
                switch model.policy.spilloverEffect[sp] {
                case .block: blocked = true
                case .reward: rewarded = true
                default: break
                }
            }
        }
        return (blocked, rewarded && !blocked)
    }
}

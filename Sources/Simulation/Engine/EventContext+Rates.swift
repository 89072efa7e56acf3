import Foundation
import SocialCredit
import Society

extension EventContext {
    /// Whether a subject belongs to one of the groups on the current day.
    func isEligible(_ subject: Int, groups: [Group], age: Int) -> Bool {
        if isCompanies { return groups.contains(.companies) }
        guard age >= 0 else { return false }  // not yet born on this day
        let flags = population.flags[subject]
        for group in groups {
            switch group {
            case .everyone: return true
            case .adults: if age >= 18 { return true }
            case .minors: if age < 18 { return true }
            case .schoolChildren: if (6...17).contains(age) && !flags.contains(.collective) { return true }
            case .drivers: if flags.contains(.driver) && age >= 18 { return true }
            case .parents: if simulation.isParent[subject] { return true }
            case .employees: if flags.contains(.employee) && age >= 18 { return true }
            case .internetUsers: if flags.contains(.internetUser) && age >= 6 { return true }
            case .companies: break
            }
        }
        return false
    }

    /// The yearly rate of behaviour b for a subject today: base rate, trait factors, individual
    /// propensity and the responses in effect.
    func behaviorRate(_ subject: Int, _ b: Int, age: Int) -> Double {
        let behavior = model.behaviors[b]
        guard behavior.companies == isCompanies, isEligible(subject, groups: behavior.groups, age: age) else { return 0 }
        var rate: Double
        if isCompanies {
            if !behavior.sectors.isEmpty && !behavior.sectors.contains(Int(population.companies.sector[subject])) { return 0 }
            rate = behavior.rate.perYear
        } else {
            rate = behavior.rate.perYear(for: traits(subject, age: age))
        }
        if behavior.sigma > 0 {
            let z = model.normalTable[Int(random.bits(.propensity, key(subject), UInt64(b)) & 1023)]
            rate *= exp(behavior.sigma * z - behavior.sigma * behavior.sigma / 2)
        }
        for r in behavior.responses where responseActive(r, subject) { rate *= model.scenario.responses[r].factor }
        return rate
    }

    func traits(_ person: Int, age: Int) -> Traits {
        let flags = population.flags[person]
        return Traits(age: age, incomeQuintile: Int(simulation.quintile[person]), isUrban: flags.contains(.urban),
                      isMale: flags.contains(.male))
    }

    /// Whether a response's trigger holds for a subject today.
    func responseActive(_ r: Int, _ subject: Int) -> Bool {
        switch model.scenario.responses[r].trigger {
        case .sanctioned: return day < state.sanctionedUntil[subject]
        case .recorded: return day < state.recordedUntil[subject]
        case .listed:
            for l in model.scenario.lists.indices
            where model.listIsBlack[l] && !model.listIsConditional[l] && day < state.listedUntil[l][subject] {
                return true
            }
            return false
        case .monitored:
            let behaviors = model.scenario.responses[r].behaviors
            let p = province(subject)
            return model.behaviors.indices.contains { b in
                (behaviors.isEmpty || behaviors.contains { $0.id == model.scenario.behaviors[b].id })
                    && tables.monitored[b * tables.provinces + p]
            }
        case .relativeListed:
            guard !isCompanies else { return false }
            let blackMask = blackListMask
            for relative in [population.mother[subject], population.father[subject], population.spouse[subject]]
            where relative != Population.none && simulation.peopleSnapshot[Int(relative)].lists & blackMask != 0 {
                return true
            }
            return false
        }
    }

    var blackListMask: UInt8 {
        var mask: UInt8 = 0
        for l in model.scenario.lists.indices where model.listIsBlack[l] { mask |= 1 << UInt8(l) }
        return mask
    }

    /// Draws the next behaviour day from the subject's current total rate (memoryless, so a
    /// redraw whenever a rate changes is exact). Gaps longer than 90 days become refresh days,
    /// written negative, on which rates (ages, rollouts) are looked at again.
    func scheduleBehavior(_ subject: Int) {
        let age = isCompanies ? 0 : self.age(subject)
        var total = 0.0
        for b in model.behaviors.indices { total += behaviorRate(subject, b, age: age) }
        state.nextBehavior[subject] = nextDay(total, .behaviorGap, subject)
    }

    /// The same for actions.
    func scheduleAction(_ subject: Int) {
        let age = isCompanies ? 0 : self.age(subject)
        var total = 0.0
        for a in model.actions.indices { total += actionRate(subject, a, age: age) }
        state.nextAction[subject] = nextDay(total, .actionGap, subject)
    }

    func actionRate(_ subject: Int, _ a: Int, age: Int) -> Double {
        let action = model.actions[a]
        guard action.companies == isCompanies, isEligible(subject, groups: action.groups, age: age) else { return 0 }
        return isCompanies ? action.rate.perYear : action.rate.perYear(for: traits(subject, age: age))
    }

    private func nextDay(_ perYear: Double, _ stream: CounterRandom.Stream, _ subject: Int) -> Int32 {
        let refresh: Int32 = 90
        guard perYear > 0 else { return -(day + refresh) }
        let u = max(random.uniform(stream, key(subject), UInt64(UInt32(bitPattern: day))), 1e-300)
        let gap = (-log(u) / (perYear / 365.25)).rounded(.up)
        return gap > Double(refresh) ? -(day + refresh) : day + Int32(max(1, gap))
    }
}

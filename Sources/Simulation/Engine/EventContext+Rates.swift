import Foundation
import SocialCredit
import Society

extension EventContext {
    /// The groups (bit per `Group` case) a subject belongs to on the current day.
    func groups(_ subject: Int, age: Int) -> UInt16 {
        if isCompanies { return GroupBit.companies }
        guard age >= 0 else { return 0 }  // not yet born on this day
        let flags = PersonFlags(rawValue: state.flags[subject])
        var mask = GroupBit.everyone
        mask |= age >= 18 ? GroupBit.adults : GroupBit.minors
        if (6...17).contains(age) && !flags.contains(.collective) { mask |= GroupBit.schoolChildren }
        if flags.contains(.driver) && age >= 18 { mask |= GroupBit.drivers }
        if state.bits[subject] & EventBit.parent != 0 { mask |= GroupBit.parents }
        if flags.contains(.employee) && age >= 18 { mask |= GroupBit.employees }
        if flags.contains(.internetUser) && age >= 6 { mask |= GroupBit.internetUsers }
        return mask
    }

    /// The row of the rate tables for a person today.
    func personType(_ person: Int, age: Int) -> Int {
        let flags = PersonFlags(rawValue: state.flags[person])
        return RunModel.personType(
            male: flags.contains(.male),
            urban: flags.contains(.urban),
            quintile: Int(state.quintile[person]),
            age: age
        )
    }

    /// Per-subject inputs to `eachBehaviorRate`, worked out once per subject rather than once per
    /// behaviour.
    struct RateInputs {
        let groups: UInt16
        /// The person's row of `RunModel.behaviorRates` (0 for companies).
        let row: Int
        /// Triggers that hold (listed, relative listed), one bit per `Response.Trigger` case.
        let triggers: UInt8
        /// The last sanction and the last score-lowering record (Int32.min: never).
        let lastSanctioned: Int32
        let lastRecorded: Int32
        let province: Int
        /// The responses about the subject in effect today, bit per response (monitoring is
        /// looked up per behaviour and province in the day's tables).
        let personal: UInt64
        let propensity: CounterRandom.Keyed
        /// Propensity draws for the first 32 behaviours, 8 bits each, eight to a word.
        let words: (UInt64, UInt64, UInt64, UInt64)

        /// The 8-bit propensity level of behaviour b.
        @inline(__always) func propensityIndex(_ b: Int) -> Int {
            guard b < 32 else { return Int(propensity.bits(UInt64(b)) & 255) }
            let word: UInt64
            switch b >> 3 {
            case 0: word = words.0
            case 1: word = words.1
            case 2: word = words.2
            default: word = words.3
            }
            return Int(truncatingIfNeeded: (word >> UInt64((b & 7) << 3)) & 255)
        }
    }

    func rateInputs(_ subject: Int, triggers: UInt8) -> RateInputs {
        let age = isCompanies ? 0 : self.age(subject)
        let keyed = draws.propensity.keyed(key(subject))
        let words = isCompanies ? model.companyPropensityWords : model.peoplePropensityWords
        let lastSanctioned = state.lastSanctioned[subject]
        let lastRecorded = state.lastRecorded[subject]
        var personal: UInt64 = 0
        for r in model.personalResponses
        where responseActive(
            r,
            triggers: triggers,
            lastSanctioned: lastSanctioned,
            lastRecorded: lastRecorded
        ) {
            personal |= 1 << UInt64(r)
        }
        return RateInputs(
            groups: groups(subject, age: age),
            row: isCompanies ? 0 : Int(model.behaviorRow[personType(subject, age: age)]),
            triggers: triggers,
            lastSanctioned: lastSanctioned,
            lastRecorded: lastRecorded,
            province: province(subject),
            personal: personal,
            propensity: keyed,
            words: (
                words > 0 ? keyed.bits(1_000) : 0, words > 1 ? keyed.bits(1_001) : 0,
                words > 2 ? keyed.bits(1_002) : 0, words > 3 ? keyed.bits(1_003) : 0
            )
        )
    }

    /// The yearly rates of the behaviours the subject's kind can do, in `behaviors` order (most
    /// frequent first), handed to `body` with their place until it returns false. Each rate is
    /// the base rate for the subject's type (or the company rate, within its sectors), times the
    /// subject's propensity, times the responses in effect.
    ///
    /// It runs on nearly every behaviour event, so people and companies have loops of their
    /// own (no per-behaviour test of the kind) and the province's monitoring factors are read
    /// from one row (`RunModel.DayTables.monitorFactor` is province-major).
    @inline(__always)
    func eachBehaviorRate(
        _ subject: Int,
        _ inputs: RateInputs,
        _ behaviors: UnsafeBufferPointer<BehaviorEntry>,
        _ body: (Int, Double) -> Bool
    ) {
        model.propensityTable.withUnsafeBufferPointer { propensity in
            tables.monitorFactor.withUnsafeBufferPointer { monitor in
                let factors = monitor.baseAddress! + inputs.province &* model.behaviorCount
                if isCompanies {
                    let sector: UInt16 = 1 << UInt16(companySector[subject])
                    for k in 0..<behaviors.count {
                        let entry = behaviors[k]
                        var rate = 0.0
                        if entry.groups & inputs.groups != 0 && (entry.sectors == 0 || entry.sectors & sector != 0) {
                            let b = Int(entry.index)
                            rate = adjusted(model.behaviorBaseRate[b], entry, inputs, propensity, factors[b])
                        }
                        if !body(k, rate) { return }
                    }
                    return
                }
                model.behaviorRates.withUnsafeBufferPointer { table in
                    let row = table.baseAddress! + inputs.row &* model.behaviorCount
                    for k in 0..<behaviors.count {
                        let entry = behaviors[k]
                        var rate = 0.0
                        if entry.groups & inputs.groups != 0 {
                            let b = Int(entry.index)
                            rate = adjusted(Double(row[b]), entry, inputs, propensity, factors[b])
                        }
                        if !body(k, rate) { return }
                    }
                }
            }
        }
    }

    /// The sum of the subject's behaviour rates (`eachBehaviorRate`), added in `behaviors` order.
    @inline(__always)
    func behaviorTotal(
        _ subject: Int,
        _ inputs: RateInputs,
        _ behaviors: UnsafeBufferPointer<BehaviorEntry>
    )
        -> Double
    {
        var total = 0.0
        eachBehaviorRate(subject, inputs, behaviors) { _, rate in
            total += rate
            return true
        }
        return total
    }

    /// What a subject's total behaviour rate is worked out from, packed for `RateCacheEntry`:
    /// the rate table's row (bits 0-10), the groups (11-19) and the personal responses in effect
    /// (20-31); `RateCacheEntry.none` when the model's inputs do not fit (`RunModel.keysRates`).
    @inline(__always) func rateKey(_ inputs: RateInputs) -> UInt32 {
        guard model.keysRates else { return RateCacheEntry.none }
        return UInt32(truncatingIfNeeded: inputs.row) | UInt32(inputs.groups) << 11
            | UInt32(truncatingIfNeeded: inputs.personal) << 20
    }

    /// The subject's total behaviour rate for these inputs: the kept one (`kept`, the subject's
    /// entry, read by the caller as early as it can) when it was worked out from the same
    /// inputs, else worked out in full and kept.
    @inline(__always)
    func behaviorTotal(
        _ subject: Int,
        _ inputs: RateInputs,
        _ behaviors: UnsafeBufferPointer<BehaviorEntry>,
        key: UInt32,
        kept: RateCacheEntry
    ) -> Double {
        if key != RateCacheEntry.none && kept.key == key {
            // Debug builds (the tests) check every kept total against the rates.
            assert(kept.total == behaviorTotal(subject, inputs, behaviors), "kept total of \(subject) is stale")
            return kept.total
        }
        let total = behaviorTotal(subject, inputs, behaviors)
        state.rateCache[subject] = RateCacheEntry(total: total, key: key)
        return total
    }

    /// A behaviour's base rate for the subject times its propensity, its province's monitoring
    /// factor and the responses about the subject in effect on it, multiplied in that order.
    @inline(__always)
    private func adjusted(
        _ base: Double,
        _ entry: BehaviorEntry,
        _ inputs: RateInputs,
        _ propensity: UnsafeBufferPointer<Float>,
        _ monitor: Double
    ) -> Double {
        var rate = base
        let b = Int(entry.index)
        if entry.dispersed { rate *= Double(propensity[b << 8 | inputs.propensityIndex(b)]) }
        rate *= monitor
        var personal = entry.personal & inputs.personal
        while personal != 0 {
            rate *= model.responseFactor[personal.trailingZeroBitCount]
            personal &= personal &- 1
        }
        return rate
    }

    /// Whether a response about the subject (not monitoring) is in effect: one-off triggers for
    /// their own duration after the latest event, the others while they hold.
    @inline(__always) func responseActive(_ r: Int, triggers: UInt8, lastSanctioned: Int32, lastRecorded: Int32) -> Bool
    {
        switch model.responseTrigger[r] {
        case .sanctioned: return lastSanctioned != Int32.min && day < lastSanctioned &+ model.responseDuration[r]
        case .recorded: return lastRecorded != Int32.min && day < lastRecorded &+ model.responseDuration[r]
        case .listed, .relativeListed: return triggers & model.responseTrigger[r].bit != 0
        case .monitored: return false  // in the day tables' monitoring factor, by province
        }
    }

    /// The first day after today on which a one-off response in effect ends (rates change then),
    /// or Int32.max.
    func effectsEnd(_ inputs: RateInputs) -> Int32 {
        var end = Int32.max
        guard inputs.lastSanctioned != Int32.min || inputs.lastRecorded != Int32.min else { return end }
        for (r, trigger) in model.responseTrigger.enumerated() where trigger == .sanctioned || trigger == .recorded {
            let last = trigger == .sanctioned ? inputs.lastSanctioned : inputs.lastRecorded
            guard last != Int32.min else { continue }
            let until = last &+ model.responseDuration[r]
            if until > day { end = min(end, until) }
        }
        return end
    }

    /// Which response triggers that hold over time hold for a subject today, one bit per
    /// `Response.Trigger` case (one-off triggers and monitoring are looked up separately).
    func triggers(_ subject: Int) -> UInt8 {
        guard !model.scenario.responses.isEmpty else { return 0 }
        var mask: UInt8 = 0
        if day < state.blackUntil[subject] { mask |= TriggerCode.listed.bit }
        // Set monthly, see `recomputeSpillovers`.
        if !isCompanies && state.bits[subject] & EventBit.relativeListed != 0 { mask |= TriggerCode.relativeListed.bit }
        return mask
    }

    /// Recomputes the latest end of the subject's black-list entries after one changed.
    func updateBlackUntil(_ subject: Int) {
        var until = Int32.min
        for l in 0..<model.listCount where model.listBlack[l] && !model.listConditional[l] {
            until = max(until, state.listedUntil[l][subject])
        }
        state.blackUntil[subject] = until
    }

    /// Draws the next behaviour day from the subject's current total rate (memoryless, so a
    /// redraw whenever a rate changes is exact). A gap past the end of a response in effect, or
    /// longer than a year, becomes a refresh day, written negative, on which rates (responses
    /// ending, ages) are looked at again.
    func scheduleBehavior(_ subject: Int) {
        let kept = state.rateCache[subject]
        let inputs = rateInputs(subject, triggers: triggers(subject))
        let total = behaviors.withUnsafeBufferPointer {
            behaviorTotal(subject, inputs, $0, key: rateKey(inputs), kept: kept)
        }
        state.nextBehavior[subject] = nextDay(total, draws.behaviorGap, subject, refreshBy: effectsEnd(inputs))
    }

    /// What a subject's next behaviour day is drawn from: the total yearly rate of its
    /// behaviours today, and the day a one-off response in effect ends (Int32.max: none).
    /// Worked out in full (a policy switch compares it under two models).
    @inline(__always) func behaviorPlan(_ subject: Int) -> (total: Double, refreshBy: Int32) {
        let inputs = rateInputs(subject, triggers: triggers(subject))
        let total = behaviors.withUnsafeBufferPointer { behaviorTotal(subject, inputs, $0) }
        return (total, effectsEnd(inputs))
    }

    /// The same for actions.
    func scheduleAction(_ subject: Int) {
        state.nextAction[subject] = nextDay(actionTotal(subject), draws.actionGap, subject)
    }

    /// The total yearly rate of the actions the subject's gate lets it attempt today.
    @inline(__always) func actionTotal(_ subject: Int) -> Double {
        let age = isCompanies ? 0 : self.age(subject)
        let g = groups(subject, age: age)
        let type = isCompanies ? 0 : personType(subject, age: age)
        let gate = state.actionGate[subject]
        var total = 0.0
        for a in 0..<model.actionCount where gate & (1 << UInt64(a)) != 0 {
            total += actionRate(subject, a, groups: g, type: type)
        }
        return total
    }

    func actionRate(_ subject: Int, _ a: Int, groups: UInt16, type: Int) -> Double {
        guard model.actionCompanies[a] == isCompanies, model.actionGroups[a] & groups != 0 else { return 0 }
        return isCompanies ? model.actionBaseRate[a] : Double(model.actionRates[type * model.actionCount + a])
    }

    func nextDay(
        _ perYear: Double,
        _ stream: CounterRandom.Streamed,
        _ subject: Int,
        refreshBy: Int32 = Int32.max
    ) -> Int32 {
        // Rates change with age (a birthday can make someone an adult): look again within a year.
        let refresh = min(day &+ 365, refreshBy)
        guard perYear > 0 else { return -refresh }
        let u = max(stream.uniform(key(subject), UInt64(UInt32(bitPattern: day))), 1e-300)
        let gap = (-log(u) / (perYear / 365.25)).rounded(.up)
        return gap >= Double(refresh - day) ? -refresh : day + Int32(max(1, gap))
    }
}

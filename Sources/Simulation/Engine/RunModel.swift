import Foundation
import SocialCredit
import Society

/// The scenario in the form the day loop needs: flat arrays of plain numbers, indexed by
/// behaviour, action, source, rule, list and measure, and rate tables by person type. The day
/// loop reads only these (no strings, no nested structures), so threads never contend for
/// reference counts and nothing is allocated per event.
final class RunModel: Sendable {
    let policy: Policy
    let scenario: Scenario
    /// GB/T 2260 codes, in the census's province order.
    let provinceCodes: [Int]
    let provinces: Int

    // Behaviours.
    let behaviorCount: Int
    let behaviorCompanies: [Bool]
    let behaviorSigma: [Double]
    /// Yearly rates of all behaviours, one row per distinct set of rates (`behaviorRow` maps a
    /// person type to its row): one person's rates for all behaviours are adjacent in memory.
    /// Most ages share their neighbours' rates, so the few hundred distinct rows (single
    /// precision) stay in the processor's nearest cache, where a row per type would not.
    let behaviorRates: [Float]
    /// Each person type's row of `behaviorRates` (see `personType`).
    let behaviorRow: [UInt16]
    /// Whether a subject's rate inputs fit a `RateCacheEntry` key (`EventContext.rateKey`): at
    /// most 2,047 rows, at most nine groups and personal responses among the first twelve.
    let keysRates: Bool
    /// Behaviours people can do, and behaviours companies can do, most frequent first (so that
    /// picking which behaviour an event is usually stops after a step or two).
    let peopleBehaviors: [BehaviorEntry]
    let companyBehaviors: [BehaviorEntry]
    /// How many words of propensity draws (`EventContext.RateInputs.words`) each kind's
    /// dispersed behaviours read: a word not read is not drawn.
    let peoplePropensityWords: Int
    let companyPropensityWords: Int
    /// Company behaviours' yearly rate.
    let behaviorBaseRate: [Double]
    let behaviorSources: Flat
    let behaviorRules: Flat
    let behaviorRemoves: Flat
    let behaviorResponses: Flat

    // Actions.
    let actionCount: Int
    let actionGroups: [UInt16]
    let actionCompanies: [Bool]
    let actionRates: [Float]
    let actionBaseRate: [Double]
    let actionMeasures: Flat
    let actionSpillovers: Flat

    // Sources and rules. Every number here is within `NumberKind`'s ranges in a scenario that
    // `check` accepts (days <= 32,000, points <= 1,000,000, caps <= 1e9), so the 32-bit fields
    // hold it exactly; the conversions clamp rather than trap for a scenario built in code.
    let sourceCoverage: [Double]
    let sourceFalse: [Double]
    let sourceDelay: [Int32]
    let ruleDelta: [Int32]
    let ruleCap: [Int32]  // -1: no cap
    let ruleLifetime: [Int32]  // -1: never expires
    let ruleDiscretion: [Double]
    let ruleList: [Int16]  // -1: none
    let ruleListTerm: [Int32]  // -2: the list's term; -1: until removed
    let ruleCeiling: [Int16]  // -1: none
    let ruleSourceMask: [UInt64]  // 0: any source
    let ruleRating: [Int16]  // -1: the main score
    /// Further ratings (empty for most scenarios).
    let ratings: [RatingNumbers]

    // Lists.
    let listCount: Int
    let listTerm: [Int32]  // -1: until removed
    let listHasRemoval: [Bool]
    /// Each list's terms as the list state machine (`ListTerm`) reads them.
    let listTermRules: [ListTermRules]
    /// Whether an appeal can ever strike a record out in this scenario.
    let appealsCanOverturn: Bool
    /// Whether the recent negative records are kept: only `clean_days` reads them, and only an
    /// appeal that strikes one out needs them.
    let keepsNegatives: Bool
    let listConditional: [Bool]
    let listBlack: [Bool]
    let listCompanies: [Bool]
    let listEntryProgram: [Int]  // -1: none
    let blackMask: UInt8
    /// Bit per condition-filled list (held while a condition holds, not entered through a rule).
    let conditionalMask: UInt8

    // Measures and spillovers.
    let measureKind: [MeasureCode]
    let measureCompanies: [Bool]
    let measureProgram: [Int]
    let spilloverProgram: [Int]
    let programs: TestPrograms

    // Responses.
    let responseTrigger: [TriggerCode]
    let responseFactor: [Double]
    /// Days a one-off trigger's effect lasts, per response (0 for triggers that hold over time).
    let responseDuration: [Int32]
    /// Responses set off by something about the subject (every trigger but monitoring); each
    /// `BehaviorEntry` holds the bit mask of those that act on it, so an event works out once
    /// which of them are in effect, then each behaviour's rate needs one AND.
    let personalResponses: [Int]
    /// Whether any response is set off by a relative's listing (so relatives are looked at).
    let usesRelativeTrigger: Bool
    /// Whether any response is set off by a sanction, or by a record.
    let usesSanctionTrigger: Bool
    let usesRecordedTrigger: Bool

    // Scores.
    let peopleScale: ScaleNumbers
    let companyScale: ScaleNumbers?

    // Appeals.
    let contestTrue: Double, contestFalse: Double, successTrue: Double, successFalse: Double
    let daysToDecide: Int32

    /// Individual propensity multipliers by behaviour: exp(sigma z) at 256 normal quantiles z,
    /// scaled to average exactly 1, behaviour-major (1 where the behaviour has no dispersion).
    /// Small (a kilobyte per behaviour) so that it stays in the fastest cache.
    let propensityTable: [Float]
    static let propensityLevels = 256

    /// Person types for rate tables: sex x residence x income quintile x age 0...100.
    static let personTypes = 2 * 2 * 5 * 101

    static func personType(male: Bool, urban: Bool, quintile: Int, age: Int) -> Int {
        (((male ? 1 : 0) * 2 + (urban ? 1 : 0)) * 5 + (quintile - 1)) * 101 + min(max(age, 0), 100)
    }

    /// The words of eight propensity draws that `entries`' dispersed behaviours read (at most
    /// four; behaviours past the 32nd draw their own).
    static func propensityWords(_ entries: [BehaviorEntry]) -> Int {
        entries.filter(\.dispersed).map { min(4, Int($0.index) / 8 + 1) }.max() ?? 0
    }

    /// A table of rows `width` wide with each distinct row kept once, in order of first
    /// appearance, and each original row's index among them.
    static func distinctRows(_ table: [Float], width: Int) -> (rows: [Float], index: [UInt16]) {
        guard width > 0 else { return ([], [UInt16](repeating: 0, count: personTypes)) }
        var rows: [Float] = []
        var seen: [[UInt32]: UInt16] = [:]
        let index = stride(from: 0, to: table.count, by: width).map { start in
            let row = table[start..<start + width]
            let key = row.map(\.bitPattern)
            if let known = seen[key] { return known }
            let next = UInt16(seen.count)
            seen[key] = next
            rows += row
            return next
        }
        return (rows, index)
    }

    init(policy: Policy, census: Census) {
        self.policy = policy
        let s = policy.scenario
        scenario = s
        provinceCodes = census.provinces.map(\.code)
        provinces = provinceCodes.count
        precondition(provinces <= 64, "province masks are 64 bits")

        func groupMask(_ groups: [Group]) -> UInt16 {
            groups.reduce(0) { $0 | GroupBit.bit($1) }
        }
        func rateTable(_ models: [RateModel]) -> [Float] {
            (0..<Self.personTypes).flatMap { type in
                models.map { model in
                    let age = type % 101
                    let quintile = (type / 101) % 5 + 1
                    let urban = (type / 505) % 2 == 1
                    let male = type / 1010 == 1
                    return Float(
                        model.perYear(for: Traits(age: age, incomeQuintile: quintile, isUrban: urban, isMale: male))
                    )
                }
            }
        }
        behaviorCount = s.behaviors.count
        behaviorCompanies = s.behaviors.map { $0.who.contains(.companies) }
        behaviorSigma = s.behaviors.map { b in
            b.rate.dispersion > 0 ? log(1 + b.rate.dispersion * b.rate.dispersion).squareRoot() : 0
        }
        (behaviorRates, behaviorRow) = Self.distinctRows(
            rateTable(s.behaviors.map(\.rate)),
            width: s.behaviors.count
        )
        behaviorBaseRate = s.behaviors.map(\.rate.perYear)
        let byFrequency = s.behaviors.indices.sorted { s.behaviors[$0].rate.perYear > s.behaviors[$1].rate.perYear }
        behaviorSources = Flat(
            s.behaviors.map { b in s.sources.indices.filter { s.sources[$0].observes.contains { $0.id == b.id } } }
        )
        behaviorRules = Flat(policy.rulesByBehavior)
        behaviorRemoves = Flat(
            s.behaviors.indices.map { b in s.lists.indices.filter { policy.listRemovals[$0].contains(b) } }
        )
        behaviorResponses = Flat(
            s.behaviors.map { b in
                s.responses.indices.filter { r in
                    let response = s.responses[r]
                    return response.behaviors.contains { $0.id == b.id }
                        || (response.behaviors.isEmpty && response.conduct == b.conduct)
                }
            }
        )

        actionCount = s.actions.count
        actionGroups = s.actions.map { groupMask($0.who) }
        actionCompanies = s.actions.map { $0.who.contains(.companies) }
        actionRates = rateTable(s.actions.map(\.rate))
        actionBaseRate = s.actions.map(\.rate.perYear)
        actionMeasures = Flat(
            s.actions.indices.map { a in
                s.measures.indices.filter { policy.measureAction[$0] == a && s.measures[$0].kind != .notice }
            }
        )
        actionSpillovers = Flat(
            s.actions.indices.map { a in
                s.spillovers.indices.filter {
                    switch policy.spilloverEffect[$0] {
                    case let .block(target), let .reward(target): return target == a
                    case .delta, .tierCeiling: return false
                    }
                }
            }
        )

        sourceCoverage = s.sources.map(\.coverage)
        sourceFalse = s.sources.map(\.falseAttribution)
        sourceDelay = s.sources.map { Int32(clamping: $0.delayDays) }
        ruleDelta = s.rules.map { Int32(clamping: $0.delta) }
        ruleCap = s.rules.map { $0.capPerYear.map { Int32(clamping: $0) } ?? -1 }
        ruleLifetime = s.rules.map { $0.lifetimeDays.map { Int32(clamping: $0) } ?? -1 }
        ruleDiscretion = s.rules.map(\.discretion)
        ruleList = policy.ruleList.map { $0.map(Int16.init) ?? -1 }
        ruleListTerm = s.rules.map { $0.listTermDays.map { Int32(clamping: $0) } ?? -2 }
        ruleCeiling = policy.ruleCeiling.map { $0.map(Int16.init) ?? -1 }
        ruleSourceMask = policy.ruleSources.map { $0.reduce(0) { $0 | (1 << UInt64($1)) } }
        ruleRating = policy.ruleRating.map { $0.map(Int16.init) ?? -1 }
        ratings = s.ratings.map(RatingNumbers.init)

        listCount = s.lists.count
        listTerm = s.lists.map { $0.termDays.map { Int32(clamping: $0) } ?? -1 }
        listHasRemoval = s.lists.map { $0.removal != nil }
        listTermRules = s.lists.map(ListTermRules.init)
        listConditional = s.lists.map { $0.entry != nil }
        listBlack = s.lists.map { $0.kind == .black }
        listCompanies = s.lists.map { $0.subject == .companies }
        blackMask = s.lists.indices.reduce(0) { s.lists[$1].kind == .black ? $0 | (1 << UInt8($1)) : $0 }
        conditionalMask = s.lists.indices.reduce(0) { s.lists[$1].entry != nil ? $0 | (1 << UInt8($1)) : $0 }

        var programs = TestPrograms()
        listEntryProgram = policy.listEntry.map { $0.map { programs.add($0) } ?? -1 }
        measureProgram = policy.measureTest.map { programs.add($0) }
        spilloverProgram = policy.spilloverTest.map { programs.add($0) }
        self.programs = programs
        measureKind = s.measures.map { MeasureCode($0.kind) }
        measureCompanies = s.measures.map { $0.subject == .companies }

        responseTrigger = s.responses.map { TriggerCode($0.trigger) }
        responseFactor = s.responses.map(\.factor)
        responseDuration = s.responses.map { Int32(clamping: $0.durationDays ?? 0) }
        let personal = s.responses.indices.filter { s.responses[$0].trigger != .monitored }
        personalResponses = personal
        let entries = byFrequency.map { [behaviorResponses, behaviorSigma] b in
            let behavior = s.behaviors[b]
            return BehaviorEntry(
                index: Int32(b),
                groups: groupMask(behavior.who),
                sectors: behavior.sectors.reduce(0) { $0 | (1 << UInt16(Sector.allCases.firstIndex(of: $1)!)) },
                dispersed: behaviorSigma[b] > 0,
                personal: behaviorResponses[b].reduce(0) { personal.contains(Int($1)) ? $0 | (1 << UInt64($1)) : $0 }
            )
        }
        peopleBehaviors = entries.filter { !s.behaviors[Int($0.index)].who.contains(.companies) }
        companyBehaviors = entries.filter { s.behaviors[Int($0.index)].who.contains(.companies) }
        peoplePropensityWords = Self.propensityWords(peopleBehaviors)
        companyPropensityWords = Self.propensityWords(companyBehaviors)
        keysRates =
            behaviorRates.count <= 2_047 * max(1, behaviorCount) && Group.allCases.count <= 9
            && personal.allSatisfy { $0 < 12 }
        usesRelativeTrigger = s.responses.contains { $0.trigger == .relativeListed }
        usesSanctionTrigger = s.responses.contains { $0.trigger == .sanctioned }
        usesRecordedTrigger = s.responses.contains { $0.trigger == .recorded }

        peopleScale = ScaleNumbers(s.score)
        companyScale = s.companyScore.map { ScaleNumbers($0) }
        contestTrue = s.appeals.contestTrue
        contestFalse = s.appeals.contestFalse
        successTrue = s.appeals.successTrue
        successFalse = s.appeals.successFalse
        daysToDecide = Int32(clamping: max(1, s.appeals.daysToDecide))
        appealsCanOverturn = (contestTrue > 0 && successTrue > 0) || (contestFalse > 0 && successFalse > 0)
        keepsNegatives = programs.usesCleanDays && appealsCanOverturn
        let levels = Self.propensityLevels
        let normal = (0..<levels).map { inverseNormal((Double($0) + 0.5) / Double(levels)) }
        propensityTable = behaviorSigma.flatMap { sigma in
            let values = normal.map { exp(sigma * $0) }
            let mean = values.reduce(0, +) / Double(levels)
            return values.map { Float($0 / mean) }
        }
    }

    /// Which parts of the system are in force on one day, per province (census order).
    struct DayTables: Sendable, Equatable {
        /// Per source and province: in force for people's behaviours, then for companies'
        /// (index with `sourceTableIndex`).
        let sources: [Bool]
        let rules: [Bool]
        let lists: [Bool]
        let measures: [Bool]
        let spillovers: [Bool]
        /// The product of the factors of the `monitored` responses in effect for behaviour b in
        /// province p (1 where none is), at `p * behaviorCount + b`: province-major, unlike the
        /// tables above, because a behaviour event reads one province's factors for every
        /// behaviour.
        let monitorFactor: [Double]
    }

    /// The provinces (bit per province) in which two per-province tables differ (item-major
    /// tables, such as `DayTables.rules`).
    func provincesChanged<T: Equatable>(_ old: [T], _ new: [T]) -> UInt64 {
        var mask: UInt64 = 0
        for index in old.indices where old[index] != new[index] { mask |= 1 << UInt64(index % provinces) }
        return mask
    }

    /// The provinces in which two days' monitoring factors differ (province-major).
    func monitoringChanged(_ old: DayTables, _ new: DayTables) -> UInt64 {
        var mask: UInt64 = 0
        for index in old.monitorFactor.indices where old.monitorFactor[index] != new.monitorFactor[index] {
            mask |= 1 << UInt64(index / behaviorCount)
        }
        return mask
    }

    /// Where a source's window for people (or for companies) in a province sits in `DayTables.sources`.
    @inline(__always)
    func sourceTableIndex(_ source: Int, companies: Bool, province: Int) -> Int {
        ((companies ? sourceCoverage.count : 0) + source) * provinces + province
    }

    func tables(on day: Day) -> DayTables {
        func table(_ windows: [Window]) -> [Bool] {
            windows.flatMap { window in provinceCodes.map { window.isOpen(on: day, in: $0) } }
        }
        // People's windows of every source, then companies' (see `sourceOpen`).
        let sources = table(policy.sourceRollout) + table(policy.companySourceRollout)
        let monitored = (0..<behaviorCount).flatMap { b in
            (0..<provinces).map { p in
                behaviorSources[b].contains {
                    sources[sourceTableIndex(Int($0), companies: behaviorCompanies[b], province: p)]
                }
            }
        }
        let monitorFactor = (0..<provinces).flatMap { p in
            (0..<behaviorCount).map { b in
                guard monitored[b * provinces + p] else { return 1.0 }
                return behaviorResponses[b].reduce(1.0) {
                    responseTrigger[Int($1)] == .monitored ? $0 * responseFactor[Int($1)] : $0
                }
            }
        }
        return DayTables(
            sources: sources,
            rules: table(policy.ruleRollout),
            lists: table(policy.listRollout),
            measures: table(policy.measureRollout),
            spillovers: table(policy.spilloverRollout),
            monitorFactor: monitorFactor
        )
    }
}

/// What the rate of one behaviour needs besides the subject, in one small record.
struct BehaviorEntry: Sendable {
    /// The behaviour's index in the scenario.
    let index: Int32
    /// Groups that can do it (bit per `Group`), and for companies the sectors (0: any).
    let groups: UInt16
    let sectors: UInt16
    /// Whether individual propensities vary (a dispersion above 0).
    let dispersed: Bool
    /// Responses about the subject that act on it (bit per response).
    let personal: UInt64
}

/// A score scale as plain numbers (a class, so reading it never copies its tier array).
final class ScaleNumbers: Sendable {
    let initial: Int32, minimum: Int32, maximum: Int32
    /// Tier minimums, best tier first.
    let tierMinimum: [Int32]

    init(_ scale: ScoreScale) {
        initial = Int32(clamping: scale.initial)
        minimum = Int32(clamping: scale.minimum)
        maximum = Int32(clamping: scale.maximum)
        // A tier reached only by assignment takes no scores: no score reaches Int32.max's band.
        tierMinimum = scale.tiers.map { $0.assignedOnly ? Int32.max : Int32(clamping: $0.minimum) }
    }

    func tier(_ score: Int32) -> Int32 {
        for (index, minimum) in tierMinimum.enumerated() where score >= minimum { return Int32(index) }
        return Int32(tierMinimum.count - 1)
    }
}

/// Lists of small integers stored flat: `values[start[i]..<start[i+1]]` is list i.
struct Flat: Sendable {
    let start: [Int32]
    let values: [Int32]

    init(_ lists: [[Int]]) {
        var start: [Int32] = [0]
        var values: [Int32] = []
        for list in lists {
            values += list.map(Int32.init)
            start.append(Int32(values.count))
        }
        self.start = start
        self.values = values
    }

    subscript(i: Int) -> ArraySlice<Int32> { values[Int(start[i])..<Int(start[i + 1])] }

    /// Positions of list i in `values` (iterate these in hot loops: no slice is made).
    @inline(__always) func range(_ i: Int) -> Range<Int> { Int(start[i])..<Int(start[i + 1]) }
}

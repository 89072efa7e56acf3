import Foundation
import SocialCredit
import Society

/// The scenario in the form the day loop needs: per behaviour, action, rule, list and measure,
/// plain numbers and index lists; per day, which parts are in force in which province.
struct RunModel: Sendable {
    let policy: Policy
    let scenario: Scenario
    /// Provinces by index into the census tables, and their GB/T 2260 codes.
    let provinceCodes: [Int]

    struct BehaviorModel: Sendable {
        let companies: Bool
        let groups: [Group]
        let sectors: [Int]
        let rate: RateModel
        /// Lognormal sigma matching the declared coefficient of variation of propensity.
        let sigma: Double
        let sources: [Int]
        let rules: [Int]
        /// Lists this behaviour's records remove entries from (credit repair).
        let removes: [Int]
        let responses: [Int]
        let contradictory: Bool
    }

    struct ActionModel: Sendable {
        let companies: Bool
        let groups: [Group]
        let rate: RateModel
        let measures: [Int]
        let spillovers: [Int]
    }

    let behaviors: [BehaviorModel]
    let actions: [ActionModel]
    /// For each list: whether it follows an entry condition, and whether it is black.
    let listIsConditional: [Bool]
    let listIsBlack: [Bool]
    let listSubjectCompanies: [Bool]
    /// Durations of response triggers (days; Int32.max while the trigger holds).
    let sanctionDuration: Int32
    let recordedDuration: Int32
    /// Normal quantiles for propensity draws (a lookup table instead of a transcendental per draw).
    let normalTable: [Double]

    init(policy: Policy, census: Census) {
        self.policy = policy
        scenario = policy.scenario
        provinceCodes = census.provinces.map(\.code)
        let s = policy.scenario
        let behaviorIndex = Dictionary(uniqueKeysWithValues: s.behaviors.enumerated().map { ($1.id, $0) })
        behaviors = s.behaviors.enumerated().map { b, behavior in
            let cv = behavior.rate.dispersion
            return BehaviorModel(
                companies: behavior.who.contains(.companies), groups: behavior.who,
                sectors: behavior.sectors.compactMap { Sector.allCases.firstIndex(of: $0) },
                rate: behavior.rate, sigma: cv > 0 ? log(1 + cv * cv).squareRoot() : 0,
                sources: s.sources.indices.filter { s.sources[$0].observes.contains { $0.id == behavior.id } },
                rules: policy.rulesByBehavior[b],
                removes: s.lists.indices.filter { policy.listRemovals[$0].contains(b) },
                responses: s.responses.indices.filter { r in
                    let response = s.responses[r]
                    return response.behaviors.contains { $0.id == behavior.id }
                        || (response.behaviors.isEmpty && response.conduct == behavior.conduct)
                },
                contradictory: behavior.conduct == .contradictory)
        }
        _ = behaviorIndex
        actions = s.actions.enumerated().map { a, action in
            ActionModel(
                companies: action.who.contains(.companies), groups: action.who, rate: action.rate,
                measures: s.measures.indices.filter { policy.measureAction[$0] == a && s.measures[$0].kind != .notice },
                spillovers: s.spillovers.indices.filter {
                    switch policy.spilloverEffect[$0] {
                    case let .block(target), let .reward(target): return target == a
                    default: return false
                    }
                })
        }
        listIsConditional = s.lists.map { $0.entry != nil }
        listIsBlack = s.lists.map { $0.kind == .black }
        listSubjectCompanies = s.lists.map { $0.subject == .companies }
        func duration(_ trigger: Response.Trigger) -> Int32 {
            let matching = s.responses.filter { $0.trigger == trigger }
            guard !matching.isEmpty else { return 0 }
            return matching.map { $0.durationDays.map { Int32($0) } ?? 365 }.max()!
        }
        sanctionDuration = duration(.sanctioned)
        recordedDuration = duration(.recorded)
        normalTable = (0..<1024).map { inverseNormal((Double($0) + 0.5) / 1024) }
    }

    /// Which parts of the system are in force on one day, per province (index into the census order).
    struct DayTables: Sendable {
        let day: Day
        let sources: [Bool]
        let rules: [Bool]
        let lists: [Bool]
        let measures: [Bool]
        let spillovers: [Bool]
        /// A source observing behaviour b is in force in province p.
        let monitored: [Bool]
        let provinces: Int
    }

    func tables(on day: Day) -> DayTables {
        let p = provinceCodes.count
        func table(_ windows: [Window]) -> [Bool] {
            windows.flatMap { window in provinceCodes.map { window.isOpen(on: day, in: $0) } }
        }
        let sources = table(policy.sourceRollout)
        let monitored = behaviors.flatMap { behavior in
            (0..<p).map { province in behavior.sources.contains { sources[$0 * p + province] } }
        }
        return DayTables(day: day, sources: sources, rules: table(policy.ruleRollout), lists: table(policy.listRollout),
                         measures: table(policy.measureRollout), spillovers: table(policy.spilloverRollout),
                         monitored: monitored, provinces: p)
    }
}

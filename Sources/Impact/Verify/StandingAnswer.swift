import RunRecords
import Simulation
import SocialCredit

/// A standing reduced to the fields a run stores for a traced subject (`TracedStanding`), as
/// comparable text: from the run's row, or from the decision engine's `Standing`. Only naming
/// happens here (indices to ids): every value comes from the engine or the run.
struct StandingAnswer: Equatable {
    var score: String
    var tier: String
    var lists: String
    var ceiling: String
    var spilloverPoints: String
    var spilloverCeiling: String
    var spillovers: String
    var notices: String

    /// The fields in order, with their names as `Disagreement.field` gives them.
    var fields: [(name: String, value: String)] {
        [
            ("score", score), ("tier", tier), ("lists", lists), ("ceiling", ceiling),
            ("spillover_points", spilloverPoints), ("spillover_ceiling", spilloverCeiling), ("spillovers", spillovers),
            ("notices", notices),
        ]
    }

    /// Fields that do not depend on spillovers: what can be checked for a subject whose links
    /// were not all traced while spillovers were in force for them (with `ruleListsOnly`).
    static let ownFields: Set<String> = ["ceiling", "lists"]

    /// The same answer with only the lists that rules fill, which spillovers cannot move (a
    /// condition-filled list may follow a score that spillovers moved).
    func ruleListsOnly(_ scenario: Scenario) -> StandingAnswer {
        let ruleFilled = Set(scenario.lists.filter { $0.entry == nil }.map(\.id))
        var copy = self
        let kept = lists.split(separator: ",").map(String.init).filter(ruleFilled.contains)
        copy.lists = kept.isEmpty ? "none" : kept.joined(separator: ",")
        return copy
    }

    /// Fields that say what reached the subject through others.
    static let spilloverFields: Set<String> = ["spillover_points", "spillover_ceiling", "spillovers"]

    /// The run's answer, as stored.
    init(_ stored: TracedStanding) {
        score = stored.score.map(String.init) ?? "none"
        tier = stored.tier ?? "none"
        lists = stored.lists.isEmpty ? "none" : stored.lists
        ceiling = stored.ceiling ?? "none"
        spilloverPoints = String(stored.spilloverPoints)
        spilloverCeiling = stored.spilloverCeiling ?? "none"
        spillovers = stored.spillovers.isEmpty ? "none" : stored.spillovers
        notices = stored.notices.isEmpty ? "none" : stored.notices
    }

    /// The engine's answer: the score and tier it gives, the lists it holds (in declaration
    /// order), the worst ceiling from the subject's own records, and what the spillovers it
    /// applied do (their points summed, their worst ceiling, those that block or reward), and the
    /// notices it gives (`Policy.notices`), sorted as the run stores them.
    init(_ standing: Standing, policy: Policy) {
        let scenario = policy.scenario
        let tiers = policy.scale(for: standing.kind)?.tiers ?? []
        func tierName(_ index: Int?) -> String {
            guard let index else { return "none" }
            return tiers.indices.contains(index) ? tiers[index].id : "tier \(index)"
        }
        score = standing.score.map(String.init) ?? "none"
        tier = tierName(standing.tier)
        let held = Set(standing.lists.map(\.list))
        let names = scenario.lists.indices.filter(held.contains).map { scenario.lists[$0].id }
        lists = names.isEmpty ? "none" : names.joined(separator: ",")
        var own: Int?
        var spilled: Int?
        for ceiling in standing.ceilings {
            switch ceiling.origin {
            case .rule: own = max(own ?? ceiling.tier, ceiling.tier)
            case .spillover: spilled = max(spilled ?? ceiling.tier, ceiling.tier)
            }
        }
        ceiling = tierName(own)
        spilloverCeiling = tierName(spilled)
        var points = 0
        var acting: [Int] = []
        for hit in standing.spillovers {
            switch policy.spilloverEffect[hit.spillover] {
            case let .delta(delta): points += delta
            case .tierCeiling: break
            case .block, .reward: acting.append(hit.spillover)
            }
        }
        spilloverPoints = String(points)
        let ids = Set(acting).sorted().map { scenario.spillovers[$0].id }
        spillovers = ids.isEmpty ? "none" : ids.joined(separator: ",")
        let channels = policy.notices(for: standing).sorted()
        notices = channels.isEmpty ? "none" : channels.joined(separator: ",")
    }
}

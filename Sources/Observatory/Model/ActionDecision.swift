import Foundation
import Impact
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

/// The answer to "may this person do this?" from the decision engine the simulation uses
/// (`Policy.decide`), with the chain of reasons: each block or reward, the measure or spillover
/// behind it, and the lists, tier, score, records and rules behind that.
struct ActionDecision: Sendable, Codable, Equatable {
    var run: String
    var person: Int
    var name: String
    var action: String
    var actionLabel: String
    var day: String
    var allowed: Bool
    var blocks: [ReasonView]
    var rewards: [ReasonView]
    var score: Int?
    var tier: String?
    /// The engine's explanation of the decision and the standing behind it.
    var explanation: String
    /// What the decision cannot know (untraced relatives).
    var caveats: [String]
}

/// One reason in a decision.
struct ReasonView: Sendable, Codable, Equatable {
    /// "measure" or "spillover".
    var origin: String
    /// The measure's or spillover's id and label.
    var id: String
    var label: String
    /// For a spillover: the link (parents, spouse, friends, employer) and which of them.
    var via: String?
    var through: [Int]
    /// For a reward: its size and unit.
    var benefit: Double?
    var unit: String?
    /// The standing behind it.
    var because: BecauseView
}

/// The standing behind a reason, with names: lists, tier, score, records and rules.
struct BecauseView: Sendable, Codable, Equatable {
    var lists: [String]
    var tier: String?
    var score: Int?
    var records: [Int]
    var rules: [String]
}

/// An action a person can be asked about.
struct ActionChoice: Sendable, Codable, Equatable {
    var id: String
    var label: String
}

extension RunView {
    /// The actions that measures or spillovers can act on for people, in scenario order.
    var personActions: [ActionChoice] {
        let s = scenario
        let acted = Set(s.measures.filter { $0.subject == .people }.compactMap(\.action?.id))
            .union(
                s.spillovers.compactMap { spillover -> String? in
                    switch spillover.effect {
                    case let .block(action), let .reward(action): action.id
                    case .delta, .tierCeiling: nil
                    }
                }
            )
        return s.actions.filter { acted.contains($0.id) }.map {
            ActionChoice(id: $0.id, label: $0.label.isEmpty ? $0.id : $0.label)
        }
    }

    /// The decision on an action for a traced person on the run's last day.
    /// - Throws: `.notFound` for a person outside the society, one whose records were not kept,
    ///   or an action the scenario does not have.
    func decision(person: Int, action: String) throws -> ActionDecision {
        try requirePerson(person)
        guard let actionIndex = policy.action(action) else {
            throw ObservatoryError.notFound(
                "no action '\(clip(action))' in scenario \(scenario.id) (actions: "
                    + scenario.actions.map(\.id).joined(separator: ", ") + ")"
            )
        }
        guard let file = try personFile(person) else {
            throw ObservatoryError.notFound(
                "person \(person)'s records were not kept in run '\(id)' (only traced people "
                    + "can be judged; traced: \(traced.prefix(5).map(String.init).joined(separator: ", "))...)"
            )
        }
        let decision = policy.decide(actionIndex, for: file.subject, relations: file.relations, on: day)
        let s = scenario
        func reason(_ reason: Reason) -> ReasonView {
            switch reason.origin {
            case let .measure(index):
                let measure = s.measures[index]
                return ReasonView(
                    origin: "measure",
                    id: measure.id,
                    label: measure.label,
                    via: nil,
                    through: [],
                    benefit: measure.benefit,
                    unit: measure.unit,
                    because: because(reason.because, .people)
                )
            case let .spillover(index, through):
                let spillover = s.spillovers[index]
                return ReasonView(
                    origin: "spillover",
                    id: spillover.id,
                    label: spillover.label,
                    via: spillover.link.rawValue,
                    through: through,
                    benefit: nil,
                    unit: nil,
                    because: because(reason.because, spillover.link == .employer ? .companies : .people)
                )
            }
        }
        let name = try societyView().name(person)
        let scale = policy.scale(for: .people)
        return ActionDecision(
            run: id,
            person: person,
            name: name.han,
            action: action,
            actionLabel: s.actions[actionIndex].label.isEmpty ? action : s.actions[actionIndex].label,
            day: day.description,
            allowed: decision.allowed,
            blocks: decision.blocks.map(reason),
            rewards: decision.rewards.map(reason),
            score: decision.standing.score,
            tier: decision.standing.tier.flatMap { tier in scale.map { $0.tiers[tier].id } },
            explanation: policy.explain(decision, records: file.subject.records),
            caveats: file.linked > file.linkedTraced
                ? [
                    "\(file.linkedTraced) of \(file.linked) relatives and friends are traced; for the others only their listings are known."
                ]
                : []
        )
    }
}

extension RunView {
    /// A reason's standing with names.
    func because(_ because: Because, _ kind: SubjectKind) -> BecauseView {
        let s = scenario
        let tiers = policy.scale(for: kind)?.tiers ?? []
        return BecauseView(
            lists: because.lists.map { s.lists[$0].id },
            tier: because.tier.flatMap { tiers.indices.contains($0) ? tiers[$0].id : nil },
            score: because.score,
            records: because.records,
            rules: because.rules.map { s.rules[$0].id }
        )
    }
}

import SocialCredit

/// A change of the rules part-way through a run ("change the rules from 2018-01-01"): from
/// `day` on, `policy` is in force instead of the one the run began with, on the same society,
/// state and draws, so that what differs from the run without the change is caused by the
/// change alone (`sclab simulate --branch`).
///
/// Only values can change, not the scenario's structure: the state is sized and indexed by the
/// scenario's behaviours, sources, rules, lists, actions, measures, spillovers, responses,
/// ratings and tiers, so the variant must have the same ones, with the same ids in the same
/// order (`init` refuses any other). What was decided once at the start stays decided:
/// enrolment (drawn when the run begins) must not change; records already judged keep their
/// points, list entries already made keep their terms, and the scenario's `period` is not read.
/// Everything else takes effect on `day`: behaviour and action rates (each subject whose rates
/// the change alters has its next event redrawn then, a keyed draw, exact since the waits are
/// memoryless), coverage, judgement, rules, measures and gates, rollout windows, responses and
/// appeals; spillovers and snapshots at the next month end, as always.
public struct PolicySwitch: Sendable {
    /// The first day the new policy is in force.
    public let day: Day
    /// The policy in force from `day` on.
    public let policy: Policy
    /// The policy it replaces, the one the run begins with (checked against the simulation's).
    public let baseline: Policy

    /// A switch from `baseline` to `policy` on `day`.
    /// - Throws: `PolicySwitchError` naming the first structural difference between the two.
    public init(from baseline: Policy, to policy: Policy, on day: Day) throws {
        if let difference = Self.structuralChange(from: baseline.scenario, to: policy.scenario) {
            throw PolicySwitchError(
                description: "\(difference): a branch can change values, not the scenario's structure"
            )
        }
        self.day = day
        self.policy = policy
        self.baseline = baseline
    }

    /// The first difference between two scenarios that the run's state cannot follow, in words
    /// ("the variant adds list X"); nil when only values differ.
    static func structuralChange(from old: Scenario, to new: Scenario) -> String? {
        let collections: [(String, [String], [String])] = [
            ("behaviour", old.behaviors.map(\.id), new.behaviors.map(\.id)),
            ("source", old.sources.map(\.id), new.sources.map(\.id)),
            ("rule", old.rules.map(\.id), new.rules.map(\.id)),
            ("list", old.lists.map(\.id), new.lists.map(\.id)),
            ("action", old.actions.map(\.id), new.actions.map(\.id)),
            ("measure", old.measures.map(\.id), new.measures.map(\.id)),
            ("spillover", old.spillovers.map(\.id), new.spillovers.map(\.id)),
            ("response", old.responses.map(\.id), new.responses.map(\.id)),
            ("rating", old.ratings.map(\.id), new.ratings.map(\.id)),
            ("score tier", old.score.tiers.map(\.id), new.score.tiers.map(\.id)),
            (
                "company score tier", old.companyScore?.tiers.map(\.id) ?? [],
                new.companyScore?.tiers.map(\.id) ?? []
            ),
        ]
        for (kind, first, second) in collections {
            if let added = second.first(where: { !first.contains($0) }) { return "the variant adds \(kind) \(added)" }
            if let removed = first.first(where: { !second.contains($0) }) {
                return "the variant removes \(kind) \(removed)"
            }
            if first != second { return "the variant orders the \(kind)s differently" }
        }
        if (old.companyScore == nil) != (new.companyScore == nil) {
            return "the variant \(old.companyScore == nil ? "adds" : "removes") the company score"
        }
        for (first, second) in zip(old.behaviors, new.behaviors)
        where first.who.contains(.companies) != second.who.contains(.companies) {
            return "the variant changes who does behaviour \(first.id) (people or companies)"
        }
        for (first, second) in zip(old.ratings, new.ratings) where first.subject != second.subject {
            return "the variant changes whom rating \(first.id) rates"
        }
        for (first, second) in zip(old.lists, new.lists) {
            if first.subject != second.subject { return "the variant changes whom list \(first.id) is of" }
            if (first.entry == nil) != (second.entry == nil) {
                return "the variant changes how list \(first.id) is filled (by rules or by a condition)"
            }
        }
        if old.enrolment != new.enrolment {
            return "the variant changes the enrolment, which is drawn once when the run begins"
        }
        return nil
    }
}

/// A policy switch that cannot be made, saying what differs.
public struct PolicySwitchError: Error, CustomStringConvertible, Sendable {
    /// What differs, for the user.
    public let description: String
}

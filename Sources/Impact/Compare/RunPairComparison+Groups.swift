import RunRecords
import Simulation
import SocialCredit

/// Who was hit differently: each group of one dimension (income quintile, residence, sex, age
/// group, province) with its people ever black-listed ("listed") and with an action blocked
/// ("punished") in each run, as shares of the group's people (`GroupRate`, over everyone, from
/// the runs' group tallies), and the variant's share minus the baseline's.
public struct GroupComparison: Sendable, Codable, Equatable {
    /// One group's shares in each run.
    public struct Row: Sendable, Codable, Equatable {
        /// The group as stored (`1`, `urban`, a province's name) and as readers see it (`Q1 (poorest)`).
        public var group: String
        public var label: String
        /// The group in the baseline and in the variant; absent where the run has no such group.
        public var baseline: Shares?
        public var variant: Shares?
        /// variant − baseline of the listed and the punished share; absent where a side has none.
        public var listedDifference: Double?
        public var punishedDifference: Double?
    }

    /// A group's counts in one run, and its shares.
    public struct Shares: Sendable, Codable, Equatable {
        /// People in the group, of them ever on a black list, and with an action blocked.
        public var people: Int
        public var listed: Int
        public var punished: Int
        /// listed / people and punished / people; absent for an empty group.
        public var listedShare: Double?
        public var punishedShare: Double?

        init(_ tally: GroupTally) {
            people = tally.people
            listed = tally.everBlacklisted
            punished = tally.sanctioned
            listedShare = GroupRate(group: tally.group, count: listed, people: people).rate
            punishedShare = GroupRate(group: tally.group, count: punished, people: people).rate
        }
    }

    /// The dimension's stored name and its heading (the run report's).
    public var dimension: String
    public var heading: String
    /// The baseline's groups in stored order, then any only the variant has.
    public var rows: [Row]

    /// Every dimension either run holds tallies of, in the run report's order ("Who it hit").
    static func all(_ baseline: RunData, _ variant: RunData) -> [GroupComparison] {
        WhoItHit.dimensions.compactMap { dimension, heading in
            let a = baseline.groups(dimension)
            let b = variant.groups(dimension)
            guard !a.isEmpty || !b.isEmpty else { return nil }
            let names = (a + b).map(\.group).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let rows = names.map { name -> Row in
                let first = a.first { $0.group == name }
                let second = b.first { $0.group == name }
                let shares = (first.map(Shares.init), second.map(Shares.init))
                func difference(_ share: KeyPath<Shares, Double?>) -> Double? {
                    guard let x = shares.0?[keyPath: share], let y = shares.1?[keyPath: share] else { return nil }
                    return y - x
                }
                return Row(
                    group: name,
                    label: WhoItHit.label(first ?? second ?? GroupTally(dimension: dimension, group: name)),
                    baseline: shares.0,
                    variant: shares.1,
                    listedDifference: difference(\.listedShare),
                    punishedDifference: difference(\.punishedShare)
                )
            }
            return GroupComparison(dimension: dimension, heading: heading, rows: rows)
        }
    }
}

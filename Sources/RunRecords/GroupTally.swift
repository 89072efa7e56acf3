/// Counts over everyone in one group of people at the end of a run (all of them, not a sample),
/// so that sanction and reward rates can be compared between groups: who the system hit.
///
/// A group is a value of one dimension: `all` (everyone), `income_quintile` (1-5), `residence`
/// (urban, rural), `sex` (female, male), `age_group` (age at the run's end) or `province`.
/// Counts of people ("how many were ever ...") and counts of events ("how many blocks") are kept
/// apart, since a rate per person is what a disparate-impact ratio compares.
public struct GroupTally: Sendable, Codable, Equatable {
    /// The dimension: "all", "income_quintile", "residence", "sex", "age_group", "province".
    public var dimension: String
    /// The group within it: "everyone", "1".."5", "urban", "female", "18-29", a province name.
    public var group: String
    /// People in the group.
    public var people: Int = 0
    /// Of them, scored at the end, and the sum of their final scores (for the mean).
    public var scored: Int = 0
    public var scoreSum: Int = 0
    /// In the lowest tier of the scale at the end.
    public var lowestTier: Int = 0
    /// Ever on a black list during the run; on one at the end; on one at the end because of a false record.
    public var everBlacklisted: Int = 0
    public var blacklistedAtEnd: Int = 0
    public var wronglyListedAtEnd: Int = 0
    /// Ever on a red list.
    public var everRedlisted: Int = 0
    /// People with at least one action blocked, and the number of blocks.
    public var sanctioned: Int = 0
    public var blocks: Int = 0
    /// Sanctioned people who also had at least one false record attached.
    public var sanctionedWithFalseRecords: Int = 0
    /// People rewarded at least once, and the number of rewards.
    public var rewarded: Int = 0
    public var rewards: Int = 0
    /// People with at least one record, and the number of records.
    public var recorded: Int = 0
    public var records: Int = 0
    /// People with at least one false (misattributed) record, and the number of false records.
    public var falselyRecorded: Int = 0
    public var falseRecords: Int = 0
    /// People reached at the end by a spillover that blocks an action, that rewards one, that
    /// takes points, and that caps their tier.
    public var spilloverBlocked: Int = 0
    public var spilloverRewarded: Int = 0
    public var spilloverPoints: Int = 0
    public var spilloverCeiling: Int = 0

    /// An empty tally for a group.
    public init(dimension: String, group: String) {
        self.dimension = dimension
        self.group = group
    }

    /// The counts in a fixed order (the `group_tally` columns after `dimension` and `group`).
    public var counts: [Int] {
        [
            people, scored, scoreSum, lowestTier, everBlacklisted, blacklistedAtEnd, wronglyListedAtEnd, everRedlisted,
            sanctioned, blocks, sanctionedWithFalseRecords, rewarded, rewards, recorded, records, falselyRecorded,
            falseRecords, spilloverBlocked, spilloverRewarded, spilloverPoints, spilloverCeiling,
        ]
    }

    /// A tally from its dimension, group and `counts` in the same order.
    public init(dimension: String, group: String, counts c: [Int]) {
        self.init(dimension: dimension, group: group)
        guard c.count == Self.countNames.count else { return }
        (people, scored, scoreSum, lowestTier, everBlacklisted, blacklistedAtEnd, wronglyListedAtEnd, everRedlisted) = (
            c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]
        )
        (sanctioned, blocks, sanctionedWithFalseRecords, rewarded, rewards, recorded, records) = (
            c[8], c[9], c[10], c[11], c[12], c[13], c[14]
        )
        (falselyRecorded, falseRecords, spilloverBlocked, spilloverRewarded, spilloverPoints, spilloverCeiling) = (
            c[15], c[16], c[17], c[18], c[19], c[20]
        )
    }

    /// Column names of `counts`, as stored (snake case).
    public static let countNames = [
        "people", "scored", "score_sum", "lowest_tier", "ever_blacklisted", "blacklisted_at_end",
        "wrongly_listed_at_end", "ever_redlisted", "sanctioned", "blocks", "sanctioned_with_false_records",
        "rewarded", "rewards", "recorded", "records", "falsely_recorded", "false_records", "spillover_blocked",
        "spillover_rewarded", "spillover_points", "spillover_ceiling",
    ]

    /// The columns of `countNames` that may be negative: a scenario's score range may reach below
    /// zero, and so may the sum of final scores. Every other column counts people or events.
    public static let signedCountNames: Set<String> = ["score_sum"]

    /// Adds another tally's counts (same group, another chunk of people).
    package mutating func add(_ other: GroupTally) {
        self = GroupTally(dimension: dimension, group: group, counts: zip(counts, other.counts).map { $0 + $1 })
    }

    /// The age groups, by age in years at the run's end: lower bounds and labels.
    public static let ageGroups: [(from: Int, label: String)] = [
        (0, "0-17"), (18, "18-29"), (30, "30-44"), (45, "45-59"), (60, "60+"),
    ]
}

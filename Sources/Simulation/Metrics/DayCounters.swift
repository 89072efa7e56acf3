import SocialCredit

/// Counts of what happened in one day in one chunk of subjects; chunks' counters are added in
/// chunk order, so totals do not depend on the thread count.
struct DayCounters: Sendable {
    var behaviors: [Int]
    var records: [Int]
    /// False records per source (what `records.source_false.<id>` and the report's errors by
    /// operator count).
    var falseBySource: [Int]
    var falseRecords = 0
    var judgedOtherwise = 0
    var pointsAdded = 0
    var pointsDeducted = 0
    var listEntries: [Int]
    var listRemovals: [Int]
    var wrongfulListings = 0
    var attempts: [Int]
    var blocked: [Int]
    var wrongfulBlocked: [Int]
    var rewards: [Int]
    /// Rewards granted per reward measure: an attempt rewarded counts once for each reward
    /// measure in force on it (its `benefit` is granted that many times).
    var grants: [Int]
    var appealsFiled = 0
    var appealsFiledFalse = 0
    var appealsOverturned = 0
    var appealsOverturnedFalse = 0
    /// Appeals against judgements that added points, filed and overturned (counted apart from
    /// appeals against sanctions: docs/metrics.md, Errors).
    var appealsFiledAdded = 0
    var appealsOverturnedAdded = 0
    var expired = 0

    /// Zero counts for a scenario's behaviours, sources, lists, actions and measures.
    init(for scenario: Scenario) {
        func zeros(_ count: Int) -> [Int] { [Int](repeating: 0, count: count) }
        behaviors = zeros(scenario.behaviors.count)
        records = zeros(scenario.sources.count)
        falseBySource = zeros(scenario.sources.count)
        listEntries = zeros(scenario.lists.count)
        listRemovals = zeros(scenario.lists.count)
        attempts = zeros(scenario.actions.count)
        blocked = zeros(scenario.actions.count)
        wrongfulBlocked = zeros(scenario.actions.count)
        rewards = zeros(scenario.actions.count)
        grants = zeros(scenario.measures.count)
    }

    mutating func add(_ other: DayCounters) {
        func sum(_ a: inout [Int], _ b: [Int]) { for i in a.indices { a[i] += b[i] } }
        sum(&behaviors, other.behaviors)
        sum(&records, other.records)
        sum(&falseBySource, other.falseBySource)
        sum(&listEntries, other.listEntries)
        sum(&listRemovals, other.listRemovals)
        sum(&attempts, other.attempts)
        sum(&blocked, other.blocked)
        sum(&wrongfulBlocked, other.wrongfulBlocked)
        sum(&rewards, other.rewards)
        sum(&grants, other.grants)
        falseRecords += other.falseRecords
        judgedOtherwise += other.judgedOtherwise
        pointsAdded += other.pointsAdded
        pointsDeducted += other.pointsDeducted
        wrongfulListings += other.wrongfulListings
        appealsFiled += other.appealsFiled
        appealsFiledFalse += other.appealsFiledFalse
        appealsOverturned += other.appealsOverturned
        appealsOverturnedFalse += other.appealsOverturnedFalse
        appealsFiledAdded += other.appealsFiledAdded
        appealsOverturnedAdded += other.appealsOverturnedAdded
        expired += other.expired
    }
}

extension DayCounters {
    /// The array counters in a fixed order, for checkpoints.
    var arrays: [[Int]] {
        [
            behaviors, records, listEntries, listRemovals, attempts, blocked, wrongfulBlocked, rewards, falseBySource,
            grants,
        ]
    }

    /// The scalar counters in a fixed order, for checkpoints.
    var scalars: [Int] {
        [
            falseRecords, judgedOtherwise, pointsAdded, pointsDeducted, wrongfulListings, appealsFiled,
            appealsFiledFalse,
            appealsOverturned, appealsOverturnedFalse, expired, appealsFiledAdded, appealsOverturnedAdded,
        ]
    }

    mutating func restore(arrays a: [[Int]], scalars s: [Int]) throws {
        guard a.count == 10, s.count == 12, zip(a, arrays).allSatisfy({ $0.count == $1.count }) else {
            throw CheckpointError("the checkpoint's counters do not match the scenario")
        }
        behaviors = a[0]
        records = a[1]
        listEntries = a[2]
        listRemovals = a[3]
        attempts = a[4]
        blocked = a[5]
        wrongfulBlocked = a[6]
        rewards = a[7]
        falseBySource = a[8]
        grants = a[9]
        falseRecords = s[0]
        judgedOtherwise = s[1]
        pointsAdded = s[2]
        pointsDeducted = s[3]
        wrongfulListings = s[4]
        appealsFiled = s[5]
        appealsFiledFalse = s[6]
        appealsOverturned = s[7]
        appealsOverturnedFalse = s[8]
        expired = s[9]
        appealsFiledAdded = s[10]
        appealsOverturnedAdded = s[11]
    }
}

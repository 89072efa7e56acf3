/// Counts of what happened in one day in one chunk of subjects; chunks' counters are added in
/// chunk order, so totals do not depend on the thread count.
struct DayCounters: Sendable {
    var behaviors: [Int]
    var records: [Int]
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
    var appealsFiled = 0
    var appealsFiledFalse = 0
    var appealsOverturned = 0
    var appealsOverturnedFalse = 0
    var expired = 0

    init(behaviors: Int, sources: Int, lists: Int, actions: Int) {
        self.behaviors = [Int](repeating: 0, count: behaviors)
        records = [Int](repeating: 0, count: sources)
        listEntries = [Int](repeating: 0, count: lists)
        listRemovals = [Int](repeating: 0, count: lists)
        attempts = [Int](repeating: 0, count: actions)
        blocked = [Int](repeating: 0, count: actions)
        wrongfulBlocked = [Int](repeating: 0, count: actions)
        rewards = [Int](repeating: 0, count: actions)
    }

    mutating func add(_ other: DayCounters) {
        func sum(_ a: inout [Int], _ b: [Int]) { for i in a.indices { a[i] += b[i] } }
        sum(&behaviors, other.behaviors)
        sum(&records, other.records)
        sum(&listEntries, other.listEntries)
        sum(&listRemovals, other.listRemovals)
        sum(&attempts, other.attempts)
        sum(&blocked, other.blocked)
        sum(&wrongfulBlocked, other.wrongfulBlocked)
        sum(&rewards, other.rewards)
        falseRecords += other.falseRecords
        judgedOtherwise += other.judgedOtherwise
        pointsAdded += other.pointsAdded
        pointsDeducted += other.pointsDeducted
        wrongfulListings += other.wrongfulListings
        appealsFiled += other.appealsFiled
        appealsFiledFalse += other.appealsFiledFalse
        appealsOverturned += other.appealsOverturned
        appealsOverturnedFalse += other.appealsOverturnedFalse
        expired += other.expired
    }
}

extension DayCounters {
    /// The array counters in a fixed order, for checkpoints.
    var arrays: [[Int]] { [behaviors, records, listEntries, listRemovals, attempts, blocked, wrongfulBlocked, rewards] }

    /// The scalar counters in a fixed order, for checkpoints.
    var scalars: [Int] {
        [falseRecords, judgedOtherwise, pointsAdded, pointsDeducted, wrongfulListings, appealsFiled, appealsFiledFalse,
         appealsOverturned, appealsOverturnedFalse, expired]
    }

    mutating func restore(arrays a: [[Int]], scalars s: [Int]) throws {
        guard a.count == 8, s.count == 10, zip(a, arrays).allSatisfy({ $0.count == $1.count }) else {
            throw CheckpointError("the checkpoint's counters do not match the scenario")
        }
        behaviors = a[0]; records = a[1]; listEntries = a[2]; listRemovals = a[3]
        attempts = a[4]; blocked = a[5]; wrongfulBlocked = a[6]; rewards = a[7]
        falseRecords = s[0]; judgedOtherwise = s[1]; pointsAdded = s[2]; pointsDeducted = s[3]; wrongfulListings = s[4]
        appealsFiled = s[5]; appealsFiledFalse = s[6]; appealsOverturned = s[7]; appealsOverturnedFalse = s[8]; expired = s[9]
    }
}

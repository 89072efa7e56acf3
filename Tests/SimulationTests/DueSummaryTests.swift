import MemoryHints
import SocialCredit
import Testing

@testable import Simulation

/// The scan's summary of due days by group of sixteen subjects, and the look at one group.
@Suite("Due summary")
struct DueSummaryTests {
    /// Sixteen behaviour and sixteen action codes (lanes not given are 0: nothing scheduled),
    /// today's key, and the subjects due and earliest later key worked out by hand.
    struct Case: Sendable, CustomTestStringConvertible {
        let behavior: [Int: Int16]
        let action: [Int: Int16]
        let today: UInt16
        let due: [Int]
        let later: UInt16
        var testDescription: String { "due \(due), later \(later)" }
    }

    static let cases: [Case] = [
        // Nothing scheduled anywhere: nobody due, no later day.
        Case(behavior: [:], action: [:], today: 4, due: [], later: 0xFFFF),
        // Code 5 is key 4: a due day (lane 0) and a refresh day (lane 3, negated) are both due;
        // a past day (code 3) is neither due nor later; the earliest later day is code 7 (key 6).
        Case(behavior: [0: 5, 3: -5, 7: 3, 9: 9], action: [12: 7, 15: -8], today: 4, due: [0, 3], later: 6),
        // Due through the action column only, in the last lane; a later refresh (code -6) is key 5.
        Case(behavior: [2: -6], action: [15: 5], today: 4, due: [15], later: 5),
        // Keys at the top of the range compare unsigned: code 32,000 is later than code 2.
        Case(behavior: [1: 32000, 4: 2], action: [4: -1], today: 0, due: [4], later: 1),
        Case(behavior: [6: 32000], action: [:], today: 1, due: [], later: 31999),
    ]

    @Test("A look at a group's two columns finds today's subjects and the earliest later day", arguments: cases)
    func group(_ c: Case) {
        let behavior = (0..<16).map { c.behavior[$0] ?? 0 }
        let action = (0..<16).map { c.action[$0] ?? 0 }
        var later: (behavior: UInt16, action: UInt16) = (0, 0)
        let mask = sclab_due_codes(behavior, c.today, &later.behavior) | sclab_due_codes(action, c.today, &later.action)
        #expect((0..<16).filter { mask & (1 << UInt32($0)) != 0 } == c.due)
        #expect(min(later.behavior, later.action) == c.later)
    }

    @Test("Each column's look gives its own earliest later day")
    func lanes() {
        // Behaviour: code 9 (key 8) later; action: a refresh at code -6 (key 5) later, code 5 due.
        let behavior = (0..<16).map { $0 == 3 ? Int16(9) : 0 }
        let action = (0..<16).map { $0 == 2 ? Int16(-6) : $0 == 11 ? 5 : 0 }
        var later: UInt16 = 0
        #expect(sclab_due_codes(behavior, 4, &later) == 0)
        #expect(later == 8)
        #expect(sclab_due_codes(action, 4, &later) == 1 << 11)
        #expect(later == 5)
    }

    /// Entries of 21 groups (two keys each), all after today (key 9) except those given as
    /// (group, lane, key); then where the search from each start finds the first open group.
    @Test(
        "The next open group: the first from the start with either key at or before today, or the end",
        arguments: [
            // None open: every start finds the end (21), across the eight-group steps and the tail.
            ([], [0: 21, 7: 21, 20: 21]),
            // Group 2 open in its action key (at today), group 13 in its behaviour key (before
            // today, a key left from a write), group 19 in the tail past the last full eight.
            ([(2, 1, 9), (13, 0, 3), (19, 0, 9)], [0: 2, 2: 2, 3: 13, 5: 13, 14: 19, 20: 21]),
            // Key 0xFFFF (nothing later) never opens; key 0 always does: unsigned keys.
            ([(4, 0, 0xFFFF), (6, 1, 0)], [0: 6, 7: 21]),
        ] as [([(Int, Int, UInt16)], [Int: Int])]
    )
    func nextOpen(open: [(Int, Int, UInt16)], expected: [Int: Int]) {
        var entries = [UInt16](repeating: 40, count: 2 * 21)
        for (group, lane, key) in open { entries[2 * group + lane] = key }
        for (start, found) in expected {
            #expect(sclab_next_open(entries, start, 21, 9) == found, "from group \(start)")
        }
        // A search that ends early stops there.
        #expect(sclab_next_open(entries, 0, 1, 9) == (open.contains { $0.0 == 0 } ? 0 : 1))
    }

    @Test("Groups go by whole-society index, so a shard's first group is short")
    func groups() {
        // The shard's first subject is the society's 1,030th: 1,030 = 64 x 16 + 6.
        let summary = DueSummary(count: 40, first: 1030)
        #expect(summary.groups == 3 && summary.entries.count == 6)  // subjects 0-9, 10-25, 26-39
        #expect(summary.subjects(of: 0, count: 40) == 0..<10)
        #expect(summary.subjects(of: 1, count: 40) == 10..<26)
        #expect(summary.subjects(of: 2, count: 40) == 26..<40)
        #expect(summary.group(9) == 0 && summary.group(10) == 1 && summary.group(39) == 2)
        // A chunk boundary (a multiple of 1,024 in the society, here 2,048 - 1,030 = 1,018) starts a group.
        let wide = DueSummary(count: 2000, first: 1030)
        #expect(wide.group(1017) < wide.group(1018))
        #expect(wide.subjects(of: wide.group(1018), count: 2000).lowerBound == 1018)
    }

    @Test("A write lowers its group's entry for its column, never raises it; reset opens every group")
    func writes() {
        let summary = DueSummary(count: 32, first: 0)
        let behavior = ScheduleColumn(count: 32, origin: 100, due: summary, lane: ScheduleColumn.behaviorLane)
        let action = ScheduleColumn(count: 32, origin: 100, due: summary, lane: ScheduleColumn.actionLane)
        summary.entries.base.update(repeating: 0xFFFF, count: summary.entries.count)
        behavior[20] = 110  // code 11, key 10
        #expect(summary.entry(1, lane: 0) == 10 && summary.entry(1, lane: 1) == 0xFFFF)
        behavior[21] = -105  // a refresh: code -6, key 5
        #expect(summary.entry(1, lane: 0) == 5)
        behavior[20] = 130
        #expect(summary.entry(1, lane: 0) == 5)  // a lower bound: the scan makes it exact
        action[3] = 107  // code 8, key 7: group 0's action entry only
        #expect(summary.entry(0, lane: 1) == 7 && summary.entry(0, lane: 0) == 0xFFFF)
        #expect(summary.entry(1, lane: 1) == 0xFFFF)
        summary.reset()
        #expect((0..<2).allSatisfy { g in (0..<2).allSatisfy { summary.entry(g, lane: $0) == 0 } })
    }

    @Test("After a run, every group's entry is at most the earliest day still to come in it")
    func lowerBound() throws {
        let simulation = try LoopProfileTests.run(rate: 12, end: "2016-06-30")
        let state = simulation.people
        let today = DueSummary.key(state.nextBehavior.code(simulation.today.number))
        var checked = 0
        for subject in 0..<state.count {
            for column in [state.nextBehavior, state.nextAction] {
                let code = column.column[subject]
                let key = DueSummary.key(code)
                guard code != 0, key >= today else { continue }
                #expect(state.due.entry(state.due.group(subject), lane: column.lane) <= key)
                checked += 1
            }
        }
        #expect(checked >= 100)  // everyone has a behaviour day to come
    }

    @Test("Every subject due is run on its day: no schedule code is left at or before the last day run")
    func nothingLeftBehind() throws {
        var attempts = 0
        let found = try GateRefreshTests.monthEnds("seed-article", months: 6) { simulation, end in
            var left: [String] = []
            for (kind, state) in [("person", simulation.people), ("company", simulation.companies)] {
                for subject in 0..<state.count {
                    for (name, column) in [("behaviour", state.nextBehavior), ("action", state.nextAction)] {
                        let day = column[subject]  // negative: a refresh day
                        guard day != 0 else { continue }
                        if day.magnitude <= end.number.magnitude {
                            left.append("\(kind) \(subject)'s \(name) on \(day)")
                        }
                    }
                }
            }
            attempts = simulation.profile.actionEvents
            return left
        }
        let leftBehind = found.count
        #expect(leftBehind == 0, "first: \(found.prefix(5))")
        // The case is real: action attempts ran (through gates), not behaviour events alone.
        #expect(attempts > 100)
    }
}

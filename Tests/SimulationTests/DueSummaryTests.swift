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

    @Test("One group's look finds today's subjects and the earliest later day", arguments: cases)
    func group(_ c: Case) {
        let behavior = (0..<16).map { c.behavior[$0] ?? 0 }
        let action = (0..<16).map { c.action[$0] ?? 0 }
        var later: UInt16 = 0
        let mask = sclab_due_group(behavior, action, c.today, &later)
        #expect((0..<16).filter { mask & (1 << UInt32($0)) != 0 } == c.due)
        #expect(later == c.later)
    }

    @Test("Groups go by whole-society index, so a shard's first group is short")
    func groups() {
        // The shard's first subject is the society's 1,030th: 1,030 = 64 x 16 + 6.
        let summary = DueSummary(count: 40, first: 1030)
        #expect(summary.entries.count == 3)  // subjects 0-9, 10-25, 26-39
        #expect(summary.subjects(of: 0, count: 40) == 0..<10)
        #expect(summary.subjects(of: 1, count: 40) == 10..<26)
        #expect(summary.subjects(of: 2, count: 40) == 26..<40)
        #expect(summary.group(9) == 0 && summary.group(10) == 1 && summary.group(39) == 2)
        // A chunk boundary (a multiple of 1,024 in the society, here 2,048 - 1,030 = 1,018) starts a group.
        let wide = DueSummary(count: 2000, first: 1030)
        #expect(wide.group(1017) < wide.group(1018))
        #expect(wide.subjects(of: wide.group(1018), count: 2000).lowerBound == 1018)
    }

    @Test("A write lowers its group's entry, never raises it; reset opens every group")
    func writes() {
        let summary = DueSummary(count: 32, first: 0)
        let column = ScheduleColumn(count: 32, origin: 100, due: summary)
        summary.entries[1] = 0xFFFF
        column[20] = 110  // code 11, key 10
        #expect(summary.entries[1] == 10)
        column[21] = -105  // a refresh: code -6, key 5
        #expect(summary.entries[1] == 5)
        column[20] = 130
        #expect(summary.entries[1] == 5)  // a lower bound: the scan makes it exact
        #expect(summary.entries[0] == 0)
        summary.reset()
        #expect(summary.entries[1] == 0)
    }

    @Test("After a run, every group's entry is at most the earliest day still to come in it")
    func lowerBound() throws {
        let simulation = try LoopProfileTests.run(rate: 12, end: "2016-06-30")
        let state = simulation.people
        let today = DueSummary.key(state.nextBehavior.code(simulation.today.number))
        var checked = 0
        for subject in 0..<state.count {
            for code in [state.nextBehavior.column[subject], state.nextAction.column[subject]] {
                let key = DueSummary.key(code)
                guard code != 0, key >= today else { continue }
                #expect(state.due.entries[state.due.group(subject)] <= key)
                checked += 1
            }
        }
        #expect(checked >= 100)  // everyone has a behaviour day to come
    }
}

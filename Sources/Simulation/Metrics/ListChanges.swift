import SocialCredit
import Society

/// Entries and removals of condition-filled lists (red lists, honour boards, a black list for
/// the lowest tier) in one chunk of the month-end figures' pass (`MonthFigurePass`):
/// nobody enters them through a record, they are held while a condition holds, so they are
/// counted at month ends. A subject on such a list at this month end and not at the last one
/// entered it (`list.entries.<id>`, and it was ever on it); one on it then and not now left it
/// (`list.removals.<id>`). Stays shorter than a month between two month ends are not seen. The
/// standing counted is the month's (`Simulation.fullSnapshot`, spillovers included), the one
/// `list.size.<id>` counts, so the figures' pass counts both while it holds each standing.
struct ListChanges {
    /// Entries by list, then removals by list.
    private(set) var counts: [Int]
    let listCount: Int
    /// The condition-filled lists (bits by list); none: nothing is counted.
    let conditional: UInt8

    init(listCount: Int, conditional: UInt8) {
        self.listCount = listCount
        self.conditional = conditional
        counts = [Int](repeating: 0, count: conditional != 0 ? 2 * listCount : 0)
    }

    /// Counts a subject whose month-end standing is on `lists`, and keeps what it holds.
    @inline(__always) mutating func update(_ subject: Int, lists: UInt8, _ state: SubjectState) {
        guard conditional != 0 else { return }
        let held = lists & conditional
        let before = state.conditionalHeld[subject]
        guard held != before else { return }
        var entered = held & ~before
        var left = before & ~held
        while entered != 0 {
            counts[entered.trailingZeroBitCount] += 1
            entered &= entered - 1
        }
        while left != 0 {
            counts[listCount + left.trailingZeroBitCount] += 1
            left &= left - 1
        }
        state.conditionalHeld[subject] = held
        state.everListed[subject] |= held
    }

    /// Counts the `members` of word `word` (of a kind of `count` subjects), who all stand on
    /// `lists` (a slot of untouched subjects). Nothing to do where every subject of a full word
    /// held the slot's lists at the last month end (the word's other slot is most often the same).
    @inline(__always) mutating func update(
        word: Int,
        members: UInt64,
        lists: UInt8,
        count: Int,
        _ state: SubjectState
    ) {
        guard conditional != 0 else { return }
        let held = lists & conditional
        let full = word &<< 6 &+ 64 <= count
        if full && ByteLanes.allSixtyFour(state.conditionalHeld.base + word &<< 6, equal: held) { return }
        var bits = members
        while bits != 0 {
            update(word &<< 6 | bits.trailingZeroBitCount, lists: held, state)
            bits &= bits &- 1
        }
    }

    /// Adds another chunk's counts.
    mutating func add(_ other: ListChanges) {
        for k in counts.indices { counts[k] += other.counts[k] }
    }
}

extension DayCounters {
    /// Adds a month end's entries and removals of condition-filled lists.
    mutating func add(_ changes: ListChanges) {
        guard !changes.counts.isEmpty else { return }
        for l in 0..<changes.listCount {
            listEntries[l] += changes.counts[l]
            listRemovals[l] += changes.counts[changes.listCount + l]
        }
    }
}

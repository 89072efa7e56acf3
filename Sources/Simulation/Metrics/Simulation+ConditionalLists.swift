import SocialCredit
import Society

extension Simulation {
    /// Entries and removals of condition-filled lists (red lists, honour boards, a black list for
    /// the lowest tier): nobody enters them through a record, they are held while a condition
    /// holds, so they are counted at month ends. A subject on such a list at this month end and
    /// not at the last one entered it (`list.entries.<id>`, and it was ever on it); one on it then
    /// and not now left it (`list.removals.<id>`). Stays shorter than a month between two month
    /// ends are not seen. The standing counted is the month's (`fullSnapshot`, spillovers
    /// included), the one `list.size.<id>` counts. Run after `takeSnapshots`, before the metrics.
    ///
    /// Subjects that no spillover moves and the system never touched (`untouched`'s `still`)
    /// hold their slot's lists: a word of them whose conditional lists held at the last month
    /// end were all the slot's is passed over at once.
    mutating func countConditionalLists(_ untouched: UntouchedSubjects) {
        let conditional = model.conditionalMask
        guard conditional != 0 else { return }
        let listCount = model.listCount
        let origin = self.origin
        for kind in [Kind.people, .companies] {
            let context = reader(kind)
            let state = context.state
            let snapshot = kind == .people ? peopleSnapshot : companySnapshot
            let words = untouched[kind]
            let slots = words.representative.map { ($0.map { snapshot[$0].lists } ?? 0) & conditional }
            // Counts in fixed chunks, added in chunk order: the same at any thread count.
            let partials: [[Int]] = ParallelChunks(threads: config.threads).mapChunks(
                count: words.wordCount,
                chunks: 64
            ) { range in
                var counts = [Int](repeating: 0, count: 2 * listCount)  // entries, then removals
                @inline(__always) func update(_ subject: Int, _ held: UInt8, _ counts: inout [Int]) {
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
                // Plain loops, not `visit`'s closures: the counts stay a local variable.
                for word in range {
                    let split = words.split(word, plain: words.still)
                    for k in 0..<2 {
                        let (slot, members) = split.slot(enrolled: k == 0)
                        guard members != 0 else { continue }
                        let held = slots[slot]
                        // Nothing to do where every subject of the word held the slot's lists (the
                        // word's other slot is most often the same).
                        let full = word &<< 6 &+ 64 <= words.count
                        if full && ByteLanes.allSixtyFour(state.conditionalHeld.base + word &<< 6, equal: held) {
                            continue
                        }
                        var bits = members
                        while bits != 0 {
                            update(word &<< 6 | bits.trailingZeroBitCount, held, &counts)
                            bits &= bits &- 1
                        }
                    }
                    var rest = split.rest
                    while rest != 0 {
                        let subject = word &<< 6 | rest.trailingZeroBitCount
                        rest &= rest &- 1
                        let full = Self.fullSnapshot(subject, own: snapshot[subject], context, origin: origin)
                        update(subject, full.lists & conditional, &counts)
                    }
                }
                return counts
            }
            for partial in partials {
                for l in 0..<listCount {
                    month.listEntries[l] += partial[l]
                    month.listRemovals[l] += partial[listCount + l]
                }
            }
        }
    }
}

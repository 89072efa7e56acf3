import SocialCredit
import Society

/// The month's figures of one kind (scores, tiers, lists and notices with the spillovers in
/// force, and the entries and removals of condition-filled lists), counted word by word as the
/// snapshot pass (`Simulation.takeSnapshots`) writes each word's snapshots: a touched subject's
/// entries are then read while they are close at hand, not again from memory in a pass of their
/// own (which took 109-157 ms a year at 10,000,000 people of the seed scenario).
///
/// Untouched subjects that no spillover moves (`UntouchedWords.still`) are counted a word at a
/// time, as so many of their slot's standing; a standing already answered in a chunk reuses its
/// notices (`StandingMemo`). Counts are whole numbers, so their sums do not depend on chunks or
/// threads.
struct MonthFigurePass {
    /// Whether score figures are counted (the kind has subjects somewhere in the society), and
    /// notices and wrongful listings (people always: a false record can list anyone).
    let counted: Bool
    let noticed: Bool
    /// Whether any notice reaches the kind (`Simulation.givesNotices`).
    let gives: Bool
    /// The score scale's minimum and its histogram's bin width (`StandingTally`).
    let minimum: Int
    let width: BinWidth
    /// How many tiers, lists and notice channels there are to count.
    let tierCount: Int
    let listCount: Int
    let channels: Int
    /// The condition-filled lists (`ListChanges`).
    let conditional: UInt8
    /// Whether a condition counts clean days (`StandingMemo`'s key then holds the last negative day).
    let cleanDays: Bool
    /// The run's first day, as snapshots count days from it.
    let origin: Int32
    /// The kind's untouched subjects at this month end.
    let words: UntouchedWords
    /// A reader of the kind's standings.
    let context: EventContext
    /// The kind's state, held here: a copy made per word (`context.state`) would retain and
    /// release each of its columns, and two threads doing so fight over the counts.
    let state: SubjectState
    /// Each slot's standing (as its representative's snapshot), and its notices.
    let slots: [StandingSnapshot]
    let noticeSlots: [UInt64]

    /// Counts of one chunk.
    struct Counts {
        var standing: StandingTally
        var notices: [Int]
        var wrongly = 0
        var lists: ListChanges
        var memo: StandingMemo
    }

    /// The figures' settings for `kind` at this month end, with slots' standings from `slots`
    /// (nil where a slot has no representative); nil when the kind has no subjects anywhere and
    /// gives no notices.
    init?(_ simulation: Simulation, _ kind: Simulation.Kind, _ words: UntouchedWords, slots: [OwnSnapshot?]) {
        let isPeople = kind == .people
        let subjectKind: SubjectKind = isPeople ? .people : .companies
        let population = simulation.population
        let model = simulation.model
        // The whole society's count, not the shard's: every shard must take part in the sums.
        counted = (isPeople ? population.totalPeople : population.totalCompanies) > 0
        gives = simulation.givesNotices(subjectKind)
        noticed = isPeople || gives
        guard counted || noticed else { return nil }
        let scale = model.policy.scale(for: subjectKind)
        width = BinWidth(scale.map { StandingTally.binWidth(minimum: $0.minimum, maximum: $0.maximum) } ?? 1)
        minimum = scale?.minimum ?? 0
        tierCount = scale?.tiers.count ?? 0
        listCount = model.scenario.lists.count
        channels = model.policy.noticeChannels.count
        conditional = model.conditionalMask
        cleanDays = model.programs.usesCleanDays
        origin = simulation.origin
        self.words = words
        let context = simulation.reader(kind)
        self.context = context
        state = context.state
        self.slots = slots.map { $0?.snapshot ?? StandingSnapshot() }
        var noticeSlots = [UInt64](repeating: 0, count: slots.count)
        // Rating tiers as the rating snapshot keeps them (none kept without ratings).
        let rated = state.ratingSnapshot.count > 0
        for (slot, own) in slots.enumerated() {
            guard let own, let representative = words.representative[slot] else { continue }
            noticeSlots[slot] = Self.notices(
                own.snapshot,
                rated ? own.ratings : UInt64.max,
                words.province(of: representative, context),
                gives: gives,
                context,
                origin: origin
            )
        }
        self.noticeSlots = noticeSlots
    }

    /// The notices a subject with month-end standing `s` and rating tiers `ratings` gets in
    /// province `province` (`Policy.notices`, as credit reports give them).
    @inline(__always) static func notices(
        _ s: StandingSnapshot,
        _ ratings: UInt64,
        _ province: Int,
        gives: Bool,
        _ context: EventContext,
        origin: Int32
    ) -> UInt64 {
        guard mayGetNotices(s, gives: gives) else { return 0 }
        return context.notices(Simulation.view(s, origin: origin, ratings: ratings), province: province)
    }

    /// Whether a subject with month-end standing `s` can get any notice: some notice reaches its
    /// kind (`gives`), and it is on a list or scored.
    @inline(__always) static func mayGetNotices(_ s: StandingSnapshot, gives: Bool) -> Bool {
        gives && (s.lists != 0 || s.tier != 0xFF)
    }

    /// Empty counts for a chunk.
    func counts() -> Counts {
        Counts(
            standing: StandingTally(tiers: tierCount, lists: listCount),
            notices: [Int](repeating: 0, count: channels),
            lists: ListChanges(listCount: listCount, conditional: conditional),
            memo: StandingMemo(cleanDays: cleanDays)
        )
    }

    /// Counts the subjects of word `word`, whose month-end snapshots `snapshot` holds.
    @inline(__always) func count(word: Int, _ snapshot: SharedColumn<StandingSnapshot>, into c: inout Counts) {
        let split = words.split(word, plain: words.still)
        for k in 0..<2 {
            let (slot, members) = split.slot(enrolled: k == 0)
            guard members != 0 else { continue }
            let n = members.nonzeroBitCount
            let s = slots[slot]
            if counted { c.standing.add(s, n, minimum: minimum, width: width) }
            if noticed { StandingTally.add(notices: noticeSlots[slot], n, to: &c.notices) }
            c.lists.update(word: word, members: members, lists: s.lists, count: words.count, state)
        }
        var rest = split.rest
        while rest != 0 {
            let subject = word &<< 6 | rest.trailingZeroBitCount
            rest &= rest &- 1
            // None of the untouched is on a list because of a false record (they have none).
            let s = Simulation.fullSnapshot(subject, own: snapshot[subject], context, origin: origin)
            if counted { c.standing.add(s, 1, minimum: minimum, width: width) }
            c.lists.update(subject, lists: s.lists, state)
            guard noticed else { continue }
            if s.lists != 0 && s.lists & state.listFalse[subject] != 0 { c.wrongly += 1 }
            // Province, ratings and the memo are read only where a notice can come of them.
            guard Self.mayGetNotices(s, gives: gives) else { continue }
            let province = words.province(of: subject, context)
            let ratings = state.ratingSnapshot.count > 0 ? state.ratingSnapshot[subject] : UInt64.max
            let answer = c.memo.answer(s, ratings, province) {
                Self.notices(s, ratings, province, gives: gives, context, origin: origin)
            }
            StandingTally.add(notices: answer, 1, to: &c.notices)
        }
    }

    /// The figures from the chunks' counts (in any order), summed over the shards by `sum`
    /// (every shard calls it once per kind that has figures); list changes stay the shard's.
    func figures(_ chunks: [Counts], sum: ([Int]) -> [Int]) -> MonthFigures {
        var total = counts()
        for chunk in chunks {
            total.standing.add(chunk.standing)
            for k in total.notices.indices { total.notices[k] += chunk.notices[k] }
            total.wrongly += chunk.wrongly
            total.lists.add(chunk.lists)
        }
        let summed = sum((counted ? total.standing.flat : []) + (noticed ? total.notices + [total.wrongly] : []))
        let flat = counted ? total.standing.flat.count : 0
        return MonthFigures(
            standing: counted ? StandingTally(Array(summed[0..<flat]), like: total.standing) : nil,
            notices: noticed ? Array(summed[flat..<(flat + channels)]) : nil,
            wrongly: noticed ? summed[flat + channels] : 0,
            listChanges: total.lists
        )
    }
}

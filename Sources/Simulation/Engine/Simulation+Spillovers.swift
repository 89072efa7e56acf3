import MemoryHints
import SocialCredit
import Society

/// Which people meet each test that reaches others through a person link, one bit per person
/// per test (a *plane*), read off this month's snapshots once.
///
/// A person's spillovers ask the same question of each parent, the spouse and every friend
/// (a friend of eleven is asked eleven times a month); answering it once per person and keeping
/// the answers as bits (1.25 MB per test at 10 million people) lets the month-end pass look
/// each linked person up in a table that stays in the processor's cache, instead of reading
/// their snapshot far away in memory and running the test again.
struct LinkBits: Sendable {
    /// Words of 64 people, plane after plane: `planes * wordsPerPlane` words.
    let words: [UInt64]
    let wordsPerPlane: Int

    /// One bit per person: whether any plane's bit differs from `old`'s (all set when the two
    /// do not have the same planes).
    func changed(since old: LinkBits) -> [UInt64] {
        guard old.words.count == words.count, wordsPerPlane > 0 else {
            return [UInt64](repeating: UInt64.max, count: wordsPerPlane)
        }
        var changed = [UInt64](repeating: 0, count: wordsPerPlane)
        for index in words.indices where words[index] != old.words[index] {
            changed[index % wordsPerPlane] |= words[index] ^ old.words[index]
        }
        return changed
    }

    /// Whether `person` meets the test of `plane`.
    @inline(__always) func test(_ plane: Int, _ person: UInt32) -> Bool {
        Self.bit(words, from: plane &* wordsPerPlane, person)
    }

    /// Whether `person`'s bit is set in the plane of `words` starting at word `base`; never for
    /// `Population.none` (no parent, spouse or employer). The one bit test of `LinkBits` and
    /// `PersonBits`.
    @inline(__always) static func bit(_ words: [UInt64], from base: Int, _ person: UInt32) -> Bool {
        person != Population.none && words[base &+ Int(person >> 6)] & (1 << UInt64(person & 63)) != 0
    }

    /// How many of a person's friends meet the test of `plane`, and how many friends they have.
    @inline(__always) func count(
        _ plane: Int,
        friendsOf person: Int,
        _ rows: FriendRows
    ) -> (meeting: Int, friends: Int) {
        let base = plane &* wordsPerPlane
        var meeting = 0
        let friends = rows.forEachFriend(of: person) { friend in
            meeting &+= Int(truncatingIfNeeded: (words[base &+ (friend >> 6)] >> UInt64(friend & 63)) & 1)
        }
        return (meeting, friends)
    }
}

/// What the last month end's spillover pass read (`Simulation.recomputeSpillovers`), so the
/// next one looks only at people for whom something could have changed. Not saved in
/// checkpoints: a restored run's first pass looks at everyone.
struct SpilloverMemory: Sendable {
    /// The model the pass ran under (a policy switch changes the tests and effects).
    let model: ObjectIdentifier
    /// The people's test bits, and per employer-linked spillover which companies met its test
    /// (a plane of `LinkBits` over companies).
    let people: LinkBits
    let companies: LinkBits
    /// Which spillovers were in force where (`RunModel.DayTables.spillovers`).
    let inForce: [Bool]
}

/// Bits over people: a plain bitset that the month-end pass reads and marks.
struct PersonBits: Sendable {
    var words: [UInt64]

    /// No one (or, with `all`, everyone) of `count` people.
    init(count: Int, all: Bool = false) { words = [UInt64](repeating: all ? UInt64.max : 0, count: (count + 63) / 64) }

    /// The set whose words are given.
    init(words: [UInt64]) { self.words = words }

    @inline(__always) func contains(_ person: UInt32) -> Bool { LinkBits.bit(words, from: 0, person) }

    @inline(__always) mutating func insert(_ person: Int) { words[person >> 6] |= 1 << UInt64(person & 63) }

    /// People in the set, in order.
    var members: [Int] { Array(members(in: words.indices, below: Int.max)) }

    /// People in the set whose words are in `range` and whose index is below `count`, in order.
    func members(in range: Range<Int>, below count: Int) -> Members {
        Members(words: words, word: range.lowerBound, end: range.upperBound, bits: 0, count: count)
    }

    /// The people of a range of words, in order, without building an array.
    struct Members: Sequence, IteratorProtocol {
        let words: [UInt64]
        var word: Int
        let end: Int
        var bits: UInt64
        let count: Int

        mutating func next() -> Int? {
            while bits == 0 {
                guard word < end else { return nil }
                bits = words[word]
                word += 1
            }
            let person = (word - 1) << 6 | bits.trailingZeroBitCount
            bits &= bits &- 1
            return person < count ? person : nil
        }
    }
}

extension Simulation {
    /// The bits of `LinkBits` for every person: plane k for the k-th test of `tests` (a program,
    /// or nil for "on a black list", the `relative_listed` trigger's question), from the people's
    /// snapshots (and rating snapshots) at this month end. Untouched people (`untouched`) have
    /// their slot's snapshot: their answers are worked out once per slot and set a word at a time;
    /// touched people sharing a standing share their answers too (`StandingMemo`). People whose
    /// snapshot was kept from the last month end (`kept`) keep their answers from `previous`, the
    /// bits of that month end's pass under the same model: the tests then read the snapshot alone,
    /// as a kept snapshot means no `clean_days` condition.
    func linkBits(
        _ tests: [Int?],
        _ untouched: UntouchedWords,
        kept: [UInt64] = [],
        previous: LinkBits? = nil
    ) -> LinkBits {
        let snapshot = peopleSnapshot
        let ratings = people.ratingSnapshot
        let model = self.model
        let day = today.number
        let origin = self.origin
        let cleanDays = model.programs.usesCleanDays
        let perPlane = (snapshot.count + 63) / 64
        @Sendable func rated(_ person: Int) -> UInt64 { ratings.count > 0 ? ratings[person] : UInt64.max }
        @Sendable func answers(_ own: StandingSnapshot, _ rated: UInt64) -> UInt32 {
            var mask: UInt32 = 0
            for (plane, test) in tests.enumerated() {
                let meets =
                    test.map { model.programs.holds($0, Self.view(own, origin: origin, ratings: rated), day: day) }
                    ?? (own.lists & model.blackMask != 0)
                if meets { mask |= 1 << UInt32(plane) }
            }
            return mask
        }
        let slots = untouched.representative.map { $0.map { answers(snapshot[$0], rated($0)) } ?? 0 }
        let planes = tests.count
        // Last month's answers stand for kept people only if they were given to the same tests.
        let previous = previous.flatMap { $0.words.count == planes * perPlane ? $0.words : nil }
        let kept = previous == nil ? [] : kept
        var words = [UInt64](repeating: 0, count: planes * perPlane)
        words.withUnsafeMutableBufferPointer { buffer in
            guard buffer.count > 0 else { return }
            let column = SharedColumn(buffer)
            @Sendable @inline(__always) func set(_ mask: UInt32, _ word: Int, _ bits: UInt64) {
                var mask = mask
                while mask != 0 {
                    column[mask.trailingZeroBitCount &* perPlane &+ word] |= bits
                    mask &= mask &- 1
                }
            }
            _ = ParallelChunks(threads: config.threads).mapChunks(count: perPlane) { range in
                var memo = StandingMemo(cleanDays: cleanDays)
                // Plain loops, not `visit`'s closures: the memo stays a local variable.
                for word in range {
                    // The next word's people are asked for while this word's are answered: they
                    // are scattered, and each would otherwise be a wait for memory.
                    let next = word &+ 1
                    if next < range.upperBound {
                        var ahead =
                            untouched.split(next, plain: untouched.own).rest & ~KeptSnapshots.members(kept, next)
                        while ahead != 0 {
                            let person = next &<< 6 | ahead.trailingZeroBitCount
                            ahead &= ahead &- 1
                            snapshot.prefetch(person)
                            if ratings.count > 0 { ratings.prefetch(person) }
                        }
                    }
                    let split = untouched.split(word, plain: untouched.own)
                    if split.enrolled != 0 { set(slots[split.enrolledSlot], word, split.enrolled) }
                    if split.other != 0 { set(slots[split.otherSlot], word, split.other) }
                    var rest = split.rest & ~KeptSnapshots.members(kept, word)
                    while rest != 0 {
                        let person = word &<< 6 | rest.trailingZeroBitCount
                        rest &= rest &- 1
                        let (own, rating) = (snapshot[person], rated(person))
                        let mask = memo.answer(own, rating, 0) { UInt64(answers(own, rating)) }
                        set(UInt32(truncatingIfNeeded: mask), word, UInt64(1) << UInt64(person & 63))
                    }
                }
                if let previous, !kept.isEmpty {
                    for word in range where kept[word] != 0 {
                        for plane in 0..<planes {
                            column[plane &* perPlane &+ word] |= previous[plane &* perPlane &+ word] & kept[word]
                        }
                    }
                }
                return 0
            }
        }
        return LinkBits(words: words, wordsPerPlane: perPlane)
    }

    /// Per employer-linked spillover (in `indices` order), which companies meet its test at this
    /// month end: planes of bits over companies.
    func companyBits(_ indices: [Int]) -> LinkBits {
        let count = population.companies.count
        let perPlane = (count + 63) / 64
        var words = [UInt64](repeating: 0, count: indices.count * perPlane)
        guard !indices.isEmpty else { return LinkBits(words: words, wordsPerPlane: perPlane) }
        let snapshot = companySnapshot
        let ratings = companies.ratingSnapshot
        let origin = self.origin
        let day = today.number
        let programs = model.programs
        let tests = indices.map { model.spilloverProgram[$0] }
        let plain = StandingSnapshot()
        let plainAnswers = tests.map { programs.holds($0, Self.view(plain, origin: origin), day: day) }
        words.withUnsafeMutableBufferPointer { buffer in
            guard buffer.count > 0 else { return }  // no companies
            let column = SharedColumn(buffer)
            // In parallel over words of companies: each chunk sets only its own words' bits.
            _ = ParallelChunks(threads: config.threads).mapChunks(count: perPlane) { range in
                for company in (range.lowerBound &* 64)..<min(count, range.upperBound &* 64) {
                    let own = snapshot[company]
                    let rated = ratings.count > 0 ? ratings[company] : UInt64.max
                    for (plane, test) in tests.enumerated() {
                        let meets =
                            rated == UInt64.max && own == plain
                            ? plainAnswers[plane]
                            : programs.holds(test, Self.view(own, origin: origin, ratings: rated), day: day)
                        if meets { column[plane &* perPlane &+ (company &>> 6)] |= 1 &<< UInt64(company & 63) }
                    }
                }
                return 0
            }
        }
        return LinkBits(words: words, wordsPerPlane: perPlane)
    }

    /// The tests of `LinkBits`' planes: a plane per spillover that tests people (its program),
    /// then one for relatives' listing (nil) when the `relative_listed` trigger is used; with the
    /// plane of each spillover (among the people's planes, or among `employed` for those that
    /// test employers) and the spillovers that test employers.
    func linkPlanes() -> (tests: [Int?], planes: [Int], employed: [Int]) {
        let spillovers = model.scenario.spillovers
        var planes = [Int](repeating: -1, count: spillovers.count)
        var tests: [Int?] = []
        var employed: [Int] = []
        for index in spillovers.indices {
            if LinkCode(spillovers[index].link) == .employer {
                planes[index] = employed.count
                employed.append(index)
            } else {
                planes[index] = tests.count
                tests.append(model.spilloverProgram[index])
            }
        }
        if model.usesRelativeTrigger { tests.append(nil) }
        return (tests, planes, employed)
    }

    /// What reaches each person from others at this month end: spillovers in force through
    /// relatives, friends and employers (point deltas, tier ceilings, and which block or reward
    /// effects reach them), and whether a parent or the spouse is on a black list (bit 2 of
    /// the event bits, for the `relative_listed` trigger, so an event reads it from its own
    /// record rather than from three relatives' snapshots).
    ///
    /// What reaches a person depends only on which of their relatives, friends and employer
    /// meet the tests, and on what is in force in their province. Those answers are kept from
    /// one month end to the next (`SpilloverMemory`), so only people for whom one of them
    /// changed are worked out again: a friend's change is passed to their friends (friendship
    /// is mutual: every tie is in both friends' rows), a relative's or employer's is seen in
    /// one pass over the links. Everyone else's result would come out the same.
    ///
    /// Returns the people whose spillovers changed (bits over people, none when there is no
    /// pass): those whose gate the month end looks at again (`GateCandidates`).
    @discardableResult
    mutating func recomputeSpillovers(_ untouched: UntouchedWords, kept: [UInt64] = []) -> [UInt64] {
        let spillovers = model.scenario.spillovers
        let relatives = model.usesRelativeTrigger
        guard !spillovers.isEmpty || relatives else { return [] }
        let tables = model.tables(on: today)
        let links = spillovers.map { LinkCode($0.link) }
        let (tests, planes, employed) = linkPlanes()
        let blackPlane = tests.count - 1
        // Who needs a look: everyone on the first pass or after a switch of policy; else the
        // provinces where what is in force changed, and the people whose links' answers did.
        let memory = spilloverMemory.flatMap { $0.model == ObjectIdentifier(model) ? $0 : nil }
        if !employed.isEmpty && staff == nil {
            let employer = population.employer
            staff = CompanyStaff(people: employer.count, companies: population.companies.count) { employer[$0] }
        }
        let bits = linkBits(tests, untouched, kept: kept, previous: memory?.people)
        let employers = companyBits(employed)
        spilloverMemory = SpilloverMemory(
            model: ObjectIdentifier(model),
            people: bits,
            companies: employers,
            inForce: tables.spillovers
        )
        let look = memory.map { lookPlan($0, bits, employers, tables, friendsLinked: links.contains(.friends)) }
        return applySpillovers(bits, employers, links, planes, blackPlane: relatives ? blackPlane : nil, tables, look)
    }

    /// Who a later pass looks at: everyone in the provinces where spillovers came or went, the
    /// relatives (children, spouse) of people whose own answers changed, the employees of
    /// companies whose answers changed, and the friends of people whose answers changed.
    ///
    /// Relatives live in one household, laid out together, so a changed person's children and
    /// spouse are found among the few people within `relativeReach` of them rather than by
    /// reading everyone's links; employees are found in one pass over the employer column, and
    /// only when some company's answer changed.
    private func lookPlan(
        _ memory: SpilloverMemory,
        _ bits: LinkBits,
        _ employers: LinkBits,
        _ tables: RunModel.DayTables,
        friendsLinked: Bool
    ) -> PersonBits {
        let count = population.count
        let provinces =
            memory.inForce.count == tables.spillovers.count
            ? model.provincesChanged(memory.inForce, tables.spillovers) : UInt64.max
        let changed = PersonBits(words: bits.changed(since: memory.people))
        let companies = PersonBits(words: employers.changed(since: memory.companies))
        let members = changed.members
        let reach = relativeReach
        // Passing each change on costs its relatives' window and its friends' row: past a
        // sixteenth of everyone, looking at everyone is cheaper.
        guard members.count <= count / 16, members.count * (2 * reach + 1) <= count / 4 else {
            return PersonBits(count: count, all: true)
        }
        var look = PersonBits(count: count)
        let starts = peopleProvinceStart
        for p in 0..<model.provinces where provinces & (1 << UInt64(p)) != 0 {
            guard starts.count == model.provinces + 1 else { return PersonBits(count: count, all: true) }
            for person in starts[p]..<starts[p + 1] { look.insert(person) }
        }
        let mother = population.mother
        let father = population.father
        let spouse = population.spouse
        let friends = population.friends
        for person in members {
            let me = UInt32(person)
            for other in max(0, person - reach)..<min(count, person + reach + 1)
            where mother[other] == me || father[other] == me || spouse[other] == me {
                look.insert(other)
            }
            if friendsLinked {
                friends.forEachFriend(of: person) { look.insert($0) }
            }
        }
        // The employees of companies whose answers changed, from the staff lists: a few of
        // them each month, where reading every person's employer took 14 ms a month at
        // 10,000,000 people (seed scenario, from September). Companies' answers change only
        // under spillovers through employers, whose first pass builds the lists.
        guard let staff else { return look }
        for company in companies.members(in: companies.words.indices, below: staff.count) {
            for person in staff.employees(of: company) { look.insert(Int(person)) }
        }
        return look
    }

    /// Works out what reaches each person looked at (everyone without a plan) and writes what
    /// changed; returns who changed (bits over people).
    private func applySpillovers(
        _ bits: LinkBits,
        _ employers: LinkBits,
        _ links: [LinkCode],
        _ planeOf: [Int],
        blackPlane: Int?,
        _ tables: RunModel.DayTables,
        _ look: PersonBits?
    ) -> [UInt64] {
        let spillovers = model.scenario.spillovers
        let people = self.people
        let population = self.population
        let shares = spillovers.map(\.share)
        let effects = model.policy.spilloverEffect.map(EffectCode.init)
        let count = spillovers.count
        let provinces = model.provinces
        let everyone = look ?? PersonBits(count: population.count, all: true)
        var changed = [UInt64](repeating: 0, count: everyone.words.count)
        changed.withUnsafeMutableBufferPointer { buffer in
            guard buffer.count > 0 else { return }
            let changedColumn = SharedColumn(buffer)
            _ = ParallelChunks(threads: config.threads).mapChunks(count: everyone.words.count) { words in
                let friends = population.friends
                for person in everyone.members(in: words, below: population.count) {
                    let p = Int(people.province[person])
                    if let blackPlane {
                        let relative =
                            bits.test(blackPlane, population.mother[person])
                            || bits.test(blackPlane, population.father[person])
                            || bits.test(blackPlane, population.spouse[person])
                        let flags = people.bits[person]
                        let updated = flags & ~EventBit.relativeListed | (relative ? EventBit.relativeListed : 0)
                        if updated != flags { people.bits[person] = updated }  // clean records are not written back
                    }
                    guard count > 0 else { continue }
                    var delta = 0
                    var ceiling: UInt8 = 0xFF
                    var mask: UInt16 = 0
                    for index in 0..<count where tables.spillovers[index * provinces + p] {
                        let reached: Bool
                        switch links[index] {
                        case .parents:
                            reached =
                                bits.test(planeOf[index], population.mother[person])
                                || bits.test(planeOf[index], population.father[person])
                        case .spouse:
                            reached = bits.test(planeOf[index], population.spouse[person])
                        case .friends:
                            let (meeting, all) = bits.count(planeOf[index], friendsOf: person, friends)
                            reached = all > 0 && Double(meeting) >= shares[index] * Double(all)
                        case .employer:
                            reached = employers.test(planeOf[index], population.employer[person])
                        }
                        guard reached else { continue }
                        switch effects[index] {
                        case let .points(points): delta += points
                        case let .ceiling(tier): ceiling = ceiling == 0xFF ? tier : max(ceiling, tier)
                        case .block, .reward: mask |= 1 << UInt16(index)
                        }
                    }
                    let newDelta = Int16(clamping: delta)
                    let flags = people.spillFlags[person]
                    let inForce =
                        (newDelta != 0 || ceiling != 0xFF ? SpillFlag.movesStanding : 0)
                        | (mask != 0 ? SpillFlag.actsOnActions : 0)
                    // Nothing before and nothing now: the standing record is neither read nor written.
                    let held = SpillFlag.movesStanding | SpillFlag.actsOnActions
                    guard flags & held != 0 || inForce != 0 else { continue }
                    // Written only when changed: most records stay clean, and are not written back.
                    var updated = flags & ~held | inForce
                    if newDelta != people.spillDelta[person] || ceiling != people.spillCeiling[person]
                        || mask != people.spillMask[person]
                    {
                        updated |= SpillFlag.changed
                        changedColumn[person &>> 6] |= 1 &<< UInt64(person & 63)
                        people.spillDelta[person] = newDelta
                        people.spillCeiling[person] = ceiling
                        people.spillMask[person] = mask
                    }
                    if updated != flags { people.spillFlags[person] = updated }
                }
                return 0
            }
        }
        return changed
    }
}

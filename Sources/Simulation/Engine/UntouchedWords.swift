import SocialCredit
import Society

/// Who the system has not touched at a month end, sixty-four subjects to a word, so that the
/// month-end passes handle them a word at a time instead of one by one.
///
/// Subjects the system never touched (`EventContext.isUntouched`) have the standing of every
/// other such subject of their kind, enrolment and province: their *slot*
/// (`EventContext.untouchedSlot`). Most people are untouched in most months (83-99.6% in the
/// seed scenario's year), and finding each one's slot meant reading its event record, which is
/// what the snapshot, figure and link passes spent their time on. Subjects are laid out in
/// province order, so a word's province is known from where provinces start, and enrolment is
/// a bit per person kept from the start of the run: a word of untouched people counts as so
/// many enrolled and so many not, in one province, and takes its slot's value.
///
/// Built from the columns at each month end (records, lists ever held, spillover flags: four
/// bytes a subject); never saved.
struct UntouchedWords: Sendable {
    /// Untouched subjects: their own standing (without spillovers) is their slot's.
    let own: [UInt64]
    /// Untouched subjects whose standing no spillover moves either: their standing with the
    /// spillovers in force (`Simulation.fullSnapshot`, the month's figures) is their slot's too.
    let still: [UInt64]
    /// Enrolled subjects (every company): a word's untouched subjects split between the two slots
    /// of its province.
    let enrolled: [UInt64]
    /// The province of each word whose subjects all live in one, else -1 (every word when the
    /// subjects are not in province order, as in a hand-made society).
    let province: [Int16]
    /// Subjects, and provinces (slots are `2 * provinces`: enrolled first).
    let count: Int
    let provinces: Int
    /// An untouched subject of each slot, nil for a slot without one: the slot's value is its.
    let representative: [Int?]

    /// Words of sixty-four subjects (the last may be partial).
    var wordCount: Int { own.count }

    /// The subjects of `word` that exist (all bits but the tail of the last word).
    @inline(__always) func present(_ word: Int) -> UInt64 {
        let left = count &- word &* 64
        return left >= 64 ? UInt64.max : (UInt64(1) << UInt64(left)) &- 1
    }

    /// A subject's province: its word's when the word lies in one (no read of the event record).
    @inline(__always) func province(of subject: Int, _ context: EventContext) -> Int {
        let p = Int(province[subject &>> 6])
        return p >= 0 ? p : context.province(subject)
    }

    /// The slot of untouched subjects of province `p`, enrolled or not.
    @inline(__always) func slot(enrolled: Bool, _ p: Int) -> Int {
        Self.slot(enrolled: enrolled, p, provinces: provinces)
    }

    /// The slot of untouched subjects of province `p`, enrolled or not, among `2 * provinces`:
    /// enrolled ones first (the order of `EventContext.untouchedSlot`).
    @inline(__always) static func slot(enrolled: Bool, _ p: Int, provinces: Int) -> Int {
        (enrolled ? 0 : 1) &* provinces &+ p
    }

    /// A word's subjects as the month-end passes visit them: in a word that lies in one
    /// province, those in `plain` (`own` or `still`) by slot, enrolled and not (members: a mask
    /// of the word, empty where none), and everyone else one by one (`rest`). The passes loop
    /// over words themselves, with their counts in local variables (a closure that changes a
    /// captured variable has each change checked for exclusive access while the program runs).
    @inline(__always) func split(_ word: Int, plain: [UInt64]) -> WordSplit {
        let rest = present(word)
        let p = Int(province[word])
        guard p >= 0 else { return WordSplit(rest: rest) }
        let bits = plain[word]
        let enrolledBits = bits & enrolled[word]
        return WordSplit(
            enrolledSlot: slot(enrolled: true, p),
            enrolled: enrolledBits,
            otherSlot: slot(enrolled: false, p),
            other: bits & ~enrolledBits,
            rest: rest & ~bits
        )
    }
}

/// One word's subjects split by `UntouchedWords.split`: the untouched of each slot of its
/// province (none in a word of several provinces) and the rest, one by one.
struct WordSplit {
    var enrolledSlot = 0
    var enrolled: UInt64 = 0
    var otherSlot = 0
    var other: UInt64 = 0
    var rest: UInt64

    /// The slot of the enrolled or the other untouched subjects, and its members in the word.
    @inline(__always) func slot(enrolled: Bool) -> (slot: Int, members: UInt64) {
        enrolled ? (enrolledSlot, self.enrolled) : (otherSlot, other)
    }
}

/// Untouched subjects of both kinds at a month end.
struct UntouchedSubjects: Sendable {
    let people: UntouchedWords
    let companies: UntouchedWords

    subscript(kind: Simulation.Kind) -> UntouchedWords { kind == .people ? people : companies }
}

/// What the last snapshot pass wrote for untouched subjects, per slot, so that the next one
/// writes them again only where it changed, and under what it ran, so that the next one keeps
/// touched subjects' snapshots only where they still stand. Not saved: a restored run's first
/// pass writes everyone.
struct UntouchedSnapshots: Sendable {
    /// The model the pass ran under (a policy switch may change which lists are condition-filled,
    /// and so who counts as untouched).
    let model: ObjectIdentifier
    let slots: [OwnSnapshot?]
    /// The lists in force where (`RunModel.DayTables.lists`) when it ran: a condition-filled
    /// list coming or going changes touched subjects' standings too, so none is kept then.
    let lists: [Bool]
}

/// A subject's own standing as the month-end snapshot keeps it, with its rating tiers.
struct OwnSnapshot: Sendable, Equatable {
    let snapshot: StandingSnapshot
    let ratings: UInt64
}

extension Simulation {
    /// Untouched subjects of both kinds, from the columns as they are now.
    func untouchedSubjects() -> UntouchedSubjects {
        UntouchedSubjects(people: untouchedWords(.people), companies: untouchedWords(.companies))
    }

    /// Untouched subjects of one kind, from the columns as they are now.
    func untouchedWords(_ kind: Kind) -> UntouchedWords {
        let context = reader(kind)
        let state = context.state
        let count = state.count
        let wordCount = (count + 63) / 64
        var own = [UInt64](repeating: 0, count: wordCount)
        var still = [UInt64](repeating: 0, count: wordCount)
        own.withUnsafeMutableBufferPointer { ownBuffer in
            still.withUnsafeMutableBufferPointer { stillBuffer in
                guard wordCount > 0 else { return }
                let ownColumn = SharedColumn(ownBuffer)
                let stillColumn = SharedColumn(stillBuffer)
                // The rule of `EventContext.isUntouched` and `spilloverMovesStanding`, with the
                // columns and constants read once rather than per subject (and, in whole words,
                // tested eight subjects at a time: `ByteLanes`).
                let never = context.isCompanies && !context.model.ratings.isEmpty
                let conditional = context.model.conditionalMask
                let moves = context.isCompanies ? 0 : SpillFlag.movesStanding
                _ = ParallelChunks(threads: config.threads).mapChunks(count: never ? 0 : wordCount) { words in
                    let records = state.records.base
                    let everListed = state.everListed.base
                    let spillFlags = state.spillFlags.base
                    let notConditional = ByteLanes.repeated(~conditional)
                    let movesLanes = ByteLanes.repeated(moves)
                    for word in words {
                        var o: UInt64 = 0
                        var s: UInt64 = 0
                        let first = word &* 64
                        // A whole word eight subjects at a time; the last, partial, one by one.
                        if first &+ 64 <= count {
                            for group in 0..<8 {
                                let at = first &+ group &* 8
                                let listed = ByteLanes.load(everListed + at) & notConditional
                                let touched =
                                    ByteLanes.nonzeroBytes(listed)
                                    | ByteLanes.nonzeroHalves(ByteLanes.load(records + at))
                                    | ByteLanes.nonzeroHalves(ByteLanes.load(records + (at &+ 4))) &<< 4
                                let moved = ByteLanes.nonzeroBytes(ByteLanes.load(spillFlags + at) & movesLanes)
                                o |= UInt64(~touched) &<< UInt64(group &* 8)
                                s |= UInt64(~(touched | moved)) &<< UInt64(group &* 8)
                            }
                            ownColumn[word] = o
                            stillColumn[word] = s
                            continue
                        }
                        for k in 0..<(count &- first) {
                            let subject = first &+ k
                            let untouched = EventContext.untouched(
                                records: records[subject],
                                everListed: everListed[subject],
                                conditional: conditional
                            )
                            let still = untouched && spillFlags[subject] & moves == 0
                            o |= UInt64(untouched ? 1 : 0) &<< UInt64(truncatingIfNeeded: k)
                            s |= UInt64(still ? 1 : 0) &<< UInt64(truncatingIfNeeded: k)
                        }
                        ownColumn[word] = o
                        stillColumn[word] = s
                    }
                    return 0
                }
            }
        }
        let layout = kind == .people ? peopleLayout : companyLayout
        let starts = context.provinceStart
        let provinces = context.provinces
        var representative = [Int?](repeating: nil, count: 2 * provinces)
        if starts.count == provinces + 1 {
            for p in 0..<provinces {
                for isEnrolled in [true, false] {
                    representative[UntouchedWords.slot(enrolled: isEnrolled, p, provinces: provinces)] =
                        Self.firstSet(
                            in: starts[p]..<starts[p + 1],
                            own,
                            isEnrolled ? layout.enrolled : layout.unenrolled
                        )
                }
            }
        } else {
            // Not in province order: the first untouched subject of each slot, province by province.
            var missing = 2 * provinces
            for subject in 0..<count where missing > 0 {
                guard let slot = context.untouchedSlot(subject, ownOnly: true), representative[slot] == nil else {
                    continue
                }
                representative[slot] = subject
                missing -= 1
            }
        }
        return UntouchedWords(
            own: own,
            still: still,
            enrolled: layout.enrolled,
            province: layout.province,
            count: count,
            provinces: provinces,
            representative: representative
        )
    }

    /// The first subject of `range` whose bit is set in both `a` and `b`.
    static func firstSet(in range: Range<Int>, _ a: [UInt64], _ b: [UInt64]) -> Int? {
        guard !range.isEmpty else { return nil }
        for word in (range.lowerBound >> 6)...((range.upperBound - 1) >> 6) {
            var bits = a[word] & b[word]
            if word == range.lowerBound >> 6 { bits &= UInt64.max << UInt64(range.lowerBound & 63) }
            guard bits != 0 else { continue }
            let subject = word << 6 | bits.trailingZeroBitCount
            return subject < range.upperBound ? subject : nil
        }
        return nil
    }

    /// Enrolment as bits over people, from the event records (set once when the run is prepared).
    static func enrolledWords(_ state: SubjectState) -> [UInt64] {
        var words = [UInt64](repeating: 0, count: (state.count + 63) / 64)
        for person in 0..<state.count where state.bits[person] & EventBit.enrolled != 0 {
            words[person >> 6] |= 1 << UInt64(person & 63)
        }
        return words
    }
}

/// What `UntouchedWords` takes from the society's layout, fixed for the run and so worked out
/// once: enrolment bits and their complement, and the province of each word of sixty-four
/// subjects that all live in one (-1 for the others, and for every word when the subjects are
/// not in province order).
struct WordLayout: Sendable {
    let enrolled: [UInt64]
    let unenrolled: [UInt64]
    let province: [Int16]

    /// The layout of `count` subjects with enrolment bits `enrolled`, whose provinces start at
    /// `provinceStart` (`provinces + 1` entries, or none when not in province order).
    init(enrolled: [UInt64], count: Int, provinceStart starts: [Int], provinces: Int) {
        self.enrolled = enrolled
        unenrolled = enrolled.map { ~$0 }
        var province = [Int16](repeating: -1, count: (count + 63) / 64)
        if starts.count == provinces + 1 {
            for p in 0..<provinces {
                let (lower, upper) = (starts[p], starts[p + 1])
                // Words whose subjects all lie in the province.
                for word in ((lower + 63) / 64)..<((upper + 63) / 64) where min(count, word * 64 + 64) <= upper {
                    province[word] = Int16(p)
                }
            }
        }
        self.province = province
    }
}

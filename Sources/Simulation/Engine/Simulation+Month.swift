import Foundation
import MemoryHints
import RunRecords
import SocialCredit
import Society

extension Simulation {
    /// A context for reading standings on the current day (no chunk state is touched).
    func reader(_ kind: Kind) -> EventContext {
        let chunk =
            (kind == .people ? peopleChunks : companyChunks).first ?? ChunkState(lastDay: config.period.end.number)
        return EventContext(
            simulation: self,
            kind: kind,
            chunk: chunk,
            chunkIndex: 0,
            tables: model.tables(on: today),
            day: today.number
        )
    }

    /// A snapshot read back as a standing.
    @Sendable static func view(_ s: StandingSnapshot, origin: Int32, ratings: UInt64 = UInt64.max) -> Standing {
        Standing(
            scored: s.tier != 0xFF,
            score: s.score,
            tier: s.tier == 0xFF ? -1 : Int32(s.tier),
            lists: s.lists,
            lastNegative: s.lastNegative(origin: origin),
            ratings: ratings
        )
    }

    /// The day state's origin: the run's first day (see `RunDays`).
    var origin: Int32 { config.period.start.number }

    /// Everyone's own standing as of today (without the spillovers that reach them), for
    /// spillovers in the month ahead: a spillover tests a linked subject's own standing, so
    /// effects cannot go round in cycles. Untouched subjects (`untouched`) share one standing per
    /// kind, enrolment and province, worked out once from a representative; they are written
    /// only where that standing changed since the last pass (most months it does not, and they
    /// are most people). A touched subject keeps last month's snapshot when nothing was written
    /// to its standing since and no list term or ceiling of it ended (`SubjectState.snapshotWake`),
    /// unless the day alone can change a standing (`clean_days`), the lists in force changed, or
    /// the model did. The standing with spillovers, for the month's figures, is
    /// `fullSnapshot`; what reaches each person from the snapshots (spillovers, a relative's
    /// listing) is `recomputeSpillovers`.
    ///
    /// With `figures`, the month's figures are counted in the same pass (`MonthFigurePass`),
    /// and the entries and removals of condition-filled lists added to the month's counters.
    ///
    /// Returns the touched subjects whose snapshots were kept, for the passes after it, and the
    /// figures of each kind that has them.
    @discardableResult
    mutating func takeSnapshots(
        _ untouched: UntouchedSubjects,
        figures countsFigures: Bool = false
    ) -> (kept: KeptSnapshots, figures: [Kind: MonthFigures]) {
        var kept = KeptSnapshots()
        var figures: [Kind: MonthFigures] = [:]
        for kind in [Kind.people, .companies] {
            // Last month's array is overwritten in place: taken out of the property first so
            // that it is not shared and no copy is made.
            var snapshot: [StandingSnapshot] = []
            if kind == .people { swap(&snapshot, &peopleSnapshot) } else { swap(&snapshot, &companySnapshot) }
            let count = kind == .people ? population.count : population.companies.count
            let fresh = snapshot.count != count
            if fresh { snapshot = [StandingSnapshot](repeating: StandingSnapshot(), count: count) }
            let words = untouched[kind]
            let context = reader(kind)
            let state = context.state
            let hasRatings = state.ratingSnapshot.count > 0
            let slots = words.representative.map { $0.map { context.ownSnapshot($0) } }
            let pass = countsFigures ? MonthFigurePass(self, kind, words, slots: slots) : nil
            let figuring = pass != nil
            let model = ObjectIdentifier(self.model)
            let before = fresh ? nil : untouchedSnapshots[kind].flatMap { $0.model == model ? $0.slots : nil }
            let rewrite = slots.indices.map { before == nil || before?[$0] != slots[$0] }
            // Touched subjects' snapshots can be kept only where last month's stand under the same
            // rules: the same model and lists in force, and no condition on the day alone.
            let wakes = !self.model.programs.usesCleanDays
            let keeps = wakes && before != nil && untouchedSnapshots[kind]?.lists == context.tables.lists
            let today = RunDays.encode(context.day, origin: origin)
            let wake = state.snapshotWake
            untouchedSnapshots[kind] = UntouchedSnapshots(model: model, slots: slots, lists: context.tables.lists)
            var keptBits = [UInt64](repeating: 0, count: keeps ? words.wordCount : 0)
            var partials: [MonthFigurePass.Counts?] = []
            snapshot.withUnsafeMutableBufferPointer { buffer in
                keptBits.withUnsafeMutableBufferPointer { keptBuffer in
                    guard buffer.count > 0 else { return }
                    let column = SharedColumn(buffer)
                    let keptColumn = keptBuffer.count > 0 ? SharedColumn(keptBuffer) : nil
                    partials = ParallelChunks(threads: config.threads).mapChunks(count: words.wordCount) { range in
                        @inline(__always) func write(_ subject: Int, _ value: OwnSnapshot) {
                            column[subject] = value.snapshot
                            if hasRatings { state.ratingSnapshot[subject] = value.ratings }
                        }
                        /// Whether a touched subject's snapshot from last month stands.
                        @inline(__always) func kept(_ subject: Int) -> Bool { keeps && wake[subject] > today }
                        @inline(__always) func writeOwn(_ subject: Int) {
                            write(subject, context.ownSnapshot(subject))
                            if wakes { wake[subject] = context.snapshotWake(subject) }
                        }
                        @inline(__always) func snapshots(_ word: Int) {
                            // The next word's touched subjects' records are asked for while this
                            // word's are worked out: touched subjects are scattered, so each of
                            // their records would otherwise be a wait for memory.
                            // Whether a subject was kept is asked for a word earlier still.
                            @inline(__always) func touched(_ word: Int) -> UInt64 {
                                words.present(word) & ~(words.province[word] >= 0 ? words.own[word] : 0)
                            }
                            let next = word &+ 1
                            if next < range.upperBound {
                                var ahead = touched(next)
                                while ahead != 0 {
                                    let subject = next &<< 6 | ahead.trailingZeroBitCount
                                    if !kept(subject) { context.prefetchRecords(subject) }
                                    if figuring {
                                        sclab_prefetch(column.base + subject)
                                        context.prefetchFigures(subject)
                                    }
                                    ahead &= ahead &- 1
                                }
                            }
                            if keeps && next &+ 1 < range.upperBound {
                                var ahead = touched(next &+ 1)
                                while ahead != 0 {
                                    sclab_prefetch(wake.base + ((next &+ 1) &<< 6 | ahead.trailingZeroBitCount))
                                    ahead &= ahead &- 1
                                }
                            }
                            var rest = words.present(word)
                            let p = Int(words.province[word])
                            // In a word of one province, the rest were touched: no slot to look up.
                            let touched = p >= 0
                            if p >= 0 {
                                // Untouched subjects already hold their slot's snapshot unless it changed.
                                let plain = words.own[word]
                                rest &= ~plain
                                let enrolled = words.slot(enrolled: true, p)
                                let other = words.slot(enrolled: false, p)
                                var bits = rewrite[enrolled] || rewrite[other] ? plain : 0
                                while bits != 0 {
                                    let k = bits.trailingZeroBitCount
                                    bits &= bits &- 1
                                    let subject = word &<< 6 | k
                                    let slot = words.enrolled[word] >> UInt64(k) & 1 != 0 ? enrolled : other
                                    write(subject, slots[slot] ?? context.ownSnapshot(subject))
                                }
                            }
                            var keptHere: UInt64 = 0
                            while rest != 0 {
                                let subject = word &<< 6 | rest.trailingZeroBitCount
                                rest &= rest &- 1
                                if let slot = touched ? nil : context.untouchedSlot(subject, ownOnly: true) {
                                    write(subject, slots[slot] ?? context.ownSnapshot(subject))
                                } else if kept(subject) {
                                    keptHere |= 1 &<< UInt64(subject & 63)
                                } else {
                                    writeOwn(subject)
                                }
                            }
                            if let keptColumn { keptColumn[word] = keptHere }
                        }
                        // The pass is unwrapped once a chunk: a copy of it per word would retain
                        // and release each of its references, which two threads fight over.
                        guard let pass else {
                            for word in range { snapshots(word) }
                            return nil
                        }
                        var counts = pass.counts()
                        for word in range {
                            snapshots(word)
                            // The word's figures, now that its snapshots are written.
                            pass.count(word: word, column, into: &counts)
                        }
                        return counts
                    }
                }
            }
            if kind == .people { peopleSnapshot = snapshot } else { companySnapshot = snapshot }
            if kind == .people { kept.people = keptBits } else { kept.companies = keptBits }
            if let pass {
                // Every shard sums each kind's figures, those without subjects of it too.
                let kindFigures = pass.figures(partials.compactMap { $0 }) { summedOverShards($0) }
                month.add(kindFigures.listChanges)
                figures[kind] = kindFigures
            }
        }
        return (kept, figures)
    }

    /// A subject's standing at this month end with the spillovers in force this month (the
    /// standing the month's figures count), from its own snapshot: the same unless a spillover's
    /// points or tier ceiling reach the person.
    static func fullSnapshot(
        _ subject: Int,
        own: StandingSnapshot,
        _ context: EventContext,
        origin: Int32
    ) -> StandingSnapshot {
        guard context.spilloverMovesStanding(subject) else { return own }
        return StandingSnapshot(context.standing(subject), origin: origin)
    }

    /// The end of a month: snapshots and spillovers for the next, metrics and traces out.
    mutating func closeMonth(observer: inout some SimulationObserver) {
        let untouched = untouchedSubjects()
        let taken = takeSnapshots(untouched, figures: true)
        closeMonth(afterSnapshots: untouched, kept: taken.kept, figures: taken.figures, observer: &observer)
    }

    /// The rest of a month end once the snapshots and the month's figures are taken:
    /// spillovers, gates, and what the month sends out.
    mutating func closeMonth(
        afterSnapshots untouched: UntouchedSubjects,
        kept: KeptSnapshots = KeptSnapshots(),
        figures: [Kind: MonthFigures],
        observer: inout some SimulationObserver
    ) {
        reportTracedMonth(observer: &observer)
        var metrics = counterMetrics()
        metrics += standingMetrics(figures)
        metrics += ratingMetrics()
        let spillChanged = recomputeSpillovers(untouched.people, kept: kept.people)
        refreshGates(candidates: GateCandidates(untouched: untouched, kept: kept, spillChanged: spillChanged))
        var traces: [RecordTrace] = []
        var listings: [Listing] = []
        for chunk in peopleChunks + companyChunks {
            traces += chunk.traces.values
            chunk.traces.removeAll(keepingCapacity: true)
            listings += chunk.listings
            chunk.listings.removeAll(keepingCapacity: true)
        }
        // Record ids hold the whole-society subject, so shard 0 sorts everyone's traces into a
        // single process's order.
        traces = gatheredAtFirstShard(traces, kind: \.subjectKind)
        traces.sort { $0.id < $1.id }
        listings = gatheredAtFirstShard(listings, kind: \.subjectKind)
        totals.add(month)
        month = DayCounters(for: model.scenario)
        observer.listingsMade(listings)
        observer.monthEnded(daysDone: daysDone + 1, lastDay: today, metrics: metrics, traces: traces)
    }
}

/// The touched subjects of each kind whose month-end snapshot the pass kept from the month
/// before (`Simulation.takeSnapshots`), as bits over subjects; empty when it kept none. Their
/// own standing is what it was at the last month end, so what the passes after it work out from
/// it alone (link answers; the gate, unless a spillover changed) is what it was then.
struct KeptSnapshots: Sendable {
    var people: [UInt64] = []
    var companies: [UInt64] = []

    subscript(kind: Simulation.Kind) -> [UInt64] { kind == .people ? people : companies }

    /// The kept subjects among `words`' word `word` (none past the bits' end).
    @inline(__always) static func members(_ bits: [UInt64], _ word: Int) -> UInt64 {
        word < bits.count ? bits[word] : 0
    }
}

extension StandingSnapshot {
    /// A standing as a month-end snapshot keeps it (tier 0xFF: not scored).
    init(_ s: Standing, origin: Int32) {
        self.init(
            score: s.score,
            tier: s.tier >= 0 ? UInt8(s.tier) : 0xFF,
            lists: s.lists,
            lastNegative: s.lastNegative,
            origin: origin
        )
    }
}

extension EventContext {
    /// A subject's own standing (without spillovers) as the month-end snapshot keeps it, with
    /// its rating tiers.
    func ownSnapshot(_ subject: Int) -> OwnSnapshot {
        let s = standing(subject, spillovers: false)
        return OwnSnapshot(snapshot: StandingSnapshot(s, origin: origin), ratings: s.ratings)
    }

    /// The first day after today on which the subject's own standing changes with nothing
    /// written to it (`SubjectState.snapshotWake`, as `RunDays`): the end of a rule-filled list
    /// term or of its tier ceiling, whichever comes first; `Int16.max` if neither will.
    func snapshotWake(_ subject: Int) -> Int16 {
        var wake = Int32.max
        let ceiling = state.ceilingUntil[subject]
        if ceiling > day { wake = ceiling }
        for l in 0..<model.listCount where !model.listConditional[l] {
            let until = state.listedUntil[l][subject]
            if until > day { wake = min(wake, until) }
        }
        return RunDays.encode(wake, origin: origin)
    }
}

import Foundation
import RunRecords
import SocialCredit
import Society

extension Simulation {
    /// A context for reading standings on the current day (no chunk state is touched).
    func reader(_ kind: Kind) -> EventContext {
        let chunk = kind == .people ? (peopleChunks.first ?? ChunkState()) : (companyChunks.first ?? ChunkState())
        return EventContext(
            simulation: self,
            kind: kind,
            chunk: chunk,
            chunkIndex: 0,
            range: 0..<0,
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
    /// are most people). The standing with spillovers, for the month's figures, is
    /// `fullSnapshot`; what reaches each person from the snapshots (spillovers, a relative's
    /// listing) is `recomputeSpillovers`.
    mutating func takeSnapshots(_ untouched: UntouchedSubjects) {
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
            let hasRatings = !model.ratings.isEmpty
            let slots = words.representative.map { $0.map { context.ownSnapshot($0) } }
            let model = ObjectIdentifier(self.model)
            let before = fresh ? nil : untouchedSnapshots[kind].flatMap { $0.model == model ? $0.slots : nil }
            let rewrite = slots.indices.map { before == nil || before?[$0] != slots[$0] }
            untouchedSnapshots[kind] = UntouchedSnapshots(model: model, slots: slots)
            snapshot.withUnsafeMutableBufferPointer { buffer in
                guard buffer.count > 0 else { return }
                let column = SharedColumn(buffer)
                _ = ParallelChunks(threads: config.threads).mapChunks(count: words.wordCount) { range in
                    @inline(__always) func write(_ subject: Int, _ value: OwnSnapshot) {
                        column[subject] = value.snapshot
                        if hasRatings { state.ratingSnapshot[subject] = value.ratings }
                    }
                    for word in range {
                        // The next word's touched subjects' records are asked for while this
                        // word's are worked out: touched subjects are scattered, so each of
                        // their records would otherwise be a wait for memory.
                        let next = word &+ 1
                        if next < range.upperBound {
                            var ahead = words.present(next) & ~(words.province[next] >= 0 ? words.own[next] : 0)
                            while ahead != 0 {
                                context.prefetchRecords(next &<< 6 | ahead.trailingZeroBitCount)
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
                        while rest != 0 {
                            let subject = word &<< 6 | rest.trailingZeroBitCount
                            rest &= rest &- 1
                            let slot = touched ? nil : context.untouchedSlot(subject, ownOnly: true)
                            write(subject, slot.flatMap { slots[$0] } ?? context.ownSnapshot(subject))
                        }
                    }
                    return 0
                }
            }
            if kind == .people { peopleSnapshot = snapshot } else { companySnapshot = snapshot }
        }
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
        takeSnapshots(untouched)
        closeMonth(afterSnapshots: untouched, observer: &observer)
    }

    /// The rest of a month end once the snapshots are taken: figures, spillovers, gates, and
    /// what the month sends out.
    mutating func closeMonth(afterSnapshots untouched: UntouchedSubjects, observer: inout some SimulationObserver) {
        countConditionalLists(untouched)
        reportTracedMonth(observer: &observer)
        var metrics = counterMetrics()
        metrics += standingMetrics(untouched)
        metrics += ratingMetrics()
        let spillChanged = recomputeSpillovers(untouched.people)
        refreshGates(candidates: GateCandidates(untouched: untouched, spillChanged: spillChanged))
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
}

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
    /// effects cannot go round in cycles. Subjects untouched by the system (no record, no list)
    /// share one standing per kind, enrolment and province, computed once. The standing with
    /// spillovers, for the month's figures, is `fullSnapshot`; what reaches each person from
    /// the snapshots (spillovers, a relative's listing) is `recomputeSpillovers`.
    mutating func takeSnapshots() {
        for kind in [Kind.people, .companies] {
            // Last month's array is overwritten in place (every entry is rewritten): taken out
            // of the property first so that it is not shared and no copy is made.
            var snapshot: [StandingSnapshot] = []
            if kind == .people { swap(&snapshot, &peopleSnapshot) } else { swap(&snapshot, &companySnapshot) }
            let count = kind == .people ? population.count : population.companies.count
            if snapshot.count != count { snapshot = [StandingSnapshot](repeating: StandingSnapshot(), count: count) }
            let context = reader(kind)
            let state = context.state
            let hasRatings = !model.ratings.isEmpty
            let origin = self.origin
            snapshot.withUnsafeMutableBufferPointer { buffer in
                guard buffer.count > 0 else { return }
                let column = SharedColumn(buffer)
                _ = ParallelChunks(threads: config.threads).mapChunks(count: count) { range in
                    // By enrolment and province (condition-filled lists roll out by province).
                    var untouched = [StandingSnapshot?](repeating: nil, count: 2 * context.provinces)
                    var untouchedRatings = [UInt64](repeating: UInt64.max, count: 2 * context.provinces)
                    for subject in range {
                        let slot = context.untouchedSlot(subject, ownOnly: true)
                        if let slot, let known = untouched[slot] {
                            column[subject] = known
                            if hasRatings { state.ratingSnapshot[subject] = untouchedRatings[slot] }
                            continue
                        }
                        let s = context.standing(subject, spillovers: false)
                        column[subject] = StandingSnapshot(
                            score: s.score,
                            tier: s.tier >= 0 ? UInt8(s.tier) : 0xFF,
                            lists: s.lists,
                            lastNegative: s.lastNegative,
                            origin: origin
                        )
                        if hasRatings { state.ratingSnapshot[subject] = s.ratings }
                        if let slot {
                            untouched[slot] = column[subject]
                            // Companies of other sectors are rated otherwise: untouched ones are not shared.
                            if hasRatings { untouchedRatings[slot] = s.ratings }
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
        guard !context.isCompanies, context.state.spillFlags[subject] & SpillFlag.movesStanding != 0 else { return own }
        let s = context.standing(subject)
        return StandingSnapshot(
            score: s.score,
            tier: s.tier >= 0 ? UInt8(s.tier) : 0xFF,
            lists: s.lists,
            lastNegative: s.lastNegative,
            origin: origin
        )
    }

    /// The end of a month: snapshots and spillovers for the next, metrics and traces out.
    mutating func closeMonth(observer: inout some SimulationObserver) {
        takeSnapshots()
        countConditionalLists()
        reportTracedMonth(observer: &observer)
        var metrics = counterMetrics()
        metrics += standingMetrics()
        metrics += ratingMetrics()
        recomputeSpillovers()
        refreshGates()
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

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
    /// spillovers, for the month's figures, is `fullSnapshot`.
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
            let ruleLists = ~model.conditionalMask
            snapshot.withUnsafeMutableBufferPointer { buffer in
                guard buffer.count > 0 else { return }
                let column = SharedColumn(buffer)
                _ = ParallelChunks(threads: config.threads).mapChunks(count: count) { range in
                    // By enrolment and province (condition-filled lists roll out by province).
                    var untouched = [StandingSnapshot?](repeating: nil, count: 2 * context.provinces)
                    var untouchedRatings = [UInt64](repeating: UInt64.max, count: 2 * context.provinces)
                    for subject in range {
                        // Companies' ratings depend on their sector, so with ratings none share a standing.
                        let plain =
                            !(hasRatings && kind == .companies) && state.records[subject] == 0
                            && state.everListed[subject] & ruleLists == 0
                        let slot =
                            (kind == .companies || state.bits[subject] & EventBit.enrolled != 0 ? 0 : 1)
                            * context.provinces
                            + context.province(subject)
                        if plain, let known = untouched[slot] {
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
                        if plain {
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
        updateRelativeBits()
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

    /// Marks the people whose parent or spouse is on a black list at this month end (bit 2 of
    /// their event bits, for the `relative_listed` trigger), so an event reads it from its own
    /// record rather than from three relatives' far-away snapshots.
    mutating func updateRelativeBits() {
        guard model.usesRelativeTrigger else { return }
        let snapshot = peopleSnapshot
        let mask = model.blackMask
        var bits = [UInt64](repeating: 0, count: (snapshot.count + 63) / 64)
        for person in snapshot.indices where snapshot[person].lists & mask != 0 {
            bits[person >> 6] |= 1 << UInt64(person & 63)
        }
        let state = people
        let population = self.population
        let black = bits
        _ = ParallelChunks(threads: config.threads).mapChunks(count: population.count) { range in
            @inline(__always) func listed(_ person: UInt32) -> Bool {
                person != Population.none && black[Int(person >> 6)] & (1 << UInt64(person & 63)) != 0
            }
            for person in range {
                let relative =
                    listed(population.mother[person]) || listed(population.father[person])
                    || listed(population.spouse[person])
                let bits = state.bits[person]
                let updated = bits & ~EventBit.relativeListed | (relative ? EventBit.relativeListed : 0)
                if updated != bits { state.bits[person] = updated }  // clean records are not written back
            }
            return 0
        }
    }

    /// Two bits per person: 1 or 2 where the person's snapshot is `defaults[0]` or `defaults[1]`
    /// (the enrolled and the unenrolled standing of someone the system never touched), else 0.
    /// Small enough to stay in cache, so most relatives and friends are looked up there instead
    /// of in the snapshots, far away in memory.
    func snapshotCodes(_ defaults: [StandingSnapshot]) -> [UInt64] {
        let snapshot = peopleSnapshot
        var codes = [UInt64](repeating: 0, count: (snapshot.count + 31) / 32)
        codes.withUnsafeMutableBufferPointer { buffer in
            guard buffer.count > 0 else { return }
            let column = SharedColumn(buffer)
            _ = ParallelChunks(threads: config.threads).mapChunks(count: buffer.count) { range in
                for word in range {
                    var bits: UInt64 = 0
                    for person in (word * 32)..<min(snapshot.count, word * 32 + 32) {
                        let code: UInt64 = snapshot[person] == defaults[0] ? 1 : snapshot[person] == defaults[1] ? 2 : 0
                        bits |= code << UInt64((person & 31) * 2)
                    }
                    column[word] = bits
                }
                return 0
            }
        }
        return codes
    }

    /// Spillovers in force for each person, from relatives', friends' and employers' snapshots:
    /// point deltas, tier ceilings, and which block or reward effects reach them.
    mutating func recomputeSpillovers() {
        let spillovers = model.scenario.spillovers
        guard !spillovers.isEmpty else { return }
        let tables = model.tables(on: today)
        let people = self.people
        let population = self.population
        let peopleSnapshot = self.peopleSnapshot
        let companySnapshot = self.companySnapshot
        let peopleRatings = people.ratingSnapshot
        let companyRatings = companies.ratingSnapshot
        let model = self.model
        let day = today.number
        let origin = self.origin
        // Plain per-spillover values, so the per-person loop copies nothing.
        let links = spillovers.map { LinkCode($0.link) }
        let shares = spillovers.map(\.share)
        let effects = model.policy.spilloverEffect.map(EffectCode.init)
        // Most people's standing is the initial one: a spillover's test is evaluated for that
        // standing once, not once per friend.
        let defaults = [true, false].map { enrolled in
            StandingSnapshot(
                score: enrolled ? model.peopleScale.initial : 0,
                tier: enrolled ? UInt8(model.peopleScale.tier(model.peopleScale.initial)) : 0xFF,
                lists: 0,
                lastNegative: Int32.min,
                origin: origin
            )
        }
        let defaultHolds: [Bool] = spillovers.indices.flatMap { index in
            defaults.map {
                model.programs.holds(model.spilloverProgram[index], Self.view($0, origin: origin), day: day)
            }
        }
        let count = spillovers.count
        let provinces = model.provinces
        let codes = snapshotCodes(defaults)
        _ = ParallelChunks(threads: config.threads).mapChunks(count: population.count) { range in
            @inline(__always) func holds(_ index: Int, _ person: Int) -> Bool {
                let ratings = peopleRatings.count > 0 ? peopleRatings[person] : UInt64.max
                if ratings == UInt64.max {
                    switch (codes[person >> 5] >> UInt64((person & 31) * 2)) & 3 {
                    case 1: return defaultHolds[index * 2]
                    case 2: return defaultHolds[index * 2 + 1]
                    default: break
                    }
                }
                return model.programs.holds(
                    model.spilloverProgram[index],
                    Self.view(peopleSnapshot[person], origin: origin, ratings: ratings),
                    day: day
                )
            }
            @inline(__always) func holds(
                _ index: Int,
                _ snapshot: StandingSnapshot,
                _ ratings: UInt64 = UInt64.max
            ) -> Bool {
                if ratings == UInt64.max {
                    if snapshot == defaults[0] { return defaultHolds[index * 2] }
                    if snapshot == defaults[1] { return defaultHolds[index * 2 + 1] }
                }
                return model.programs.holds(
                    model.spilloverProgram[index],
                    Self.view(snapshot, origin: origin, ratings: ratings),
                    day: day
                )
            }
            /// A linked subject's rating tiers at the month end (none when no rating is declared).
            @inline(__always) func ratings(_ column: Column<UInt64>, _ subject: UInt32) -> UInt64 {
                column.count > 0 ? column[Int(subject)] : UInt64.max
            }
            let offsets = population.network.offsets
            let deltas = population.network.deltas
            for person in range {
                let p = Int(population.province[person])
                var delta = 0
                var ceiling: UInt8 = 0xFF
                var mask: UInt16 = 0
                for index in 0..<count where tables.spillovers[index * provinces + p] {
                    var reached = false
                    switch links[index] {
                    case .parents:
                        let mother = population.mother[person]
                        let father = population.father[person]
                        reached =
                            (mother != Population.none && holds(index, Int(mother)))
                            || (father != Population.none && holds(index, Int(father)))
                    case .spouse:
                        let spouse = population.spouse[person]
                        reached = spouse != Population.none && holds(index, Int(spouse))
                    case .friends:
                        let first = Int(offsets[person])
                        let last = Int(offsets[person + 1])
                        if last > first {
                            var meeting = 0
                            for k in first..<last where holds(index, person + Int(deltas[k])) { meeting += 1 }
                            reached = Double(meeting) >= shares[index] * Double(last - first)
                        }
                    case .employer:
                        let employer = population.employer[person]
                        reached =
                            employer != Population.none
                            && holds(index, companySnapshot[Int(employer)], ratings(companyRatings, employer))
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
                    people.spillDelta[person] = newDelta
                    people.spillCeiling[person] = ceiling
                    people.spillMask[person] = mask
                }
                if updated != flags { people.spillFlags[person] = updated }
            }
            return 0
        }
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

import Foundation
import SocialCredit
import Society

extension Simulation {
    /// A context for reading standings on the current day (no chunk state is touched).
    func reader(_ kind: Kind) -> EventContext {
        let chunk = kind == .people ? (peopleChunks.first ?? ChunkState()) : (companyChunks.first ?? ChunkState())
        return EventContext(simulation: self, kind: kind, chunk: chunk, chunkIndex: 0, range: 0..<0,
                            tables: model.tables(on: today), day: today.number)
    }

    /// A snapshot read back as a standing.
    @Sendable static func view(_ s: StandingSnapshot) -> Standing {
        Standing(scored: s.tier != 0xFF, score: s.score, tier: s.tier == 0xFF ? -1 : Int32(s.tier), lists: s.lists,
                 lastNegative: s.lastNegative)
    }

    /// Everyone's standing as of today, for spillovers in the month ahead. Subjects untouched by
    /// the system (no record, no list, no spillover) share one standing per kind, enrolment and
    /// province, computed once.
    mutating func takeSnapshots() {
        for kind in [Kind.people, .companies] {
            let context = reader(kind)
            let state = context.state
            let count = kind == .people ? population.count : population.companies.count
            var snapshot = [StandingSnapshot](repeating: StandingSnapshot(), count: count)
            snapshot.withUnsafeMutableBufferPointer { buffer in
                guard buffer.count > 0 else { return }
                let column = SharedColumn(buffer)
                _ = ParallelChunks(threads: config.threads).mapChunks(count: count) { range in
                    // By enrolment and province (condition-filled lists roll out by province).
                    var untouched = [StandingSnapshot?](repeating: nil, count: 2 * context.provinces)
                    for subject in range {
                        let plain = state.records[subject] == 0 && state.everListed[subject] == 0
                            && state.spillDelta[subject] == 0 && state.spillCeiling[subject] == 0xFF
                        let slot = (kind == .companies || state.bits[subject] & 2 != 0 ? 0 : 1) * context.provinces
                            + context.province(subject)
                        if plain, let known = untouched[slot] {
                            column[subject] = known
                            continue
                        }
                        let s = context.standing(subject)
                        column[subject] = StandingSnapshot(score: s.score, tier: s.tier >= 0 ? UInt8(s.tier) : 0xFF,
                                                           lists: s.lists, lastNegative: s.lastNegative)
                        if plain { untouched[slot] = column[subject] }
                    }
                    return 0
                }
            }
            if kind == .people { peopleSnapshot = snapshot } else { companySnapshot = snapshot }
        }
        updateBlackBits()
    }

    /// Rebuilds the bit set of people on a black list from the people's snapshot.
    mutating func updateBlackBits() {
        let snapshot = peopleSnapshot, mask = model.blackMask
        var bits = [UInt64](repeating: 0, count: (snapshot.count + 63) / 64)
        for person in snapshot.indices where snapshot[person].lists & mask != 0 {
            bits[person >> 6] |= 1 << UInt64(person & 63)
        }
        blackBits = bits
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
        let people = self.people, population = self.population
        let peopleSnapshot = self.peopleSnapshot, companySnapshot = self.companySnapshot
        let model = self.model
        let day = today.number
        // Plain per-spillover values, so the per-person loop copies nothing.
        let links: [UInt8] = spillovers.map { s in
            switch s.link { case .parents: 0; case .spouse: 1; case .friends: 2; case .employer: 3 }
        }
        let shares = spillovers.map(\.share)
        let effects: [(kind: UInt8, value: Int)] = model.policy.spilloverEffect.map { effect in
            switch effect {
            case let .delta(points): (0, points)
            case let .tierCeiling(tier): (1, tier)
            case .block, .reward: (2, 0)
            }
        }
        // Most people's standing is the initial one: a spillover's test is evaluated for that
        // standing once, not once per friend.
        let defaults = [true, false].map { enrolled in
            StandingSnapshot(score: enrolled ? model.peopleScale.initial : 0,
                             tier: enrolled ? UInt8(model.peopleScale.tier(model.peopleScale.initial)) : 0xFF,
                             lists: 0, lastNegative: Int32.min)
        }
        let defaultHolds: [Bool] = spillovers.indices.flatMap { index in
            defaults.map { model.programs.holds(model.spilloverProgram[index], Self.view($0), day: day) }
        }
        let count = spillovers.count, provinces = model.provinces
        let codes = snapshotCodes(defaults)
        _ = ParallelChunks(threads: config.threads).mapChunks(count: population.count) { range in
            @inline(__always) func holds(_ index: Int, _ person: Int) -> Bool {
                switch (codes[person >> 5] >> UInt64((person & 31) * 2)) & 3 {
                case 1: return defaultHolds[index * 2]
                case 2: return defaultHolds[index * 2 + 1]
                default: return model.programs.holds(model.spilloverProgram[index], Self.view(peopleSnapshot[person]), day: day)
                }
            }
            @inline(__always) func holds(_ index: Int, _ snapshot: StandingSnapshot) -> Bool {
                if snapshot == defaults[0] { return defaultHolds[index * 2] }
                if snapshot == defaults[1] { return defaultHolds[index * 2 + 1] }
                return model.programs.holds(model.spilloverProgram[index], Self.view(snapshot), day: day)
            }
            let offsets = population.network.offsets, targets = population.network.targets
            for person in range {
                let p = Int(population.province[person])
                var delta = 0, ceiling: UInt8 = 0xFF, mask: UInt16 = 0
                for index in 0..<count where tables.spillovers[index * provinces + p] {
                    var reached = false
                    switch links[index] {
                    case 0:
                        let mother = population.mother[person], father = population.father[person]
                        reached = (mother != Population.none && holds(index, Int(mother)))
                            || (father != Population.none && holds(index, Int(father)))
                    case 1:
                        let spouse = population.spouse[person]
                        reached = spouse != Population.none && holds(index, Int(spouse))
                    case 2:
                        let first = Int(offsets[person]), last = Int(offsets[person + 1])
                        if last > first {
                            var meeting = 0
                            for k in first..<last where holds(index, Int(targets[k])) { meeting += 1 }
                            reached = Double(meeting) >= shares[index] * Double(last - first)
                        }
                    default:
                        let employer = population.employer[person]
                        reached = employer != Population.none && holds(index, companySnapshot[Int(employer)])
                    }
                    guard reached else { continue }
                    let effect = effects[index]
                    switch effect.kind {
                    case 0: delta += effect.value
                    case 1: ceiling = ceiling == 0xFF ? UInt8(effect.value) : max(ceiling, UInt8(effect.value))
                    default: mask |= 1 << UInt16(index)
                    }
                }
                let newDelta = Int16(clamping: delta)
                if newDelta != people.spillDelta[person] || ceiling != people.spillCeiling[person]
                    || mask != people.spillMask[person] {
                    people.spillChanged[person] = 1
                }
                people.spillDelta[person] = newDelta
                people.spillCeiling[person] = ceiling
                people.spillMask[person] = mask
            }
            return 0
        }
    }

    /// The end of a month: snapshots and spillovers for the next, metrics and traces out.
    mutating func closeMonth(observer: inout some SimulationObserver) {
        takeSnapshots()
        var metrics = counterMetrics()
        metrics += standingMetrics()
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
        traces.sort { $0.id < $1.id }
        totals.add(month)
        month = DayCounters(behaviors: model.behaviorCount, sources: model.scenario.sources.count,
                            lists: model.listCount, actions: model.actionCount)
        observer.listingsMade(listings)
        observer.monthEnded(daysDone: daysDone + 1, lastDay: today, metrics: metrics, traces: traces)
    }

    private var period: String {
        let (y, m, _) = today.components
        return "\(y)-\(m < 10 ? "0" : "")\(m)"
    }

    /// The month's counters as metric points.
    func counterMetrics() -> [MetricPoint] {
        let s = model.scenario
        var points: [MetricPoint] = []
        func add(_ name: String, _ value: Int) { points.append(MetricPoint(period: period, name: name, value: Double(value))) }
        for (b, behavior) in s.behaviors.enumerated() { add("behavior.\(behavior.id)", month.behaviors[b]) }
        for (i, source) in s.sources.enumerated() { add("records.source.\(source.id)", month.records[i]) }
        add("records.total", month.records.reduce(0, +))
        add("records.false", month.falseRecords)
        add("records.judged_otherwise", month.judgedOtherwise)
        add("records.expired", month.expired)
        add("points.added", month.pointsAdded)
        add("points.deducted", month.pointsDeducted)
        for (l, list) in s.lists.enumerated() {
            add("list.entries.\(list.id)", month.listEntries[l])
            add("list.removals.\(list.id)", month.listRemovals[l])
        }
        add("list.entries_false", month.wrongfulListings)
        for (a, action) in s.actions.enumerated() {
            add("attempts.\(action.id)", month.attempts[a])
            add("blocked.\(action.id)", month.blocked[a])
            add("blocked_wrongly.\(action.id)", month.wrongfulBlocked[a])
            add("rewards.\(action.id)", month.rewards[a])
        }
        add("blocked.total", month.blocked.reduce(0, +))
        add("blocked_wrongly.total", month.wrongfulBlocked.reduce(0, +))
        add("rewards.total", month.rewards.reduce(0, +))
        add("appeals.filed", month.appealsFiled)
        add("appeals.filed_false", month.appealsFiledFalse)
        add("appeals.overturned", month.appealsOverturned)
        add("appeals.overturned_false", month.appealsOverturnedFalse)
        return points
    }

    /// Scores, tiers, lists and notices across everyone at the month's end.
    func standingMetrics() -> [MetricPoint] {
        var points: [MetricPoint] = []
        for kind in [Kind.people, .companies] {
            let prefix = kind == .people ? "" : "company."
            let snapshot = kind == .people ? peopleSnapshot : companySnapshot
            guard let scale = model.policy.scale(for: kind == .people ? .people : .companies), !snapshot.isEmpty else { continue }
            var tiers = [Int](repeating: 0, count: scale.tiers.count)
            var lists = [Int](repeating: 0, count: model.scenario.lists.count)
            var scored = 0, sum = 0.0
            var bins = [Int](repeating: 0, count: 20)
            let width = max(1, (scale.maximum - scale.minimum + 19) / 20)
            for s in snapshot {
                if s.tier != 0xFF {
                    tiers[Int(s.tier)] += 1
                    scored += 1
                    sum += Double(s.score)
                    bins[min(19, (Int(s.score) - scale.minimum) / width)] += 1
                }
                for l in lists.indices where s.lists & (1 << UInt8(l)) != 0 { lists[l] += 1 }
            }
            func add(_ name: String, _ value: Double) { points.append(MetricPoint(period: period, name: prefix + name, value: value)) }
            add("scored", Double(scored))
            add("score.mean", scored > 0 ? sum / Double(scored) : 0)
            for (t, tier) in scale.tiers.enumerated() { add("tier.share.\(tier.id)", scored > 0 ? Double(tiers[t]) / Double(scored) : 0) }
            for (i, count) in bins.enumerated() { add("score.bin.\(scale.minimum + i * width)", Double(count)) }
            for (l, list) in model.scenario.lists.enumerated() where model.listCompanies[l] == (kind == .companies) {
                add("list.size.\(list.id)", Double(lists[l]))
            }
        }
        // People on a list because of a false record, and notices in force.
        let context = reader(.people)
        let measures = self.model.scenario.measures
        let noticeMeasures = measures.indices.filter { measures[$0].kind == .notice && measures[$0].subject == .people }
        let channels = noticeMeasures.map { measures[$0].channel ?? measures[$0].id }
        let day = today.number
        let model = self.model, population = self.population, people = self.people
        let peopleSnapshot = self.peopleSnapshot, tables = context.tables
        // In parallel chunks; a snapshot equal to the previous one in the chunk (most people
        // share the initial standing) reuses its answers.
        let partials: [(notices: [Int], wrong: Int)] = ParallelChunks(threads: config.threads).mapChunks(count: population.count) { range in
            var counts = [Int](repeating: 0, count: noticeMeasures.count)
            var wrong = 0
            var last: (snapshot: StandingSnapshot, province: UInt8, holds: [Bool])?
            for person in range {
                let snapshot = peopleSnapshot[person]
                if snapshot.lists & people.listFalse[person] != 0 { wrong += 1 }
                guard snapshot.lists != 0 || snapshot.tier != 0xFF else { continue }
                let province = population.province[person]
                if last == nil || last!.snapshot != snapshot || last!.province != province {
                    let standing = Self.view(snapshot)
                    let p = Int(province)
                    last = (snapshot, province, noticeMeasures.map { m in
                        tables.measures[m * model.provinces + p] && model.programs.holds(model.measureProgram[m], standing, day: day)
                    })
                }
                for k in counts.indices where last!.holds[k] { counts[k] += 1 }
            }
            return (counts, wrong)
        }
        var noticeCounts = [Int](repeating: 0, count: noticeMeasures.count)
        var wronglyListed = 0
        for partial in partials {
            for k in noticeCounts.indices { noticeCounts[k] += partial.notices[k] }
            wronglyListed += partial.wrong
        }
        var notices: [String: Int] = [:]
        for (k, channel) in channels.enumerated() { notices[channel, default: 0] += noticeCounts[k] }
        points.append(MetricPoint(period: period, name: "list.wrongly_listed", value: Double(wronglyListed)))
        for (channel, count) in notices.sorted(by: { $0.key < $1.key }) {
            points.append(MetricPoint(period: period, name: "notices.\(channel)", value: Double(count)))
        }
        return points
    }
}

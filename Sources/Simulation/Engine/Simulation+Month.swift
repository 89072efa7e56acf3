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

    /// Everyone's standing as of today, for spillovers in the month ahead.
    mutating func takeSnapshots() {
        for kind in [Kind.people, .companies] {
            let context = reader(kind)
            let count = kind == .people ? population.count : population.companies.count
            var snapshot = [StandingSnapshot](repeating: StandingSnapshot(), count: count)
            snapshot.withUnsafeMutableBufferPointer { buffer in
                guard buffer.count > 0 else { return }
                let column = SharedColumn(buffer)
                _ = ParallelChunks(threads: config.threads).mapChunks(count: count) { range in
                    for subject in range {
                        let s = context.standing(subject)
                        column[subject] = StandingSnapshot(score: s.score, tier: s.tier >= 0 ? UInt8(s.tier) : 0xFF,
                                                           lists: s.lists, lastNegative: s.lastNegative)
                    }
                    return 0
                }
            }
            if kind == .people { peopleSnapshot = snapshot } else { companySnapshot = snapshot }
        }
    }

    /// Spillovers in force for each person, from relatives', friends' and employers' snapshots:
    /// point deltas, tier ceilings, and which block or reward effects reach them.
    mutating func recomputeSpillovers() {
        let spillovers = model.scenario.spillovers
        guard !spillovers.isEmpty else { return }
        let context = reader(.people)
        let tables = context.tables
        let people = self.people, population = self.population
        let peopleSnapshot = self.peopleSnapshot, companySnapshot = self.companySnapshot
        let policy = model.policy
        let model = self.model
        let view = Self.view
        let day = today.number
        _ = ParallelChunks(threads: config.threads).mapChunks(count: population.count) { range in
            for person in range {
                let p = Int(population.province[person])
                var delta = 0, ceiling: UInt8 = 0xFF, mask: UInt16 = 0
                for (index, spillover) in spillovers.enumerated() where tables.spillovers[index * model.provinces + p] {
                    let test = model.spilloverProgram[index]
                    var reached = false
                    switch spillover.link {
                    case .parents:
                        reached = [population.mother[person], population.father[person]].contains { parent in
                            parent != Population.none && model.programs.holds(test, view(peopleSnapshot[Int(parent)]), day: day)
                        }
                    case .spouse:
                        let spouse = population.spouse[person]
                        reached = spouse != Population.none && model.programs.holds(test, view(peopleSnapshot[Int(spouse)]), day: day)
                    case .friends:
                        let friends = population.network.friends(of: person)
                        if !friends.isEmpty {
                            let meeting = friends.reduce(0) { $0 + (model.programs.holds(test, view(peopleSnapshot[Int($1)]), day: day) ? 1 : 0) }
                            reached = Double(meeting) >= spillover.share * Double(friends.count)
                        }
                    case .employer:
                        let employer = population.employer[person]
                        reached = employer != Population.none && model.programs.holds(test, view(companySnapshot[Int(employer)]), day: day)
                    }
                    guard reached else { continue }
                    switch policy.spilloverEffect[index] {
                    case let .delta(points): delta += points
                    case let .tierCeiling(tier): ceiling = ceiling == 0xFF ? UInt8(tier) : max(ceiling, UInt8(tier))
                    case .block, .reward: mask |= 1 << UInt16(index)
                    }
                }
                people.spillDelta[person] = Int16(clamping: delta)
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
        var traces: [RecordTrace] = []
        for chunk in peopleChunks + companyChunks {
            traces += chunk.traces.values
            chunk.traces.removeAll(keepingCapacity: true)
        }
        traces.sort { $0.id < $1.id }
        totals.add(month)
        month = DayCounters(behaviors: model.behaviorCount, sources: model.scenario.sources.count,
                            lists: model.listCount, actions: model.actionCount)
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
        let noticeMeasures = model.scenario.measures.indices.filter {
            model.scenario.measures[$0].kind == .notice && model.scenario.measures[$0].subject == .people
        }
        let channels = noticeMeasures.map { model.scenario.measures[$0].channel ?? model.scenario.measures[$0].id }
        var noticeCounts = [Int](repeating: 0, count: noticeMeasures.count)
        var wronglyListed = 0
        let day = today.number
        for person in 0..<population.count {
            let snapshot = peopleSnapshot[person]
            if snapshot.lists & people.listFalse[person] != 0 { wronglyListed += 1 }
            guard snapshot.lists != 0 || snapshot.tier != 0xFF else { continue }
            let standing = Self.view(snapshot)
            let p = Int(population.province[person])
            for (k, m) in noticeMeasures.enumerated()
            where context.tables.measures[m * model.provinces + p] && model.programs.holds(model.measureProgram[m], standing, day: day) {
                noticeCounts[k] += 1
            }
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

import Foundation
import RunRecords
import SocialCredit
import Society

extension Simulation {
    /// Hands the observer what the run held for each traced subject during the month that ends
    /// today, and the month's decisions on traced subjects' action attempts. Called after the
    /// month-end snapshots and before the next month's spillovers, so the spillovers read are
    /// those in force during the month. It reads state only (no draw, no write to the state), so
    /// the digest does not depend on who is traced.
    mutating func reportTracedMonth(observer: inout some SimulationObserver) {
        var standings: [TracedStanding] = []
        var decisions: [TracedDecision] = []
        for kind in [Kind.people, .companies] {
            let context = reader(kind)
            let count = kind == .people ? population.count : population.companies.count
            let named = kind == .people ? config.traced.people : config.traced.companies
            // One in `traceEvery` by whole-society index, as `EventContext.isTraced` picks them.
            let every = config.traceEvery
            var subjects = Set(stride(from: (every - context.firstSubject % every) % every, to: count, by: every))
            subjects.formUnion(named.filter { (0..<count).contains($0) })
            for subject in subjects.sorted() { standings.append(context.tracedStanding(subject)) }
        }
        for chunk in peopleChunks + companyChunks {
            decisions += chunk.decisions
            chunk.decisions.removeAll(keepingCapacity: true)
        }
        observer.tracedMonth(
            standings: gatheredAtFirstShard(standings, kind: \.subjectKind),
            decisions: gatheredAtFirstShard(decisions, kind: \.subjectKind)
        )
    }
}

extension EventContext {
    /// A traced subject's standing as the run holds it today (see `TracedStanding`).
    func tracedStanding(_ subject: Int) -> TracedStanding {
        let scenario = model.scenario
        let own = standing(subject)
        let tiers = model.policy.scale(for: isCompanies ? .companies : .people)?.tiers ?? []
        func tier(_ index: Int) -> String? { tiers.indices.contains(index) ? tiers[index].id : nil }
        let lists = scenario.lists.indices.filter { own.lists & (1 << UInt8($0)) != 0 }.map { scenario.lists[$0].id }
        let mask = isCompanies ? 0 : state.spillMask[subject]
        let spillovers = scenario.spillovers.indices.filter { mask & (1 << UInt16($0)) != 0 }.map {
            scenario.spillovers[$0].id
        }
        let spillCeiling = isCompanies ? 0xFF : state.spillCeiling[subject]
        let noticeMask = notices(own, province: province(subject))
        let channels = model.policy.noticeChannels
        let notices = channels.indices.filter { noticeMask & (1 << UInt64($0)) != 0 }.map { channels[$0] }
        return TracedStanding(
            subject: firstSubject + subject,
            subjectKind: isCompanies ? .companies : .people,
            day: Day(number: day).description,
            score: own.scored ? Int(own.score) : nil,
            tier: own.tier >= 0 ? tier(Int(own.tier)) : nil,
            lists: lists.joined(separator: ","),
            ceiling: day < state.ceilingUntil[subject] ? tier(Int(state.ceilingTier[subject])) : nil,
            spilloverPoints: isCompanies ? 0 : Int(state.spillDelta[subject]),
            spilloverCeiling: spillCeiling == 0xFF ? nil : tier(Int(spillCeiling)),
            spillovers: spillovers.joined(separator: ","),
            notices: notices.sorted().joined(separator: ",")
        )
    }

    /// The notices a standing gives today (bits over `Policy.noticeChannels`), by the engine's
    /// rule (`Policy.notices`): notice measures in force, and `name_published` for a published list held.
    func notices(_ standing: Standing, province p: Int) -> UInt64 {
        let tables = self.tables
        let programs = model.programs
        let day = self.day
        let provinces = self.provinces
        let measureProgram = model.measureProgram
        let lists = standing.lists
        return model.policy.notices(
            kind: isCompanies ? .companies : .people,
            measureInForce: { m in
                tables.measures[m &* provinces &+ p] && programs.holds(measureProgram[m], standing, day: day)
            },
            listHeld: { l in lists & (1 << UInt8(l)) != 0 }
        )
    }

    /// Keeps a traced subject's action attempt and the run's decision, for `sclab verify`.
    func traceDecision(_ subject: Int, _ action: Int, blocked: Bool, rewarded: Bool) {
        guard isTraced(subject) else { return }
        chunk.decisions.append(
            TracedDecision(
                subject: firstSubject + subject,
                subjectKind: isCompanies ? .companies : .people,
                day: Day(number: day).description,
                action: model.scenario.actions[action].id,
                blocked: blocked,
                rewarded: rewarded
            )
        )
    }
}

import Foundation
import SocialCredit
import Society

extension Simulation {
    /// Which table a subject belongs to.
    enum Kind: Sendable { case people, companies }

    /// Runs `body` for every chunk of people and then of companies, in parallel, each with its
    /// own context; results come back in chunk order.
    func perChunk<T: Sendable>(tables: RunModel.DayTables, day: Int32,
                               _ body: @escaping @Sendable (EventContext, Range<Int>) -> T) -> [T] {
        let simulation = self
        return ParallelChunks(threads: config.threads).map(peopleRanges.count + companyRanges.count) { task in
            let people = task < simulation.peopleRanges.count
            let index = people ? task : task - simulation.peopleRanges.count
            let range = people ? simulation.peopleRanges[index] : simulation.companyRanges[index]
            let chunk = people ? simulation.peopleChunks[index] : simulation.companyChunks[index]
            let context = EventContext(simulation: simulation, kind: people ? .people : .companies, chunk: chunk,
                                       chunkIndex: index, range: range, tables: tables, day: day)
            return body(context, range)
        }
    }

    /// One day for everyone: pending records first, then each subject's behaviour and action events.
    mutating func step() {
        let tables = model.tables(on: today)
        let day = today.number
        // When monitoring starts or stops somewhere, rates change for everyone there: redraw
        // everyone's next behaviour day (exact, since the draws are memoryless).
        let yesterday = previousTables ?? model.tables(on: today.adding(days: -1))
        previousTables = tables
        let redraw = yesterday.monitored != tables.monitored && !model.scenario.responses.isEmpty
        // When measures or lists roll out somewhere, anyone's gate may change.
        let regate = yesterday.measures != tables.measures || yesterday.lists != tables.lists
        let model = self.model
        let counters: [DayCounters] = perChunk(tables: tables, day: day) { context, range in
            var counters = DayCounters(behaviors: model.behaviorCount, sources: model.scenario.sources.count,
                                       lists: model.listCount, actions: model.actionCount)
            context.processCalendar(&counters)
            let state = context.state
            for subject in range {
                if redraw { context.scheduleBehavior(subject) }
                if regate { context.refreshGate(subject) }
                let behavior = state.nextBehavior[subject]
                if behavior == day || behavior == -day {
                    context.behaviorEvent(subject, refresh: behavior < 0, &counters)
                }
                let action = state.nextAction[subject]
                if action == day || action == -day {
                    context.actionEvent(subject, refresh: action < 0, &counters)
                }
            }
            return counters
        }
        for partial in counters { month.add(partial) }
    }

    /// Everyone's first behaviour days, drawn from the first day of the run.
    mutating func scheduleFirstEvents() {
        _ = perChunk(tables: model.tables(on: today), day: today.number) { context, range in
            for subject in range { context.scheduleBehavior(subject) }
            return 0
        }
    }

    /// Recomputes action gates after the month's spillovers, redrawing the next attempt day where
    /// a gate changed. Only subjects whose standing can have moved without an event of their
    /// own are looked at (records, lists, ceilings age with time; spillovers changed); everyone
    /// else still has the standing their gate was computed from. `all` looks at everyone.
    mutating func refreshGates(all: Bool = false) {
        _ = perChunk(tables: model.tables(on: today), day: today.number) { context, range in
            let state = context.state
            for subject in range
            where all || state.records[subject] != 0 || state.spillChanged[subject] != 0 || state.everListed[subject] != 0 {
                state.spillChanged[subject] = 0
                context.refreshGate(subject)
            }
            return 0
        }
    }
}

/// Everything one chunk needs while it processes one day, copied in once (stored, not computed,
/// so the per-event path never copies structures or touches shared reference counts).
struct EventContext {
    let model: RunModel
    let state: SubjectState
    let population: Population
    let random: CounterRandom
    let hot: [PersonHot]
    let peopleSnapshot: [StandingSnapshot]
    let companySnapshot: [StandingSnapshot]
    let traceEvery: Int
    let isCompanies: Bool
    let chunk: ChunkState
    let chunkIndex: Int
    let tables: RunModel.DayTables
    let day: Int32
    let provinces: Int

    init(simulation: Simulation, kind: Simulation.Kind, chunk: ChunkState, chunkIndex: Int, range: Range<Int>,
         tables: RunModel.DayTables, day: Int32) {
        model = simulation.model
        state = kind == .people ? simulation.people : simulation.companies
        population = simulation.population
        random = simulation.random
        hot = simulation.hot
        peopleSnapshot = simulation.peopleSnapshot
        companySnapshot = simulation.companySnapshot
        traceEvery = simulation.config.traceEvery
        isCompanies = kind == .companies
        self.chunk = chunk
        self.chunkIndex = chunkIndex
        self.tables = tables
        self.day = day
        provinces = simulation.model.provinces
    }

    /// Key for draws about a subject: people and companies never share keys.
    func key(_ subject: Int) -> UInt64 { (isCompanies ? 1 << 40 : 0) | UInt64(subject) }

    /// Province index of a subject.
    func province(_ subject: Int) -> Int {
        Int(isCompanies ? population.companies.province[subject] : hot[subject].province)
    }

    /// Age in whole years on the current day (people), from the date of birth.
    func age(_ person: Int) -> Int {
        Int((day - hot[person].birthDay) * 4 / 1461)
    }
}

import Foundation
import SocialCredit
import Society

extension Simulation {
    /// Which table a subject belongs to.
    enum Kind: Sendable { case people, companies }

    /// Runs `body` for every chunk of people and then of companies, in parallel, each with a
    /// context for its chunk; results come back in chunk order.
    ///
    /// The contexts are made here, on one thread, one per kind and worker, and each task is
    /// lent its worker's where it lies (`inout`: never copied), pointed at the task's chunk: a
    /// context made or copied inside a task retained and released each of the run's arrays and
    /// objects there, and the two threads' atomic reference counts on the same objects contended
    /// (a tenth of the reference model's run at 1,000,000 people, with 128 tasks a day); a copy
    /// per chunk made here still cost most of what retaining and releasing was left.
    func perChunk<T: Sendable>(
        tables: RunModel.DayTables,
        day: Int32,
        _ body: @Sendable (inout EventContext, Range<Int>) -> T
    ) -> [T] {
        let ranges = peopleRanges + companyRanges
        guard !ranges.isEmpty else { return [] }
        let parallel = ParallelChunks(threads: config.threads)
        let workers = chunkWorkers
        // Kind k's contexts are contexts[k * workers ..< (k + 1) * workers]; people come first.
        var contexts: [EventContext] = []
        contexts.reserveCapacity(2 * workers)
        for (kind, chunks) in [(Kind.people, peopleChunks), (.companies, companyChunks)] where !chunks.isEmpty {
            let context = EventContext(
                simulation: self,
                kind: kind,
                chunk: chunks[0],
                chunkIndex: 0,
                tables: tables,
                day: day
            )
            contexts.append(contentsOf: repeatElement(context, count: workers))
        }
        let (peopleChunks, companyChunks) = (self.peopleChunks, self.companyChunks)
        // Company chunks use the second kind's contexts, or the first when there are no people.
        let companyKind = peopleChunks.isEmpty ? 0 : 1
        return contexts.withUnsafeMutableBufferPointer { buffer in
            let shared = SharedColumn(buffer)
            return parallel.map(
                ranges.count,
                byWorker: { worker, task in
                    let people = task < peopleChunks.count
                    let index = people ? task : task - peopleChunks.count
                    let slot = (people ? 0 : companyKind) * workers + worker
                    shared.base[slot].lend(
                        people ? peopleChunks[index] : companyChunks[index],
                        index: index,
                        worker: worker
                    )
                    return body(&shared.base[slot], ranges[task])
                }
            )
        }
    }

    /// How many workers `perChunk` runs its tasks on (`EventContext.worker` is below it).
    var chunkWorkers: Int {
        ParallelChunks(threads: config.threads).workers(for: peopleRanges.count + companyRanges.count)
    }

    /// One day for everyone: pending records first, then each subject's behaviour and action events.
    mutating func step() {
        let tables = model.tables(on: today)
        let day = today.number
        // When monitoring that deters starts or stops in a province, rates change for everyone
        // there: redraw their next behaviour days (exact, since the draws are memoryless). When
        // measures or lists roll out in a province, anyone's gate there may change.
        let yesterday = previousTables ?? model.tables(on: today.adding(days: -1))
        previousTables = tables
        let redraw = model.monitoringChanged(yesterday, tables)
        let regate =
            model.provincesChanged(yesterday.measures, tables.measures)
            | model.provincesChanged(yesterday.lists, tables.lists)
        let model = self.model
        let timed = config.measuresTime
        let started = timed ? DispatchTime.now().uptimeNanoseconds : 0
        // Counted per worker, not per task: a task's own counters copied their arrays (ten
        // allocations) at its first count, 128 tasks a day. The counts are whole numbers, so
        // their sums do not depend on which worker ran which task.
        var counts = [DayCounters](repeating: DayCounters(for: model.scenario), count: chunkWorkers)
        let tallies: [EventTally] = counts.withUnsafeMutableBufferPointer { buffer in
            let workerCounts = SharedColumn(buffer)
            return perChunk(tables: tables, day: day) { context, range in
                var tally = EventTally(timed: timed)
                let start = tally.now()
                // Kept behaviour totals do not show monitoring: where it changed, they are
                // forgotten before anything today (a record's arrival included) draws from them.
                if redraw != 0 { context.forgetRateTotals(range, provinces: redraw) }
                context.processCalendar(&workerCounts.base[context.worker], &tally)
                let calendarDone = tally.now()
                tally.calendarTicks = calendarDone &- start
                if redraw | regate != 0 {
                    var shared = [UInt64?](repeating: nil, count: 2 * context.provinces)
                    for subject in range {
                        let bit = UInt64(1) << UInt64(context.province(subject))
                        if redraw & bit != 0 { context.scheduleBehavior(subject) }
                        if regate & bit != 0 { context.refreshGate(subject, sharing: &shared) }
                        context.events(
                            subject,
                            lanes: EventContext.laneMask,
                            &workerCounts.base[context.worker],
                            &tally
                        )
                    }
                    tally.eventTicks = tally.now() &- calendarDone
                } else {
                    context.scan(range, &workerCounts.base[context.worker], &tally)
                }
                return tally
            }
        }
        for counters in counts { month.add(counters) }
        for tally in tallies { profile.add(tally) }
        if timed { profile.daySeconds += Double(DispatchTime.now().uptimeNanoseconds &- started) / 1e9 }
    }

    /// Everyone's first behaviour days, drawn from the first day of the run.
    mutating func scheduleFirstEvents() {
        _ = perChunk(tables: model.tables(on: today), day: today.number) { context, range in
            for subject in range { context.scheduleBehavior(subject) }
            return 0
        }
    }

    /// Recomputes action gates after the month's spillovers, redrawing the next attempt day where
    /// a gate changed. Only subjects whose standing can have moved this month without an event of
    /// their own are looked at: spillovers changed, a list entry or a tier ceiling ran out, or a
    /// `clean_days` condition may have come true; everyone else still has the standing their gate
    /// was computed from. Without `candidates` everyone is looked at (the run's first day).
    ///
    /// `candidates` are who could need a look at this month end: the subjects the system touched
    /// (only they hold records, so terms, ceilings or negative records) and the people whose
    /// spillovers this month end's pass changed. The rest are passed over a word of sixty-four
    /// at a time instead of reading two columns of every subject.
    mutating func refreshGates(candidates: GateCandidates? = nil) {
        let since = today.number &- Int32(today.components.day - 1)  // the first of the month
        let clean = model.programs.usesCleanDays
        _ = perChunk(tables: model.tables(on: today), day: today.number) { context, range in
            let state = context.state
            let day = context.day
            var shared = [UInt64?](repeating: nil, count: 2 * context.provinces)
            @inline(__always) func consider(_ subject: Int, all: Bool) {
                let changed = state.spillFlags[subject] & SpillFlag.changed != 0
                var look = all || changed
                // Terms, ceilings and negative records all come from records: without one, the
                // standing record need not be read.
                if !look && state.records[subject] != 0 {
                    look =
                        (clean && state.lastNegative[subject] != Int32.min)
                        || (state.ceilingUntil[subject] >= since && state.ceilingUntil[subject] <= day)
                        || state.listedUntil.contains { $0[subject] >= since && $0[subject] <= day }
                }
                guard look else { return }
                if changed { state.spillFlags[subject] &= ~SpillFlag.changed }
                context.refreshGate(subject, sharing: &shared)
            }
            guard let candidates, !range.isEmpty else {
                for subject in range {
                    // The standing record of a subject a little ahead is asked for now: each
                    // would otherwise be a wait for memory.
                    if subject &+ 16 < range.upperBound { context.prefetchRecords(subject &+ 16) }
                    consider(subject, all: true)
                }
                return 0
            }
            let words = candidates[context.isCompanies ? .companies : .people]
            let first = range.lowerBound &>> 6
            let last = (range.upperBound &- 1) &>> 6
            @inline(__always) func members(_ word: Int) -> UInt64 {
                var bits = words.members(word)
                if word == first { bits &= UInt64.max &<< UInt64(range.lowerBound & 63) }
                if word == last { bits &= UInt64.max &>> UInt64(63 &- (range.upperBound &- 1) & 63) }
                return bits
            }
            for word in first...last {
                // The next word's candidates' records are asked for while this word's are looked
                // at: candidates are scattered, and each would otherwise be a wait for memory.
                if word < last {
                    var ahead = members(word &+ 1)
                    while ahead != 0 {
                        let subject = (word &+ 1) &<< 6 | ahead.trailingZeroBitCount
                        context.prefetchRecords(subject)
                        context.prefetchGateCheck(subject)
                        ahead &= ahead &- 1
                    }
                }
                var bits = members(word)
                while bits != 0 {
                    consider(word &<< 6 | bits.trailingZeroBitCount, all: false)
                    bits &= bits &- 1
                }
            }
            return 0
        }
    }
}

/// Who a month end's gate refresh looks at (`Simulation.refreshGates`), as bits over subjects:
/// everyone the system touched whose snapshot was worked out again, and the people whose
/// spillovers the month end's pass changed. Nobody else can need a new gate: an untouched
/// subject holds no record, so no term, ceiling or negative record of theirs can run out; a
/// touched subject whose snapshot was kept (`KeptSnapshots`) had nothing written to its standing
/// and nothing of it ran out since its gate was last worked out (a write refreshes the gate at
/// once, and lists or measures rolling out refresh everyone's on their day); and only the
/// spillover pass sets a subject's spillovers' changed flag.
struct GateCandidates: Sendable {
    /// Untouched subjects of each kind (`UntouchedWords.own`), the touched ones whose snapshot
    /// was kept, and the people whose spillovers changed (bits over people; empty when no
    /// spillover pass ran).
    let untouched: UntouchedSubjects
    let kept: KeptSnapshots
    let spillChanged: [UInt64]

    /// The candidates of one kind.
    subscript(kind: Simulation.Kind) -> Words {
        Words(own: untouched[kind], kept: kept[kind], changed: kind == .people ? spillChanged : [])
    }

    /// The candidates of one kind, a word at a time.
    struct Words {
        let own: UntouchedWords
        let kept: [UInt64]
        let changed: [UInt64]

        /// The candidates among the subjects of `word`.
        @inline(__always) func members(_ word: Int) -> UInt64 {
            let spill = word < changed.count ? changed[word] : 0
            return (~own.own[word] & ~KeptSnapshots.members(kept, word) | spill) & own.present(word)
        }
    }
}

/// Everything one chunk needs while it processes one day, copied in once (stored, not computed,
/// so the per-event path never copies structures or touches shared reference counts).
struct EventContext {
    let model: RunModel
    let state: SubjectState
    /// Each company's sector (the only thing of the society the events read beside the state:
    /// a context holds no more than it reads, as each chunk's copy retains what it holds).
    let companySector: [UInt8]
    let random: CounterRandom
    let peopleSnapshot: [StandingSnapshot]
    let companySnapshot: [StandingSnapshot]
    let traceEvery: Int
    /// The whole society's index of this kind's first subject here (0 unless the run is a shard):
    /// draws, record ids, tracing and false attribution's blocks go by whole-society indices.
    let firstSubject: Int
    /// The run's first day (record ids count days from it).
    let origin: Int32
    /// Where each province's subjects of this kind start here, and one past the last: false
    /// attribution never leaves the province.
    let provinceStart: [Int]
    /// Subjects of this kind traced by name (usually none).
    let traced: Set<Int>
    let isCompanies: Bool
    private(set) var chunk: ChunkState
    private(set) var chunkIndex: Int
    /// The worker running the task the context is lent to (`ParallelChunks.map(_:byWorker:)`):
    /// what a worker keeps for its tasks in turn, such as the day's counters, is found by it.
    private(set) var worker = 0
    let tables: RunModel.DayTables
    let day: Int32
    let provinces: Int
    /// The behaviours and the score scale of this kind of subject, chosen once here: choosing
    /// per event would copy an array reference and touch its count, shared by both threads.
    let behaviors: [BehaviorEntry]
    let scale: ScaleNumbers?
    /// The streams the events draw from, each with its first mixing round done once.
    let draws: EventDraws

    init(
        simulation: Simulation,
        kind: Simulation.Kind,
        chunk: ChunkState,
        chunkIndex: Int,
        tables: RunModel.DayTables,
        day: Int32
    ) {
        model = simulation.model
        state = kind == .people ? simulation.people : simulation.companies
        companySector = simulation.population.companies.sector
        random = simulation.random
        peopleSnapshot = simulation.peopleSnapshot
        companySnapshot = simulation.companySnapshot
        traceEvery = simulation.config.traceEvery
        origin = simulation.origin
        firstSubject = kind == .people ? simulation.population.firstPerson : simulation.population.firstCompany
        provinceStart = kind == .people ? simulation.peopleProvinceStart : simulation.companyProvinceStart
        traced = kind == .people ? simulation.config.traced.people : simulation.config.traced.companies
        isCompanies = kind == .companies
        self.chunk = chunk
        self.chunkIndex = chunkIndex
        self.tables = tables
        self.day = day
        provinces = simulation.model.provinces
        behaviors = kind == .people ? simulation.model.peopleBehaviors : simulation.model.companyBehaviors
        scale = kind == .people ? simulation.model.peopleScale : simulation.model.companyScale
        draws = EventDraws(simulation.random)
    }

    /// Points this context at another chunk of the same kind (and its index), for the same day,
    /// lent to `worker`.
    mutating func lend(_ chunk: ChunkState, index: Int, worker: Int) {
        self.chunk = chunk
        chunkIndex = index
        self.worker = worker
    }

    /// Key for draws about a subject (by its whole-society index): people and companies never
    /// share keys.
    func key(_ subject: Int) -> UInt64 { (isCompanies ? 1 << 40 : 0) | UInt64(firstSubject + subject) }

    /// Province index of a subject.
    func province(_ subject: Int) -> Int {
        Int(state.province[subject])
    }

    /// Age in whole years on the current day (people), from the date of birth.
    func age(_ person: Int) -> Int {
        Int((day - state.birthDay[person]) * 4 / 1461)
    }
}

/// The streams an event draws from, prepared once per chunk and day (`CounterRandom.streamed`).
struct EventDraws {
    let behaviorGap: CounterRandom.Streamed
    let actionGap: CounterRandom.Streamed
    let behaviorPick: CounterRandom.Streamed
    let actionPick: CounterRandom.Streamed
    let observe: CounterRandom.Streamed
    let misattribute: CounterRandom.Streamed
    let propensity: CounterRandom.Streamed

    init(_ random: CounterRandom) {
        behaviorGap = random.streamed(.behaviorGap)
        actionGap = random.streamed(.actionGap)
        behaviorPick = random.streamed(.behaviorPick)
        actionPick = random.streamed(.actionPick)
        observe = random.streamed(.observe)
        misattribute = random.streamed(.misattribute)
        propensity = random.streamed(.propensity)
    }
}

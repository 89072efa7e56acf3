import Foundation
import Impact
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

/// A run as `sclab simulate`, `resume` and `sweep` make it, for any Swift program: builds the
/// society and the simulation from the run's stored description, runs month by month committing
/// each month to the store (with checkpoints when asked), then runs the companions (the
/// counterfactual and further seeds) and finishes with the snapshots, the digest, the summary
/// and the report. Progress goes to a `RunDriverDelegate`, never to the terminal.
///
/// A sharded run (`mpirun -np K sclab simulate`) makes one driver on every rank, each with the
/// rank's `ShardExchange`: each generates and runs its shard of the society, the month-end
/// figures are summed over the ranks, and rank 0 alone holds the store and writes the run
/// (traces, listings, snapshots and the digest's blocks are gathered to it).
public struct RunDriver {
    /// What the run is: scenario text, size, seed, days, tracing, seeds.
    public let info: RunInfo
    /// Where it is stored (created with `RunStore.create`, or opened to resume); nil on the
    /// ranks of a sharded run other than rank 0, which alone writes.
    public let store: RunStore?
    let census: Census
    /// Whether to run the counterfactual (the system switched off) at the end, for this seed and
    /// each further seed (`info.seeds`).
    let counterfactual: Bool
    /// The policy the run begins with (a branch run's baseline's; its switch is in the
    /// simulation's configuration).
    let policy: Policy
    /// The society generator (census and name tables loaded once), also for further seeds.
    let generator: PopulationGenerator
    /// What the run reads of its society, and what preparing a run reads of each person: what
    /// the counterfactual and a branch started again are prepared from. The generated population
    /// itself is let go before the run's state is made (what no run reads: ages, education,
    /// incomes, surnames, households, close ties).
    let society: RunSociety
    let facts: PersonFacts
    /// The simulation, public so that a resumed run can restore it from a checkpoint
    /// (`Checkpoints.restoreLatest`) before `runToEnd`.
    public var simulation: Simulation
    /// Told of each phase, day and month; nil for a silent run.
    let delegate: (any RunDriverDelegate)?
    var timings: [String: Double] = [:]
    /// The other ranks of a sharded run, with what passes between them counted.
    let exchange: MeasuredExchange
    /// The run folder (the store's; on the other ranks of a sharded run, where they write
    /// their checkpoints).
    let directory: String
    /// Checkpoints kept: older ones are deleted once a newer one is recorded (`--keep-checkpoints`).
    public var keepCheckpoints = Checkpoints.defaultKeep

    /// A driver for the run `info` describes, traced as it says (one in `traceEvery`, and the
    /// people named with their circles), so that a resumed run traces the same people. Generates
    /// the society (reported to `delegate` as `.society`).
    /// - Parameters:
    ///   - info: The run's identity: scenario text, size, seed, days and tracing.
    ///   - store: The run store the months, checkpoints and results are written to.
    ///   - threads: Threads to use; the result does not depend on it.
    ///   - counterfactual: Whether to run the counterfactual at the end (the report compares with it).
    ///   - delegate: Told of each phase, day and month; nil for a silent run.
    ///   - exchange: The other ranks of a sharded run (`SingleShard` for a run in one process).
    ///   - folder: The run folder, for the ranks other than 0 (which hold no store) to write their
    ///     checkpoints in; rank 0 uses its store's.
    /// - Throws: the scenario reader's errors when `info.scenarioText` does not read, `RunError`
    ///   for days that are not ISO dates or a store given to (or withheld from) the wrong rank,
    ///   `ShardError` for more ranks than provinces, and the census tables' errors.
    public init(
        info: RunInfo,
        store: RunStore?,
        threads: Int,
        counterfactual: Bool = true,
        delegate: (any RunDriverDelegate)? = nil,
        exchange: any ShardExchange = SingleShard(),
        folder: String? = nil
    ) throws {
        self.info = info
        self.store = store
        directory = store?.directory ?? folder ?? ""
        self.counterfactual = counterfactual
        self.delegate = delegate
        let exchange = MeasuredExchange(exchange)
        self.exchange = exchange
        guard (store != nil) == (exchange.shard == 0) else {
            throw RunError("rank \(exchange.shard) of \(exchange.shards): only rank 0 writes the run, and it must")
        }
        let policySwitch: PolicySwitch?
        (policy, policySwitch) = try Self.policies(of: info, folder: directory)
        generator = try PopulationGenerator()
        census = generator.census
        guard let start = Day(iso: info.start), let end = Day(iso: info.end) else {
            throw RunError(
                "\(store?.directory ?? "run"): the run's days '\(info.start)' to '\(info.end)' are not ISO dates"
            )
        }
        let shard = try SocietyShard.own(size: info.population, census: census, exchange: exchange)
        let clock = Date()
        delegate?.runDriver(began: .society(people: info.population, seed: info.seed))
        // The population is let go before the run's state is made: the run keeps what it reads.
        let traced: TracedSubjects
        (society, facts, traced) = { [generator] in
            let population = generator.generate(
                size: info.population,
                seed: info.seed,
                threads: threads,
                shard: shard,
                exchange: exchange
            )
            // Named by whole-society index; a shard traces those it holds.
            let first = population.firstPerson
            return (
                RunSociety(population, threads: threads), PersonFacts(population, exchange: exchange),
                TracedSubjects(naming: info.tracePeople.map { $0 - first }, in: population)
            )
        }()
        delegate?.runDriver(ended: .society(people: info.population, seed: info.seed))
        timings["population"] = Date().timeIntervalSince(clock)
        simulation = Simulation(
            policy: policy,
            society: society,
            facts: facts,
            census: census,
            config: SimulationConfig(
                period: Period(start: start, end: end),
                seed: info.seed,
                threads: threads,
                traceEvery: info.effectiveTraceEvery,
                traced: traced,
                policySwitch: policySwitch
            ),
            exchange: exchange
        )
    }

    /// Runs to the end, or (with `stopAfter`) stops resumable at the first month end at least
    /// that many days in, with a checkpoint there. A checkpointed run also checkpoints its last
    /// day, committed with the last month and before the companions start, so that a run killed
    /// during its counterfactual or further seeds resumes from its finished state. At the end the
    /// store is closed, which takes the finished run out of WAL mode.
    public mutating func runToEnd(stopAfter: Int? = nil) throws -> RunOutcome {
        let clock = Date()
        let exchangedBefore = exchange.figures
        let total = simulation.config.period.days
        delegate?.runDriver(began: .simulate(days: total))
        var buffer = MonthBuffer()
        var lastCheckpoint = simulation.daysDone
        while !simulation.isFinished {
            let (y, m, _) = simulation.today.components
            let monthEnd = Day(year: m == 12 ? y + 1 : y, month: m == 12 ? 1 : m + 1, day: 1)!.adding(days: -1)
            let delegate = delegate
            simulation.run(until: monthEnd, observer: &buffer) { done in
                delegate?.runDriver(simulatedDays: done, of: total)
            }
            let stopping =
                stopAfter.map { simulation.daysDone >= $0 } ?? false
                // Asked in a lone process only: the ranks of a sharded run must stop together.
                || (exchange.shards == 1 && !simulation.isFinished && delegate?.runDriverShouldStop() == true)
            var checkpoint: CheckpointRecord?
            let due =
                info.checkpointEvery > 0
                && (simulation.daysDone - lastCheckpoint >= info.checkpointEvery || simulation.isFinished)
            let checkpointed = stopping && !simulation.isFinished || due
            if checkpointed {
                checkpoint = try writeCheckpoint()
                lastCheckpoint = simulation.daysDone
            }
            let lastDay = simulation.today.adding(days: -1)
            try store?.commitPeriod(
                daysDone: simulation.daysDone,
                lastDay: lastDay.description,
                metrics: buffer.metrics,
                traces: buffer.traces,
                checkpoint: checkpoint,
                listings: buffer.listings,
                standings: buffer.standings,
                decisions: buffer.decisions
            )
            if checkpointed {
                try Checkpoints.prune(
                    store: store,
                    directory: directory,
                    keep: keepCheckpoints,
                    upTo: simulation.daysDone,
                    place: place
                )
            }
            buffer = MonthBuffer()
            delegate?.runDriver(
                finished: RunMonth(daysDone: simulation.daysDone, lastDay: lastDay, checkpoint: checkpoint?.file)
            )
            if stopping && !simulation.isFinished {
                delegate?.runDriver(ended: .simulate(days: total))
                return .stopped(daysDone: simulation.daysDone)
            }
        }
        delegate?.runDriver(ended: .simulate(days: total))
        timings["simulation"] = Date().timeIntervalSince(clock)
        let exchangedSimulating = exchange.figures.since(exchangedBefore)
        let digestClock = Date()
        let digest = simulation.gatheredDigest()
        timings["digest"] = Date().timeIntervalSince(digestClock)
        let groups = simulation.groupTallies(census: census)
        let companionClock = Date()
        let (extra, replicates) = try companions()
        if counterfactual || info.seeds > 1 {
            timings[info.seeds > 1 ? "counterfactual_and_seeds" : "counterfactual"] = Date().timeIntervalSince(
                companionClock
            )
        }
        let summary = RunSummary(
            info: info,
            folder: store?.directory ?? "",
            simulation: simulation,
            digest: digest ?? "",
            timings: timings,
            days: total,
            exchange: exchange.shards > 1 ? exchange.figures : nil,
            exchangeSimulating: exchange.shards > 1 ? exchangedSimulating : nil
        )
        let snapshots = simulation.finalSnapshots(census: census)
        // The other ranks have handed rank 0 everything it writes.
        guard let store, let digest else { return .finished(summary, report: "") }
        try store.finish(
            snapshots: snapshots,
            digest: digest,
            summaryJSON: summary.json,
            groups: groups,
            metrics: extra,
            seedOutcomes: replicates
        )
        delegate?.runDriver(began: .report)
        let report = try ReportFiles.write(store: store)
        delegate?.runDriver(ended: .report)
        try store.close()
        return .finished(summary, report: report)
    }
}

extension RunDriver {
    /// This process's place among the ranks of the run.
    var place: ShardPlace { ShardPlace(rank: exchange.shard, ranks: exchange.shards) }

    /// Writes this rank's checkpoint; on a sharded run the ranks then agree that every one was
    /// written (so rank 0 records the day only when all shards' files are durable), and all
    /// stop if any failed. Returns the record rank 0 stores (nil on the other ranks).
    func writeCheckpoint() throws -> CheckpointRecord? {
        var record: CheckpointRecord?
        var failure: (any Error)?
        do {
            guard !directory.isEmpty else {
                throw RunError("rank \(place.rank) was given no run folder to checkpoint in")
            }
            record = try Checkpoints.write(simulation, info: info, in: directory, place: place)
        } catch {
            failure = error
        }
        if exchange.shards > 1 {
            let flags = exchange.allGather([failure == nil ? 0 : 1])
            let failed = flags.indices.filter { flags[$0][0] != 0 }
            if let failure { throw failure }
            if !failed.isEmpty {
                throw RunError(
                    "\(directory): the checkpoint \(simulation.daysDone) days in failed on rank \(failed.map(String.init).joined(separator: ", "))"
                )
            }
        } else if let failure {
            throw failure
        }
        return store == nil ? nil : record
    }
}

/// Buffers a month's metrics, traces and listings until they are committed.
struct MonthBuffer: SimulationObserver {
    var metrics: [MetricPoint] = []
    var traces: [RecordTrace] = []
    var listings: [Listing] = []
    var standings: [TracedStanding] = []
    var decisions: [TracedDecision] = []

    mutating func listingsMade(_ listings: [Listing]) {
        self.listings += listings
    }

    mutating func tracedMonth(standings: [TracedStanding], decisions: [TracedDecision]) {
        self.standings += standings
        self.decisions += decisions
    }

    mutating func monthEnded(daysDone: Int, lastDay: Day, metrics: [MetricPoint], traces: [RecordTrace]) {
        self.metrics += metrics
        self.traces += traces
    }
}

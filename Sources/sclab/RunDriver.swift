import ArgumentParser
import Foundation
import Impact
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

/// Drives a run from its stored description: builds the society and the simulation, runs month
/// by month committing each month to the store (with checkpoints when asked), and finishes with
/// the snapshots, the digest and the summary. Shared by `simulate` and `resume`.
struct RunDriver {
    let info: RunInfo
    let store: RunStore
    let census: Census
    let json: Bool
    /// Print nothing (runs of a sweep): no progress, no summary.
    let quiet: Bool
    /// Whether to run the counterfactual (the system switched off) at the end, for this seed and
    /// each further seed (`info.seeds`).
    let counterfactual: Bool
    let policy: Policy
    /// The society generator (census and name tables loaded once), also for further seeds.
    let generator: PopulationGenerator
    let population: Population
    var simulation: Simulation
    let started = Date()
    var timings: [String: Double] = [:]
    /// Checkpoints kept: older ones are deleted once a newer one is recorded (`--keep-checkpoints`).
    var keepCheckpoints = Checkpoints.defaultKeep

    /// A driver for the run `info` describes, traced as it says (one in `traceEvery`, and the
    /// people named with their circles), so that a resumed run traces the same people.
    init(info: RunInfo, store: RunStore, threads: Int, json: Bool, counterfactual: Bool = true, quiet: Bool = false) throws {
        self.info = info
        self.quiet = quiet
        self.store = store
        self.json = json
        self.counterfactual = counterfactual
        policy = try Policy(Scenario.parse(info.scenarioText, file: "\(info.scenarioID).yaml"))
        generator = try PopulationGenerator()
        census = generator.census
        let clock = Date()
        if !json && !quiet { printError("generating \(grouped(info.population)) people (seed \(info.seed))...") }
        population = generator.generate(size: info.population, seed: info.seed, threads: threads)
        timings["population"] = Date().timeIntervalSince(clock)
        let period = Period(start: Day(iso: info.start)!, end: Day(iso: info.end)!)
        simulation = Simulation(policy: policy, population: population, census: census,
                                config: SimulationConfig(period: period, seed: info.seed, threads: threads,
                                                         traceEvery: info.effectiveTraceEvery,
                                                         traced: TracedSubjects(naming: info.tracePeople, in: population)))
    }

    /// Runs to the end, or (with `stopAfter`) stops resumable at the first month end at least
    /// that many days in, with a checkpoint there. A checkpointed run also checkpoints its last
    /// day, committed with the last month and before the companions start, so that a run killed
    /// during its counterfactual or further seeds resumes from its finished state. At the end the
    /// store is closed, which takes the finished run out of WAL mode.
    mutating func runToEnd(stopAfter: Int? = nil) throws {
        let clock = Date()
        let total = simulation.config.period.days
        let progress = ProgressReporter(label: "simulate", total: Double(total), unit: "days", silent: quiet)
        var buffer = MonthBuffer()
        var lastCheckpoint = simulation.daysDone
        while !simulation.isFinished {
            let (y, m, _) = simulation.today.components
            let monthEnd = Day(year: m == 12 ? y + 1 : y, month: m == 12 ? 1 : m + 1, day: 1)!.adding(days: -1)
            simulation.run(until: monthEnd, observer: &buffer) { done in progress.update(done: Double(done)) }
            let stopping = stopAfter.map { simulation.daysDone >= $0 } ?? false
            var checkpoint: CheckpointRecord?
            let due = info.checkpointEvery > 0
                && (simulation.daysDone - lastCheckpoint >= info.checkpointEvery || simulation.isFinished)
            if stopping && !simulation.isFinished || due {
                checkpoint = try Checkpoints.write(simulation, info: info, in: store.directory)
                lastCheckpoint = simulation.daysDone
            }
            try store.commitPeriod(daysDone: simulation.daysDone, lastDay: simulation.today.adding(days: -1).description,
                                   metrics: buffer.metrics, traces: buffer.traces, checkpoint: checkpoint,
                                   listings: buffer.listings, standings: buffer.standings, decisions: buffer.decisions)
            if checkpoint != nil { try Checkpoints.prune(store: store, keep: keepCheckpoints, upTo: simulation.daysDone) }
            buffer = MonthBuffer()
            if stopping && !simulation.isFinished {
                progress.finish()
                let message = "stopped after \(simulation.daysDone) days; continue with: sclab resume \(store.directory)"
                if json { print("{\"stopped\": true, \"daysDone\": \(simulation.daysDone), \"folder\": \"\(store.directory)\"}") }
                else { print(message) }
                return
            }
        }
        progress.finish()
        timings["simulation"] = Date().timeIntervalSince(clock)
        let digest = simulation.digest()
        let groups = simulation.groupTallies(census: census)
        let companionClock = Date()
        let (extra, replicates) = try companions()
        if counterfactual || info.seeds > 1 {
            timings[info.seeds > 1 ? "counterfactual_and_seeds" : "counterfactual"] = Date().timeIntervalSince(companionClock)
        }
        let summary = RunSummary(info: info, folder: store.directory, simulation: simulation, digest: digest,
                                 timings: timings, days: total)
        try store.finish(snapshots: simulation.finalSnapshots(census: census), digest: digest,
                         summaryJSON: summary.json, groups: groups, metrics: extra, seedOutcomes: replicates)
        let report = try ReportFiles.write(store: store)
        try store.close()
        if !quiet { print(json ? summary.json : summary.text + "\nreport: \(report)") }
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

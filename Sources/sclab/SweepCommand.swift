import ArgumentParser
import Cluster
import Foundation
import Impact
import RunRecords
import RunStore
import Runs
import Simulation
import SocialCredit
import Society

/// `sclab sweep`: runs variants of a scenario with numbers set by path, then charts each
/// outcome against each varied parameter.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run variants of a scenario (numbers set by path) and chart each outcome against each parameter.",
        discussion: """
            Each --vary KEY=V1,V2,... names a number of the scenario by its path (keys, list items by id \
            or index: sources.cctv_cameras.coverage, rules.jaywalking_penalty.delta) and its values: the \
            levels of a grid, or for --design lhs the range (lowest to highest) a Latin hypercube of \
            --samples points covers. Every variant runs with each of --seeds seeds (societies), several \
            at a time where cores allow. OUT holds a run folder per run, sweep.csv (every run's values \
            and key metrics) and sweep.html (each outcome against each parameter, with the spread over seeds).
            """
    )

    @Option(name: .long, help: "Scenario name or file.")
    var scenario: String = "seed-article"

    @Option(name: .long, help: "KEY=V1,V2,...: a number of the scenario by its path, and its values (repeatable).")
    var vary: [String] = []

    @Option(name: .long, help: "grid (every combination) or lhs (Latin hypercube).")
    var design: SweepPlan.Design = .grid

    @Option(name: .long, help: "Points of a Latin hypercube.")
    var samples: Int = 8

    @Option(name: .long, help: "Number of people in each run.")
    var population: Int = 5_000

    @Option(name: .long, help: "Years to simulate from the start.")
    var years: Int = 1

    @Option(name: .long, help: "First day, YYYY-MM-DD (default: the scenario's start).")
    var start: String?

    @Option(name: .long, help: "Seeds (societies) per variant: --seed, --seed + 1, ...")
    var seeds: Int = 1

    @Option(name: .long, help: "The first seed; it also draws the Latin hypercube.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Runs at a time (default: one per core).")
    var jobs: Int?

    @Option(name: .long, help: "Output folder (default: a new folder under runs/).")
    var out: String?

    @Option(
        name: .long,
        help:
            "Under mpirun: ranks that share each run, its society split over them (for runs bigger than one node); must divide the number of ranks."
    )
    var ranksPerRun = 1

    @Flag(name: .long, help: "Skip each run's counterfactual (the behaviour-change outcome is then empty).")
    var noCounterfactual = false

    func validate() throws {
        guard !vary.isEmpty else {
            throw ValidationError(
                "give at least one --vary KEY=V1,V2,... (e.g. --vary sources.cctv_cameras.coverage=0.1,0.3)"
            )
        }
        try OptionBounds.check("--population", population, RunLimits.population)
        try OptionBounds.check("--ranks-per-run", ranksPerRun, Self.ranksPerRunRange)
        try OptionBounds.check("--years", years, RunLimits.years)
        try OptionBounds.check("--seeds", seeds, RunLimits.seeds)
        try OptionBounds.check("--jobs", jobs, RunLimits.threads)
        try OptionBounds.check("--samples", samples, Self.samplesRange)
        try OptionBounds.day("--start", start)
    }

    /// Ranks that may share a run: a society splits into at most one shard per province.
    static let ranksPerRunRange = 1...31

    /// Points of a Latin hypercube: each is a run per seed.
    static let samplesRange = 1...10_000

    func run() throws {
        let (path, scenario) = try loadScenario(self.scenario)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let plan: SweepPlan
        do {
            plan = try SweepPlan(
                scenarioText: text,
                file: path,
                vary: try vary.map(SweepPlan.Parameter.parse),
                design: design,
                samples: samples,
                seed: seed
            )
        } catch let error as ScenarioEdit.Failure {
            throw ValidationError("--vary \(error)")
        } catch let error as ImpactError {
            throw ValidationError(error.description)
        }
        let (first, last) = try runPeriod(scenario, start: start, days: nil, years: years)
        let session = try ClusterSession.start()
        let rank = session.rank
        // Under mpirun every rank writes to the same terminal: the others' lines say whose they are.
        let say: @Sendable (String) -> Void = { printError(rank == 0 ? $0 : "rank \(rank): \($0)") }
        let seedList = (0..<UInt64(seeds)).map { seed &+ $0 }
        let tasks = SweepTasks(variants: plan.variants.count, seeds: seedList)
        // Each run on one rank, or on a group of ranks that splits its society (one run at a time).
        let group = try session.groups(of: ranksPerRun)
        let shared = group.exchange.shards > 1
        let mine = tasks.assigned(to: group.index, of: group.count)
        let cores = ParallelChunks.defaultThreads
        let jobs = shared ? 1 : max(1, min(self.jobs ?? cores, mine.count))
        let threads = max(1, cores / jobs)
        try OptionBounds.checkMemory(
            population: (population + ranksPerRun - 1) / ranksPerRun,
            runsAtOnce: jobs * (noCounterfactual ? 1 : 2)
        )
        let folder = try agreeOnFolder(session, scenario: scenario.id)
        if rank == 0 {
            say(
                "sweep: \(plan.variants.count) variants × \(seedList.count) seeds = \(tasks.all.count) runs of \(grouped(population)) people, \(jobs) at a time"
                    + (session.ranks > 1 ? " on each of \(group.count) groups of \(ranksPerRun) rank(s)" : "")
            )
        }
        if session.ranks > 1 && group.exchange.shard == 0 {
            say("sweep: \(mine.count) of the \(tasks.all.count) runs on this rank's group")
        }
        let runs = WorkQueue<String>(count: mine.count)
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            while let index = runs.next() {
                let task = tasks.all[mine[index]]
                let directory = (folder as NSString).appendingPathComponent(task.directory)
                let info = RunInfo(
                    scenarioID: scenario.id,
                    scenarioText: plan.variants[task.variant].text,
                    population: population,
                    seed: task.seed,
                    start: first.description,
                    end: last.description,
                    threads: threads,
                    checkpointEvery: 0,
                    version: SCLab.configuration.version,
                    traceEvery: RunInfo.defaultTraceEvery(population: population)
                )
                // The group's first rank creates the run's store (every rank of the group gets
                // its error); the others only run.
                var store: RunStore?
                do {
                    _ = try group.exchange.agree {
                        store = try RunStore.create(directory: directory, info: info)
                        return directory
                    }
                } catch {
                    runs.failed(ValidationError("\(directory): \(error)"))
                    continue
                }
                do {
                    var driver = try RunDriver(
                        info: info,
                        store: store,
                        threads: threads,
                        counterfactual: !noCounterfactual,
                        exchange: group.exchange,
                        folder: directory
                    )
                    _ = try driver.runToEnd()
                    let done = runs.finished(index, directory)
                    if group.exchange.shard == 0 { say("sweep: run \(done) of \(mine.count) done (\(directory))") }
                } catch {
                    // A rank of a shared run that fails mid-run leaves the others of its group
                    // waiting in a collective: it stops, and mpirun ends the job.
                    if shared {
                        say("sweep: \(directory): \(error); stopping the job")
                        Foundation.exit(1)
                    }
                    runs.failed(ValidationError("\(directory): \(error)"))
                }
            }
        }
        // The ranks meet here (the all-gather waits for every rank's runs) and agree whether
        // the sweep failed; then rank 0 alone reads every run and writes the sweep's files.
        let failed = session.exchange.allGather([Int64(runs.failures.count)]).map { Int($0[0]) }.reduce(0, +)
        session.finish()
        if failed > 0 {
            if let failure = runs.failures.first {
                throw ValidationError("sweep: \(failed) runs failed; first: \(failure)")
            }
            throw ValidationError("sweep: \(failed) runs failed on other ranks")
        }
        guard rank == 0 else { return }
        let result = try SweepResult(
            parameters: plan.parameters,
            design: design,
            scenario: scenario.id,
            population: population,
            start: first.description,
            end: last.description,
            command: (["sclab"] + CommandLine.arguments.dropFirst()).joined(separator: " "),
            runs: tasks.all.map { task in
                let directory = (folder as NSString).appendingPathComponent(task.directory)
                return SweepResult.Run(
                    variant: task.variant,
                    seed: task.seed,
                    directory: directory,
                    values: plan.variants[task.variant].values,
                    metrics: try RunData.load(directory: directory).keyMetrics
                )
            }
        )
        try Output.write(result.csv(), to: (folder as NSString).appendingPathComponent("sweep.csv"))
        try Output.write(result.report.html(), to: (folder as NSString).appendingPathComponent("sweep.html"))
        print("sweep: \(tasks.all.count) runs in \(folder)\ncsv: \(folder)/sweep.csv\nreport: \(folder)/sweep.html")
    }

    /// The sweep's folder, the same at every rank: rank 0 names it (OUT, or a new folder under
    /// runs/), checks that it is empty and creates it before any rank writes there, then tells
    /// the others "ok" and the folder, or the error, so that all ranks stop with the same error.
    func agreeOnFolder(_ session: ClusterSession, scenario: String) throws -> String {
        do {
            return try session.agree {
                let folder = out ?? RunFolder.fresh(scenario: "sweep-\(scenario)")
                if let existing = try? FileManager.default.contentsOfDirectory(atPath: folder), !existing.isEmpty {
                    throw ValidationError("\(folder): the folder is not empty; choose a new one for the sweep")
                }
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw ValidationError("\(folder): cannot create the folder: \(plainReason(of: error))")
                }
                return folder
            }
        } catch {
            session.finish()
            throw error
        }
    }
}

extension SweepPlan.Design: ExpressibleByArgument {}

import ArgumentParser
import Cluster
import Foundation
import RunRecords
import RunStore
import Runs
import Simulation
import SocialCredit
import Society

/// `sclab simulate`: the main job — a scenario operating day by day on a synthetic society.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run a scenario day by day on a synthetic society and store what it did.",
        discussion: """
            With no options: the seed scenario on 100,000 people over 2014-2020, seed 1, written \
            to a new folder under runs/. The folder holds run.sqlite (scenario, parameters, monthly \
            metrics, record histories of traced people, final states, counts by group, the \
            counterfactual's behaviour, the key figures of each further seed of --seeds) and \
            report.html; with --checkpoint-every, \
            checkpoints that `sclab resume DIR` continues from. The state digest at the end (SHA-256 \
            of every person's and company's final state) is the same for the same scenario, size and \
            seed on any number of threads.
            """
    )

    @Option(name: .long, help: "Scenario name (see `sclab scenarios`) or file (default: seed-article).")
    var scenario: String?

    @Option(
        name: .long,
        help:
            "Number of people (default: 100,000; at most \(grouped(RunLimits.population.upperBound)) in one process, \(grouped(RunLimits.shardedPopulation.upperBound)) over MPI ranks, and as many as fit in memory)."
    )
    var population: Int?

    @Option(name: .long, help: "Years to simulate from the start (instead of the scenario's period).")
    var years: Int?

    @Option(name: .long, help: "Days to simulate from the start (instead of the scenario's period).")
    var days: Int?

    @Option(
        name: .long,
        help:
            "First day, YYYY-MM-DD (default: the scenario's start; a run's days fall in \(RunLimits.firstDay) to \(RunLimits.lastDay))."
    )
    var start: String?

    @Option(name: .long, help: "Seed of the society and the run (default: 1).")
    var seed: UInt64?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Seeds (societies) to measure the run over: this run's seed and the next K − 1 (default: \(Self.defaultSeeds), at most \(Self.maximumSeeds)).",
            discussion:
                "Each further seed runs in memory with its counterfactual after the main run, several at a time; the report gives each difference against the counterfactual with its 95% interval over the seeds.",
            valueName: "K"
        )
    )
    var seeds: Int?

    /// Seeds by default: three give an interval (two degrees of freedom) at three times the run time.
    static let defaultSeeds = 3
    /// The most seeds (`RunLimits.seeds`).
    static let maximumSeeds = RunLimits.seeds.upperBound

    @Option(name: .long, help: "Threads (default: all cores). The result does not depend on it.")
    var threads: Int?

    @Option(name: .long, help: "Output folder (default: a new folder under runs/).")
    var out: String?

    @Option(
        name: .long,
        help: "Write a checkpoint at the first month end at least this many days after the last (0: none)."
    )
    var checkpointEvery: Int = 0

    @Option(
        name: .long,
        help:
            "Checkpoints to keep (default: \(Checkpoints.defaultKeep)); older ones are deleted once a newer one is recorded."
    )
    var keepCheckpoints = Checkpoints.defaultKeep

    @Option(
        name: .long,
        help: "Keep the full record history of one person in this many (default: about 1,000 people traced)."
    )
    var traceEvery: Int?

    @Option(
        name: .customLong("trace-person"),
        help:
            "Also trace this person (and their relatives, friends and employer); repeatable. Tracing changes no result."
    )
    var tracePeople: [Int] = []

    @Option(
        name: .long,
        help:
            "Run again exactly what the run in this folder ran (its scenario text, size, seed and days), e.g. with more people traced."
    )
    var like: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "What if the rules changed from DATE: run --scenario (default: the baseline's own) from DATE on, the baseline run's scenario before it.",
            discussion:
                "The society, seed, days and tracing are the baseline's; the run starts from the baseline's newest checkpoint at or before DATE (or replays from its first day), so what differs is caused by the change alone. The scenario may change values, not its structure (the same behaviours, sources, rules, lists, ...).",
            valueName: "DIR@DATE"
        )
    )
    var branch: String?

    @Option(
        name: .long,
        help: "Stop, resumable, at the first month end at least this many days in (a checkpoint is written there)."
    )
    var stopAfter: Int?

    @Flag(name: .long, help: "Print the summary, digest and timings as one JSON object.")
    var json = false

    @Flag(
        name: .long,
        help:
            "Skip the counterfactual run (the same society with the system switched off) that the report compares behaviour with."
    )
    var noCounterfactual = false

    func validate() throws {
        if let branch { try validateBranch(branch) }
        if like != nil {
            let given = [
                ("--scenario", scenario != nil), ("--population", population != nil), ("--seed", seed != nil),
                ("--years", years != nil), ("--days", days != nil), ("--start", start != nil),
            ]
            .filter(\.1).map(\.0)
            if !given.isEmpty {
                throw ValidationError(
                    "--like takes the scenario, size, seed and days from the run; drop \(given.joined(separator: ", "))"
                )
            }
        }
        if let bad = tracePeople.first(where: { $0 < 0 }) {
            throw ValidationError("--trace-person must be a person number, 0 or more (got \(bad))")
        }
        try OptionBounds.check(
            "--trace-person (the number of people named)",
            tracePeople.count,
            RunLimits.tracePeopleCount
        )
        try OptionBounds.check("--seeds", seeds, RunLimits.seeds)
        try OptionBounds.check("--stop-after", stopAfter, RunLimits.days)
        try OptionBounds.check("--population", population, RunLimits.shardedPopulation)
        try OptionBounds.check("--years", years, RunLimits.years)
        try OptionBounds.check("--days", days, RunLimits.days)
        if years != nil && days != nil { throw ValidationError("give --years or --days, not both") }
        try OptionBounds.check("--checkpoint-every", checkpointEvery, RunLimits.checkpointEvery)
        try OptionBounds.check("--trace-every", traceEvery, RunLimits.traceEvery)
        try OptionBounds.check("--threads", threads, RunLimits.threads)
        try OptionBounds.check("--keep-checkpoints", keepCheckpoints, Checkpoints.keepRange)
        try OptionBounds.day("--start", start)
    }

    /// Runs in this process, or (under `mpirun -np K`, built with the MPI trait) as one of K
    /// ranks that each run a shard of the society; rank 0 writes the run and prints.
    func run() throws {
        let session = try ClusterSession.start()
        defer { session.finish() }
        if let branch { return try runBranch(branch, session: session) }
        let info = try like.map(repeatRun) ?? newRun()
        if let bad = info.tracePeople.first(where: { $0 >= info.population }) {
            throw ValidationError(
                "--trace-person \(bad) is not in a society of \(grouped(info.population)) people (0 to \(info.population - 1))"
            )
        }
        if session.ranks == 1 {
            try OptionBounds.check("--population (in one process)", info.population, RunLimits.population)
        } else {
            let census = try PopulationGenerator().census
            let most = SocietyShard.maximumCount(census: census)
            guard session.ranks <= most else {
                throw ValidationError(
                    "a society is split into at most \(most) ranks (one province each), not \(session.ranks)"
                )
            }
            let shards = try SocietyShard.split(size: info.population, census: census, into: session.ranks)
            let largest = SocietyShard.people(of: shards, size: info.population, census: census).max() ?? 0
            try OptionBounds.check("--population (the largest rank's shard)", largest, RunLimits.population)
        }
        let threadCount = threads ?? ParallelChunks.defaultThreads
        // Each rank holds its share of the people (shards are balanced by people).
        var share = info
        share.population = (info.population + session.ranks - 1) / session.ranks
        try OptionBounds.checkMemory(for: share, threads: threadCount, counterfactual: !noCounterfactual)
        // Rank 0 names the folder and creates the store before any rank runs; every rank stops
        // with its error if it cannot.
        var store: RunStore?
        let folder = try session.agree {
            let folder = out ?? RunFolder.fresh(scenario: info.scenarioID)
            store = try RunStore.create(directory: folder, info: info)
            return folder
        }
        let outcome = try sayingRunErrors {
            var runner = try RunDriver(
                info: info,
                store: store,
                threads: threadCount,
                counterfactual: !noCounterfactual,
                delegate: session.rank == 0 ? TerminalRunProgress(messages: !json) : nil,
                exchange: session.exchange,
                folder: folder
            )
            runner.keepCheckpoints = keepCheckpoints
            return try runner.runToEnd(stopAfter: stopAfter)
        }
        if session.rank == 0 { TerminalRunProgress.print(outcome, folder: folder, json: json) }
    }

    /// The run the flags describe.
    private func newRun() throws -> RunInfo {
        let (path, scenario) = try loadScenario(self.scenario ?? "seed-article")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let (first, last) = try runPeriod(scenario, start: start, days: days, years: years)
        let size = population ?? 100_000
        return RunInfo(
            scenarioID: scenario.id,
            scenarioText: text,
            population: size,
            seed: seed ?? 1,
            start: first.description,
            end: last.description,
            threads: threads ?? ParallelChunks.defaultThreads,
            checkpointEvery: checkpointEvery,
            version: SCLab.configuration.version,
            traceEvery: traceEvery ?? RunInfo.defaultTraceEvery(population: size),
            tracePeople: tracePeople,
            seeds: seeds ?? Self.defaultSeeds
        )
    }

    /// The run stored in `directory` again, with this command's tracing, checkpoints and threads
    /// (and seeds, when given).
    private func repeatRun(_ directory: String) throws -> RunInfo {
        var info = try RunStore.openReadOnly(directory: directory).info()
        if let traceEvery { info.traceEvery = traceEvery } else { info.traceEvery = info.effectiveTraceEvery }
        info.tracePeople += tracePeople.filter { !info.tracePeople.contains($0) }
        info.threads = threads ?? ParallelChunks.defaultThreads
        info.checkpointEvery = checkpointEvery
        if let seeds { info.seeds = seeds }
        info.version = SCLab.configuration.version
        return info
    }
}

/// The days a run covers: from `start` (or the scenario's start) for `days` days or `years`
/// years, or to the scenario's end.
/// The run's days (`RunPeriod.resolve`), its errors as the command line's.
func runPeriod(_ scenario: Scenario, start: String?, days: Int?, years: Int?) throws -> (first: Day, last: Day) {
    let first = try OptionBounds.day("--start", start)
    do {
        return try RunPeriod.resolve(scenario, start: first, days: days, years: years)
    } catch let error as RunError {
        throw ValidationError(error.description)
    }
}

enum RunFolder {
    static func fresh(scenario: String) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        formatter.timeZone = TimeZone(identifier: "UTC")
        let base = "runs/\(scenario)-\(formatter.string(from: Date()))"
        var candidate = base
        var n = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        return candidate
    }
}

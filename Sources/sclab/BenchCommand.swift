import ArgumentParser
import Foundation
import RunRecords
import Simulation
import SocialCredit
import Society

/// `sclab bench`: how fast the simulation runs on this machine, without writing a run.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure simulation speed and memory (use a release build).",
        discussion: """
            Generates a society, runs the scenario for the given days with nothing written to disk, \
            and prints person-days per second, records per second, bytes per person and peak memory. \
            Build with `swift build -c release` first: debug builds are many times slower.
            """
    )

    @Option(name: .long, help: "Number of people.")
    var population: Int = 1_000_000

    @Option(name: .long, help: "Days to simulate.")
    var days: Int = 365

    @Option(name: .long, help: "Scenario name or file.")
    var scenario: String = "seed-article"

    @Option(name: .long, help: "Seed.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Threads (default: all cores).")
    var threads: Int?

    @Flag(name: .long, help: "Print the figures as JSON.")
    var json = false

    func validate() throws {
        try OptionBounds.check("--population", population, RunLimits.population)
        try OptionBounds.check("--days", days, RunLimits.days)
        try OptionBounds.check("--threads", threads, RunLimits.threads)
    }

    func run() throws {
        let policy = try Policy(loadScenario(scenario).scenario)
        let threadCount = threads ?? ParallelChunks.defaultThreads
        let start = policy.scenario.period.start
        let end = start.adding(days: days - 1)
        if let problem = RunLimits.periodProblem(first: start, last: end) { throw ValidationError(problem) }
        try OptionBounds.checkMemory(population: population, runsAtOnce: 1)
        let generator = try PopulationGenerator()
        let period = Period(start: start, end: end)
        var memory = (people: 0, households: 0, network: 0, companies: 0)
        var generation = 0.0
        var simulation = Self.prepare(
            policy: policy,
            population: population,
            seed: seed,
            threads: threadCount,
            period: period,
            generator: generator,
            memory: &memory,
            generation: &generation
        )
        var sink = Discard()
        let progress = ProgressReporter(label: "bench", total: Double(days), unit: "days")
        let clock = Date()
        simulation.run(observer: &sink) { progress.update(done: Double($0)) }
        progress.finish()
        let seconds = Date().timeIntervalSince(clock)
        let records = simulation.runTotals["records.total"] ?? 0
        let profile = simulation.profile
        let events = Double(profile.events)
        func share(_ part: Double) -> Double { seconds > 0 ? part / seconds : 0 }
        let societyBytes = Double(memory.people + memory.households + memory.network + memory.companies)
        let figures: [String: Double] = [
            "population": Double(population), "days": Double(days), "threads": Double(threadCount),
            "generationSeconds": generation, "simulationSeconds": seconds,
            "personDaysPerSecond": Double(population) * Double(days) / seconds,
            "recordsPerSecond": records / seconds,
            "societyBytesPerPerson": societyBytes / Double(population),
            "stateBytesPerPerson": Double(simulation.stateBytesPerPerson),
            "peakMemoryBytes": Double(Self.peakResidentBytes()),
            "events": events, "behaviorEvents": Double(profile.behaviorEvents),
            "actionEvents": Double(profile.actionEvents), "calendarItems": Double(profile.calendarItems),
            "nanosecondsPerEvent": events > 0 ? seconds * 1e9 / events : 0,
            "eventsPerSecond": events / seconds,
            "scanShare": share(profile.scanSeconds), "eventShare": share(profile.eventSeconds),
            "calendarShare": share(profile.calendarSeconds), "monthEndShare": share(profile.monthEndSeconds),
        ]
        if json {
            let data = try JSONSerialization.data(withJSONObject: figures, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(
                """
                \(policy.scenario.id): \(grouped(population)) people x \(days) days on \(threadCount) thread\(threadCount == 1 ? "" : "s")
                  society generated in \(String(format: "%.2f", generation)) s
                  simulated in \(String(format: "%.2f", seconds)) s: \(ProgressReporter.format(figures["personDaysPerSecond"]!)) person-days/s, \(ProgressReporter.format(figures["recordsPerSecond"]!)) records/s
                  \(grouped(profile.events)) events (\(grouped(profile.behaviorEvents)) behaviour, \(grouped(profile.actionEvents)) action; refresh days included): \(String(format: "%.1f", figures["nanosecondsPerEvent"]!)) ns per event, \(ProgressReporter.format(figures["eventsPerSecond"]!)) events/s
                  time: scan \(Self.percent(figures["scanShare"]!)), events \(Self.percent(figures["eventShare"]!)), calendar \(Self.percent(figures["calendarShare"]!)), month ends \(Self.percent(figures["monthEndShare"]!))
                  memory: \(String(format: "%.1f", figures["societyBytesPerPerson"]!)) bytes per person for the society (network included), \(simulation.stateBytesPerPerson) for the run state; peak \(String(format: "%.2f", figures["peakMemoryBytes"]! / 1e9)) GB
                """
            )
        }
    }

    /// Generates the society and prepares the run: the population is let go before the run's
    /// state is made, and what the preparation read of each person once it is made (the run
    /// keeps what it reads of the society, as `sclab simulate` does). Sets the society's memory
    /// and the seconds its generation took.
    static func prepare(
        policy: Policy,
        population count: Int,
        seed: UInt64,
        threads: Int,
        period: Period,
        generator: PopulationGenerator,
        memory: inout (people: Int, households: Int, network: Int, companies: Int),
        generation: inout Double
    ) -> Simulation {
        let (bytes, society, facts) = {
            let clock = Date()
            let population = generator.generate(size: count, seed: seed, threads: threads)
            // Generation alone: making the run's parts of it is preparing the run.
            generation = Date().timeIntervalSince(clock)
            return (population.memory, RunSociety(population, threads: threads), PersonFacts(population))
        }()
        memory = bytes
        return Simulation(
            policy: policy,
            society: society,
            facts: facts,
            census: generator.census,
            config: SimulationConfig(
                period: period,
                seed: seed,
                threads: threads,
                traceEvery: max(1, count / 1000),
                measuresTime: true
            )
        )
    }

    /// A share as a percentage with one decimal.
    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

    /// Peak resident set size of this process.
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
    }
}

/// An observer that keeps nothing.
struct Discard: SimulationObserver {
    mutating func monthEnded(daysDone: Int, lastDay: Day, metrics: [MetricPoint], traces: [RecordTrace]) {}
}

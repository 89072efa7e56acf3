import ArgumentParser
import Foundation
import RunStore
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
            counterfactual's behaviour) and report.html; with --checkpoint-every, \
            checkpoints that `sclab resume DIR` continues from. The state digest at the end (SHA-256 \
            of every person's and company's final state) is the same for the same scenario, size and \
            seed on any number of threads.
            """)

    @Option(name: .long, help: "Scenario name (see `sclab scenarios`) or file.")
    var scenario: String = "seed-article"

    @OptionGroup var society: SocietyOptions

    @Option(name: .long, help: "Years to simulate from the start (instead of the scenario's period).")
    var years: Int?

    @Option(name: .long, help: "Days to simulate from the start (instead of the scenario's period).")
    var days: Int?

    @Option(name: .long, help: "First day, YYYY-MM-DD (default: the scenario's start).")
    var start: String?

    @Option(name: .long, help: "Output folder (default: a new folder under runs/).")
    var out: String?

    @Option(name: .long, help: "Write a checkpoint at the first month end at least this many days after the last (0: none).")
    var checkpointEvery: Int = 0

    @Option(name: .long, help: "Keep the full record history of one person in this many (default: about 1,000 people traced).")
    var traceEvery: Int?

    @Option(name: .long, help: "Stop, resumable, at the first month end at least this many days in (a checkpoint is written there).")
    var stopAfter: Int?

    @Flag(name: .long, help: "Print the summary, digest and timings as one JSON object.")
    var json = false

    @Flag(name: .long, help: "Skip the counterfactual run (the same society with the system switched off) that the report compares behaviour with.")
    var noCounterfactual = false

    func validate() throws {
        if let stopAfter, stopAfter < 1 { throw ValidationError("--stop-after must be at least 1 (got \(stopAfter))") }
        if let years, years < 1 { throw ValidationError("--years must be at least 1 (got \(years))") }
        if let days, days < 1 { throw ValidationError("--days must be at least 1 (got \(days))") }
        if years != nil && days != nil { throw ValidationError("give --years or --days, not both") }
        if checkpointEvery < 0 { throw ValidationError("--checkpoint-every must not be negative (got \(checkpointEvery))") }
        if let traceEvery, traceEvery < 1 { throw ValidationError("--trace-every must be at least 1 (got \(traceEvery))") }
        if let start, Day(iso: start) == nil { throw ValidationError("--start '\(start)' is not a date (YYYY-MM-DD)") }
    }

    func run() throws {
        let (path, scenario) = try loadScenario(self.scenario)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let first = start.flatMap { Day(iso: $0) } ?? scenario.period.start
        let last: Day
        if let days { last = first.adding(days: days - 1) }
        else if let years { last = Day(year: first.year + years, month: first.components.month, day: 1)!.adding(days: first.components.day - 2) }
        else { last = scenario.period.end }
        guard first <= last else {
            throw ValidationError("the start \(first) is after the end \(last) of the scenario's period; give --days or --years")
        }
        let threadCount = society.threadCount
        let folder = out ?? RunFolder.fresh(scenario: scenario.id)
        let info = RunInfo(scenarioID: scenario.id, scenarioText: text, population: society.population, seed: society.seed,
                           start: first.description, end: last.description, threads: threadCount,
                           checkpointEvery: checkpointEvery, version: SCLab.configuration.version)
        let store = try RunStore.create(directory: folder, info: info)
        var runner = try RunDriver(info: info, store: store, threads: threadCount, traceEvery: traceEvery, json: json,
                                   counterfactual: !noCounterfactual)
        try runner.runToEnd(stopAfter: stopAfter)
    }
}

/// New run folders: `runs/<scenario>-<date>-<time>`, never an existing one.
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

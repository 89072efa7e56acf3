import ArgumentParser
import Foundation
import RunRecords
import Simulation
import Society

/// `sclab population`: generates a synthetic society and compares it with the 2020 census.
struct PopulationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "population",
        abstract: "Generate a synthetic society and compare it with China's 2020 census.",
        discussion: """
            Prints, for every census marginal (age groups by sex, provinces, urban share, household \
            sizes and generations, mean household size, education, income quintile shares and Gini, \
            drivers, internet users) and the aggregates (men per 100 women, shares under 15 and 65 and \
            over, mean age), the census figure, the generated figure, the deviation and the tolerance, then the friendship network's structure, the companies and the memory used. \
            No real person is represented: everyone is drawn from the census tables with the seed.
            """
    )

    @Option(name: .long, help: "Number of people (1,000 to 100,000,000).")
    var size: Int = 100_000

    @Option(name: .long, help: "Random seed; the same size and seed give the same society.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Threads to use (default: all cores). The result does not depend on it.")
    var threads: Int?

    @Flag(name: .long, help: "Exit 1 when any marginal or aggregate is outside its tolerance.")
    var check = false

    @Flag(name: .long, help: "Print the comparison as JSON.")
    var json = false

    func validate() throws {
        try OptionBounds.check("--size", size, RunLimits.population)
        try OptionBounds.check("--threads", threads, RunLimits.threads)
    }

    func run() throws {
        let generator = try PopulationGenerator()
        let progress = ProgressReporter(label: "population", total: 1, unit: "steps")
        let started = Date()
        let timings = StepTimings()
        let population = generator.generate(size: size, seed: seed, threads: threads ?? ParallelChunks.defaultThreads) {
            step,
            fraction in
            timings.mark(step)
            progress.update(done: fraction, step: step)
        }
        progress.finish()
        let seconds = Date().timeIntervalSince(started)
        printError("steps: " + timings.summary)
        let report = SocietyReport(population: population, census: generator.census)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            var object = try JSONSerialization.jsonObject(with: encoder.encode(report)) as! [String: Any]
            object["generationSeconds"] = seconds
            object["passed"] = report.passed
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(
                SocietyReportText(report: report, seconds: seconds, threads: threads ?? ParallelChunks.defaultThreads)
                    .text
            )
        }
        if check && !report.passed { throw ExitCode(1) }
    }
}

/// Wall-clock time spent in each generation step, for the figures in the README.
final class StepTimings: @unchecked Sendable {
    private var steps: [(name: String, start: Date)] = []
    private var end = Date()
    private let lock = NSLock()

    func mark(_ step: String) {
        lock.lock()
        defer { lock.unlock() }
        steps.append((step, Date()))
        end = Date()
    }

    var summary: String {
        lock.lock()
        defer { lock.unlock() }
        return zip(steps, steps.dropFirst()).map { current, next in
            String(format: "%@ %.2f s", current.name, next.start.timeIntervalSince(current.start))
        }.joined(separator: ", ")
    }
}

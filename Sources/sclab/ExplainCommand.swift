import ArgumentParser
import Foundation
import Impact
import RunRecords
import Simulation
import Society

/// `sclab explain DIR --person ID`: one person's credit report from a run (N1).
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "A person's credit report: records, score, lists, appeals, measures and why, family and friends.",
        discussion: """
            Reads the run's traced records of the person and lets the decision engine recompute and \
            explain their standing. For a person the run did not trace, it says so and prints the \
            re-run (`sclab simulate --like DIR --trace-person ID`) that traces them with the same result.
            """
    )

    @Argument(help: "The run folder (holding run.sqlite).")
    var directory: String

    @Option(name: .long, help: "The person's number (0 to population - 1).")
    var person: Int

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    @Option(name: .long, help: "Threads for regenerating the society (default: all cores).")
    var threads: Int?

    func validate() throws {
        try OptionBounds.check("--person", person, 0...(RunLimits.population.upperBound - 1))
        try OptionBounds.check("--threads", threads, RunLimits.threads)
    }

    func run() throws {
        let report = try CreditReport.load(
            directory: directory,
            person: person,
            threads: threads ?? ParallelChunks.defaultThreads
        )
        print(json ? try report.json() : report.text, terminator: "")
    }
}

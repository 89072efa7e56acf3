import ArgumentParser
import Foundation
import Impact
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
            """)

    @Argument(help: "The run folder (holding run.sqlite).")
    var directory: String

    @Option(name: .long, help: "The person's number (0 to population - 1).")
    var person: Int

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    @Option(name: .long, help: "Threads for regenerating the society (default: all cores).")
    var threads: Int?

    func validate() throws {
        if person < 0 { throw ValidationError("--person must be 0 or more (got \(person))") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1 (got \(threads))") }
    }

    func run() throws {
        let report = try CreditReport.load(directory: directory, person: person, threads: threads ?? ParallelChunks.defaultThreads)
        print(json ? try report.json() : report.text, terminator: "")
    }
}

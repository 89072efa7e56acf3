import ArgumentParser
import Foundation
import Impact
import RunRecords
import Simulation
import Society

/// `sclab verify DIR`: the decision engine re-derives a run's traced standings and decisions (N1).
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract:
            "Re-derive every traced subject's standing and decisions with the decision engine; exit 1 on any disagreement.",
        discussion: """
            For every traced person and company, the decision engine alone recomputes the standing \
            (score, tier, lists, ceilings, spillovers) at every month end and every decision on an \
            action attempt, from the run's record traces and the society regenerated from its size \
            and seed, and compares them with what the run stored. Prints how many subjects, months \
            and decisions were checked and every disagreement (subject, day, field, both answers). \
            People whose relatives, friends or employer were not traced are checked on everything \
            except spillovers; `sclab simulate --trace-every 1` makes a small run fully verifiable. \
            Exit status: 0 when the engine agrees with the run, 1 on any disagreement, 2 when the \
            folder cannot be verified (no run, a damaged run, a run made before schema version 5).
            """
    )

    @Argument(help: "The run folder (holding run.sqlite).")
    var directory: String

    @Flag(name: .long, help: "Print the verification as JSON.")
    var json = false

    @Option(name: .long, help: "Threads for regenerating the society and checking subjects (default: all cores).")
    var threads: Int?

    func validate() throws {
        try OptionBounds.check("--threads", threads, RunLimits.threads)
    }

    func run() throws {
        let verification: Verification
        do {
            verification = try Verification.run(directory: directory, threads: threads ?? ParallelChunks.defaultThreads)
        } catch {
            printError("Error: \(error)")
            throw ExitCode(2)
        }
        print(json ? try verification.json() : verification.text, terminator: "")
        if !verification.agrees { throw ExitCode(1) }
    }
}

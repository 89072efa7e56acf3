import ArgumentParser
import Foundation
import RunRecords
import RunStore
import Runs
import Simulation
import SocialCredit
import Society

/// `sclab resume DIR`: continues a checkpointed run from its latest checkpoint.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Continue a run from its latest checkpoint.",
        discussion: """
            The society is regenerated from the run's size and seed (which give the same society), \
            the state is loaded from the latest checkpoint that is whole and of this run (those \
            run.sqlite records and the checkpoints/day-N.bin files; a damaged one is named and the \
            one before used), and the run continues to its end, its counterfactual included. The \
            final digest equals that of the same run done without interruption.
            """
    )

    @Argument(help: "The run folder (holding run.sqlite).")
    var directory: String

    @Option(name: .long, help: "Threads (default: all cores). The result does not depend on it.")
    var threads: Int?

    @Flag(name: .long, help: "Print the summary, digest and timings as one JSON object.")
    var json = false

    @Option(
        name: .long,
        help:
            "Checkpoints to keep (default: \(Checkpoints.defaultKeep)); older ones are deleted once a newer one is recorded."
    )
    var keepCheckpoints = Checkpoints.defaultKeep

    func validate() throws {
        try OptionBounds.check("--threads", threads, RunLimits.threads)
        try OptionBounds.check("--keep-checkpoints", keepCheckpoints, Checkpoints.keepRange)
    }

    func run() throws {
        // Asked read-only first, so a finished run on read-only media gets this answer, not a write error.
        let stored = try RunStore.openReadOnly(directory: directory).progress()
        guard !stored.finished else {
            // A run killed after its finish committed may still be in WAL mode: closing it leaves it.
            if RunStore.isInWALMode(directory: directory) { try? RunStore.open(directory: directory).close() }
            throw ValidationError("\(directory): the run is already finished (digest \(stored.digest ?? "?"))")
        }
        let store = try RunStore.open(directory: directory)
        let info = try store.info()
        try OptionBounds.checkMemory(for: info, threads: threads ?? ParallelChunks.defaultThreads, counterfactual: true)
        let progress = try store.progress()
        let outcome = try sayingRunErrors {
            var driver = try RunDriver(
                info: info,
                store: store,
                threads: threads ?? ParallelChunks.defaultThreads,
                delegate: TerminalRunProgress(messages: !json)
            )
            driver.keepCheckpoints = keepCheckpoints
            let checkpoint = try Checkpoints.restoreLatest(
                &driver.simulation,
                info: info,
                store: store,
                progress: progress
            ) {
                printError($0)
            }
            if !json { printError("resuming \(info.scenarioID) from \(driver.simulation.today) (\(checkpoint))") }
            return try driver.runToEnd()
        }
        TerminalRunProgress.print(outcome, folder: store.directory, json: json)
    }
}

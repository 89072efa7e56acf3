import ArgumentParser
import Cluster
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
            final digest equals that of the same run done without interruption. A run sharded over \
            K ranks (mpirun -np K sclab simulate) resumes under mpirun -np K from the latest day \
            whose checkpoint is whole on every rank.
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

    /// Resumes in this process, or (under `mpirun -np K`, a run sharded over K ranks) as one of
    /// the K ranks that ran it: rank 0 opens the run and tells the others what it is.
    func run() throws {
        let session = try ClusterSession.start()
        defer { session.finish() }
        var store: RunStore?
        let stored = try session.agree {
            // Asked read-only first, so a finished run on read-only media gets this answer, not a write error.
            let stored = try RunStore.openReadOnly(directory: directory).progress()
            guard !stored.finished else {
                // A run killed after its finish committed may still be in WAL mode: closing it leaves it.
                if RunStore.isInWALMode(directory: directory) { try? RunStore.open(directory: directory).close() }
                throw ValidationError("\(directory): the run is already finished (digest \(stored.digest ?? "?"))")
            }
            let opened = try RunStore.open(directory: directory)
            store = opened
            return String(decoding: try JSONEncoder().encode(try opened.info()), as: UTF8.self)
        }
        let info = try JSONDecoder().decode(RunInfo.self, from: Data(stored.utf8))
        let threadCount = threads ?? ParallelChunks.defaultThreads
        // Each rank holds its share of the people (shards are balanced by people).
        var share = info
        share.population = (info.population + session.ranks - 1) / session.ranks
        try OptionBounds.checkMemory(for: share, threads: threadCount, counterfactual: true)
        let rank = session.rank
        let outcome = try sayingRunErrors {
            var driver = try RunDriver(
                info: info,
                store: store,
                threads: threadCount,
                delegate: rank == 0 ? TerminalRunProgress(messages: !json) : nil,
                exchange: session.exchange,
                folder: directory
            )
            driver.keepCheckpoints = keepCheckpoints
            let checkpoint = try Checkpoints.restoreLatest(
                &driver.simulation,
                info: info,
                directory: directory,
                store: store,
                progress: try store?.progress(),
                exchange: session.exchange
            ) {
                printError(rank == 0 ? $0 : "rank \(rank): \($0)")
            }
            if rank == 0 && !json {
                let ranks = session.ranks > 1 ? " on \(session.ranks) ranks" : ""
                printError("resuming \(info.scenarioID) from \(driver.simulation.today) (\(checkpoint))\(ranks)")
            }
            return try driver.runToEnd()
        }
        if rank == 0 { TerminalRunProgress.print(outcome, folder: directory, json: json) }
    }
}

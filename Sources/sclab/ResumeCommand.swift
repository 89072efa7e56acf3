import ArgumentParser
import Foundation
import RunStore
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
            the state is loaded from the checkpoint named in run.sqlite, and the run continues to \
            its end. The final digest equals that of the same run done without interruption.
            """)

    @Argument(help: "The run folder (holding run.sqlite).")
    var directory: String

    @Option(name: .long, help: "Threads (default: all cores). The result does not depend on it.")
    var threads: Int?

    @Flag(name: .long, help: "Print the summary, digest and timings as one JSON object.")
    var json = false

    func validate() throws {
        try OptionBounds.check("--threads", threads, RunLimits.threads)
    }

    func run() throws {
        let store = try RunStore.open(directory: directory)
        let info = try store.info()
        try OptionBounds.checkMemory(for: info, threads: threads ?? ParallelChunks.defaultThreads, counterfactual: true)
        let progress = try store.progress()
        guard !progress.finished else {
            throw ValidationError("\(directory): the run is already finished (digest \(progress.digest ?? "?"))")
        }
        guard let checkpoint = progress.checkpoint else {
            throw ValidationError("\(directory): the run has no checkpoint to resume from (run it with --checkpoint-every DAYS)")
        }
        let path = (directory as NSString).appendingPathComponent(checkpoint)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("\(path): checkpoint file missing or unreadable")
        }
        var driver = try RunDriver(info: info, store: store, threads: threads ?? ParallelChunks.defaultThreads, json: json)
        do {
            try driver.simulation.restore(from: data)
        } catch {
            throw ValidationError("\(path): \(error)")
        }
        if !json { printError("resuming \(info.scenarioID) from \(driver.simulation.today) (\(checkpoint))") }
        try driver.runToEnd()
    }
}

import ArgumentParser
import RunRecords
import Simulation
import Society

/// The society a run is simulated on, and the threads it uses, for `calibrate` (`simulate`
/// keeps its own, optional, flags so that `--like` can refuse them when given).
struct SocietyOptions: ParsableArguments {
    @Option(name: .long, help: "Number of people.")
    var population: Int = 100_000

    @Option(name: .long, help: "Seed of the society and the run.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Threads (default: all cores). The result does not depend on it.")
    var threads: Int?

    func validate() throws {
        try OptionBounds.check("--population", population, RunLimits.population)
        try OptionBounds.check("--threads", threads, RunLimits.threads)
    }

    /// The threads to use.
    var threadCount: Int { threads ?? ParallelChunks.defaultThreads }
}

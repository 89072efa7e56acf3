import RunRecords
import RunStore
import Simulation
import SocialCredit

/// A run in one line, as reports about several runs or about one person name it: folder,
/// scenario, society (size and seed), days, whether finished, its digest and its tracing.
public struct RunLine: Sendable, Codable, Equatable {
    public var directory: String
    public var scenario: String
    public var population: Int
    /// The seed as text (it may exceed what JSON numbers hold exactly).
    public var seed: String
    public var start: String
    /// The last day the stored data covers.
    public var end: String
    public var finished: Bool
    public var digest: String?
    /// One person in this many was traced.
    public var traceEvery: Int

    /// The line of a loaded run.
    public init(_ run: RunData) {
        directory = run.directory
        scenario = run.info.scenarioID
        population = run.info.population
        seed = String(run.info.seed)
        start = run.info.start
        end = run.lastDay.description
        finished = run.progress.finished
        digest = run.progress.digest
        traceEvery = run.info.effectiveTraceEvery
    }
}

import Foundation
import RunRecords
import RunStore
import SocialCredit
import Society
import Simulation
@testable import Impact

/// Runs stored with what `sclab verify` reads: traced standings and decisions, as `sclab simulate`
/// commits them.
enum VerifiedRun {
    /// Runs a scenario (its text, as a run stores it) on a society of `size` people (`seed`, 3 unless told) with
    /// one in `traceEvery` traced, commits it as one period with its traced standings and
    /// decisions, finishes it, and returns the folder.
    static func make(text: String, file: String, size: Int, period: Period, traceEvery: Int = 1, seed: UInt64 = 3) throws -> String {
        let scenario = try Scenario.parse(text, file: file)
        let population = ImpactFixture.society(size, seed: seed)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sclab-verify-\(UUID().uuidString)").path
        let info = RunInfo(scenarioID: scenario.id, scenarioText: text, population: size, seed: seed,
                           start: period.start.description, end: period.end.description, threads: 2,
                           checkpointEvery: 0, version: "test", traceEvery: traceEvery)
        let store = try RunStore.create(directory: folder, info: info)
        var simulation = Simulation(policy: try Policy(scenario), population: population, census: ImpactFixture.census,
                                    config: SimulationConfig(period: period, seed: seed, threads: 2, traceEvery: traceEvery))
        var collector = Collector()
        simulation.run(observer: &collector)
        try store.commitPeriod(daysDone: period.days, lastDay: period.end.description, metrics: collector.metrics,
                               traces: collector.traces, checkpoint: nil, listings: collector.listings,
                               standings: collector.standings, decisions: collector.decisions)
        try store.finish(snapshots: simulation.finalSnapshots(census: ImpactFixture.census), digest: simulation.digest(),
                         summaryJSON: "{}")
        try store.close()
        return folder
    }

    /// Everything a month hands out, kept.
    struct Collector: SimulationObserver {
        var metrics: [MetricPoint] = []
        var traces: [RecordTrace] = []
        var listings: [Listing] = []
        var standings: [TracedStanding] = []
        var decisions: [TracedDecision] = []

        mutating func listingsMade(_ listings: [Listing]) { self.listings += listings }

        mutating func tracedMonth(standings: [TracedStanding], decisions: [TracedDecision]) {
            self.standings += standings
            self.decisions += decisions
        }

        mutating func monthEnded(daysDone: Int, lastDay: Day, metrics: [MetricPoint], traces: [RecordTrace]) {
            self.metrics += metrics
            // A trace written again (an appeal decided later) replaces the earlier one, as in the store.
            self.traces += traces
        }
    }

    /// A shipped scenario's text.
    static func shippedText(_ name: String) throws -> String {
        guard case let .success(path) = ScenarioCatalog.discover().resolve(name) else {
            throw ImpactTestError("the scenario \(name) is not found")
        }
        return try String(contentsOfFile: path, encoding: .utf8)
    }
}

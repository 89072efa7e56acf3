import Foundation
import Impact
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

/// A tiny run made once for all the Observatory's tests: the seed scenario on 3,000 people over
/// 2014-2016, everyone traced (so every listed person's decisions can be checked), stored as
/// `sclab simulate` stores it, listings included, in a fresh runs folder.
enum TinyRun {
    static let id = "tiny-run"
    static let population = 3_000
    static let seed: UInt64 = 7
    static let period = Period(start: Day(iso: "2014-01-01")!, end: Day(iso: "2016-12-31")!)

    /// What the simulation itself said, to check the web app's answers against.
    struct Made: Sendable {
        var root: String
        var snapshots: [SubjectSnapshot]
        var listings: [Listing]
        var totals: [String: Double]
        var population: Population
        var census: Census
        var names: NameTables
    }

    /// The run, made on first use.
    static let made: Result<Made, any Error> = Result { try make() }

    static func get() throws -> Made { try made.get() }

    private static func make() throws -> Made {
        guard case let .success(path) = ScenarioCatalog.discover().resolve("seed-article") else {
            throw TestError("the seed scenario is not found")
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let scenario = try Scenario.parse(text, file: "seed-article.yaml")
        let generator = try PopulationGenerator()
        let society = generator.generate(size: population, seed: seed, threads: 2)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sclab-observatory-\(UUID().uuidString)").path
        let folder = (root as NSString).appendingPathComponent(id)
        let info = RunInfo(scenarioID: scenario.id, scenarioText: text, population: population, seed: seed,
                           start: period.start.description, end: period.end.description, threads: 2, checkpointEvery: 0,
                           version: "test", traceEvery: 1)
        let store = try RunStore.create(directory: folder, info: info)
        var simulation = Simulation(policy: try Policy(scenario), population: society, census: generator.census,
                                    config: SimulationConfig(period: period, seed: seed, threads: 2, traceEvery: 1))
        var collector = Collector()
        simulation.run(observer: &collector)
        try store.commitPeriod(daysDone: period.days, lastDay: period.end.description, metrics: collector.metrics,
                               traces: collector.traces, checkpoint: nil, listings: collector.listings)
        let snapshots = simulation.finalSnapshots(census: generator.census)
        let totals = simulation.runTotals
        let summary = try JSONSerialization.data(withJSONObject: ["totals": totals])
        try store.finish(snapshots: snapshots, digest: simulation.digest(), summaryJSON: String(decoding: summary, as: UTF8.self),
                         groups: simulation.groupTallies(census: generator.census))
        try store.close()
        // Something that is not a run, which the catalog must not list.
        try FileManager.default.createDirectory(atPath: (root as NSString).appendingPathComponent("not-a-run"),
                                                withIntermediateDirectories: true)
        return Made(root: root, snapshots: snapshots, listings: collector.listings, totals: totals, population: society,
                    census: generator.census, names: generator.names)
    }

    struct Collector: SimulationObserver {
        var metrics: [MetricPoint] = []
        var traces: [RecordTrace] = []
        var listings: [Listing] = []
        mutating func listingsMade(_ listings: [Listing]) { self.listings += listings }
        mutating func monthEnded(daysDone: Int, lastDay: Day, metrics: [MetricPoint], traces: [RecordTrace]) {
            self.metrics += metrics
            self.traces += traces
        }
    }
}

struct TestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

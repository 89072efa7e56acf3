import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit

/// Everything a report, an export or a comparison reads from a run, loaded once: the run's
/// description, its scenario, the metrics as aligned monthly series, the group tallies and the
/// summary's totals. A plain value: building a report from it does no I/O.
public struct RunData: Sendable {
    /// The run folder.
    public var directory: String
    /// What was run.
    public var info: RunInfo
    /// How far it got (finished, digest, summary).
    public var progress: RunProgress
    /// The scenario, parsed from the stored text.
    public var scenario: Scenario
    /// The months, in order.
    public var periods: [String]
    /// Each metric's values by month, aligned with `periods` (nil where not stored).
    public var series: [String: [Double?]]
    /// Counts over everyone by group (empty for runs made before schema version 2).
    public var groups: [GroupTally]
    /// Run totals from the summary (the names of the monthly metrics).
    public var totals: [String: Double]
    /// The key figures of each further seed the run is measured over (`seed_outcome`; empty for a
    /// run of one seed); `seedOutcomes` puts the run's own first.
    public var replicates: [SeedOutcome]

    /// A run's data from its parts (tests build them by hand).
    public init(
        directory: String,
        info: RunInfo,
        progress: RunProgress,
        scenario: Scenario,
        periods: [String],
        series: [String: [Double?]],
        groups: [GroupTally],
        totals: [String: Double],
        replicates: [SeedOutcome] = []
    ) {
        self.directory = directory
        self.info = info
        self.progress = progress
        self.scenario = scenario
        self.periods = periods
        self.series = series
        self.groups = groups
        self.totals = totals
        self.replicates = replicates
    }

    /// Reads a run folder.
    /// - Throws: `RunStoreError` for a missing or damaged run, `ImpactError` when the stored
    ///   scenario does not parse any more.
    public static func load(directory: String) throws -> RunData {
        let store = try RunStore.openReadOnly(directory: directory)
        return try load(store: store)
    }

    /// Reads an open run.
    public static func load(store: RunStore) throws -> RunData {
        let info = try store.info()
        let progress = try store.progress()
        let scenario: Scenario
        do {
            scenario = try Scenario.parse(info.scenarioText, file: "\(info.scenarioID).yaml")
        } catch {
            throw ImpactError("\(store.databasePath): the stored scenario does not read any more: \(error)")
        }
        let (periods, series) = aligned(try store.allMetrics())
        var totals: [String: Double] = [:]
        if let json = progress.summaryJSON,
            let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            let stored = object["totals"] as? [String: Any]
        {
            for (key, value) in stored { if let number = value as? Double { totals[key] = number } }
        }
        return RunData(
            directory: store.directory,
            info: info,
            progress: progress,
            scenario: scenario,
            periods: periods,
            series: series,
            groups: try store.groupTallies(),
            totals: totals,
            replicates: try store.seedOutcomes()
        )
    }

    /// Metric points as aligned monthly series: the months in order, and each metric's values by
    /// month (nil where not stored or NaN). A stored run and a run held in memory (a further
    /// seed) are read through this one function.
    static func aligned(_ points: [MetricPoint]) -> (periods: [String], series: [String: [Double?]]) {
        let periods = Array(Set(points.map(\.period))).sorted()
        let index = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1, $0) })
        var series: [String: [Double?]] = [:]
        for point in points {
            series[point.name, default: [Double?](repeating: nil, count: periods.count)][index[point.period]!] =
                point.value.isNaN ? nil : point.value
        }
        return (periods, series)
    }

    /// A metric's monthly values (all nil when not stored).
    public func values(_ name: String) -> [Double?] {
        series[name] ?? [Double?](repeating: nil, count: periods.count)
    }

    /// The sum of a metric over the run (counts), 0 when not stored.
    public func sum(_ name: String) -> Double { values(name).reduce(0) { $0 + ($1 ?? 0) } }

    /// The last stored value of a metric (levels, such as list sizes at the end).
    public func last(_ name: String) -> Double? { values(name).last { $0 != nil } ?? nil }

    /// The last day the run's stored data covers: its end once finished, else the last day committed.
    public var lastDay: Day {
        (progress.finished ? nil : progress.lastDay.flatMap(Day.init(iso:))) ?? Day(iso: info.end)
            ?? scenario.period.end
    }

    /// Days covered by the stored months.
    public var days: Int { progress.daysDone }

    /// The tallies of one dimension, in stored order.
    public func groups(_ dimension: String) -> [GroupTally] { groups.filter { $0.dimension == dimension } }
}

/// An error of the impact commands, with a message that names the file or flag at fault.
public struct ImpactError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, and where.
    public let description: String

    /// An error with its message.
    public init(_ description: String) { self.description = description }
}

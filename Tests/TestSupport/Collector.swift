import RunRecords
import Simulation
import SocialCredit

/// Keeps everything a simulation hands its observer (metrics, traces, list entries, traced
/// standings and decisions), as `sclab simulate` buffers a month before committing it, so that a
/// test can compare what the run said with what a store, a report or the web app says.
public struct Collector: SimulationObserver, Sendable {
    /// Every month's metric points, in order.
    public var metrics: [MetricPoint] = []
    /// Every traced record as handed out; a record written again (an appeal decided later)
    /// appears again, and the store keeps the later one.
    public var traces: [RecordTrace] = []
    /// Every entry onto a list.
    public var listings: [Listing] = []
    /// The traced subjects' standings at each month end.
    public var standings: [TracedStanding] = []
    /// The decisions on traced subjects' action attempts.
    public var decisions: [TracedDecision] = []
    /// How many month ends were reported.
    public private(set) var months = 0

    /// An empty collector.
    public init() {}

    /// Keeps the month's list entries.
    public mutating func listingsMade(_ listings: [Listing]) { self.listings += listings }

    /// Keeps the month's traced standings and decisions.
    public mutating func tracedMonth(standings: [TracedStanding], decisions: [TracedDecision]) {
        self.standings += standings
        self.decisions += decisions
    }

    /// Keeps the month's metrics and traces and counts the month.
    public mutating func monthEnded(daysDone: Int, lastDay: Day, metrics: [MetricPoint], traces: [RecordTrace]) {
        self.metrics += metrics
        self.traces += traces
        months += 1
    }

    /// The value of metric `name` for `period` (e.g. "2016-03"), if reported.
    public func value(_ name: String, _ period: String) -> Double? {
        metrics.first { $0.name == name && $0.period == period }?.value
    }

    /// The sum of metric `name` over all periods.
    public func total(_ name: String) -> Double { metrics.filter { $0.name == name }.reduce(0) { $0 + $1.value } }
}

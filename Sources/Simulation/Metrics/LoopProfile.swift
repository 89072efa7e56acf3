import Dispatch
import MemoryHints

/// How many events a run processed and, when asked for (`SimulationConfig.measuresTime`), where
/// its time went: the daily scan for subjects due, their events, the calendar of pending
/// records, and the month-end passes. What `sclab bench` reports as nanoseconds per event and
/// shares of time. Counting changes nothing the run computes: it is kept apart from the
/// metrics, the checkpoints and the digest.
public struct LoopProfile: Sendable, Equatable {
    /// Behaviour event days run (refresh days, on which rates are only looked at again, included).
    public var behaviorEvents = 0
    /// Action event days run (refresh days included).
    public var actionEvents = 0
    /// Pending records taken from the calendar (arrivals, expiries, appeal decisions, ceiling ends).
    public var calendarItems = 0
    /// Wall-clock seconds in the days' steps (scan, events and calendar together).
    public var daySeconds = 0.0
    /// Wall-clock seconds in the month-end passes (snapshots, spillovers, gates, metrics).
    public var monthEndSeconds = 0.0
    /// Thread time in ticks (`sclab_ticks`), summed over chunks, in the scan, in events and in
    /// the calendar: they share each day's wall-clock time in these proportions.
    var scanTicks: UInt64 = 0
    var eventTicks: UInt64 = 0
    var calendarTicks: UInt64 = 0

    /// A profile with nothing counted.
    public init() {}

    /// Events of either kind: the unit of `sclab bench`'s nanoseconds per event.
    public var events: Int { behaviorEvents + actionEvents }

    /// The days' wall-clock seconds spent in the scan for subjects due (0 unless times were measured).
    public var scanSeconds: Double { daySeconds * share(scanTicks) }
    /// The days' wall-clock seconds spent running events.
    public var eventSeconds: Double { daySeconds * share(eventTicks) }
    /// The days' wall-clock seconds spent on the calendar of pending records.
    public var calendarSeconds: Double { daySeconds * share(calendarTicks) }

    private func share(_ part: UInt64) -> Double {
        let whole = scanTicks &+ eventTicks &+ calendarTicks
        return whole == 0 ? 0 : Double(part) / Double(whole)
    }

    /// Adds one chunk's day.
    mutating func add(_ tally: EventTally) {
        behaviorEvents += tally.behaviorEvents
        actionEvents += tally.actionEvents
        calendarItems += tally.calendarItems
        scanTicks &+= tally.scanTicks
        eventTicks &+= tally.eventTicks
        calendarTicks &+= tally.calendarTicks
    }
}

/// One chunk's count of one day's events, and its thread time by phase when measured.
struct EventTally: Sendable {
    var behaviorEvents = 0
    var actionEvents = 0
    var calendarItems = 0
    var scanTicks: UInt64 = 0
    var eventTicks: UInt64 = 0
    var calendarTicks: UInt64 = 0
    /// Whether times are read (two tick reads per batch of subjects scanned).
    let timed: Bool

    init(timed: Bool) { self.timed = timed }

    /// The thread's tick count (only its differences and their ratios mean anything), read
    /// only when timing.
    @inline(__always) func now() -> UInt64 { timed ? sclab_ticks() : 0 }
}

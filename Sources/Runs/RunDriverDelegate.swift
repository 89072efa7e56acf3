import SocialCredit

/// A stage of a run, as a `RunDriver` reports it: a caller shows each one (sclab's messages and
/// progress bar) or collects them (a test, an app), and the library itself never prints.
public enum RunPhase: Sendable, Equatable {
    /// Generating the synthetic society: its size and seed.
    case society(people: Int, seed: UInt64)
    /// Simulating the run's days month by month, each month committed to the store: the run's
    /// days in all (a resumed run starts part-way, at its checkpoint).
    case simulate(days: Int)
    /// The companions run beside each other after the main run: its counterfactual (the same
    /// society with the system switched off) when asked for, and the further seeds the run is
    /// measured over, `atOnce` at a time.
    case companions(counterfactual: Bool, seeds: [UInt64], atOnce: Int)
    /// Writing the run's report (`report.html`) from the stored run.
    case report
}

/// One month of a run, simulated and committed to the store (with its checkpoint, if one was
/// due), as a `RunDriver` reports it.
public struct RunMonth: Sendable, Equatable {
    /// Days simulated from the run's first day, this month included.
    public var daysDone: Int
    /// The month's last simulated day (the period's end for a final partial month).
    public var lastDay: Day
    /// The checkpoint file written with the month (relative to the run folder), if any.
    public var checkpoint: String?

    /// A month from its parts.
    public init(daysDone: Int, lastDay: Day, checkpoint: String?) {
        self.daysDone = daysDone
        self.lastDay = lastDay
        self.checkpoint = checkpoint
    }
}

/// Told how a run goes, in order, on the thread that drives it: so that a caller decides what to
/// show (a progress bar, a log, nothing) and the run library stays free of printing. Every
/// method has an empty default, so a delegate implements only what it shows.
public protocol RunDriverDelegate: AnyObject {
    /// A phase begins.
    func runDriver(began phase: RunPhase)
    /// Days simulated so far from the run's first day, after each day, out of the run's days.
    func runDriver(simulatedDays done: Int, of total: Int)
    /// A month has been simulated and committed to the store.
    func runDriver(finished month: RunMonth)
    /// A phase has ended (the simulation also when the run stops early, resumable).
    func runDriver(ended phase: RunPhase)
    /// Asked after each month is committed: true stops the run there, resumable (with a
    /// checkpoint), as `stopAfter` does, so that a caller can cancel a long run cleanly (the
    /// web lab's cancel button) without killing the process.
    func runDriverShouldStop() -> Bool
}

extension RunDriverDelegate {
    /// Nothing by default.
    public func runDriver(began phase: RunPhase) {}
    /// Nothing by default.
    public func runDriver(simulatedDays done: Int, of total: Int) {}
    /// Nothing by default.
    public func runDriver(finished month: RunMonth) {}
    /// Nothing by default.
    public func runDriver(ended phase: RunPhase) {}
    /// Never stops by default.
    public func runDriverShouldStop() -> Bool { false }
}

/// How a call to `RunDriver.runToEnd` ended.
public enum RunOutcome: Sendable {
    /// The run stopped, resumable, at the first month end at least `stopAfter` days in, with a
    /// checkpoint there: the days simulated.
    case stopped(daysDone: Int)
    /// The run finished: its summary (digest included) and the path of its report.
    case finished(RunSummary, report: String)
}

/// A run that cannot go on, in words that name the run folder or file and what is wrong
/// (a checkpoint that cannot be written or restored, a scenario text that no longer reads).
public struct RunError: Error, CustomStringConvertible, Sendable {
    /// The message.
    public let description: String

    /// An error with its message.
    public init(_ description: String) { self.description = description }
}

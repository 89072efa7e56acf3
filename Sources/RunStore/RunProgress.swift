/// How far a run got: the progress row of the run database, with the digest and summary once the
/// run is finished. A run resumed after a crash starts from here, and a report tells from it
/// whether it shows a whole run or a partial one.
public struct RunProgress: Sendable, Equatable {
    /// Days simulated and committed, counted from the run's start; 0 before the first period.
    public var daysDone: Int
    /// The last day committed (ISO date); nil before the first period.
    public var lastDay: String?
    /// The latest checkpoint file, relative to the run folder; nil when none was written.
    public var checkpoint: String?
    /// True once `finish` has committed: the snapshots, digest and summary are stored.
    public var finished: Bool
    /// SHA-256 of the final state as lowercase hex; nil until finished.
    public var digest: String?
    /// The run's summary as JSON; nil until finished.
    public var summaryJSON: String?

    /// Progress from its parts.
    public init(
        daysDone: Int,
        lastDay: String?,
        checkpoint: String?,
        finished: Bool,
        digest: String?,
        summaryJSON: String?
    ) {
        self.daysDone = daysDone
        self.lastDay = lastDay
        self.checkpoint = checkpoint
        self.finished = finished
        self.digest = digest
        self.summaryJSON = summaryJSON
    }
}

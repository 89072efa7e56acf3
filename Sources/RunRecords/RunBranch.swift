/// Where a branch run comes from ("what if the rules changed from this date"): the baseline
/// run's scenario, in force before `date`, and the day the run's own scenario takes over. The
/// rest of the baseline (society, seed, period, tracing) is the branch's own `RunInfo`, so a
/// branch can be resumed or re-run from its run row alone, without the baseline's folder.
public struct RunBranch: Sendable, Codable, Equatable {
    /// The baseline's scenario text, in force from the run's first day to the day before `date`.
    public var baselineText: String
    /// The first day the run's own scenario is in force (ISO date), after the run's first day.
    public var date: String
    /// The baseline's run folder as it was given, for display (never read again).
    public var baselineFolder: String

    /// A branch from its parts.
    public init(baselineText: String, date: String, baselineFolder: String) {
        self.baselineText = baselineText
        self.date = date
        self.baselineFolder = baselineFolder
    }
}

import RunRecords
import SocialCredit

/// The days a new run covers, from its scenario's period and what the user asked for (a first
/// day, a number of days or of years), as `sclab simulate`, `sclab sweep` and the web lab all
/// decide them: one rule, so that the same request gives the same period wherever it is made.
public enum RunPeriod {
    /// The first and last day of a run.
    /// - Parameters:
    ///   - scenario: The scenario, whose period is the default.
    ///   - start: The first day asked for; nil for the scenario's.
    ///   - days: Days asked for (at most `RunLimits.days`); nil for years or the scenario's end.
    ///   - years: Years asked for (at most `RunLimits.years`); nil for days or the scenario's end.
    ///   - startName: How the caller names the start in messages (`--start`, `start`).
    ///   - lengthNames: How the caller names the run's length in messages (`--days or --years`).
    /// - Throws: `RunError` for a start outside the days a run may cover, a period that ends
    ///   past the calendar or before it starts, or one longer than a run may be.
    public static func resolve(
        _ scenario: Scenario,
        start: Day?,
        days: Int?,
        years: Int?,
        startName: String = "--start",
        lengthNames: String = "--days or --years"
    ) throws -> (first: Day, last: Day) {
        let first = start ?? scenario.period.start
        guard (RunLimits.firstDay...RunLimits.lastDay).contains(first) else {
            throw RunError(
                "the scenario starts on \(first), outside the days a run may cover, \(RunLimits.firstDay) to \(RunLimits.lastDay); give \(startName)"
            )
        }
        let last: Day
        if let days {
            last = first.adding(days: min(days, RunLimits.days.upperBound) - 1)
        } else if let years {
            guard
                let day = Day(
                    year: first.year + min(years, RunLimits.years.upperBound),
                    month: first.components.month,
                    day: 1
                )
            else {
                throw RunError("\(years) years from \(first) end past the calendar")
            }
            last = day.adding(days: first.components.day - 2)
        } else {
            last = scenario.period.end
        }
        guard first <= last else {
            throw RunError("the start \(first) is after the end \(last) of the scenario's period; give \(lengthNames)")
        }
        if let problem = RunLimits.periodProblem(first: first, last: last) { throw RunError(problem) }
        return (first, last)
    }
}

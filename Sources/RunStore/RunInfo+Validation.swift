import RunRecords
import SocialCredit

extension RunInfo {
    /// The first field out of the range a run can be made with (`RunLimits`, the bounds the
    /// command line checks its options against), named as its column in the `run` table; nil
    /// when every field is in range. `info()` refuses a stored row with such a field as damaged,
    /// and `create` refuses to store one, so no reader ever computes with a number no run had.
    var rangeProblem: String? {
        if let problem = RunLimits.problem("run.population", population, RunLimits.shardedPopulation)
            ?? RunLimits.problem("run.threads", threads, RunLimits.threads)
            ?? RunLimits.problem("run.checkpoint_every", checkpointEvery, RunLimits.checkpointEvery)
            ?? RunLimits.problem("run.seeds", seeds, RunLimits.seeds)
            ?? RunLimits.problem("the number of run.trace_people", tracePeople.count, RunLimits.tracePeopleCount)
        {
            return problem
        }
        if let traceEvery, let problem = RunLimits.problem("run.trace_every", traceEvery, RunLimits.traceEvery) {
            return problem
        }
        if let person = tracePeople.first(where: { !(0..<population).contains($0) }) {
            return
                "run.trace_people names person \(person), not in a society of \(population) people (0 to \(population - 1))"
        }
        guard let first = Day(iso: start) else { return "run.start_day '\(start)' is not a date (YYYY-MM-DD)" }
        guard let last = Day(iso: end) else { return "run.end_day '\(end)' is not a date (YYYY-MM-DD)" }
        if let problem = RunLimits.periodProblem(first: first, last: last) {
            return "run.start_day to run.end_day: \(problem)"
        }
        if let branch, Day(iso: branch.date).map({ $0 <= first || $0 > last }) ?? true {
            return
                "run.branch_date '\(branch.date)' is not a date (YYYY-MM-DD) after run.start_day (\(start)) and up to run.end_day (\(end))"
        }
        return nil
    }
}

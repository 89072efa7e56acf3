import SocialCredit

/// The bounds of a run's parameters, in one place: the command line checks its options against
/// them before anything is allocated, and the run store checks a run's row against them when it
/// is read back, so a number that a run could never have been made with is an error naming the
/// field, never a trap further on.
public enum RunLimits {
    /// The most people: the friendship network indexes its rows with 32-bit starts, about 11
    /// friendships a person, so a society much beyond 300 million cannot be built.
    public static let population = 1...200_000_000
    /// The most people of a society sharded over the ranks of an MPI job (docs/scale.md): its
    /// subjects are numbered in 31 bits across the whole society (record ids), and each rank's
    /// shard holds at most `population.upperBound`.
    public static let shardedPopulation = 1...2_000_000_000
    /// Threads a run may use (the result does not depend on it).
    public static let threads = 1...1024
    /// One person in this many traced: at most one in the largest population (only person 0).
    public static let traceEvery = 1...population.upperBound
    /// People named with `--trace-person` (each traced with their circle).
    public static let tracePeopleCount = 0...10_000
    /// Days between checkpoints (0: none), within the longest run.
    public static let checkpointEvery = 0...Period.maximumDays
    /// Days of a run: the simulation keeps days in 16 bits from the run's first day.
    public static let days = 1...Period.maximumDays
    /// Years of a run given as years (every year of 366 days fits the day limit).
    public static let years = 1...(Period.maximumDays / 366)
    /// Seeds a run is measured over: the t quantiles are tabulated to 100 degrees of freedom.
    public static let seeds = 1...100
    /// The first and last day a run may simulate: the scenario language's own span (`Period.dates`),
    /// so a flag and a file accept the same dates.
    public static let firstDay = Period.dates.lowerBound
    public static let lastDay = Period.dates.upperBound

    /// Bytes of memory a run needs per person: the main run, measured at 10,000,000 people over
    /// 365 days at 1.94 GB by `sclab bench` (the society 60 bytes a person, the run state 90,
    /// snapshots 8, records waiting to expire and the day's buffers the rest; 2026-12-04) and
    /// at 2.20 GB by `sclab simulate`, which also keeps traces and listings for its store
    /// (docs/scale.md); since 2026-12-05 each subject's kept behaviour total adds 16 bytes
    /// (`sclab bench` 2.12 GB); rounded up.
    public static let bytesPerPersonMainRun = 240
    /// Bytes a person for each further run held at once (a further seed's society, run and
    /// counterfactual beside the main run), measured with `/usr/bin/time -v` at 1,000,000
    /// people over 365 days: two companions at a time peaked at 798 MB, 282 bytes a person
    /// each; rounded up.
    public static let bytesPerPersonPerRun = 300
    /// Memory the program needs whatever the size (census tables, code, buffers).
    public static let fixedBytes = 64 << 20

    /// The memory a run of `population` people needs with `runsAtOnce` runs in memory together
    /// (the main run and the companions that run beside each other at its end).
    public static func memoryNeeded(population: Int, runsAtOnce: Int) -> Int {
        let people = min(max(population, 0), self.population.upperBound)
        return fixedBytes + people * (bytesPerPersonMainRun + bytesPerPersonPerRun * (max(1, runsAtOnce) - 1))
    }

    /// Why `value` is out of `range` for the named field or option, or nil when it is in range.
    public static func problem<T: BinaryInteger>(_ name: String, _ value: T, _ range: ClosedRange<Int>) -> String? {
        guard let int = Int(exactly: value), range.contains(int) else {
            return "\(name) must be from \(range.lowerBound) to \(range.upperBound) (got \(value))"
        }
        return nil
    }

    /// Why the days `first` to `last` cannot be a run, or nil: both within the calendar span,
    /// in order, and at most the longest run.
    public static func periodProblem(first: Day, last: Day) -> String? {
        for (name, day) in [("first day", first), ("last day", last)] where !(firstDay...lastDay).contains(day) {
            return "the run's \(name) \(day) is outside \(firstDay) to \(lastDay)"
        }
        guard first <= last else { return "the start \(first) is after the end \(last)" }
        let length = first.days(to: last) + 1
        guard days.contains(length) else {
            return "the run would last \(length) days; a run covers at most \(Period.maximumDays) (about 87 years)"
        }
        return nil
    }
}

import ArgumentParser
import Foundation
import RunRecords
import Simulation
import SocialCredit

/// Options checked against `RunLimits`, the one place the bounds of a run are kept: every
/// command that takes a size, a thread count, days or dates checks them here, before anything
/// is allocated, with a message naming the option, its range and the value given.
enum OptionBounds {
    /// Refuses `value` (when given) outside `range`.
    static func check<T: BinaryInteger>(_ option: String, _ value: T?, _ range: ClosedRange<Int>) throws {
        if let value, let problem = RunLimits.problem(option, value, range) { throw ValidationError(problem) }
    }

    /// The day an ISO date option names, refused when it is not a date or falls outside the
    /// calendar span a run may cover.
    @discardableResult
    static func day(_ option: String, _ text: String?) throws -> Day? {
        guard let text else { return nil }
        guard let day = Day(iso: text) else { throw ValidationError("\(option) '\(text)' is not a date (YYYY-MM-DD)") }
        guard (RunLimits.firstDay...RunLimits.lastDay).contains(day) else {
            throw ValidationError(
                "\(option) \(text) is outside the days a run may cover, \(RunLimits.firstDay) to \(RunLimits.lastDay)"
            )
        }
        return day
    }

    /// Refuses a run whose estimated memory (`RunLimits.memoryNeeded`) is more than the memory
    /// available now, before the society is generated, saying how much it needs. Where the
    /// available memory cannot be read (no `/proc/meminfo`), nothing is refused.
    static func checkMemory(population: Int, runsAtOnce: Int, available: Int? = RunLimits.availableMemory()) throws {
        let needed = RunLimits.memoryNeeded(population: population, runsAtOnce: runsAtOnce)
        guard let available, needed > available else { return }
        let runs =
            runsAtOnce > 1
            ? " with \(runsAtOnce) runs in memory at once (the run and its companions: --seeds, the counterfactual, --jobs)"
            : ""
        throw ValidationError(
            """
            a run of \(grouped(population)) people\(runs) needs about \(RunLimits.gigabytes(needed)) of memory \
            (\(RunLimits.bytesPerPersonMainRun) bytes a person for the run\(runsAtOnce > 1 ? ", \(RunLimits.bytesPerPersonPerRun) for each other run" : "")), but \(RunLimits.gigabytes(available)) is available \
            (MemAvailable in /proc/meminfo); use fewer people\(runsAtOnce > 1 ? " or fewer runs at once" : "")
            """
        )
    }

    /// Refuses the run `info` describes when it would not fit in memory with its companions
    /// (`RunDriver.companions`: the main run stays in memory while up to `threads` of its further
    /// seeds and its counterfactual run beside each other).
    static func checkMemory(for info: RunInfo, threads: Int, counterfactual: Bool) throws {
        let companions = max(0, info.seeds - 1) + (counterfactual ? 1 : 0)
        try checkMemory(population: info.population, runsAtOnce: 1 + min(max(1, threads), companions))
    }

}

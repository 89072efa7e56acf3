import Foundation
import Impact
import RunRecords
import RunStore
import Simulation
import SocialCredit

/// A branch run ("what if the rules changed from this date"), planned from a baseline run's
/// folder: the baseline's society, seed, period, tracing and seeds, its scenario in force before
/// `date` and the variant's from `date` on (`PolicySwitch`), so that what differs from the
/// baseline is caused by the change alone. `sclab simulate --branch DIR@DATE` and the web lab
/// make one, create the store with `info`, then start it with `RunDriver.branch`.
public struct BranchPlan: Sendable {
    /// The branch run's description, to create its store with.
    public let info: RunInfo
    /// The baseline's run folder, as given.
    public let baselineFolder: String
    /// The baseline run's description.
    public let baseline: RunInfo
    /// The first day the variant is in force.
    public let date: Day

    /// Plans a branch of the run in `folder` with the variant scenario from `date` on.
    /// - Parameters:
    ///   - folder: The baseline's run folder (holding run.sqlite), as the user gave it.
    ///   - date: The variant's first day: after the baseline's first day, up to its last.
    ///   - variantText: The variant scenario's text (the same structure as the baseline's).
    ///   - variantID: The variant scenario's id, the branch run's `scenarioID`.
    ///   - threads: Threads to record in the run row (the result does not depend on them).
    ///   - checkpointEvery: Days between the branch's checkpoints (nil: the baseline's).
    ///   - seeds: Seeds the branch is measured over (nil: the baseline's).
    ///   - version: This sclab's version, which must be the baseline's (same software, same draws).
    /// - Throws: `RunError` naming the folder and what is wrong: a run that cannot be read, is
    ///   itself a branch or was made by another version, a date outside its period, or a variant
    ///   that does not read or changes the scenario's structure.
    public init(
        baseline folder: String,
        date: Day,
        variantText: String,
        variantID: String,
        threads: Int,
        checkpointEvery: Int? = nil,
        seeds: Int? = nil,
        version: String
    ) throws {
        let baseline = try RunStore.openReadOnly(directory: folder).info()
        guard baseline.branch == nil else {
            throw RunError(
                "\(folder) is itself a branch run (of \(baseline.branch!.baselineFolder) from \(baseline.branch!.date)); branch from a run under one scenario"
            )
        }
        guard baseline.version == version else {
            throw RunError(
                "\(folder) was run by sclab \(baseline.version), this is \(version): a branch must draw as its baseline did; run the baseline again with this version"
            )
        }
        guard let first = Day(iso: baseline.start), let last = Day(iso: baseline.end), date > first, date <= last
        else {
            throw RunError(
                "\(folder): the branch date \(date) is not inside the baseline's period: give a day after its first day \(baseline.start), up to its last \(baseline.end)"
            )
        }
        do {
            let old = try Policy(Scenario.parse(baseline.scenarioText, file: "\(baseline.scenarioID).yaml"))
            let new = try Policy(Scenario.parse(variantText, file: "\(variantID).yaml"))
            _ = try PolicySwitch(from: old, to: new, on: date)
        } catch let error as PolicySwitchError {
            throw RunError("\(folder): \(error)")
        }
        var info = baseline
        info.scenarioID = variantID
        info.scenarioText = variantText
        info.threads = threads
        if let checkpointEvery { info.checkpointEvery = checkpointEvery }
        if let seeds { info.seeds = seeds }
        info.branch = RunBranch(baselineText: baseline.scenarioText, date: date.description, baselineFolder: folder)
        self.info = info
        baselineFolder = folder
        self.baseline = baseline
        self.date = date
    }
}

/// Where a branch run's main seed started: a checkpoint of its baseline, or the first day.
public enum BranchStart: Sendable, Equatable, CustomStringConvertible {
    /// Restored from the baseline's checkpoint `file` (relative to its folder), `daysDone` days
    /// in; the baseline's months before it were copied into the branch's store.
    case checkpoint(file: String, daysDone: Int)
    /// Replayed from the first day (the baseline has no usable checkpoint at or before the date).
    case firstDay

    /// In words, for the progress and summary lines.
    public var description: String {
        switch self {
        case let .checkpoint(file, days):
            "from the baseline's checkpoint \(file) (\(days) days in; the months before copied)"
        case .firstDay: "replayed from the first day (no baseline checkpoint at or before the date)"
        }
    }
}

extension RunDriver {
    /// The policy a run begins with and the switch it makes: for a branch run its baseline's
    /// scenario and the switch to its own on the branch's date; else its own scenario, no switch.
    static func policies(of info: RunInfo, folder: String) throws -> (Policy, PolicySwitch?) {
        let own = try Policy(Scenario.parse(info.scenarioText, file: "\(info.scenarioID).yaml"))
        guard let branch = info.branch else { return (own, nil) }
        guard let day = Day(iso: branch.date) else {
            throw RunError("\(folder): the branch date '\(branch.date)' is not an ISO date")
        }
        let baseline = try Policy(Scenario.parse(branch.baselineText, file: "the baseline of \(info.scenarioID).yaml"))
        do { return (baseline, try PolicySwitch(from: baseline, to: own, on: day)) } catch let error
            as PolicySwitchError
        {
            throw RunError("\(folder): \(error)")
        }
    }

    /// A driver for the branch `plan`, its store created with `plan.info`, at its starting
    /// state: restored from the baseline's newest usable checkpoint at or before the date (the
    /// baseline's months before it copied into `store`), from which `runToEnd` replays the
    /// baseline's scenario up to the date and the variant's after; or, without one, at the first
    /// day (the same result, slower). Further seeds and the counterfactual replay from the first
    /// day with the same switch. The web lab calls this in-process; `sclab simulate --branch`
    /// too.
    /// - Parameters:
    ///   - plan: The branch.
    ///   - store: The branch's store, created with `plan.info` and nothing committed yet.
    ///   - threads: Threads to use; the result does not depend on it.
    ///   - counterfactual: Whether to run the counterfactual at the end.
    ///   - delegate: Told of each phase, day and month; nil for a silent run.
    ///   - skipped: Told of each baseline checkpoint that could not be used, and why.
    /// - Returns: the driver and where its main seed starts.
    /// - Throws: `RunDriver.init`'s errors, and the store's when the months cannot be copied.
    public static func branch(
        _ plan: BranchPlan,
        store: RunStore,
        threads: Int,
        counterfactual: Bool = true,
        delegate: (any RunDriverDelegate)? = nil,
        skipped: (String) -> Void = { _ in }
    ) throws -> (driver: RunDriver, start: BranchStart) {
        var driver = try RunDriver(
            info: plan.info,
            store: store,
            threads: threads,
            counterfactual: counterfactual,
            delegate: delegate
        )
        let baseline = try RunStore.openReadOnly(directory: plan.baselineFolder)
        var bound = try baseline.progress()
        let start = driver.simulation.config.period.start
        bound.daysDone = min(bound.daysDone, start.days(to: plan.date))
        guard bound.daysDone > 0,
            let file = try? Checkpoints.restoreLatest(
                &driver.simulation,
                info: plan.baseline,
                store: baseline,
                progress: bound,
                skipped: skipped
            )
        else {
            // A failed restore may leave part of a checkpoint's state: start again from the first day.
            driver.simulation = Simulation(
                policy: driver.policy,
                society: driver.society,
                facts: driver.facts,
                census: driver.census,
                config: driver.simulation.config,
                exchange: driver.exchange
            )
            return (driver, .firstDay)
        }
        let today = driver.simulation.today
        try store.copyMonths(
            from: plan.baselineFolder,
            before: today.description,
            daysDone: driver.simulation.daysDone,
            lastDay: today.adding(days: -1).description,
            excludingMetricsPrefixed: Counterfactual.prefix
        )
        return (driver, .checkpoint(file: file, daysDone: driver.simulation.daysDone))
    }
}

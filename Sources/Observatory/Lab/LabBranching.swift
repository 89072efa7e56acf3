import Foundation
import RunRecords
import RunStore
import Runs
import SocialCredit

/// A lab step that branches from a baseline run on a date (a what-if from a date), made by the
/// run library's branch (`BranchPlan`, `RunDriver.branch`), exactly as
/// `sclab simulate --branch DIR@DATE --scenario FILE` makes one.
enum LabBranching {
    /// A driver for the branch, its store created in `folder`, at its starting state.
    static func driver(
        step: LabStep,
        branch: LabBranch,
        baselineFolder: String,
        folder: String,
        threads: Int,
        version: String,
        delegate: any RunDriverDelegate,
        log: (String) -> Void
    ) throws -> RunDriver {
        guard let date = Day(iso: branch.date) else { throw RunError("the branch date '\(branch.date)' is not a date") }
        let plan = try BranchPlan(
            baseline: baselineFolder,
            date: date,
            variantText: step.info.scenarioText,
            variantID: step.info.scenarioID,
            threads: threads,
            checkpointEvery: step.info.checkpointEvery,
            seeds: step.info.seeds,
            version: version
        )
        let store = try RunStore.create(directory: folder, info: plan.info)
        let (driver, start) = try RunDriver.branch(
            plan,
            store: store,
            threads: threads,
            delegate: delegate,
            skipped: log
        )
        log("\(step.run): branched \(start)")
        return driver
    }
}

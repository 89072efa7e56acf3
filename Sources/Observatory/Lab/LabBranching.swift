import Foundation
import RunRecords
import RunStore
import Runs

/// A lab step that branches from a baseline run on a date (a what-if from a date), made with
/// the run library's branch (the same as `sclab simulate --branch DIR@DATE`).
enum LabBranching {
    /// A driver for the branch, its store created in `folder`.
    static func driver(
        step: LabStep,
        branch: LabBranch,
        baselineFolder: String,
        folder: String,
        threads: Int,
        delegate: any RunDriverDelegate
    ) throws -> RunDriver {
        throw RunError("what-if from a date: waiting for the run library's branch")
    }
}

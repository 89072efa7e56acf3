import Foundation
import RunRecords

/// One piece of work the lab was asked for: the runs to make (a baseline, when none exists
/// yet, then the variant), where it has got to, and how it ended. Kept on disk as JSON in the
/// runs folder's `.lab/jobs`, so that queued and running jobs survive a restart of the server.
public struct LabJob: Codable, Sendable, Equatable {
    /// `job-0001`, `job-0002`, … in the order of submission.
    public var id: String
    /// The submission's number (the id's digits).
    public var number: Int
    /// When it was submitted (ISO 8601, UTC).
    public var created: String
    /// What was asked, in a line: the starting point and the changes.
    public var title: String
    /// The run the variant is compared with (an existing run, or the first step's).
    public var baseline: String
    /// The run made with the changed scenario (the last step's).
    public var variant: String
    /// The runs to make, in order.
    public var steps: [LabStep]
    /// Where the job is.
    public var state: LabJobState
    /// Why it failed, or how it was cancelled.
    public var message: String?
    /// How far it has got.
    public var progress: LabProgress

    /// Whether the job is over (finished, failed or cancelled).
    public var isOver: Bool { state == .finished || state == .failed || state == .cancelled }

    /// The id of job `number`.
    static func id(_ number: Int) -> String { "job-" + String(format: "%04d", number) }
}

/// Where a lab job is.
public enum LabJobState: String, Codable, Sendable, CaseIterable {
    /// Waiting for a free place.
    case queued
    /// Running one of its steps.
    case running
    /// Every run made; the comparison can be read.
    case finished
    /// A step failed: `LabJob.message` says why.
    case failed
    /// Cancelled before it finished; its unfinished runs were removed.
    case cancelled
}

/// One run a job makes.
public struct LabStep: Codable, Sendable, Equatable {
    /// The run's name in the runs folder once it is finished.
    public var run: String
    /// What the run is (scenario text, size, seed, days, seeds).
    public var info: RunInfo
    /// For a what-if from a date: the run it branches from and the first day of the change.
    public var branch: LabBranch?
    /// Whether the run is finished and in the runs folder.
    public var done: Bool
}

/// A what-if from a date: the variant starts from the baseline's state on `date`.
public struct LabBranch: Codable, Sendable, Equatable {
    /// The baseline run's name in the runs folder.
    public var baseline: String
    /// The first day the changed scenario is in force (ISO date).
    public var date: String
}

/// How far a job has got, for its progress bar and time estimate.
public struct LabProgress: Codable, Sendable, Equatable {
    /// The step running (from 0).
    public var step: Int = 0
    /// What the step is doing: `waiting`, `society`, `simulating`, `companions`, `report`, `done`.
    public var phase: String = "waiting"
    /// Days simulated of the step's run.
    public var daysDone: Int = 0
    /// Days of the step's run.
    public var daysTotal: Int = 0
    /// Share of the whole job done, 0 to 1.
    public var fraction: Double = 0
    /// Seconds the job has been running (not counting time queued).
    public var elapsedSeconds: Double = 0
    /// Seconds it is expected still to take, once enough is done to say.
    public var remainingSeconds: Double?
}

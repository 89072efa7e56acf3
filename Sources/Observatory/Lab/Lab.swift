import Foundation
import RunRecords
import RunStore
import Runs
import SocialCredit

/// The policy lab's jobs: submitted from the lab's form or its API, queued, run in this process
/// (`LabSettings.concurrentJobs` at a time, each on its own thread so the server's event loops
/// never wait for a simulation), watched, cancelled. Every change is written to the job's file
/// at once, so a restarted server finds its queue as it was and resumes a running job from its
/// run's latest checkpoint.
public final class Lab: @unchecked Sendable {
    /// The lab's limits.
    public let settings: LabSettings
    let files: LabJobFiles
    let version: String
    let log: @Sendable (String) -> Void
    private let lock = NSLock()
    private var jobs: [String: LabJob] = [:]
    private var running: Set<String> = []
    private var cancelling: Set<String> = []
    private var submitted: [Date] = []
    private var started: [String: Date] = [:]
    /// A stretch of a job told of by time alone (the companions): from, to, began, seconds.
    private var expected: [String: (from: Double, to: Double, began: Date, seconds: Double)] = [:]
    private var nextNumber = 1
    private var accepting = false

    /// The lab over the runs folder `root`, with its jobs read back from disk (a job that was
    /// running when the server stopped is queued again, to resume from its checkpoint). Nothing
    /// runs until `start()`.
    /// - Parameters:
    ///   - root: The runs folder; the lab writes only inside it.
    ///   - settings: Its limits.
    ///   - version: The software version recorded in the runs it makes.
    ///   - log: Where to say what happens (a job file skipped, a job failed).
    public init(
        root: String,
        settings: LabSettings,
        version: String,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.settings = settings
        files = LabJobFiles(root: root)
        self.version = version
        self.log = log
        for var job in files.load(report: log) {
            if job.state == .running {
                job.state = .queued
                job.progress.phase = "waiting"
                try? files.save(job)
            }
            jobs[job.id] = job
            nextNumber = max(nextNumber, job.number + 1)
        }
    }

    /// Starts running the queue (jobs kept from before first).
    public func start() {
        lock.withLock { accepting = true }
        schedule()
    }

    /// Every job, newest first.
    func list() -> [LabJob] {
        lock.withLock { jobs.values.sorted { $0.number > $1.number }.map(estimated) }
    }

    /// One job, or a 404.
    func job(_ id: String) throws -> LabJob {
        guard let job = lock.withLock({ jobs[id].map(estimated) }) else {
            throw ObservatoryError.notFound("no lab job '\(clip(id))'")
        }
        return job
    }

    /// Says that a job will go from one share to another in about so many seconds, with no word
    /// in between (0 seconds: the stretch is over).
    func expect(_ id: String, from: Double, to: Double, seconds: Double) {
        lock.withLock {
            expected[id] = seconds > 0 ? (from, to, Date(), seconds) : nil
        }
    }

    /// A job with its progress moved on by the time spent in a stretch told of by time alone
    /// (never beyond 97% of it), and its times up to now. Called under the lock.
    private func estimated(_ job: LabJob) -> LabJob {
        var job = job
        if let stretch = expected[job.id] {
            let part = min(0.97, Date().timeIntervalSince(stretch.began) / stretch.seconds)
            job.progress.fraction = max(job.progress.fraction, stretch.from + (stretch.to - stretch.from) * part)
        }
        if job.state == .running, let began = started[job.id] {
            job.progress.elapsedSeconds = Date().timeIntervalSince(began)
            let f = job.progress.fraction
            job.progress.remainingSeconds = f > 0.02 && f < 1 ? job.progress.elapsedSeconds * (1 - f) / f : nil
        }
        return job
    }

    /// Queues what a submission asks for.
    /// - Throws: `ObservatoryError.tooMany` beyond the lab's rate or queue, and the
    ///   submission's `Problems` when it does not hold.
    func submit(_ submission: LabSubmission, root: String) throws -> LabJob {
        let number: Int = try lock.withLock { () throws -> Int in
            let now = Date()
            submitted.removeAll { now.timeIntervalSince($0) > 60 }
            guard submitted.count < settings.submissionsPerMinute else {
                throw ObservatoryError.tooMany(
                    "at most \(settings.submissionsPerMinute) lab jobs a minute; try again shortly"
                )
            }
            let waiting = jobs.values.filter { !$0.isOver }.count
            guard waiting < settings.maxQueued else {
                throw ObservatoryError.tooMany(
                    "\(waiting) lab jobs are waiting or running, the most this server takes; try again later"
                )
            }
            submitted.append(now)
            defer { nextNumber += 1 }
            return nextNumber
        }
        let job = try submission.plan(number: number, settings: settings, root: root, version: version)
        lock.withLock { jobs[job.id] = job }
        try? files.save(job)
        schedule()
        return job
    }

    /// Cancels a job: a queued one at once; a running one at its run's next month end.
    /// - Throws: 404 for an unknown job, 409 for one already over.
    func cancel(_ id: String) throws -> LabJob {
        let job: LabJob = try lock.withLock { () throws -> LabJob in
            guard var job = jobs[id] else { throw ObservatoryError.notFound("no lab job '\(clip(id))'") }
            guard !job.isOver else { throw ObservatoryError.conflict("job \(id) is already \(job.state.rawValue)") }
            if running.contains(id) {
                cancelling.insert(id)
                job.message = "cancelling at the next month end"
            } else {
                job.state = .cancelled
                job.message = "cancelled before it started"
            }
            jobs[id] = job
            return job
        }
        try? files.save(job)
        return job
    }

    /// Starts queued jobs, oldest first, while there is room.
    private func schedule() {
        let ready: [String] = lock.withLock {
            guard accepting else { return [] }
            let room = settings.concurrentJobs - running.count
            guard room > 0 else { return [] }
            let queued = jobs.values.filter { $0.state == .queued }.sorted { $0.number < $1.number }.prefix(room)
            for job in queued {
                running.insert(job.id)
                jobs[job.id]?.state = .running
                started[job.id] = Date()
            }
            return queued.map(\.id)
        }
        for id in ready {
            if let job = lock.withLock({ jobs[id] }) { try? files.save(job) }
            let thread = Thread { [self] in
                execute(id)
                lock.withLock { _ = running.remove(id) }
                schedule()
            }
            thread.name = "lab \(id)"
            thread.stackSize = 16 << 20
            thread.start()
        }
    }

    /// Runs a job's steps in order, on the job's own thread.
    private func execute(_ id: String) {
        guard var job = lock.withLock({ jobs[id] }) else { return }
        for index in job.steps.indices where !job.steps[index].done {
            update(id) { $0.progress.step = index }
            do {
                let finished = try LabStepRun(lab: self, job: id, step: job.steps[index], index: index).run()
                guard finished else {
                    files.discardWork(of: job.steps[index].run)
                    update(id) {
                        $0.state = .cancelled
                        $0.message = "cancelled"
                    }
                    return
                }
                job.steps[index].done = true
                update(id) { $0.steps[index].done = true }
            } catch {
                log("lab \(id): \(job.steps[index].run): \(error)")
                files.discardWork(of: job.steps[index].run)
                update(id) {
                    $0.state = .failed
                    $0.message = "\(job.steps[index].run): \(error)"
                }
                return
            }
        }
        update(id) {
            $0.state = .finished
            $0.progress.phase = "done"
            $0.progress.fraction = 1
            $0.progress.remainingSeconds = 0
        }
    }

    /// Changes a job in memory and on disk (its progress on disk at most once a second).
    func update(_ id: String, persist: Bool = true, _ change: (inout LabJob) -> Void) {
        let job: LabJob? = lock.withLock {
            guard var job = jobs[id] else { return nil }
            // The time so far is kept with the job, so a finished job's page and file say how long it took.
            if job.state == .running, let began = started[id] {
                job.progress.elapsedSeconds = Date().timeIntervalSince(began)
            }
            change(&job)
            jobs[id] = job
            return estimated(job)
        }
        if persist, let job { try? files.save(job) }
    }

    /// Whether a job has been asked to stop.
    func isCancelling(_ id: String) -> Bool { lock.withLock { cancelling.contains(id) } }
}

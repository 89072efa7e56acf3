import Foundation
import RunRecords
import RunStore
import Runs
import SocialCredit

/// One run of a lab job, made in the lab's working folder and moved to the runs folder when
/// finished. A working folder left by a server that stopped mid-run is resumed from its latest
/// checkpoint, as `sclab resume` does; one without a checkpoint starts again.
struct LabStepRun {
    let lab: Lab
    let job: String
    let step: LabStep
    let index: Int

    /// Makes the run; false when the job was cancelled before it finished.
    func run() throws -> Bool {
        let files = lab.files
        let work = files.workingFolder(of: step.run)
        let progress = LabStepProgress(
            lab: lab,
            job: job,
            step: index,
            of: try lab.job(job).steps.count,
            info: step.info
        )
        var driver: RunDriver
        if let stored = try? RunStore.openReadOnly(directory: work).progress() {
            if stored.finished {
                try files.publish(step.run)
                return true
            }
            if stored.checkpoint != nil {
                let store = try RunStore.open(directory: work)
                driver = try RunDriver(
                    info: try store.info(),
                    store: store,
                    threads: lab.settings.threadsPerJob,
                    delegate: progress
                )
                let from = try Checkpoints.restoreLatest(
                    &driver.simulation,
                    info: driver.info,
                    store: store,
                    progress: try store.progress()
                ) { lab.log("lab \(job): \($0)") }
                lab.log("lab \(job): \(step.run) resumes from \(from)")
                return try finish(&driver)
            }
        }
        files.discardWork(of: step.run)
        try FileManager.default.createDirectory(atPath: files.workFolder, withIntermediateDirectories: true)
        if let branch = step.branch {
            driver = try LabBranching.driver(
                step: step,
                branch: branch,
                baselineFolder: files.finalFolder(of: branch.baseline),
                folder: work,
                threads: lab.settings.threadsPerJob,
                version: lab.version,
                delegate: progress
            ) { lab.log("lab \(job): \($0)") }
        } else {
            let store = try RunStore.create(directory: work, info: step.info)
            driver = try RunDriver(
                info: step.info,
                store: store,
                threads: lab.settings.threadsPerJob,
                delegate: progress
            )
        }
        return try finish(&driver)
    }

    private func finish(_ driver: inout RunDriver) throws -> Bool {
        // Every checkpoint is kept, so a later what-if from any date starts near it.
        driver.keepCheckpoints = Checkpoints.keepRange.upperBound
        switch try driver.runToEnd() {
        case .stopped:
            return false
        case .finished:
            try lab.files.publish(step.run)
            return true
        }
    }
}

/// A lab step's progress, told by its `RunDriver`: the share of the job done and the phase,
/// and whether the job has been cancelled.
final class LabStepProgress: RunDriverDelegate {
    let lab: Lab
    let job: String
    let step: Int
    let steps: Int
    /// Share of the step the main run's days take; the companions (counterfactual and further
    /// seeds, each as long as the main run, `atOnce` together) take the rest.
    private var simulateShare: Double
    private var simulateBegan: Date?
    private var lastSaved = Date.distantPast

    init(lab: Lab, job: String, step: Int, of steps: Int, info: RunInfo) {
        self.lab = lab
        self.job = job
        self.step = step
        self.steps = steps
        let companions = 1 + 2 * (max(1, info.seeds) - 1)
        let rounds = (Double(companions) / Double(max(1, min(companions, info.threads)))).rounded(.up)
        simulateShare = 1 / (1 + rounds)
    }

    /// The share of the job done when this step is `within` (0 to 1) done.
    private func jobShare(_ within: Double) -> Double { (Double(step) + min(1, max(0, within))) / Double(steps) }

    private func report(_ phase: String, within: Double, days: (Int, Int)? = nil, force: Bool = false) {
        let now = Date()
        let persist = force || now.timeIntervalSince(lastSaved) >= 1
        if persist { lastSaved = now }
        let fraction = jobShare(within)
        lab.update(job, persist: persist) {
            $0.progress.phase = phase
            $0.progress.fraction = max($0.progress.fraction, fraction)
            if let days { ($0.progress.daysDone, $0.progress.daysTotal) = days }
        }
    }

    func runDriver(began phase: RunPhase) {
        switch phase {
        case .society: report("society", within: 0, force: true)
        case let .simulate(days):
            simulateBegan = Date()
            report("simulating", within: 0.02, days: (0, days), force: true)
        case let .companions(counterfactual, seeds, atOnce):
            let count = Double((counterfactual ? 1 : 0) + seeds.count * (counterfactual ? 2 : 1))
            let rounds = (count / Double(max(1, atOnce))).rounded(.up)
            let from = 0.02 + 0.93 * simulateShare
            report("companions", within: from, force: true)
            // No day-by-day word comes from the companions: the bar moves by the time they should take.
            let seconds = simulateBegan.map { Date().timeIntervalSince($0) } ?? 0
            lab.expect(job, from: jobShare(from), to: jobShare(0.95), seconds: seconds * rounds)
        case .report: report("report", within: 0.96, force: true)
        }
    }

    func runDriver(simulatedDays done: Int, of total: Int) {
        let share = Double(done) / Double(max(1, total))
        report("simulating", within: 0.02 + 0.93 * share * simulateShare, days: (done, total))
    }

    func runDriver(ended phase: RunPhase) {
        if case .companions = phase {
            lab.expect(job, from: 0, to: 0, seconds: 0)
            report("companions", within: 0.95, force: true)
        }
    }

    func runDriverShouldStop() -> Bool { lab.isCancelling(job) }
}

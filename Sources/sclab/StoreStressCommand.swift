import ArgumentParser
import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit

/// `sclab store-stress DIR`: a hidden test helper that writes synthetic periods to a new run
/// store as fast as it can, so that the RunStore tests can kill it with SIGKILL at an arbitrary
/// moment and check the database survives: it opens, its progress row matches the periods stored,
/// and no period is stored in part.
///
/// Period `n` (from 1) is the month `n - 1` months after January 2000, counts as one day done,
/// and holds `--metrics` points named `stress.m0000`... with value `n * 1_000_000 + i`, and
/// `--traces` new record traces, trace `i` of person `i` with id `(n - 1) * traces + i`. It also
/// rewrites the first 20 traces of period `n - 1` with an appeal outcome, as the simulation
/// does when an appeal is decided. Its checkpoint is "checkpoints/n.bin" (no file is written).
struct StoreStressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store-stress",
        abstract: "Test helper: commit synthetic periods to a new run store until stopped or killed.",
        discussion: """
            Creates a run in DIR and commits periods in a loop, printing "committed N" after each \
            commit. With --periods it stops after that many and finishes the run; otherwise it \
            runs until killed. Used by the RunStore crash tests.
            """,
        shouldDisplay: false
    )

    @Argument(help: "Run folder to create (must not hold a run).")
    var directory: String

    @Option(help: "Stop after this many periods and finish the run (default: run until killed).")
    var periods: Int?

    @Option(help: "Metric points per period.")
    var metrics: Int = 500

    @Option(help: "New record traces per period.")
    var traces: Int = 200

    /// Traces of the previous period rewritten with an appeal outcome in each period.
    static let rewrittenPerPeriod = 20

    func validate() throws {
        try OptionBounds.check("--periods", periods, 0...1_000_000)
        try OptionBounds.check("--metrics", metrics, 0...1_000_000)
        try OptionBounds.check("--traces", traces, 0...1_000_000)
    }

    func run() throws {
        let info = RunInfo(
            scenarioID: "store-stress",
            scenarioText: "# synthetic data written by sclab store-stress\n",
            population: max(1, traces),
            seed: .max,
            start: "2000-01-01",
            end: "2000-01-01",
            threads: 1,
            checkpointEvery: 1,
            version: "store-stress"
        )
        do {
            let store = try RunStore.create(directory: directory, info: info)
            var done = 0
            while periods.map({ done < $0 }) ?? true {
                done += 1
                try commit(period: done, to: store)
                FileHandle.standardOutput.write(Data("committed \(done)\n".utf8))
            }
            let snapshots = (0..<min(traces, 100)).map { subject in
                SubjectSnapshot(
                    subject: subject,
                    subjectKind: .people,
                    reason: "traced",
                    score: 1000,
                    tier: "A",
                    lists: "",
                    everListed: "",
                    records: done,
                    falseRecords: 0,
                    blocked: 0,
                    rewarded: 0,
                    age: 30,
                    male: subject % 2 == 0,
                    province: 110_000,
                    urban: true,
                    incomeQuintile: 3
                )
            }
            try store.finish(
                snapshots: snapshots,
                digest: String(repeating: "0", count: 64),
                summaryJSON: "{\"periods\": \(done)}"
            )
            try store.close()
            FileHandle.standardOutput.write(Data("finished\n".utf8))
        } catch let error as RunStoreError {
            printError("error: \(error)")
            throw ExitCode.failure
        }
    }

    /// Commits period `period` (from 1).
    private func commit(period: Int, to store: RunStore) throws {
        let month = period - 1
        let label = Self.label(ofPeriod: period)
        let lastDay = Self.lastDay(ofPeriod: period)
        let points = (0..<metrics).map { index in
            MetricPoint(
                period: label,
                name: String(format: "stress.m%04d", index),
                value: Double(period * 1_000_000 + index)
            )
        }
        var batch = (0..<traces).map { index in
            trace(id: Int64(month * traces + index), subject: index, day: lastDay, appealDay: nil, outcome: nil)
        }
        if period > 1 {
            for index in 0..<min(traces, Self.rewrittenPerPeriod) {
                batch.append(
                    trace(
                        id: Int64((month - 1) * traces + index),
                        subject: index,
                        day: Self.lastDay(ofPeriod: period - 1),
                        appealDay: lastDay,
                        outcome: index % 2 == 0 ? "overturned" : "upheld"
                    )
                )
            }
        }
        try store.commitPeriod(
            daysDone: period,
            lastDay: lastDay,
            metrics: points,
            traces: batch,
            checkpoint: CheckpointRecord(
                daysDone: period,
                file: "checkpoints/\(period).bin",
                bytes: 0,
                sha256: String(repeating: "0", count: 64)
            )
        )
    }

    /// The metric period of period `period` (from 1): "2000-01", "2000-02", ...
    private static func label(ofPeriod period: Int) -> String {
        String(format: "%04d-%02d", 2000 + (period - 1) / 12, (period - 1) % 12 + 1)
    }

    /// The last day of period `period`, as an ISO date (every month is cut at the 28th).
    private static func lastDay(ofPeriod period: Int) -> String { label(ofPeriod: period) + "-28" }

    /// A synthetic trace of a record made on `day`; with an appeal day and outcome, the version
    /// written when its appeal was decided.
    private func trace(id: Int64, subject: Int, day: String, appealDay: String?, outcome: String?) -> RecordTrace {
        RecordTrace(
            id: id,
            subject: subject,
            subjectKind: .people,
            behavior: "stress",
            source: "stress",
            occurred: day,
            recorded: day,
            misattributed: false,
            actualSubject: nil,
            rule: "stress",
            delta: -5,
            judgedOtherwise: false,
            listed: nil,
            appealFiled: appealDay,
            appealDecided: appealDay,
            appealOutcome: outcome
        )
    }
}

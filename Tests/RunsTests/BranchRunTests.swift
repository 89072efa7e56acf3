import Foundation
import GRDB
import RunRecords
import RunStore
import Runs
import Simulation
import SocialCredit
import TestSupport
import Testing

/// What if the rules changed from a date (`sclab simulate --branch`): a branch starts from its
/// baseline's state on the date, so an unchanged scenario reproduces the baseline exactly and a
/// changed one differs only from the date on.
@Suite("branch runs")
struct BranchRunTests {
    /// The variant's first day: mid-month, 259 days into 2014, after the baseline's checkpoint
    /// 212 days in (31 July) and before its next, 273 days in (30 September).
    static let date = Day(iso: "2014-09-17")!

    /// The baseline: the seed scenario on 3,000 people from 2014 to March 2015, a checkpoint at
    /// the first month end 60 days or more after the last (90, 151, 212, 273, ... days in), all
    /// kept.
    static let baseline: Result<String, any Error> = Result {
        let folder = TemporaryFolder.unusedPath("branch-baseline")
        let info = RunInfo(
            scenarioID: "seed-article",
            scenarioText: RunDriverTests.scenarioText,
            population: 3_000,
            seed: 11,
            start: "2014-01-01",
            end: "2015-03-31",
            threads: 2,
            checkpointEvery: 60,
            version: "test",
            traceEvery: 40,
            seeds: 1
        )
        var driver = try RunDriver(
            info: info,
            store: RunStore.create(directory: folder, info: info),
            threads: 2,
            counterfactual: false
        )
        driver.keepCheckpoints = 100
        _ = try driver.runToEnd()
        return folder
    }

    /// The seed scenario with the CCTV cameras' coverage halved (0.2 to 0.1).
    static let halvedCameras: String = {
        let old = "    coverage: 0.2               # assumption (~1 camera per 7 people"
        precondition(RunDriverTests.scenarioText.contains(old), "the seed scenario's camera coverage moved")
        return RunDriverTests.scenarioText.replacingOccurrences(
            of: old,
            with: "    coverage: 0.1               # assumption (~1 camera per 7 people"
        )
    }()

    /// A branch of `baseline` with `variant` from `date`, run to its end (or stopped after
    /// `stopAfter` days): its folder, where it started and its outcome.
    static func branch(
        of baseline: String,
        variant: String = RunDriverTests.scenarioText,
        date: Day = date,
        stopAfter: Int? = nil
    ) throws -> (folder: String, start: BranchStart, outcome: RunOutcome) {
        let plan = try BranchPlan(
            baseline: baseline,
            date: date,
            variantText: variant,
            variantID: "seed-article",
            threads: 2,
            version: "test"
        )
        let folder = TemporaryFolder.unusedPath("branch")
        var (driver, start) = try RunDriver.branch(
            plan,
            store: RunStore.create(directory: folder, info: plan.info),
            threads: 2,
            counterfactual: false
        )
        return (folder, start, try driver.runToEnd(stopAfter: stopAfter))
    }

    static func digest(_ outcome: RunOutcome) -> String? {
        guard case let .finished(summary, _) = outcome else { return nil }
        return summary.digest
    }

    static func digest(of folder: String) throws -> String? {
        try RunStore.openReadOnly(directory: folder).progress().digest
    }

    /// Every row of `table` in the run in `folder` matching `condition`, as text, in order.
    static func rows(_ folder: String, _ table: String, where condition: String = "1") throws -> [String] {
        let queue = try DatabaseQueue(path: (folder as NSString).appendingPathComponent("run.sqlite"))
        defer { try? queue.close() }
        return try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM \(table) WHERE \(condition) ORDER BY 1, 2, 3").map(\.description)
        }
    }

    /// The stored tables of a run's timeline, each with its rows before `date` (metrics: the
    /// months before the date's month).
    static let timeline: [(table: String, before: String)] = [
        ("metric", "period < '2014-09'"), ("record_trace", "recorded < '2014-09-17'"),
        ("listing", "day < '2014-09-17'"), ("traced_standing", "day < '2014-09-17'"),
        ("traced_decision", "day < '2014-09-17'"),
    ]

    @Test("An unchanged scenario from a mid-month date ends with the baseline's digest and stores its rows")
    func unchangedBranchIsTheBaseline() throws {
        let baseline = try Self.baseline.get()
        let branch = try Self.branch(of: baseline)
        #expect(branch.start == .checkpoint(file: "checkpoints/day-212.bin", daysDone: 212))
        #expect(Self.digest(branch.outcome) == (try Self.digest(of: baseline)))
        for (table, _) in Self.timeline {
            #expect(try Self.rows(branch.folder, table) == (try Self.rows(baseline, table)), "\(table)")
        }
        let info = try RunStore.openReadOnly(directory: branch.folder).info()
        #expect(
            info.branch
                == RunBranch(baselineText: RunDriverTests.scenarioText, date: "2014-09-17", baselineFolder: baseline)
        )
        #expect(info.seed == 11 && info.population == 3_000 && info.end == "2015-03-31")
    }

    @Test(
        "Halving the cameras' coverage changes the run from the date on only; from the first day, the same; resumed, the same"
    )
    func changedValueDiffersFromTheDateOn() throws {
        let baseline = try Self.baseline.get()
        let branch = try Self.branch(of: baseline, variant: Self.halvedCameras)
        let digest = try #require(Self.digest(branch.outcome))
        #expect(digest != (try Self.digest(of: baseline)))
        for (table, before) in Self.timeline {
            #expect(
                try Self.rows(branch.folder, table, where: before) == (try Self.rows(baseline, table, where: before)),
                "\(table) before the date"
            )
        }
        #expect(
            try Self.rows(branch.folder, "metric", where: "period >= '2014-09'")
                != (try Self.rows(baseline, "metric", where: "period >= '2014-09'"))
        )

        // Without the baseline's checkpoint files the branch replays from the first day: the same run.
        let bare = TemporaryFolder.unusedPath("branch-bare-baseline")
        try FileManager.default.createDirectory(atPath: bare, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: baseline + "/run.sqlite", toPath: bare + "/run.sqlite")
        let replayed = try Self.branch(of: bare, variant: Self.halvedCameras)
        #expect(replayed.start == .firstDay)
        #expect(Self.digest(replayed.outcome) == digest)

        // Stopped before the date (at 243 days, started from the checkpoint at 212) and after it (at 304),
        // then resumed: the digest of the run made at once.
        for stop in [200, 300] {
            let stopped = try Self.branch(of: baseline, variant: Self.halvedCameras, stopAfter: stop)
            guard case .stopped = stopped.outcome else {
                Issue.record("the branch did not stop after \(stop) days")
                continue
            }
            let store = try RunStore.open(directory: stopped.folder)
            let info = try store.info()
            var driver = try RunDriver(info: info, store: store, threads: 2, counterfactual: false)
            _ = try Checkpoints.restoreLatest(
                &driver.simulation,
                info: info,
                store: store,
                progress: try store.progress(),
                skipped: { Issue.record("skipped \($0)") }
            )
            #expect(Self.digest(try driver.runToEnd()) == digest, "stopped after \(stop) days")
        }
    }

    @Test("A date outside the baseline's period, a branch of a branch and a structural change are refused")
    func refusals() throws {
        let baseline = try Self.baseline.get()
        for day in ["2014-01-01", "2015-04-01", "2013-12-31"] {
            #expect {
                _ = try BranchPlan(
                    baseline: baseline,
                    date: Day(iso: day)!,
                    variantText: RunDriverTests.scenarioText,
                    variantID: "seed-article",
                    threads: 2,
                    version: "test"
                )
            } throws: { error in
                "\(error)".contains("the branch date \(day) is not inside the baseline's period")
                    && "\(error)".contains("2014-01-01") && "\(error)".contains("2015-03-31")
            }
        }
        #expect {
            _ = try BranchPlan(
                baseline: baseline,
                date: Self.date,
                variantText: RunDriverTests.scenarioText,
                variantID: "seed-article",
                threads: 2,
                version: "9.9"
            )
        } throws: { "\($0)".contains("was run by sclab test, this is 9.9") }
        // The cameras' block again under another id: a source more.
        let lines = RunDriverTests.scenarioText.components(separatedBy: "\n")
        let first = try #require(lines.firstIndex(of: "  - id: cctv_cameras"))
        let next = try #require(lines[(first + 1)...].firstIndex { $0.hasPrefix("  - id: ") })
        let added = lines[..<next] + ["  - id: more_cameras"] + lines[(first + 1)..<next] + lines[next...]
        #expect {
            _ = try BranchPlan(
                baseline: baseline,
                date: Self.date,
                variantText: added.joined(separator: "\n"),
                variantID: "seed-article",
                threads: 2,
                version: "test"
            )
        } throws: {
            "\($0)".hasSuffix(
                "the variant adds source more_cameras: a branch can change values, not the scenario's structure"
            )
        }
        let branch = try Self.branch(of: baseline, date: Day(iso: "2015-03-01")!, stopAfter: 1)
        #expect {
            _ = try BranchPlan(
                baseline: branch.folder,
                date: Self.date,
                variantText: RunDriverTests.scenarioText,
                variantID: "seed-article",
                threads: 2,
                version: "test"
            )
        } throws: { "\($0)".contains("is itself a branch run") }
    }

    @Test("A switch refuses a changed enrolment and names what it adds or removes")
    func structuralChanges() throws {
        let scenario = try Scenario.parse(RunDriverTests.scenarioText, file: "seed-article.yaml")
        let baseline = try Policy(scenario)
        var consent = scenario
        consent.enrolment = Enrolment(mode: .consent, share: 0.5)
        #expect {
            _ = try PolicySwitch(from: baseline, to: Policy(consent), on: Self.date)
        } throws: { "\($0)".hasPrefix("the variant changes the enrolment, which is drawn once when the run begins") }
        var fewer = scenario
        fewer.responses.removeLast()
        #expect {
            _ = try PolicySwitch(from: baseline, to: Policy(fewer), on: Self.date)
        } throws: { "\($0)".hasPrefix("the variant removes response \(scenario.responses.last!.id)") }
        var values = scenario
        values.sources[0].coverage = 0.5
        values.rules[0].delta -= 1
        #expect(throws: Never.self) { try PolicySwitch(from: baseline, to: Policy(values), on: Self.date) }
    }
}

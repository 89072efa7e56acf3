import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit
import TestSupport
import Testing

/// Writing a run and reading it back.
@Suite("run store: round trips")
struct RunStoreTests {
    @Test("run info round-trips, seeds above Int64.max included", arguments: [UInt64.max, 1 << 63, 0, 42])
    func runInfo(seed: UInt64) throws {
        let folder = try TemporaryFolder()
        let directory = folder.appending("nested/run")
        let info = Fixture.info(seed: seed)
        do {
            let store = try RunStore.create(directory: directory, info: info)
            #expect(try store.info() == info)
            #expect(store.databasePath == directory + "/run.sqlite")
        }
        let reopened = try RunStore.open(directory: directory)
        #expect(try reopened.info() == info)
        #expect(try reopened.info().seed == seed)
    }

    @Test("a new run has no progress; a committed period sets it")
    func progress() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore.create(directory: folder.path, info: Fixture.info())
        #expect(
            try store.progress()
                == RunProgress(
                    daysDone: 0,
                    lastDay: nil,
                    checkpoint: nil,
                    finished: false,
                    digest: nil,
                    summaryJSON: nil
                )
        )
        try store.commitPeriod(daysDone: 31, lastDay: "2014-01-31", metrics: [], traces: [], checkpoint: nil)
        #expect(
            try store.progress()
                == RunProgress(
                    daysDone: 31,
                    lastDay: "2014-01-31",
                    checkpoint: nil,
                    finished: false,
                    digest: nil,
                    summaryJSON: nil
                )
        )
        try store.commitPeriod(
            daysDone: 59,
            lastDay: "2014-02-28",
            metrics: [],
            traces: [],
            checkpoint: Fixture.checkpoint("checkpoints/day-59.bin")
        )
        try store.close()
        let reopened = try RunStore.open(directory: folder.path)
        #expect(
            try reopened.progress()
                == RunProgress(
                    daysDone: 59,
                    lastDay: "2014-02-28",
                    checkpoint: "checkpoints/day-59.bin",
                    finished: false,
                    digest: nil,
                    summaryJSON: nil
                )
        )
    }

    @Test("metrics come back by name in period order, whatever the order they were written in")
    func metrics() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore.create(directory: folder.path, info: Fixture.info())
        for (days, period) in [(90, "2014-03"), (31, "2014-01"), (59, "2014-02")] {
            try store.commitPeriod(
                daysDone: days,
                lastDay: period + "-28",
                metrics: [
                    MetricPoint(period: period, name: "tier.share.D", value: Double(days) / 1000),
                    MetricPoint(period: period, name: "records.source.cctv", value: Double(days)),
                ],
                traces: [],
                checkpoint: nil
            )
        }
        #expect(try store.metricNames() == ["records.source.cctv", "tier.share.D"])
        #expect(
            try store.metrics(named: "tier.share.D") == [
                MetricPoint(period: "2014-01", name: "tier.share.D", value: 0.031),
                MetricPoint(period: "2014-02", name: "tier.share.D", value: 0.059),
                MetricPoint(period: "2014-03", name: "tier.share.D", value: 0.090),
            ]
        )
        #expect(try store.metrics(named: "no.such.metric").isEmpty)
        let all = try store.allMetrics()
        #expect(all.map(\.period) == ["2014-01", "2014-01", "2014-02", "2014-02", "2014-03", "2014-03"])
        #expect(all.map(\.name) == Array(repeating: ["records.source.cctv", "tier.share.D"], count: 3).flatMap { $0 })
    }

    @Test("a metric written again for its period replaces the old value; NaN and infinities survive")
    func metricValues() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore.create(directory: folder.path, info: Fixture.info())
        try store.commitPeriod(
            daysDone: 31,
            lastDay: "2014-01-31",
            metrics: [
                MetricPoint(period: "2014-01", name: "a", value: 1),
                MetricPoint(period: "2014-01", name: "nan", value: .nan),
                MetricPoint(period: "2014-01", name: "inf", value: -.infinity),
            ],
            traces: [],
            checkpoint: nil
        )
        try store.commitPeriod(
            daysDone: 31,
            lastDay: "2014-01-31",
            metrics: [MetricPoint(period: "2014-01", name: "a", value: 2)],
            traces: [],
            checkpoint: nil
        )
        #expect(try store.metrics(named: "a") == [MetricPoint(period: "2014-01", name: "a", value: 2)])
        #expect(try store.metrics(named: "nan").map(\.value.isNaN) == [true])
        #expect(try store.metrics(named: "inf").map(\.value) == [-.infinity])
    }

    @Test("traces come back per subject in id order, and a trace written again replaces its earlier version")
    func traceUpsert() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore.create(directory: folder.path, info: Fixture.info())
        let first = [
            Fixture.trace(id: 30, subject: 42), Fixture.trace(id: 10, subject: 42),
            Fixture.trace(id: 20, subject: 7), Fixture.trace(id: 21, subject: 42, kind: .companies),
            Fixture.trace(id: 4_000_000_000_000, subject: 42),
        ]
        try store.commitPeriod(daysDone: 31, lastDay: "2015-03-31", metrics: [], traces: first, checkpoint: nil)
        #expect(try store.traces(subject: 42, kind: "people").map(\.id) == [10, 30, 4_000_000_000_000])
        #expect(try store.traces(subject: 42, kind: "people").first == first[1])

        let appealed = Fixture.trace(id: 10, subject: 42, outcome: "overturned")
        try store.commitPeriod(
            daysDone: 61,
            lastDay: "2015-04-30",
            metrics: [],
            traces: [appealed, Fixture.trace(id: 11, subject: 42)],
            checkpoint: nil
        )
        let traces = try store.traces(subject: 42, kind: "people")
        #expect(traces.map(\.id) == [10, 11, 30, 4_000_000_000_000])
        #expect(traces.first == appealed)
        #expect(traces.first?.appealOutcome == "overturned")
        #expect(try store.traces(subject: 42, kind: "companies") == [first[3]])
        #expect(try store.traces(subject: 7, kind: "people") == [first[2]])
        #expect(try store.traces(subject: 8, kind: "people").isEmpty)
    }

    @Test("finish stores snapshots, digest and summary, and closes the run to writing")
    func finish() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore.create(directory: folder.path, info: Fixture.info())
        try store.commitPeriod(
            daysDone: 31,
            lastDay: "2014-01-31",
            metrics: [],
            traces: [],
            checkpoint: Fixture.checkpoint("c/1.bin", daysDone: 31)
        )
        #expect(try store.snapshots().isEmpty)
        let snapshots = [
            Fixture.snapshot(subject: 9, kind: .companies), Fixture.snapshot(subject: 42),
            Fixture.snapshot(subject: 7),
        ]
        try store.finish(snapshots: snapshots, digest: Fixture.digest, summaryJSON: #"{"people": 100000}"#)
        #expect(try store.snapshots() == [snapshots[2], snapshots[1], snapshots[0]])
        let expected = RunProgress(
            daysDone: 31,
            lastDay: "2014-01-31",
            checkpoint: "c/1.bin",
            finished: true,
            digest: Fixture.digest,
            summaryJSON: #"{"people": 100000}"#
        )
        #expect(try store.progress() == expected)

        let commitAfter = runStoreError {
            try store.commitPeriod(daysDone: 62, lastDay: "2014-02-28", metrics: [], traces: [], checkpoint: nil)
        }
        #expect(commitAfter == .alreadyFinished(path: store.databasePath))
        let finishAgain = runStoreError {
            try store.finish(snapshots: [], digest: Fixture.digest, summaryJSON: "{}")
        }
        #expect(finishAgain == .alreadyFinished(path: store.databasePath))
        try store.close()
        let reopened = try RunStore.open(directory: folder.path)
        #expect(try reopened.progress() == expected)
        #expect(try reopened.snapshots() == [snapshots[2], snapshots[1], snapshots[0]])
    }

    @Test("group tallies round-trip, a negative sum of final scores included (a score range may reach below zero)")
    func negativeScoreSum() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore.create(directory: folder.path, info: Fixture.info())
        var everyone = GroupTally(dimension: "everyone", group: "everyone")
        everyone.people = 3
        everyone.scored = 3
        everyone.scoreSum = -150  // scores -100, -80 and 30 on a scale from -200 to 200
        var urban = GroupTally(dimension: "residence", group: "urban")
        urban.people = 1
        try store.finish(snapshots: [], digest: Fixture.digest, summaryJSON: "{}", groups: [everyone, urban])
        try store.close()
        let tallies = try RunStore.open(directory: folder.path).groupTallies()
        #expect(tallies.map(\.counts) == [everyone.counts, urban.counts])
        #expect(tallies.first?.scoreSum == -150)
    }

    @Test("a failed finish stores nothing: snapshots, summary and the finished mark go together")
    func finishIsAtomic() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore.create(directory: folder.path, info: Fixture.info())
        var broken = Fixture.snapshot(subject: 2)
        broken.records = -1  // refused by the table's CHECK constraint, after snapshot 1 was inserted
        let error = runStoreError {
            try store.finish(
                snapshots: [Fixture.snapshot(subject: 1), broken],
                digest: Fixture.digest,
                summaryJSON: "{}"
            )
        }
        guard case .database(let path, let operation, let message)? = error else {
            Issue.record("expected a database error, got \(String(describing: error))")
            return
        }
        #expect(path == store.databasePath)
        #expect(operation == "finishing the run")
        #expect(message.contains("CHECK constraint failed"))
        #expect(try store.snapshots().isEmpty)
        #expect(try store.progress().finished == false)
        #expect(try store.progress().digest == nil)
        try store.finish(snapshots: [Fixture.snapshot(subject: 1)], digest: Fixture.digest, summaryJSON: "{}")
        #expect(try store.snapshots() == [Fixture.snapshot(subject: 1)])
    }

    @Test("values that break the contract are refused with the reason, and nothing is written")
    func invalidArguments() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore.create(directory: folder.path, info: Fixture.info())
        let point = [MetricPoint(period: "2014-01", name: "a", value: 1)]
        let cases: [(String, () throws -> Void)] = [
            (
                "days done cannot be negative",
                {
                    try store.commitPeriod(
                        daysDone: -1,
                        lastDay: "2014-01-31",
                        metrics: point,
                        traces: [],
                        checkpoint: nil
                    )
                }
            ),
            (
                "must be relative to the run folder",
                {
                    try store.commitPeriod(
                        daysDone: 1,
                        lastDay: "2014-01-31",
                        metrics: point,
                        traces: [],
                        checkpoint: Fixture.checkpoint("/tmp/c.bin")
                    )
                }
            ),
            (
                "appeal outcome 'won'",
                {
                    try store.commitPeriod(
                        daysDone: 1,
                        lastDay: "2014-01-31",
                        metrics: point,
                        traces: [Fixture.trace(id: 1, subject: 1, outcome: "won")],
                        checkpoint: nil
                    )
                }
            ),
            ("64 lowercase hex digits", { try store.finish(snapshots: [], digest: "ABC", summaryJSON: "{}") }),
            (
                "64 lowercase hex digits",
                {
                    try store.finish(snapshots: [], digest: Fixture.digest.uppercased(), summaryJSON: "{}")
                }
            ),
            ("not valid JSON", { try store.finish(snapshots: [], digest: Fixture.digest, summaryJSON: "{people: 1") }),
            (
                "people 3 has two snapshots",
                {
                    try store.finish(
                        snapshots: [Fixture.snapshot(subject: 3), Fixture.snapshot(subject: 3)],
                        digest: Fixture.digest,
                        summaryJSON: "{}"
                    )
                }
            ),
        ]
        for (expected, body) in cases {
            let error = runStoreError(body)
            guard case .invalidArgument(let path, let reason)? = error else {
                Issue.record("expected invalidArgument containing '\(expected)', got \(String(describing: error))")
                continue
            }
            #expect(path == store.databasePath)
            #expect(reason.contains(expected), "\(reason)")
            #expect(error?.description.hasPrefix(store.databasePath + ": ") == true)
        }
        #expect(try store.allMetrics().isEmpty)
        #expect(
            try store.progress()
                == RunProgress(
                    daysDone: 0,
                    lastDay: nil,
                    checkpoint: nil,
                    finished: false,
                    digest: nil,
                    summaryJSON: nil
                )
        )
    }

    @Test("a closed store refuses further use with an error, not a crash")
    func closed() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore.create(directory: folder.path, info: Fixture.info())
        try store.close()
        let error = runStoreError { _ = try store.progress() }
        #expect(error?.path == store.databasePath)
        // Closing merged the write-ahead log: the folder holds the database alone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["run.sqlite"])
    }

    @Test("the file is in WAL mode, the journal mode docs/run-store.md promises")
    func walMode() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore.create(directory: folder.path, info: Fixture.info())
        try store.close()
        let header = try #require(FileManager.default.contents(atPath: store.databasePath)).prefix(100)
        // Bytes 18 and 19 of a SQLite header are the write and read format versions: 2 means WAL.
        #expect(Array(header[18...19]) == [2, 2])
        #expect(Array(header[60...63]) == [0, 0, 0, UInt8(RunStore.schemaVersion)])  // user_version
        #expect(Array(header[68...71]) == Array("SCLR".utf8))  // application_id
    }

    @Test("readers running beside the writer only ever see whole periods")
    func concurrentReaders() async throws {
        let folder = try TemporaryFolder()
        let store = try RunStore.create(directory: folder.path, info: Fixture.info())
        let periods = 30
        let points = 200
        try await withThrowingTaskGroup(of: [Int].self) { group in
            group.addTask {
                for period in 1...periods {
                    let label = String(format: "%04d-01", 2000 + period)
                    try store.commitPeriod(
                        daysDone: period,
                        lastDay: label + "-31",
                        metrics: (0..<points).map { MetricPoint(period: label, name: "m\($0)", value: Double($0)) },
                        traces: [],
                        checkpoint: nil
                    )
                }
                return []
            }
            for _ in 0..<2 {
                group.addTask {
                    var counts: [Int] = []
                    while counts.last != periods * points {
                        counts.append(try store.allMetrics().count)
                        await Task.yield()
                    }
                    return counts
                }
            }
            for try await counts in group {
                #expect(counts.allSatisfy { $0 % points == 0 }, "a reader saw part of a period: \(counts)")
                #expect(counts == counts.sorted())
            }
        }
        #expect(try store.progress().daysDone == periods)
    }

    @Test(
        "Large periods (2,000 metric points, 10,000 traces) are stored whole; a trace committed again replaces the earlier one"
    )
    func largePeriods() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore.create(directory: folder.path, info: Fixture.info())
        for period in 1...3 {
            let label = String(format: "2014-%02d", period)
            let metrics = (0..<2_000).map { MetricPoint(period: label, name: "metric.\($0)", value: Double($0)) }
            let traces = (0..<10_000).map { Fixture.trace(id: Int64(period * 10_000 + $0), subject: $0 % 1_000) }
            try store.commitPeriod(
                daysDone: period * 30,
                lastDay: label + "-28",
                metrics: metrics,
                traces: traces,
                checkpoint: nil
            )
        }
        // The first period's traces again, now with an appeal decided: replaced, not added.
        let again = (0..<10_000).map {
            Fixture.trace(id: Int64(10_000 + $0), subject: $0 % 1_000, outcome: "overturned")
        }
        try store.commitPeriod(daysDone: 120, lastDay: "2014-04-28", metrics: [], traces: again, checkpoint: nil)
        #expect(try store.allMetrics().count == 6_000)
        #expect(try store.allMetrics().filter { $0.name == "metric.1999" }.map(\.value) == [1_999, 1_999, 1_999])
        let subjectFive = try store.traces(subject: 5, kind: "people")
        #expect(subjectFive.count == 30)
        let overturned: [Int64] = subjectFive.filter { $0.appealOutcome == "overturned" }.map(\.id)
        let firstPeriod: [Int64] = (0..<10).map { Int64(10_005 + $0 * 1_000) }
        #expect(overturned == firstPeriod)
        #expect(try store.progress().daysDone == 120)
    }
}

import Foundation
import GRDB
import RunRecords
import RunStore
import Simulation
import TestSupport
import Testing

/// A run row is range-checked where it is read: a number no run could have been made with
/// (`RunLimits`) is an error naming the column, never a trap in a reader further on.
@Suite("run store: stored numbers are range-checked")
struct RunInfoRangeTests {
    @Test(
        "a stored number out of range is refused as damaged, naming the column",
        arguments: [
            (
                "trace_every", "9223372036854775807",
                "run.trace_every must be from 1 to 200000000 (got 9223372036854775807)"
            ),
            ("trace_every", "200000001", "run.trace_every must be from 1 to 200000000 (got 200000001)"),
            ("population", "0", "run.population must be from 1 to 2000000000 (got 0)"),
            (
                "population", "9223372036854775807",
                "run.population must be from 1 to 2000000000 (got 9223372036854775807)"
            ),
            ("threads", "0", "run.threads must be from 1 to 1024 (got 0)"),
            ("checkpoint_every", "32001", "run.checkpoint_every must be from 0 to 32000 (got 32001)"),
            ("seeds", "101", "run.seeds must be from 1 to 100 (got 101)"),
            (
                "start_day", "'9999-12-31'",
                "run.start_day to run.end_day: the run's first day 9999-12-31 is outside 1900-01-01 to 2199-12-31"
            ),
            ("end_day", "'2014-13-01'", "run.end_day '2014-13-01' is not a date (YYYY-MM-DD)"),
            (
                "end_day", "'2199-01-01'",
                "run.start_day to run.end_day: the run would last 67571 days; a run covers at most 32000 (about 87 years)"
            ),
            (
                "trace_people", "'5,100000'",
                "run.trace_people names person 100000, not in a society of 100000 people (0 to 99999)"
            ),
        ]
    )
    func outOfRange(column: String, value: String, message: String) throws {
        let folder = try TemporaryFolder()
        try RunStore.create(directory: folder.path, info: Fixture.info()).close()
        let queue = try DatabaseQueue(path: folder.appending("run.sqlite"))
        try queue.write { db in try db.execute(sql: "UPDATE run SET \(column) = \(value) WHERE id = 1") }
        try queue.close()
        let error = runStoreError { _ = try RunStore.open(directory: folder.path).info() }
        #expect(error?.description == "\(folder.appending("run.sqlite")): the run database is damaged (\(message))")
    }

    @Test(
        "a run out of range is not stored",
        arguments: [
            (Fixture.info().with { $0.threads = 0 }, "run.threads must be from 1 to 1024 (got 0)"),
            (
                Fixture.info().with { $0.traceEvery = .max },
                "run.trace_every must be from 1 to 200000000 (got 9223372036854775807)"
            ),
        ]
    )
    func notCreated(info: RunInfo, message: String) throws {
        let folder = try TemporaryFolder()
        let error = runStoreError { _ = try RunStore.create(directory: folder.appending("run"), info: info) }
        #expect(error?.description == "\(folder.appending("run")): \(message)")
        #expect(!FileManager.default.fileExists(atPath: folder.appending("run")))
    }
}

extension RunInfo {
    /// A copy changed by `change`.
    func with(_ change: (inout RunInfo) -> Void) -> RunInfo {
        var copy = self
        change(&copy)
        return copy
    }
}

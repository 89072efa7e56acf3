import Foundation
import RunRecords
import RunStore
import Simulation
import TestSupport
import Testing

/// The store's record of checkpoints (schema version 7), and finished runs readable anywhere.
@Suite("run store: checkpoints and finished runs")
struct CheckpointStoreTests {
    @Test("A month without a checkpoint keeps the latest one; every checkpoint is recorded")
    func monthsWithoutCheckpointKeepThePointer() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore.create(directory: folder.path, info: Fixture.info())
        let first = Fixture.checkpoint("checkpoints/day-31.bin", daysDone: 31)
        let second = Fixture.checkpoint("checkpoints/day-90.bin", daysDone: 90)
        try store.commitPeriod(daysDone: 31, lastDay: "2014-01-31", metrics: [], traces: [], checkpoint: first)
        try store.commitPeriod(daysDone: 59, lastDay: "2014-02-28", metrics: [], traces: [], checkpoint: nil)
        #expect(try store.progress().checkpoint == "checkpoints/day-31.bin")
        try store.commitPeriod(daysDone: 90, lastDay: "2014-03-31", metrics: [], traces: [], checkpoint: second)
        try store.commitPeriod(daysDone: 120, lastDay: "2014-04-30", metrics: [], traces: [], checkpoint: nil)
        #expect(try store.progress().checkpoint == "checkpoints/day-90.bin")
        #expect(try store.checkpoints() == [first, second])

        // Forgetting the older one leaves the latest; forgetting the latest falls back to none.
        try store.forgetCheckpoints(days: [31])
        #expect(try store.checkpoints() == [second])
        #expect(try store.progress().checkpoint == "checkpoints/day-90.bin")
        try store.forgetCheckpoints(days: [90])
        #expect(try store.checkpoints().isEmpty)
        #expect(try store.progress().checkpoint == nil)
    }

    @Test(
        "A malformed checkpoint record is refused with the reason",
        arguments: [
            (
                CheckpointRecord(daysDone: 1, file: "/abs.bin", bytes: 1, sha256: String(repeating: "0", count: 64)),
                "relative"
            ),
            (
                CheckpointRecord(daysDone: 1, file: "c.bin", bytes: -1, sha256: String(repeating: "0", count: 64)),
                "size"
            ),
            (CheckpointRecord(daysDone: 1, file: "c.bin", bytes: 1, sha256: "xyz"), "SHA-256"),
        ]
    )
    func malformedRecord(record: CheckpointRecord, reason: String) throws {
        let folder = try TemporaryFolder()
        let store = try RunStore.create(directory: folder.path, info: Fixture.info())
        let error = runStoreError {
            try store.commitPeriod(daysDone: 1, lastDay: "2014-01-01", metrics: [], traces: [], checkpoint: record)
        }
        #expect("\(String(describing: error))".contains(reason))
        #expect(try store.progress().daysDone == 0)
    }

    @Test("A finished run leaves WAL mode when closed, and read-only opens leave its bytes unchanged")
    func finishedRunIsOneFileReadReadOnly() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore.create(directory: folder.path, info: Fixture.info())
        try store.commitPeriod(
            daysDone: 31,
            lastDay: "2014-01-31",
            metrics: [MetricPoint(period: "2014-01", name: "a", value: 1)],
            traces: [],
            checkpoint: nil
        )
        try store.finish(snapshots: [Fixture.snapshot(subject: 1)], digest: Fixture.digest, summaryJSON: "{}")
        try store.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["run.sqlite"])
        let file = folder.appending("run.sqlite")
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        // Byte 18 and 19 of a SQLite header are the write and read versions: 1 is rollback journal, 2 WAL.
        #expect(before[18] == 1 && before[19] == 1)

        for _ in 0..<2 {
            let reader = try RunStore.openReadOnly(directory: folder.path)
            #expect(try reader.progress().finished)
            #expect(try reader.allMetrics().count == 1)
            #expect(try reader.snapshots().count == 1)
            #expect(try reader.checkpoints().isEmpty)
            try reader.close()
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["run.sqlite"])
    }

    @Test("An unfinished run stays in WAL mode when closed, for its writer")
    func unfinishedRunStaysWAL() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore.create(directory: folder.path, info: Fixture.info())
        try store.commitPeriod(daysDone: 31, lastDay: "2014-01-31", metrics: [], traces: [], checkpoint: nil)
        try store.close()
        let header = try Data(contentsOf: URL(fileURLWithPath: folder.appending("run.sqlite")))
        #expect(header[18] == 2 && header[19] == 2)
    }
}

import Foundation
import GRDB
import RunRecords
import RunStore
import Simulation
import TestSupport
import Testing

/// Opening what is not a healthy run: each case gives its own `RunStoreError`, naming the path,
/// and never crashes or modifies the file.
@Suite("run store: opening what is not a run")
struct OpenErrorTests {
    /// A real run with a few periods, closed so that `run.sqlite` holds everything.
    func realRun(in folder: TemporaryFolder, name: String = "real") throws -> String {
        let directory = folder.appending(name)
        let store = try RunStore.create(directory: directory, info: Fixture.info())
        for period in 1...12 {
            let label = String(format: "2014-%02d", period)
            try store.commitPeriod(
                daysDone: period * 30,
                lastDay: label + "-28",
                metrics: (0..<300).map { MetricPoint(period: label, name: "metric.\($0)", value: Double($0)) },
                traces: (0..<100).map { Fixture.trace(id: Int64(period * 100 + $0), subject: $0) },
                checkpoint: nil
            )
        }
        try store.close()
        return directory
    }

    /// A run folder holding `bytes` as its run.sqlite.
    func folderWithFile(_ bytes: Data, in folder: TemporaryFolder) throws -> (directory: String, file: String) {
        let directory = folder.appending("bad")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let file = directory + "/run.sqlite"
        try bytes.write(to: URL(fileURLWithPath: file))
        return (directory, file)
    }

    /// Opens `directory`, which must fail, and checks the error names `file` and that the file
    /// was left as it was.
    func openFailure(
        _ directory: String,
        file: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> RunStoreError? {
        let before = FileManager.default.contents(atPath: file)
        let error = runStoreError(sourceLocation: sourceLocation) { _ = try RunStore.open(directory: directory) }
        #expect(error?.path == file, sourceLocation: sourceLocation)
        #expect(
            error?.description.hasPrefix(file + ": ") == true,
            "\(String(describing: error))",
            sourceLocation: sourceLocation
        )
        #expect(
            FileManager.default.contents(atPath: file) == before,
            "open modified \(file)",
            sourceLocation: sourceLocation
        )
        return error
    }

    @Test("create on an existing run fails and leaves the run as it was")
    func createTwice() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore.create(directory: folder.path, info: Fixture.info())
        try store.commitPeriod(daysDone: 5, lastDay: "2014-01-05", metrics: [], traces: [], checkpoint: nil)
        let error = runStoreError { _ = try RunStore.create(directory: folder.path, info: Fixture.info(seed: 3)) }
        #expect(error == .alreadyExists(path: folder.path + "/run.sqlite"))
        #expect(error?.description.contains(folder.path + "/run.sqlite: a run database already exists") == true)
        #expect(try store.progress().daysDone == 5)
        #expect(try store.info().seed == .max)
        // No temporary file is left behind.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("creating") }.isEmpty
        )
    }

    @Test("create where a file is in the way of the folder fails clearly")
    func createOverFile() throws {
        let folder = try TemporaryFolder()
        let file = folder.appending("file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        #expect(
            runStoreError { _ = try RunStore.create(directory: file, info: Fixture.info()) }
                == .notADirectory(path: file)
        )
        let error = runStoreError { _ = try RunStore.create(directory: file + "/run", info: Fixture.info()) }
        guard case .cannotCreateDirectory(let path, _)? = error else {
            Issue.record("expected cannotCreateDirectory, got \(String(describing: error))")
            return
        }
        #expect(path == file + "/run")
    }

    @Test("open: a missing folder, a file as folder, a folder without run.sqlite")
    func missing() throws {
        let folder = try TemporaryFolder()
        let missing = folder.appending("no-such-run")
        let error = runStoreError { _ = try RunStore.open(directory: missing) }
        #expect(error == .noSuchDirectory(path: missing))
        #expect(error?.description == "\(missing): no such run folder")

        let file = folder.appending("file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        #expect(runStoreError { _ = try RunStore.open(directory: file) } == .notADirectory(path: file))

        let empty = folder.appending("empty")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let noDatabase = runStoreError { _ = try RunStore.open(directory: empty) }
        #expect(noDatabase == .noRunDatabase(path: empty + "/run.sqlite"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty).isEmpty)
    }

    @Test("open: an empty file is not a database (SQLite alone would take it for an empty one)")
    func emptyFile() throws {
        let folder = try TemporaryFolder()
        let (directory, file) = try folderWithFile(Data(), in: folder)
        let error = openFailure(directory, file: file)
        #expect(error == .notADatabase(path: file, reason: "the file is empty"))
    }

    @Test("open: random bytes are not a database")
    func randomBytes() throws {
        let folder = try TemporaryFolder()
        var generator = SystemRandomNumberGenerator()
        let bytes = Data((0..<8_192).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let (directory, file) = try folderWithFile(bytes, in: folder)
        let error = openFailure(directory, file: file)
        guard case .notADatabase(_, let reason)? = error else {
            Issue.record("expected notADatabase, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("without the SQLite header"))
    }

    @Test(
        "open: a real run truncated (at a page boundary, mid-page, inside the header) is damaged",
        arguments: [0.5, 0.37, 0.0]
    )
    func truncated(fraction: Double) throws {
        let folder = try TemporaryFolder()
        let real = try realRun(in: folder)
        let whole = try #require(FileManager.default.contents(atPath: real + "/run.sqlite"))
        #expect(whole.count > 16 * 4_096)
        let length =
            fraction == 0 ? 60 : fraction == 0.5 ? whole.count / 2 / 4_096 * 4_096 : Int(Double(whole.count) * fraction)
        let (directory, file) = try folderWithFile(whole.prefix(length), in: folder)
        let error = openFailure(directory, file: file)
        guard case .damaged(_, let reason)? = error else {
            Issue.record("expected damaged, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("truncated"), "\(reason)")
    }

    @Test("open: a run whose first page is overwritten with garbage is damaged")
    func garbledFirstPage() throws {
        let folder = try TemporaryFolder()
        let real = try realRun(in: folder)
        var bytes = try #require(FileManager.default.contents(atPath: real + "/run.sqlite"))
        var generator = SystemRandomNumberGenerator()
        for index in 100..<4_096 { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        let (directory, file) = try folderWithFile(bytes, in: folder)
        let error = openFailure(directory, file: file)
        guard case .damaged? = error else {
            Issue.record("expected damaged, got \(String(describing: error))")
            return
        }
    }

    @Test("open: a SQLite database of something else is not a run, and is not modified")
    func foreignDatabase() throws {
        let folder = try TemporaryFolder()
        let directory = folder.appending("foreign")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let file = directory + "/run.sqlite"
        do {
            let queue = try DatabaseQueue(path: file)
            try queue.write { db in
                try db.execute(
                    sql:
                        "CREATE TABLE recipe (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO recipe (name) VALUES ('jiaozi')"
                )
            }
            try queue.close()
        }
        let error = openFailure(directory, file: file)
        #expect(
            error
                == .notARun(
                    path: file,
                    missingTables: ["run", "progress", "metric", "record_trace", "snapshot", "summary"]
                )
        )
        #expect(error?.description.contains("not a SocialCreditLab run (missing tables: run, progress") == true)
    }

    @Test("open: a run with only some of the tables is not a run either")
    func partialTables() throws {
        let folder = try TemporaryFolder()
        let directory = try realRun(in: folder)
        let file = directory + "/run.sqlite"
        do {
            let queue = try DatabaseQueue(path: file)
            try queue.write { db in try db.execute(sql: "DROP TABLE snapshot") }
            try queue.close()
        }
        #expect(openFailure(directory, file: file) == .notARun(path: file, missingTables: ["snapshot"]))
    }

    @Test("open: a run without its run row is damaged")
    func missingRunRow() throws {
        let folder = try TemporaryFolder()
        let directory = try realRun(in: folder)
        let file = directory + "/run.sqlite"
        do {
            let queue = try DatabaseQueue(path: file)
            try queue.write { db in try db.execute(sql: "DELETE FROM run") }
            try queue.close()
        }
        #expect(
            openFailure(directory, file: file)
                == .damaged(path: file, reason: "the run table has 0 rows instead of one")
        )
    }

    @Test("open: a run from a newer schema is refused with both versions", arguments: [false, true])
    func newerSchema(onlyMigrationTable: Bool) throws {
        let folder = try TemporaryFolder()
        let directory = try realRun(in: folder)
        let file = directory + "/run.sqlite"
        do {
            let queue = try DatabaseQueue(path: file)
            try queue.write { db in
                try db.execute(
                    sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v\(RunStore.schemaVersion + 1)')"
                )
                if !onlyMigrationTable { try db.execute(sql: "PRAGMA user_version = \(RunStore.schemaVersion + 1)") }
            }
            try queue.close()
        }
        let error = openFailure(directory, file: file)
        let found = RunStore.schemaVersion + 1
        #expect(error == .newerSchema(path: file, found: found, supported: RunStore.schemaVersion))
        #expect(error?.description.contains("upgrade sclab") == true)
    }

    @Test("open: a healthy run opens after all these checks, with its data")
    func healthy() throws {
        let folder = try TemporaryFolder()
        let directory = try realRun(in: folder)
        let store = try RunStore.open(directory: directory)
        #expect(try store.progress().daysDone == 360)
        #expect(try store.metrics(named: "metric.7").count == 12)
        #expect(try store.traces(subject: 3, kind: "people").count == 12)
        #expect(try store.info() == Fixture.info())
    }
}

/// The full integrity check, for damage that `open` does not look for.
@Suite("run store: verify")
struct VerifyTests {
    @Test("verify passes on a healthy run and reports a garbled page in the middle of the file")
    func verify() throws {
        let folder = try TemporaryFolder()
        let directory = try OpenErrorTests().realRun(in: folder)
        try RunStore.open(directory: directory).verify()

        let file = directory + "/run.sqlite"
        var bytes = try #require(FileManager.default.contents(atPath: file))
        let middle = bytes.count / 2 / 4_096 * 4_096
        for index in middle..<middle + 3 * 4_096 {
            bytes[index] = UInt8(truncatingIfNeeded: (index &* 2_654_435_761) >> 13)
        }
        try bytes.write(to: URL(fileURLWithPath: file))
        // The header and the schema are intact, so the cheap checks of `open` pass (or, if the
        // garbled pages hold the schema, open itself reports the damage).
        let error = runStoreError { try RunStore.open(directory: directory).verify() }
        guard case .damaged(let path, let reason)? = error else {
            Issue.record("expected damaged, got \(String(describing: error))")
            return
        }
        #expect(path == file)
        #expect(!reason.isEmpty)
    }
}

import Foundation
import GRDB
import RunRecords
import RunStore
import TestSupport
import Testing

/// `sclab simulate` and `sclab resume` killed with SIGKILL at chosen moments, and checkpoints
/// damaged, lost or pruned: `resume` always ends with the uninterrupted run's digest.
@Suite("sclab resume after kills and damage", .serialized)
struct ResumeTests {
    /// A small run: 600 people, 95 days (three month ends: days 31, 59 and 90, then the end), a
    /// checkpoint at the first month end at least 30 days after the last, one seed (the
    /// counterfactual is the one companion).
    static let run = ["--population", "600", "--days", "95", "--seeds", "1", "--checkpoint-every", "30"]

    /// Runs `sclab arguments`; when `killWhen` (given the standard error so far) becomes true,
    /// kills it with SIGKILL at once.
    func sclab(_ arguments: [String], killWhen: ((String) -> Bool)? = nil) throws -> Subprocess.Outcome {
        try SCLab.run(arguments, killWhen: killWhen)
    }

    /// The digest of the run done without interruption.
    static let uninterrupted: Result<String, any Error> = Result {
        let folder = try TemporaryFolder()
        let outcome = try ResumeTests().sclab(["simulate", "--out", folder.appending("whole")] + run)
        guard outcome.status == 0, let digest = outcome.digest else {
            throw CheckpointFailure("the uninterrupted run failed: \(outcome.stderr)")
        }
        return digest
    }

    /// Checkpoint files in a run folder, by name.
    func checkpointFiles(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory + "/checkpoints")) ?? []).filter {
            $0.hasSuffix(".bin")
        }.sorted()
    }

    /// Resumes until finished, killing the first resume when `killResumeWhen` holds; returns the digest.
    func resumeToEnd(_ directory: String, killResumeWhen: ((String) -> Bool)? = nil) throws -> String? {
        if let killResumeWhen {
            let first = try sclab(["resume", directory], killWhen: killResumeWhen)
            #expect(first.killed, "the resume finished before the kill: \(first.stderr)")
        }
        let resumed = try sclab(["resume", directory])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        return resumed.digest
    }

    @Test("SIGKILL mid-run, once a later checkpoint is on disk: resume ends with the uninterrupted digest")
    func killedMidRun() throws {
        let expected = try Self.uninterrupted.get()
        let folder = try TemporaryFolder()
        let directory = folder.appending("run")
        let killed = try sclab(["simulate", "--out", directory] + Self.run) { _ in
            self.checkpointFiles(directory).contains("day-90.bin")
        }
        #expect(killed.killed, "the run finished before the kill")
        #expect(try resumeToEnd(directory) == expected)
    }

    @Test(
        "SIGKILL during the counterfactual, and of the resume during its counterfactual: resume ends with the uninterrupted digest"
    )
    func killedDuringCounterfactual() throws {
        let expected = try Self.uninterrupted.get()
        let folder = try TemporaryFolder()
        let directory = folder.appending("run")
        let companions: (String) -> Bool = { $0.contains("at a time") }
        let killed = try sclab(["simulate", "--out", directory] + Self.run, killWhen: companions)
        #expect(killed.killed, "the run finished before the kill")
        // The last day's checkpoint was committed with the last month, before the companions.
        let store = try RunStore.openReadOnly(directory: directory)
        #expect(try store.progress().finished == false)
        #expect(try store.progress().checkpoint == "checkpoints/day-95.bin")
        #expect(try store.checkpoints().map(\.daysDone) == [90, 95])
        try store.close()
        #expect(try resumeToEnd(directory, killResumeWhen: companions) == expected)
        // Finished: one file out of WAL mode, and the older checkpoints pruned to the default two.
        let header = try Data(contentsOf: URL(fileURLWithPath: directory + "/run.sqlite"))
        #expect(header[18] == 1 && header[19] == 1)
        #expect(!FileManager.default.fileExists(atPath: directory + "/run.sqlite-wal"))
        #expect(checkpointFiles(directory) == ["day-90.bin", "day-95.bin"])
    }

    @Test("The store lost every pointer to the checkpoints: resume finds the files")
    func lostPointer() throws {
        let expected = try Self.uninterrupted.get()
        let folder = try TemporaryFolder()
        let directory = folder.appending("run")
        let stopped = try sclab(["simulate", "--out", directory, "--stop-after", "60"] + Self.run)
        #expect(stopped.status == 0, "\(stopped.stderr)")
        let queue = try DatabaseQueue(path: directory + "/run.sqlite")
        try queue.write { db in
            try db.execute(sql: "UPDATE progress SET checkpoint = NULL")
            try db.execute(sql: "DELETE FROM checkpoint")
        }
        try queue.close()
        #expect(try resumeToEnd(directory) == expected)
    }

    @Test(
        "A damaged or foreign latest checkpoint is named and skipped, and the one before used",
        arguments: ["flip", "cut", "foreign", "missing"]
    )
    func damagedLatest(damage: String) throws {
        let expected = try Self.uninterrupted.get()
        let folder = try TemporaryFolder()
        let directory = folder.appending("run")
        // Checkpoints at days 31 and 90 (the stop).
        let stopped = try sclab(["simulate", "--out", directory, "--stop-after", "60"] + Self.run)
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(checkpointFiles(directory) == ["day-31.bin", "day-90.bin"])
        let latest = directory + "/checkpoints/day-90.bin"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: latest))
        let message: String
        switch damage {
        case "flip":
            bytes[bytes.count / 2] ^= 0x04
            message = "checkpoints/day-90.bin: checksum mismatch, skipped"
        case "cut":
            bytes = bytes.prefix(bytes.count - 1_000)
            message = "checkpoints/day-90.bin: \(bytes.count) bytes where the run store recorded"
        case "foreign":
            let other = folder.appending("other")
            let run = try sclab(["simulate", "--out", other, "--stop-after", "60", "--seed", "2"] + Self.run)
            #expect(run.status == 0, "\(run.stderr)")
            bytes = try Data(contentsOf: URL(fileURLWithPath: other + "/checkpoints/day-90.bin"))
            let queue = try DatabaseQueue(path: directory + "/run.sqlite")
            try queue.write { db in try db.execute(sql: "DELETE FROM checkpoint WHERE days_done = 90") }
            try queue.close()
            message = "checkpoints/day-90.bin: a checkpoint of another run"
        default:
            try FileManager.default.removeItem(atPath: latest)
            message = "checkpoints/day-90.bin: missing or unreadable, skipped"
        }
        if damage != "missing" { try bytes.write(to: URL(fileURLWithPath: latest)) }
        let resumed = try sclab(["resume", directory])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains(message), "\(resumed.stderr)")
        #expect(resumed.stderr.contains("(checkpoints/day-31.bin)"), "\(resumed.stderr)")
        #expect(resumed.digest == expected)
    }

    @Test("--keep-checkpoints N keeps the newest N files and records", arguments: [1, 2, 3])
    func keepCheckpoints(keep: Int) throws {
        let folder = try TemporaryFolder()
        let directory = folder.appending("run")
        let stopped = try sclab(
            ["simulate", "--out", directory, "--stop-after", "60", "--keep-checkpoints", String(keep)] + Self.run
        )
        #expect(stopped.status == 0, "\(stopped.stderr)")
        let all = ["day-31.bin", "day-90.bin"]
        #expect(checkpointFiles(directory) == Array(all.suffix(keep)))
        let store = try RunStore.openReadOnly(directory: directory)
        #expect(
            try store.checkpoints().map { $0.file.replacingOccurrences(of: "checkpoints/", with: "") }
                == Array(all.suffix(keep))
        )
        try store.close()
        let bad = try sclab(["simulate", "--out", folder.appending("bad"), "--keep-checkpoints", "0"] + Self.run)
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--keep-checkpoints must be from 1 to"), "\(bad.stderr)")
    }
}

/// A finished run is one file out of WAL mode, and every read command leaves it byte-for-byte
/// as it was (they open it with SQLite's read-only flag, as on read-only media).
@Suite("sclab read commands on a finished run", .serialized)
struct ReadOnlyRunTests {
    @Test("report, export, explain, verify, compare and resume leave run.sqlite unchanged")
    func readCommandsChangeNothing() throws {
        let cli = ResumeTests()
        let folder = try TemporaryFolder()
        let directory = folder.appending("run")
        let run = try cli.sclab(["simulate", "--out", directory] + ResumeTests.run)
        #expect(run.status == 0, "\(run.stderr)")
        let file = URL(fileURLWithPath: directory + "/run.sqlite")
        let before = try Data(contentsOf: file)
        #expect(before[18] == 1 && before[19] == 1, "a finished run leaves WAL mode")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == [
                "checkpoints", "report.html", "run.sqlite",
            ]
        )
        let commands: [[String]] = [
            ["report", directory, "--format", "markdown"], ["export", directory, "--table", "people"],
            ["explain", directory, "--person", "3"], ["verify", directory], ["compare", directory, directory],
        ]
        for command in commands {
            let outcome = try cli.sclab(command)
            #expect(outcome.status == 0, "\(command): \(outcome.stderr)")
        }
        let again = try cli.sclab(["resume", directory])
        #expect(again.status != 0)
        #expect(again.stderr.contains("already finished"), "\(again.stderr)")
        #expect(try Data(contentsOf: file) == before)
        #expect(!FileManager.default.fileExists(atPath: directory + "/run.sqlite-wal"))
    }
}

/// A failure of a test's setup, with what happened.
struct CheckpointFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

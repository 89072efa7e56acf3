import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Testing

/// Test values.
enum Fixture {
    static func info(seed: UInt64 = .max) -> RunInfo {
        RunInfo(
            scenarioID: "seed-article",
            scenarioText: "id: seed-article\n# «全文» with non-ASCII text\n",
            population: 100_000,
            seed: seed,
            start: "2014-01-01",
            end: "2020-12-31",
            threads: 2,
            checkpointEvery: 90,
            version: "0.1.0"
        )
    }

    static func trace(id: Int64, subject: Int, kind: SubjectKind = .people, outcome: String? = nil) -> RecordTrace {
        RecordTrace(
            id: id,
            subject: subject,
            subjectKind: kind,
            behavior: "jaywalking",
            source: "cctv",
            occurred: "2015-03-02",
            recorded: "2015-03-09",
            misattributed: id % 3 == 0,
            actualSubject: id % 3 == 0 ? subject + 1 : nil,
            rule: id % 2 == 0 ? "r-jaywalk" : nil,
            delta: -5,
            judgedOtherwise: id % 5 == 0,
            listed: id % 7 == 0 ? "blacklist" : nil,
            appealFiled: outcome == nil ? nil : "2015-04-01",
            appealDecided: outcome == nil ? nil : "2015-05-01",
            appealOutcome: outcome
        )
    }

    static func snapshot(subject: Int, kind: SubjectKind = .people) -> SubjectSnapshot {
        SubjectSnapshot(
            subject: subject,
            subjectKind: kind,
            reason: "traced,listed",
            score: kind == .people ? 955 : nil,
            tier: kind == .people ? "B" : nil,
            lists: "blacklist",
            everListed: "blacklist,redlist",
            records: 12,
            falseRecords: 2,
            blocked: 3,
            rewarded: 1,
            age: kind == .people ? 41 : nil,
            male: kind == .people ? subject % 2 == 0 : nil,
            province: 370_000,
            urban: kind == .people ? true : nil,
            incomeQuintile: kind == .people ? 2 : nil
        )
    }

    static let digest = String(repeating: "ab", count: 32)

    /// A checkpoint record of `file` taken `daysDone` days in.
    static func checkpoint(_ file: String, daysDone: Int = 59) -> CheckpointRecord {
        CheckpointRecord(
            daysDone: daysDone,
            file: file,
            bytes: 1_000 + daysDone,
            sha256: String(repeating: "cd", count: 32)
        )
    }
}

/// Runs `body`, which must throw a `RunStoreError`, and returns it (or records an issue).
func runStoreError(
    sourceLocation: Testing.SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
) -> RunStoreError? {
    do {
        try body()
        Issue.record("expected a RunStoreError, nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as RunStoreError {
        return error
    } catch {
        Issue.record("expected a RunStoreError, got \(type(of: error)): \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

import Foundation
import GRDB
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society
import TestSupport
import Testing

@testable import Impact

/// `sclab verify`: the decision engine re-derives a run's traced standings and decisions.
@Suite("Verify: the decision engine against a run")
struct VerifyTests {
    static let period = Period(start: Day(iso: "2015-01-01")!, end: Day(iso: "2015-12-31")!)

    @Test(
        "The seed scenario with everyone traced: every subject, month end and decision is checked; a corrupted score is exactly one disagreement"
    )
    func seedRunCorrupted() throws {
        let (text, _) = try Societies.seedScenario()
        let size = 500
        let folder = try StoredRun.make(
            text: text,
            file: "seed-article.yaml",
            size: size,
            period: Self.period,
            counterfactual: false,
            report: false
        ).folder
        let before = try Verification.run(directory: folder, threads: 2, generator: Societies.generator)
        let companies = Societies.society(size).companies.count
        #expect(before.people == size && before.companies == companies)
        #expect(before.withoutSpillovers == 0 && before.partialStandings == 0 && before.skippedDecisions == 0)
        #expect(before.monthEnds == 12 && before.standings == (size + companies) * 12)
        #expect(before.decisions > 0)
        #expect(before.agrees, "\(before.disagreements.prefix(5))")

        // A scored person's month whose score the engine agreed with, stored 7 points higher.
        let store = try RunStore.openReadOnly(directory: folder)
        let disagreeing = Set(before.disagreements.filter { $0.field == "score" }.map { "\($0.subject) \($0.day)" })
        let row = try #require(
            try store.tracedStandings().first {
                $0.subjectKind == .people && $0.score != nil && !disagreeing.contains("\($0.subject) \($0.day)")
            }
        )
        try store.close()
        let score = try #require(row.score)
        let database = try DatabaseQueue(path: (folder as NSString).appendingPathComponent(RunStore.databaseFileName))
        try database.write { db in
            try db.execute(
                sql: "UPDATE traced_standing SET score = ? WHERE subject_kind = 'people' AND subject = ? AND day = ?",
                arguments: [score + 7, row.subject, row.day]
            )
        }
        try database.close()

        let after = try Verification.run(directory: folder, threads: 2, generator: Societies.generator)
        let new = after.disagreements.filter { !before.disagreements.contains($0) }
        #expect(after.disagreements.count == before.disagreements.count + 1)
        #expect(new.count == 1)
        let found = try #require(new.first)
        #expect(found.subjectKind == "people" && found.subject == row.subject && found.day == row.day)
        #expect(found.field == "score" && found.run == String(score + 7) && found.engine == String(score))
        #expect(!after.agrees)
        #expect(after.text.contains("person \(row.subject) \(row.day) score: run \(score + 7), engine \(score)"))
    }

    @Test("Rongcheng as shipped (tier ceilings, a published list, appeals): the engine agrees with the run everywhere")
    func rongchengAgrees() throws {
        let text = try Societies.shippedText("rongcheng")
        let folder = try StoredRun.make(
            text: text,
            file: "rongcheng.yaml",
            size: 400,
            period: Self.period,
            counterfactual: false,
            report: false
        ).folder
        let verification = try Verification.run(directory: folder, threads: 2, generator: Societies.generator)
        #expect(verification.people == 400 && verification.standings > 400 * 12)
        #expect(verification.disagreements.isEmpty, "\(verification.disagreements.prefix(5))")
    }

    @Test("One in two traced: people with untraced links are counted and checked without spillovers")
    func partlyTraced() throws {
        let (text, _) = try Societies.seedScenario()
        let folder = try StoredRun.make(
            text: text,
            file: "seed-article.yaml",
            size: 300,
            period: Self.period,
            traceEvery: 2,
            counterfactual: false,
            report: false
        ).folder
        let verification = try Verification.run(directory: folder, threads: 2, generator: Societies.generator)
        #expect(verification.people == 150)
        #expect(verification.withoutSpillovers > 0)
        #expect(verification.text.contains("spillovers not checked for them"))
        #expect(verification.standings == (150 + verification.companies) * 12)
    }

    @Test("A folder without a run, and a run without traced standings, are clear errors")
    func badFolders() throws {
        let empty = TemporaryFolder.unusedPath("sclab-verify-empty")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        #expect(throws: RunStoreError.self) { try Verification.run(directory: empty, threads: 2) }
        // A run stored without traced standings (as runs were before they were kept): the shared
        // run's database copied, its standings deleted.
        let old = TemporaryFolder.unusedPath("sclab-verify-old")
        try FileManager.default.createDirectory(atPath: old, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: old) }
        try FileManager.default.copyItem(atPath: "\(try SharedRun.folder())/run.sqlite", toPath: "\(old)/run.sqlite")
        let queue = try DatabaseQueue(path: "\(old)/run.sqlite")
        try queue.write { db in try db.execute(sql: "DELETE FROM traced_standing") }
        try queue.close()
        let error = try #require(throws: ImpactError.self) { try Verification.run(directory: old, threads: 2) }
        #expect(error.description.contains("no traced standings"))
    }

    @Test("A trace id packs the record and the rule, 63 meaning no rule, and unpacks them")
    func traceIDs() {
        #expect(TraceID(record: 5, rule: 3).rawValue == 5 * 64 + 3)
        #expect(TraceID(record: 5, rule: nil).rawValue == 5 * 64 + 63)
        #expect(TraceID(rawValue: 5 * 64 + 3) == TraceID(record: 5, rule: 3))
        #expect(TraceID(rawValue: 5 * 64 + 63).rule == nil)
        #expect(TraceID(record: 1 << 45, rule: 62).record == 1 << 45)
        #expect(TraceID(record: 2, rule: 1) < TraceID(record: 2, rule: nil))
    }
}

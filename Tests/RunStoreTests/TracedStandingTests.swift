import Foundation
import GRDB
import RunRecords
import Simulation
import SocialCredit
import TestSupport
import Testing

@testable import RunStore

/// Traced standings and decisions (schema version 5): written with a period, replaced when a
/// resumed run writes the period again, read back in order; missing in older runs.
@Suite("run store: traced standings and decisions")
struct TracedStandingTests {
    static let standing = TracedStanding(
        subject: 4,
        subjectKind: .people,
        day: "2014-01-31",
        score: 990,
        tier: "A",
        lists: "dishonest_judgment_debtors",
        ceiling: "B",
        spilloverPoints: -20,
        spilloverCeiling: nil,
        spillovers: "listed_parent_school_ban"
    )
    static let decision = TracedDecision(
        subject: 4,
        subjectKind: .people,
        day: "2014-01-12",
        action: "buy_flight",
        blocked: true,
        rewarded: false
    )

    @Test("A period's standings and decisions round-trip; a period written again replaces them")
    func roundTrip() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore.create(directory: folder.appending("run"), info: Fixture.info())
        let company = TracedStanding(
            subject: 0,
            subjectKind: .companies,
            day: "2014-01-31",
            score: nil,
            tier: nil,
            lists: "",
            ceiling: nil,
            spilloverPoints: 0,
            spilloverCeiling: nil,
            spillovers: ""
        )
        try store.commitPeriod(
            daysDone: 31,
            lastDay: "2014-01-31",
            metrics: [],
            traces: [],
            checkpoint: nil,
            standings: [company, Self.standing],
            decisions: [Self.decision]
        )
        #expect(try store.tracedStandings() == [Self.standing, company])  // people first
        #expect(try store.tracedDecisions() == [Self.decision])
        var again = Self.standing
        again.score = 980
        try store.commitPeriod(
            daysDone: 31,
            lastDay: "2014-01-31",
            metrics: [],
            traces: [],
            checkpoint: nil,
            standings: [again],
            decisions: [Self.decision]
        )
        #expect(try store.tracedStandings() == [again, company])
        #expect(try store.tracedDecisions().count == 1)
        withExtendedLifetime(folder) {}
    }

    @Test("A stored subject kind other than people or companies (a tampered file) reads as damaged")
    func badKind() throws {
        let folder = try TemporaryFolder()
        let directory = folder.appending("run")
        let store = try RunStore.create(directory: directory, info: Fixture.info())
        try store.commitPeriod(
            daysDone: 31,
            lastDay: "2014-01-31",
            metrics: [],
            traces: [],
            checkpoint: nil,
            standings: [Self.standing]
        )
        try store.close()
        let queue = try DatabaseQueue(path: directory + "/run.sqlite")
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE traced_standing SET subject_kind = 'households'")
        }
        try queue.close()
        let error = runStoreError { _ = try RunStore.openReadOnly(directory: directory).tracedStandings() }
        #expect(
            error?.description.contains("traced_standing: subject kind 'households' is not 'people' or 'companies'")
                == true
        )
        withExtendedLifetime(folder) {}
    }

    @Test("A run without the tables (before version 5) reads them as empty, read-only")
    func olderRun() throws {
        let folder = try TemporaryFolder()
        let directory = folder.appending("run")
        let store = try RunStore.create(directory: directory, info: Fixture.info())
        try store.close()
        let queue = try DatabaseQueue(path: directory + "/run.sqlite")
        try queue.write { db in
            try db.execute(sql: "DROP TABLE traced_standing; DROP TABLE traced_decision")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v5'; PRAGMA user_version = 4")
        }
        try queue.close()
        let old = try RunStore.openReadOnly(directory: directory)
        #expect(try old.tracedStandings().isEmpty && old.tracedDecisions().isEmpty)
        try old.close()
        let migrated = try RunStore.open(directory: directory)
        try migrated.commitPeriod(
            daysDone: 31,
            lastDay: "2014-01-31",
            metrics: [],
            traces: [],
            checkpoint: nil,
            standings: [Self.standing]
        )
        #expect(try migrated.tracedStandings() == [Self.standing])
        withExtendedLifetime(folder) {}
    }
}

import Foundation
import GRDB
import RunRecords
import Simulation
import TestSupport
import Testing

@testable import RunStore

/// Runs made by older builds open in a newer one: the schema is migrated in place and the
/// columns added later read as "not recorded".
@Suite("run store: migrations")
struct MigrationTests {
    @Test(
        "A schema-2 run (no trace_every, no snapshot spillovers) opens, migrates to the current schema and reads with defaults"
    )
    func fromVersion2() throws {
        let folder = try TemporaryFolder()
        let directory = folder.appending("old")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let file = directory + "/run.sqlite"
        // The file as a build of schema version 2 wrote it.
        let queue = try DatabaseQueue(path: file)
        try queue.write { db in
            try db.execute(sql: RunStore.schemaV1)
            try db.execute(sql: RunStore.schemaV2)
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v1'), ('v2')")
            try db.execute(
                sql: """
                    INSERT INTO run VALUES (1, 'seed-article', 'text', 5000, '7', '2014-01-01', '2014-12-31', 2, 0, '0.1.0');
                    INSERT INTO progress VALUES (1, 365, '2014-12-31', NULL, 1);
                    INSERT INTO snapshot VALUES ('people', 10, 'traced', 990, 'A', '', 'red_list', 3, 1, 2, 0, 40, 1, 37, 1, 3);
                    INSERT INTO summary VALUES (1, '\(String(repeating: "0", count: 64))', '{}');
                    PRAGMA user_version = 2;
                    PRAGMA application_id = 1396919378;
                    """
            )
        }
        try queue.close()

        let store = try RunStore.open(directory: directory)
        let info = try store.info()
        #expect(info.traceEvery == nil)
        #expect(info.effectiveTraceEvery == 5)  // the default of the time: population / 1,000
        #expect(info.tracePeople.isEmpty)
        #expect(info.seeds == 1)  // runs before schema version 6 were measured over their own seed
        #expect(info.branch == nil)  // runs before schema version 8 were under one scenario
        #expect(try store.seedOutcomes().isEmpty)
        let snapshot = try #require(try store.snapshot(subject: 10, kind: "people"))
        #expect(
            snapshot.everListed == "red_list" && snapshot.falseLists == "" && snapshot.spilloverPoints == 0
                && snapshot.spilloverCeiling == nil && snapshot.spillovers == ""
        )
        try store.close()
        let version = try DatabaseQueue(path: file).read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
        // Every later migration applied (v3 tracing, v4 listings, v5 traced standings, v6 seeds).
        #expect(version == RunStore.schemaVersion)
    }

    @Test("A branch round-trips through the run row; a branch date outside the period is refused")
    func branchStored() throws {
        let folder = try TemporaryFolder()
        var info = Fixture.info()
        info.branch = RunBranch(baselineText: "id: base\n", date: "2018-01-01", baselineFolder: "runs/base")
        let store = try RunStore.create(directory: folder.appending("run"), info: info)
        #expect(try store.info() == info)
        for date in ["2014-01-01", "2021-01-01", "2018-13-01"] {
            info.branch?.date = date
            #expect {
                _ = try RunStore.create(directory: folder.appending("bad-\(date)"), info: info)
            } throws: { "\($0)".contains("run.branch_date '\(date)' is not a date (YYYY-MM-DD) after run.start_day") }
        }
    }

    @Test("Tracing settings round-trip through the run row")
    func tracingStored() throws {
        let folder = try TemporaryFolder()
        var info = Fixture.info()
        info.traceEvery = 250
        info.tracePeople = [42, 7, 99_999]
        let store = try RunStore.create(directory: folder.appending("run"), info: info)
        #expect(try store.info() == info)
    }
}

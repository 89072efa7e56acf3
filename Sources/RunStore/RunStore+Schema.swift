internal import GRDB
import RunRecords

extension RunStore {
    /// The schema version this build writes and the newest it reads. It is stored in the file as
    /// `PRAGMA user_version`, which any SQLite tool can read, and GRDB's `grdb_migrations` table
    /// lists the migrations applied. Bump it with every new migration.
    public static let schemaVersion = 8

    /// The file name of the run database inside a run folder.
    public static let databaseFileName = "run.sqlite"

    /// SQLite's application id for run databases, "SCLR" in ASCII, so that tools such as `file`
    /// can tell a run database from any other SQLite file.
    static let applicationID: Int32 = 0x5343_4C52

    /// The tables every run has; a database without them is not a run.
    static let requiredTables = ["run", "progress", "metric", "record_trace", "snapshot", "summary"]

    /// The migrations from an empty file to the current schema. Each later schema change is a new
    /// migration appended here (never an edit of an old one), so an older run opened by a newer
    /// build is brought up to date in place, and a newer run is refused instead of misread.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: schemaV1)
            try db.execute(sql: "PRAGMA user_version = 1")
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        }
        migrator.registerMigration("v2") { db in
            try db.execute(sql: schemaV2)
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        migrator.registerMigration("v3") { db in
            try db.execute(sql: schemaV3)
            try db.execute(sql: "PRAGMA user_version = 3")
        }
        migrator.registerMigration("v4") { db in
            try db.execute(sql: schemaV4)
            try db.execute(sql: "PRAGMA user_version = 4")
        }
        migrator.registerMigration("v5") { db in
            try db.execute(sql: schemaV5)
            try db.execute(sql: "PRAGMA user_version = 5")
        }
        migrator.registerMigration("v6") { db in
            try db.execute(sql: schemaV6)
            try db.execute(sql: "PRAGMA user_version = 6")
        }
        migrator.registerMigration("v7") { db in
            try db.execute(sql: schemaV7)
            try db.execute(sql: "PRAGMA user_version = 7")
        }
        migrator.registerMigration("v8") { db in
            try db.execute(sql: schemaV8)
            try db.execute(sql: "PRAGMA user_version = 8")
        }
        return migrator
    }()

    /// Version 1 of the schema; docs/run-store.md documents every table and column.
    ///
    /// Tables are STRICT, so a column holds only its declared type and reading never meets a text
    /// where a number belongs. One-row tables (`run`, `progress`, `summary`) have `id = 1` as
    /// their primary key, so a second row cannot be inserted by mistake.
    static let schemaV1 = """
        CREATE TABLE run (
            id               INTEGER PRIMARY KEY CHECK (id = 1),
            scenario_id      TEXT    NOT NULL,
            scenario_text    TEXT    NOT NULL,
            population       INTEGER NOT NULL CHECK (population >= 0),
            seed             TEXT    NOT NULL CHECK (seed <> '' AND seed NOT GLOB '*[^0-9]*'),
            start_day        TEXT    NOT NULL,
            end_day          TEXT    NOT NULL,
            threads          INTEGER NOT NULL,
            checkpoint_every INTEGER NOT NULL CHECK (checkpoint_every >= 0),
            version          TEXT    NOT NULL
        ) STRICT;

        CREATE TABLE progress (
            id         INTEGER PRIMARY KEY CHECK (id = 1),
            days_done  INTEGER NOT NULL CHECK (days_done >= 0),
            last_day   TEXT,
            checkpoint TEXT,
            finished   INTEGER NOT NULL CHECK (finished IN (0, 1))
        ) STRICT;

        CREATE TABLE metric (
            period TEXT NOT NULL,
            name   TEXT NOT NULL,
            value  REAL,
            PRIMARY KEY (period, name)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX metric_by_name ON metric (name, period);

        CREATE TABLE record_trace (
            id               INTEGER PRIMARY KEY,
            subject          INTEGER NOT NULL,
            subject_kind     TEXT    NOT NULL CHECK (subject_kind IN ('people', 'companies')),
            behavior         TEXT    NOT NULL,
            source           TEXT    NOT NULL,
            occurred         TEXT    NOT NULL,
            recorded         TEXT    NOT NULL,
            misattributed    INTEGER NOT NULL CHECK (misattributed IN (0, 1)),
            actual_subject   INTEGER,
            rule             TEXT,
            delta            INTEGER NOT NULL,
            judged_otherwise INTEGER NOT NULL CHECK (judged_otherwise IN (0, 1)),
            listed           TEXT,
            appeal_filed     TEXT,
            appeal_decided   TEXT,
            appeal_outcome   TEXT CHECK (appeal_outcome IN ('upheld', 'overturned'))
        ) STRICT;
        CREATE INDEX record_trace_by_subject ON record_trace (subject_kind, subject);

        CREATE TABLE snapshot (
            subject_kind    TEXT    NOT NULL CHECK (subject_kind IN ('people', 'companies')),
            subject         INTEGER NOT NULL,
            reason          TEXT    NOT NULL,
            score           INTEGER,
            tier            TEXT,
            lists           TEXT    NOT NULL,
            ever_listed     TEXT    NOT NULL,
            records         INTEGER NOT NULL CHECK (records >= 0),
            false_records   INTEGER NOT NULL CHECK (false_records >= 0),
            blocked         INTEGER NOT NULL CHECK (blocked >= 0),
            rewarded        INTEGER NOT NULL CHECK (rewarded >= 0),
            age             INTEGER,
            male            INTEGER CHECK (male IN (0, 1)),
            province        INTEGER NOT NULL,
            urban           INTEGER CHECK (urban IN (0, 1)),
            income_quintile INTEGER,
            PRIMARY KEY (subject_kind, subject)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE summary (
            id     INTEGER PRIMARY KEY CHECK (id = 1),
            digest TEXT NOT NULL,
            json   TEXT NOT NULL
        ) STRICT;
        """

    /// Version 2 adds `group_tally`: counts over every person by group at the end of the run
    /// (the report's "who it hit"). Runs of version 1 gain the empty table when opened.
    static let schemaV2 = """
        CREATE TABLE group_tally (
            dimension TEXT NOT NULL,
            grp       TEXT NOT NULL,
            \(GroupTally.countNames.map { GroupTally.signedCountNames.contains($0) ? "\($0) INTEGER NOT NULL" : "\($0) INTEGER NOT NULL CHECK (\($0) >= 0)" }.joined(separator: ",\n    "))
            ,PRIMARY KEY (dimension, grp)
        ) STRICT;
        """

    /// Version 3 (`sclab explain` and `export`): the run row records who was traced
    /// (`trace_every`, NULL for older runs, and the people named with `--trace-person`), so that
    /// a resumed run traces the same people and a report can say who was traced; snapshots keep
    /// the lists entered through a false record and what spillovers did to the subject at the end.
    static let schemaV3 = """
        ALTER TABLE run ADD COLUMN trace_every INTEGER CHECK (trace_every >= 1);
        ALTER TABLE run ADD COLUMN trace_people TEXT NOT NULL DEFAULT '';
        ALTER TABLE snapshot ADD COLUMN false_lists TEXT NOT NULL DEFAULT '';
        ALTER TABLE snapshot ADD COLUMN spillover_points INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE snapshot ADD COLUMN spillover_ceiling TEXT;
        ALTER TABLE snapshot ADD COLUMN spillovers TEXT NOT NULL DEFAULT '';
        """

    /// Version 4 adds `listing`: every entry onto a list by a rule, for everyone (not only the
    /// traced sample), as a public list publishes it (M13). Older runs gain the empty
    /// table when opened for writing; read-only readers treat a missing table as empty.
    static let schemaV4 = """
        CREATE TABLE listing (
            id            INTEGER PRIMARY KEY,
            subject       INTEGER NOT NULL,
            subject_kind  TEXT    NOT NULL CHECK (subject_kind IN ('people', 'companies')),
            list          TEXT    NOT NULL,
            day           TEXT    NOT NULL,
            until         TEXT,
            behavior      TEXT    NOT NULL,
            source        TEXT    NOT NULL,
            rule          TEXT    NOT NULL,
            misattributed INTEGER NOT NULL CHECK (misattributed IN (0, 1))
        ) STRICT;
        CREATE INDEX listing_by_subject ON listing (subject_kind, subject);
        """

    /// Version 5 adds `traced_standing` and `traced_decision` (`sclab verify`): what the
    /// run held for each traced subject during each month, and its decisions on traced subjects'
    /// action attempts, so that the decision engine can re-derive both. Older runs gain the empty
    /// tables when opened for writing; read-only readers treat missing tables as empty.
    static let schemaV5 = """
        CREATE TABLE traced_standing (
            subject_kind      TEXT    NOT NULL CHECK (subject_kind IN ('people', 'companies')),
            subject           INTEGER NOT NULL,
            day               TEXT    NOT NULL,
            score             INTEGER,
            tier              TEXT,
            lists             TEXT    NOT NULL,
            ceiling           TEXT,
            spillover_points  INTEGER NOT NULL,
            spillover_ceiling TEXT,
            spillovers        TEXT    NOT NULL,
            notices           TEXT    NOT NULL,
            PRIMARY KEY (subject_kind, subject, day)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE traced_decision (
            subject_kind TEXT    NOT NULL CHECK (subject_kind IN ('people', 'companies')),
            subject      INTEGER NOT NULL,
            day          TEXT    NOT NULL,
            action       TEXT    NOT NULL,
            blocked      INTEGER NOT NULL CHECK (blocked IN (0, 1)),
            rewarded     INTEGER NOT NULL CHECK (rewarded IN (0, 1)),
            PRIMARY KEY (subject_kind, subject, day, action)
        ) STRICT, WITHOUT ROWID;
        """

    /// Version 6 (how sure the report is): the run row says over how many seeds the run
    /// is measured (`seeds`, 1 for older runs), and `seed_outcome` holds the key figures of each
    /// further seed (the run's own seed's figures are the run itself). Older runs gain the column
    /// and the empty table when opened for writing; read-only readers treat them as absent.
    static let schemaV6 = """
        ALTER TABLE run ADD COLUMN seeds INTEGER NOT NULL DEFAULT 1 CHECK (seeds >= 1);

        CREATE TABLE seed_outcome (
            seed  TEXT NOT NULL CHECK (seed <> '' AND seed NOT GLOB '*[^0-9]*'),
            name  TEXT NOT NULL,
            value REAL NOT NULL,
            PRIMARY KEY (seed, name)
        ) STRICT, WITHOUT ROWID;
        """

    /// Version 7 (resume after any crash) adds `checkpoint`: every checkpoint file the
    /// run wrote and still keeps, with its size and SHA-256, so that `sclab resume` can fall back
    /// from a damaged checkpoint to the one before. Older runs gain the empty table when opened
    /// for writing (their `progress.checkpoint` still names their latest); read-only readers treat
    /// it as empty.
    static let schemaV7 = """
        CREATE TABLE checkpoint (
            days_done INTEGER PRIMARY KEY CHECK (days_done >= 0),
            file      TEXT    NOT NULL CHECK (file <> '' AND file NOT GLOB '/*'),
            bytes     INTEGER NOT NULL CHECK (bytes >= 0),
            sha256    TEXT    NOT NULL CHECK (length(sha256) = 64)
        ) STRICT;
        """

    /// Version 8 (what-if from a date, `sclab simulate --branch`): the run row says where a
    /// branch run comes from: the baseline's scenario text in force before `branch_date`, that
    /// day, and the baseline's folder as given. All three are NULL for a run under one scenario
    /// (every older run), or none is.
    static let schemaV8 = """
        ALTER TABLE run ADD COLUMN branch_baseline_text TEXT;
        ALTER TABLE run ADD COLUMN branch_date TEXT CHECK (
            (branch_date IS NULL) = (branch_baseline_text IS NULL));
        ALTER TABLE run ADD COLUMN branch_folder TEXT CHECK ((branch_folder IS NULL) = (branch_date IS NULL));
        """

    /// The columns of `traced_standing` in the order of `TracedStanding`'s fields.
    static let standingColumns = [
        "subject", "subject_kind", "day", "score", "tier", "lists", "ceiling", "spillover_points",
        "spillover_ceiling", "spillovers", "notices",
    ]

    /// The columns of `traced_decision` in the order of `TracedDecision`'s fields.
    static let decisionColumns = ["subject", "subject_kind", "day", "action", "blocked", "rewarded"]

    /// The columns of `listing` in the order of `Listing`'s fields.
    static let listingColumns = [
        "id", "subject", "subject_kind", "list", "day", "until", "behavior", "source", "rule", "misattributed",
    ]

    /// The columns of `record_trace` in the order of `RecordTrace`'s fields; reads and writes use
    /// this one list, so a column cannot be bound to the wrong field.
    static let traceColumns = [
        "id", "subject", "subject_kind", "behavior", "source", "occurred", "recorded", "misattributed",
        "actual_subject", "rule", "delta", "judged_otherwise", "listed", "appeal_filed", "appeal_decided",
        "appeal_outcome",
    ]

    /// The columns of `snapshot` in the order of `SubjectSnapshot`'s fields.
    static let snapshotColumns = [
        "subject", "subject_kind", "reason", "score", "tier", "lists", "ever_listed", "records",
        "false_records", "blocked", "rewarded", "age", "male", "province", "urban", "income_quintile",
        "false_lists", "spillover_points", "spillover_ceiling", "spillovers",
    ]

    /// The columns of `run` in the order of `RunInfo`'s fields.
    static let runColumns = [
        "scenario_id", "scenario_text", "population", "seed", "start_day", "end_day", "threads",
        "checkpoint_every", "version", "trace_every", "trace_people",
    ]
}

extension ExportTable.Kind {
    /// The columns of the table, in order, each with its type, meaning and unit: the one
    /// definition that the export writes and docs/exports.md documents (a test keeps them equal).
    public var columns: [ExportColumn] {
        switch self {
        case .metrics: Self.metricColumns
        case .people: Self.peopleColumns
        case .records: Self.recordColumns
        case .lists: Self.listColumns
        }
    }

    /// What one row is.
    public var row: String {
        switch self {
        case .metrics: "one metric in one month (long form; pivot on `name` for one column per metric)"
        case .people: "one stored person: each traced person and everyone ever on a list, with their final state"
        case .records:
            "what one rule made of one traced record (a record no rule applied to has one row with an empty rule)"
        case .lists: "one stay of a person on a list, or for a person not traced, each list they were ever on"
        }
    }

    static let metricColumns = [
        ExportColumn("period", .month, "the month (`YYYY-MM`); sorts by time as text"),
        ExportColumn(
            "name",
            .text,
            "the metric's dotted name (docs/run-store.md, `metric`); `counterfactual.` names are the run with the system switched off"
        ),
        ExportColumn(
            "value",
            .number,
            "the metric's value that month: a count of events in the month, or a level at the month's end (list sizes, tier shares, mean score)",
            unit: "as the metric: events, people, share 0-1 or points",
            nullable: true
        ),
    ]

    static let peopleColumns = [
        ExportColumn(
            "person",
            .integer,
            "the person's index in the synthetic society (0-based; the same for the same size and seed)"
        ),
        ExportColumn("reason", .text, "why the person is stored: `traced`, `listed` or `traced,listed`"),
        ExportColumn("traced", .boolean, "whether their records are traced (in the `records` table)"),
        ExportColumn(
            "score",
            .integer,
            "final score; empty when not scored (not enrolled)",
            unit: "points",
            nullable: true
        ),
        ExportColumn("tier", .text, "final tier id (e.g. `AAA`, `D`); empty when not scored", nullable: true),
        ExportColumn("lists_at_end", .text, "ids of the lists held at the end, comma-separated; empty for none"),
        ExportColumn("ever_listed", .text, "ids of the lists ever held during the run, comma-separated"),
        ExportColumn(
            "false_lists",
            .text,
            "ids of the lists whose latest entry was made by a false record, comma-separated"
        ),
        ExportColumn(
            "records",
            .integer,
            "records attached to the person over the run, true and false",
            unit: "records"
        ),
        ExportColumn(
            "false_records",
            .integer,
            "of them, false (made by someone else and attached to this person)",
            unit: "records"
        ),
        ExportColumn("blocked", .integer, "actions blocked over the run", unit: "attempts"),
        ExportColumn("rewarded", .integer, "rewards received over the run", unit: "rewards"),
        ExportColumn(
            "spillover_points",
            .integer,
            "points added at the end through relatives, friends or employer (negative: taken)",
            unit: "points"
        ),
        ExportColumn(
            "spillover_ceiling",
            .text,
            "the tier a spillover caps the person at, at the end; empty for none",
            nullable: true
        ),
        ExportColumn(
            "spillovers",
            .text,
            "ids of the spillovers blocking or rewarding an action for the person at the end, comma-separated"
        ),
        ExportColumn("age", .integer, "age at the start of the run", unit: "years"),
        ExportColumn("sex", .text, "`female` or `male`"),
        ExportColumn("province_code", .integer, "two-digit GB/T 2260 code of the province (e.g. 37 for Shandong)"),
        ExportColumn("province", .text, "the province's name"),
        ExportColumn("urban", .boolean, "urban (`true`) or rural (`false`) residence"),
        ExportColumn(
            "income_quintile",
            .integer,
            "household income quintile at the start, 1 (poorest fifth) to 5 (richest)"
        ),
    ]

    static let recordColumns = [
        ExportColumn("subject_kind", .text, "`people` or `companies`"),
        ExportColumn("subject", .integer, "index of the person or company the record is attached to"),
        ExportColumn("record", .integer, "the record's id, unique in the run; with `rule`, identifies the row"),
        ExportColumn("rule", .text, "id of the rule applied; empty when no rule applied", nullable: true),
        ExportColumn("behavior", .text, "id of the behaviour recorded"),
        ExportColumn("source", .text, "id of the source that recorded it"),
        ExportColumn("occurred", .date, "day the behaviour occurred"),
        ExportColumn("recorded", .date, "day the record reached the authority"),
        ExportColumn(
            "delta",
            .integer,
            "points the rule applied, after its yearly cap (negative: deducted); 0 when none",
            unit: "points"
        ),
        ExportColumn("judged_otherwise", .boolean, "the authority used its discretion: the rule had no effect"),
        ExportColumn("misattributed", .boolean, "a false record: attached to the wrong subject"),
        ExportColumn("actual_subject", .integer, "for a false record, who did it; empty otherwise", nullable: true),
        ExportColumn("listed", .text, "id of the list the rule puts the subject on; empty if none", nullable: true),
        ExportColumn(
            "appeal_filed",
            .date,
            "day an appeal against the rule's judgement was filed; empty if none",
            nullable: true
        ),
        ExportColumn("appeal_decided", .date, "day it was decided; empty while pending or if none", nullable: true),
        ExportColumn(
            "appeal_outcome",
            .text,
            "`upheld` or `overturned`; empty while pending or if none",
            nullable: true
        ),
    ]

    static let listColumns = [
        ExportColumn("person", .integer, "the person's index"),
        ExportColumn("list", .text, "id of the list"),
        ExportColumn("list_kind", .text, "`black` or `red`"),
        ExportColumn("at_end", .boolean, "whether the stay lasts to the end of the run"),
        ExportColumn(
            "since",
            .date,
            "first day on the list; empty when not known (person not traced, or a list that follows a condition)",
            nullable: true
        ),
        ExportColumn(
            "until",
            .date,
            "first day off the list (term, credit repair or appeal); empty while open or not known",
            nullable: true
        ),
        ExportColumn(
            "ending",
            .text,
            "how the stay ends: `term`, `repaired`, `overturned`, `open` (no end date) or `unknown`"
        ),
        ExportColumn(
            "reason_record",
            .integer,
            "the record that put the person on the list; empty when not known",
            nullable: true
        ),
        ExportColumn(
            "reason_rule",
            .text,
            "the rule that listed them on that record; empty when not known",
            nullable: true
        ),
        ExportColumn(
            "false_record",
            .boolean,
            "whether that record was false (for a person not traced: whether their latest entry was)",
            nullable: true
        ),
        ExportColumn(
            "known_from",
            .text,
            "`records` (rebuilt by the decision engine from the person's traced records) or `snapshot` (only the final state is stored)"
        ),
    ]
}

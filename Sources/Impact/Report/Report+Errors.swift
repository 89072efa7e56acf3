import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit

/// "Its errors" (N2): false records, people sanctioned because of them, appeals and their
/// outcomes, time spent wrongly listed.
enum Errors {
    static func section(_ run: RunData) -> Section {
        let records = run.sum("records.total")
        let falseRecords = run.sum("records.false")
        let blocks = run.sum("blocked.total")
        let wrongful = run.sum("blocked_wrongly.total")
        let filed = run.sum("appeals.filed")
        let filedFalse = run.sum("appeals.filed_false")
        let overturned = run.sum("appeals.overturned")
        let overturnedFalse = run.sum("appeals.overturned_false")
        let personMonths = run.sum("list.wrongly_listed")
        var rows: [[String]] = [
            [
                "false records (attached to the wrong person)", Format.count(falseRecords),
                Format.percent(Effect.share(falseRecords, of: records)) + " of records",
            ],
            ["listings caused by a false record", Format.count(run.sum("list.entries_false")), ""],
            [
                "actions blocked only because of false records", Format.count(wrongful),
                Format.percent(Effect.share(wrongful, of: blocks)) + " of blocks",
            ],
            [
                "person-months spent wrongly listed", Format.count(personMonths),
                "people on a list through a false record, summed over month ends",
            ],
            ["appeals filed", Format.count(filed), "\(Format.count(filedFalse)) against false records"],
            [
                "records overturned on appeal", Format.count(overturned),
                Format.percent(Effect.share(overturned, of: filed)) + " of appeals",
            ],
            [
                "appeals against records that added points", Tallies.total(run, "appeals.filed_added"),
                "\(Tallies.total(run, "appeals.overturned_added")) overturned; counted apart from appeals against sanctions",
            ],
            [
                "false records overturned", Format.count(overturnedFalse),
                Format.percent(Effect.share(overturnedFalse, of: falseRecords)) + " of false records",
            ],
        ]
        if let all = run.groups("all").first {
            rows.append([
                "people with a false record", Format.count(all.falselyRecorded),
                Format.percent(Effect.share(Double(all.falselyRecorded), of: Double(all.people))) + " of people",
            ])
            rows.append([
                "sanctioned people who had a false record", Format.count(all.sanctionedWithFalseRecords),
                Format.percent(Effect.share(Double(all.sanctionedWithFalseRecords), of: Double(all.sanctioned)))
                    + " of sanctioned people",
            ])
            rows.append(["on a list at the end because of a false record", Format.count(all.wronglyListedAtEnd), ""])
        }
        return Section(
            id: "errors",
            title: "Its errors",
            blocks: [
                .paragraph(
                    """
                    A false record is one a source attached to the wrong person (a camera's or a database's \
                    mistaken identity). A block is wrongful when the person would not have been blocked \
                    without their false records: their points, the list entries they began and the tier \
                    ceilings they hold. Appeals overturn some records, after a delay; appeals against \
                    records that added points are counted apart.
                    """
                ),
                .table(
                    Table(
                        caption: "Errors over the run",
                        columns: ["", "count", "relative to"],
                        rows: rows,
                        numeric: [false, true, false]
                    )
                ),
            ] + [Tallies.operators(run)].compactMap { $0 } + [
                .chart(
                    monthly(
                        run,
                        id: "errors-monthly",
                        title: "Wrongful blocks and people wrongly listed",
                        summary:
                            "Each month: actions blocked only because of false records, and people on a list through a false record at the month's end.",
                        valueLabel: "count",
                        format: .count,
                        series: [
                            ("wrongful blocks in the month", "blocked_wrongly.total", false),
                            ("people wrongly listed at month end", "list.wrongly_listed", false),
                            ("false records in the month", "records.false", true),
                        ]
                    )
                ),
                .chart(
                    monthly(
                        run,
                        id: "appeals-monthly",
                        title: "Appeals filed and records overturned",
                        summary: "Appeals filed and records overturned each month.",
                        valueLabel: "per month",
                        format: .count,
                        series: [
                            ("appeals filed", "appeals.filed", false),
                            ("records overturned", "appeals.overturned", false),
                        ]
                    )
                ),
            ]
        )
    }
}

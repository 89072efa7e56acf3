import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit

/// "Reproduce": the exact command, and the digests to check a re-run against.
enum Reproduce {
    /// SHA-256 of the scenario text as stored.
    static func scenarioDigest(_ text: String) -> String {
        var hash = SHA256()
        hash.update(Array(text.utf8))
        return hash.hexDigest()
    }

    /// The `sclab simulate` command that makes the same run from the stored scenario file.
    static func command(_ run: RunData, scenarioFile: String) -> String {
        let days =
            (Day(iso: run.info.start).flatMap { start in Day(iso: run.info.end).map { start.days(to: $0) + 1 } }) ?? 0
        return
            "sclab simulate --scenario \(scenarioFile) --population \(run.info.population) --start \(run.info.start) "
            + "--days \(days) --seed \(run.info.seed)"
    }

    static func section(_ run: RunData) -> Section {
        let file = "\(run.info.scenarioID).yaml"
        return Section(
            id: "reproduce",
            title: "Reproduce",
            blocks: [
                .paragraph(
                    "The run stores its scenario's full text. To run it again and check the state digest (the same on any number of threads):"
                ),
                .code(
                    "sqlite3 \(run.directory)/run.sqlite \"SELECT scenario_text FROM run\" > \(file)\n"
                        + command(run, scenarioFile: file)
                        + "\n# or, with the run folder at hand (add --trace-person ID to trace someone more):\n"
                        + "sclab simulate --like \(run.directory) --out \(run.directory)-again"
                ),
                .table(
                    Table(
                        caption: "What was run",
                        columns: ["", "value"],
                        rows: [
                            ["scenario", run.info.scenarioID],
                            ["scenario digest (SHA-256 of its text)", scenarioDigest(run.info.scenarioText)],
                            ["people", Format.count(run.info.population)],
                            ["seed", String(run.info.seed)],
                            ["days", "\(run.info.start) to \(run.info.end)"],
                            [
                                "traced",
                                "one person in \(Format.count(run.info.effectiveTraceEvery))"
                                    + (run.info.tracePeople.isEmpty
                                        ? ""
                                        : ", and " + run.info.tracePeople.map(String.init).joined(separator: ", ")
                                            + " with their relatives, friends and employer"),
                            ],
                            ["SocialCreditLab version", run.info.version],
                            ["state digest", run.progress.digest ?? "– (unfinished)"],
                        ],
                        numeric: [false, false]
                    )
                ),
            ]
        )
    }
}

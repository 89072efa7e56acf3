import ArgumentParser
import Foundation
import Impact
import RunRecords
import RunStore

/// `sclab export DIR --table T`: one of a run's tables as CSV or JSON for other tools.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a run's metrics, people, records or list entries as CSV or JSON.",
        discussion: """
            CSV follows RFC 4180 (header row, CRLF, quoted fields where needed); JSON is an array of \
            objects. Both load as they are in pandas, R or DuckDB. docs/exports.md documents every \
            column: name, type, meaning and unit.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @Argument(help: "The run folder (holding run.sqlite).")
    var directory: String

    @Option(name: .long, help: "metrics, people, records or lists.")
    var table: ExportTable.Kind

    @Option(name: .long, help: "csv or json.")
    var format: Format = .csv

    @Option(name: .long, help: "Output file (default: standard output).")
    var out: String = "-"

    func run() throws {
        let table = try ExportTable.load(self.table, from: RunStore.openReadOnly(directory: directory))
        try Output.write(format == .csv ? table.csv() : table.json(), to: out)
    }
}

extension ExportTable.Kind: ExpressibleByArgument {}

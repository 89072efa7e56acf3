import ArgumentParser
import Foundation
import Impact
import RunRecords

/// `sclab report DIR`: what a run did to its society, as HTML, markdown or JSON.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Write a run's impact report (how it works, what it did, who it hit, errors, spillovers, trust, reproduce).",
        discussion: """
            HTML (the default) is written to DIR/report.html, one self-contained file with inline \
            SVG charts that prints well; markdown and JSON go to standard output. --out FILE writes \
            any format to FILE ('-' for standard output).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, markdown, json }

    @Argument(help: "The run folder (holding run.sqlite).")
    var directory: String

    @Option(name: .long, help: "html, markdown or json.")
    var format: Format = .html

    @Option(name: .long, help: "Output file ('-' for standard output).")
    var out: String?

    func run() throws {
        let report = Report(try RunData.load(directory: directory))
        let text: String
        switch format {
        case .html: text = report.html()
        case .markdown: text = report.markdown()
        case .json: text = try report.json() + "\n"
        }
        guard let target = out ?? (format == .html ? nil : "-") else {
            let inFolder = (directory as NSString).appendingPathComponent(ReportFiles.htmlName)
            do {
                try Output.write(text, to: inFolder)
            } catch {
                // A run on read-only media is still reported: say where else it can go.
                throw ValidationError("\(error); give --out FILE to write the report elsewhere")
            }
            return
        }
        try Output.write(text, to: target)
    }
}

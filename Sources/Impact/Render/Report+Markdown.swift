import Simulation
import SocialCredit
import Foundation
extension Report {
    /// The report as markdown (GitHub's tables): charts become tables of their values, a row
    /// per year's January and the last month for monthly charts, so the text stays short.
    public func markdown() -> String {
        var out = "# \(title)\n\n\(subtitle)\n\n"
        for section in sections {
            out += "## \(section.title)\n\n"
            for block in section.blocks { out += Self.markdown(block) + "\n\n" }
        }
        return out.trimmingTrailingNewlines() + "\n"
    }

    static func markdown(_ block: Block) -> String {
        switch block {
        case let .paragraph(text): return text
        case let .code(text): return "```\n\(text)\n```"
        case let .list(items): return items.map { "- " + $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n")
        case let .table(table): return markdown(table)
        case let .chart(chart):
            let indices: [Int]
            if chart.kind == .line {
                let ticks = chart.categoryTicks().map(\.0)
                indices = ticks.last == chart.categories.count - 1 || chart.categories.isEmpty ? ticks : ticks + [chart.categories.count - 1]
            } else {
                indices = Array(chart.categories.indices)
            }
            let rows = indices.map { i in [chart.categories[i]] + chart.series.map { chart.format.full($0.values[i]) } }
            return markdown(Table(caption: "Chart: \(chart.title)", columns: [chart.categoryLabel] + chart.series.map(\.name), rows: rows))
        }
    }

    static func markdown(_ table: Table) -> String {
        guard !table.rows.isEmpty else { return "**\(table.caption)**: none." }
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        var out = "**\(cell(table.caption))**\n\n| " + table.columns.map(cell).joined(separator: " | ") + " |\n|"
        out += table.numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        for row in table.rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
        return String(out.dropLast())
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}

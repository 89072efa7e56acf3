import Foundation
import RunRecords
import Simulation
import SocialCredit

extension Report {
    /// The report as markdown (GitHub's tables): charts become tables of their values, a row
    /// per year's January and the last month for monthly charts, so the text stays short.
    public func markdown() -> String {
        var out = "# \(Self.literal(title))\n\n\(Self.literal(subtitle))\n\n"
        for section in sections {
            out += "## \(Self.literal(section.title))\n\n"
            for block in section.blocks { out += Self.markdown(block) + "\n\n" }
        }
        return out.trimmingTrailingNewlines() + "\n"
    }

    static func markdown(_ block: Block) -> String {
        switch block {
        case let .paragraph(text): return literal(text)
        case let .code(text): return fenced(text)
        case let .list(items): return items.map { "- " + literal($0) }.joined(separator: "\n")
        case let .table(table): return markdown(table)
        case let .chart(chart):
            let indices: [Int]
            if chart.kind == .line {
                let ticks = chart.categoryTicks().map(\.0)
                indices =
                    ticks.last == chart.categories.count - 1 || chart.categories.isEmpty
                    ? ticks : ticks + [chart.categories.count - 1]
            } else {
                indices = Array(chart.categories.indices)
            }
            let rows = indices.map { i in [chart.categories[i]] + chart.series.map { chart.format.full($0.values[i]) } }
            return markdown(
                Table(
                    caption: "Chart: \(chart.title)",
                    columns: [chart.categoryLabel] + chart.series.map(\.name),
                    rows: rows
                )
            )
        }
    }

    static func markdown(_ table: Table) -> String {
        guard !table.rows.isEmpty else { return "**\(literal(table.caption))**: none." }
        var out = "**\(literal(table.caption))**\n\n| " + table.columns.map(literal).joined(separator: " | ") + " |\n|"
        out += table.numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        for row in table.rows { out += "| " + row.map(literal).joined(separator: " | ") + " |\n" }
        return String(out.dropLast())
    }

    /// Text as literal markdown, for everything a report says (much of it from the scenario:
    /// labels, names, ids): each character that CommonMark or GitHub's tables give a meaning
    /// inside a line is escaped with a backslash, so no text can become emphasis, a link, an
    /// image, HTML, an entity or a table cell; a line break becomes a space and leading spaces go,
    /// so no text can start a code block, and a heading's `#`, a list's `-` or `+` and a numbered
    /// list's `1.` or `1)` at the start (followed by a space, as CommonMark wants of them) are
    /// escaped (a quote's `>` already is). Numbers such as `-50` or `12.5%` stay as they are.
    static func literal(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let line = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
        let body = Array(line.drop { $0 == " " || $0 == "\t" })
        let digits = body.prefix { $0.isASCII && $0.isNumber }.count
        func spaceAfter(_ offset: Int) -> Bool {
            offset + 1 == body.count || body[offset + 1] == " " || body[offset + 1] == "\t"
        }
        for (offset, c) in body.enumerated() {
            let inline = "\\`*_[]<>|~&".contains(c)
            let startsBlock = offset == 0 && (c == "#" || ((c == "-" || c == "+") && spaceAfter(offset)))
            let endsNumber = digits > 0 && offset == digits && (c == "." || c == ")") && spaceAfter(offset)
            if inline || startsBlock || endsNumber { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// Text as a fenced code block whose fence is longer than any run of backticks in it, so
    /// the text cannot close the block early.
    static func fenced(_ text: String) -> String {
        var longest = 0
        var run = 0
        for c in text {
            run = c == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return "\(fence)\n\(text)\n\(fence)"
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}

import Foundation
import RunRecords
import Simulation
import SocialCredit

extension Report {
    /// The report as one self-contained HTML page: styles inline, charts as inline SVG, no
    /// scripts, fonts or links outside the file, readable on screen and in print.
    public func html() -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Markup.escape(title))</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            <header><h1>\(Markup.escape(title))</h1><p class="subtitle">\(Markup.escape(subtitle))</p>
            <p class="note">Synthetic society: no real person's data. Every figure follows from the scenario's stated assumptions.</p>
            <nav aria-label="Contents"><ol>
            """
        for section in sections { out += "<li><a href=\"#\(section.id)\">\(Markup.escape(section.title))</a></li>" }
        out += "</ol></nav></header>\n<main>\n"
        for section in sections {
            out += "<section id=\"\(section.id)\">\n<h2>\(Markup.escape(section.title))</h2>\n"
            for block in section.blocks { out += Self.html(block) + "\n" }
            out += "</section>\n"
        }
        return out + "</main>\n</body>\n</html>\n"
    }

    /// One block as HTML (a paragraph, a table, a chart as inline SVG): the report page and the
    /// web app draw blocks with this one function.
    public static func html(_ block: Block) -> String {
        switch block {
        case let .paragraph(text): return "<p>\(Markup.escape(text))</p>"
        case let .code(text): return "<pre><code>\(Markup.escape(text))</code></pre>"
        case let .list(items): return "<ul>" + items.map { "<li>\(Markup.escape($0))</li>" }.joined() + "</ul>"
        case let .chart(chart):
            guard chart.hasData else {
                return
                    "<figure class=\"empty\"><figcaption>\(Markup.escape(chart.title))</figcaption><p>Nothing to chart: no values in this run.</p></figure>"
            }
            return
                "<figure id=\"\(Markup.slug(chart.id))\"><figcaption>\(Markup.escape(chart.title))</figcaption>\n\(chart.svg())\n</figure>"
        case let .table(table):
            guard !table.rows.isEmpty else {
                return "<p class=\"caption\">\(Markup.escape(table.caption)): none.</p>"
            }
            var out = "<div class=\"table\"><table>\n<caption>\(Markup.escape(table.caption))</caption>\n<thead><tr>"
            for (i, column) in table.columns.enumerated() {
                out += "<th scope=\"col\"\(table.numeric[i] ? " class=\"n\"" : "")>\(Markup.escape(column))</th>"
            }
            out += "</tr></thead>\n<tbody>\n"
            for row in table.rows {
                out += "<tr>"
                for (i, cell) in row.enumerated() {
                    let numeric = i < table.numeric.count && table.numeric[i]
                    out +=
                        i == 0
                        ? "<th scope=\"row\">\(Markup.escape(cell))</th>"
                        : "<td\(numeric ? " class=\"n\"" : "")>\(Markup.escape(cell))</td>"
                }
                out += "</tr>\n"
            }
            return out + "</tbody></table></div>"
        }
    }

    /// Styles: system fonts, readable line length, tables that scroll on narrow screens, and
    /// print rules that keep charts and table rows whole.
    static let css = """

        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1a1a1a;
               background: #fff; margin: 0 auto; padding: 1.5rem; max-width: 60rem; line-height: 1.45; }
        h1 { font-size: 1.7rem; margin: 0 0 .25rem; } h2 { font-size: 1.35rem; margin-top: 2.2rem;
        border-bottom: 2px solid #0072B2; padding-bottom: .2rem; }
        .subtitle { margin: 0; color: #444; } .note { color: #555; font-size: .9rem; }
        nav ol { columns: 2; font-size: .95rem; } a { color: #005a8c; }
        figure { margin: 1.2rem 0; break-inside: avoid; page-break-inside: avoid; }
        figcaption { font-weight: 600; margin-bottom: .3rem; }
        svg.chart { width: 100%; height: auto; display: block; }
        .table { overflow-x: auto; margin: 1rem 0; }
        table { border-collapse: collapse; font-size: .85rem; width: 100%; }
        caption { text-align: left; font-weight: 600; padding: .3rem 0; }
        th, td { border-bottom: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid #999; } tbody th { font-weight: normal; }
        .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        #key-findings ul { background: #f3f6f9; border-left: 5px solid #0072B2; margin: 1rem 0; padding: .7rem 1rem .7rem 2rem; }
        #key-findings li { margin: .3rem 0; }
        pre { background: #f4f4f4; padding: .6rem; overflow-x: auto; font-size: .85rem; white-space: pre-wrap; word-break: break-all; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; } nav { display: none; }
          h2 { break-after: avoid; page-break-after: avoid; } tr { break-inside: avoid; page-break-inside: avoid; }
          .table { overflow: visible; } a { color: inherit; text-decoration: none; }
        }

        """
}

import Foundation
import Impact
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

/// The frame every page shares: the head, the site bar, the run's navigation and the footer.
/// Pages are plain server-rendered HTML with one stylesheet and no scripts: they work with
/// JavaScript off, in a text browser, and printed.
struct Page {
    /// The page title (also the first heading).
    var title: String
    /// The run the page belongs to, for the run navigation; nil on the runs list.
    var run: String?
    /// Which run tab is current.
    var tab: Tab?
    /// The content, already HTML.
    var body: String
    /// More for the head, already HTML (a job page's refresh when scripts are off, its script).
    var head: String = ""

    /// The run's pages, in navigation order.
    enum Tab: String, CaseIterable {
        case report = "Report"
        case scenario = "Scenario"
        case publicList = "Public list"
        case tryAction = "Try an action"

        func path(_ run: String) -> String {
            switch self {
            case .report: "/runs/\(run)"
            case .scenario: "/runs/\(run)/scenario"
            case .publicList: "/runs/\(run)/public-list"
            case .tryAction: "/runs/\(run)/try"
            }
        }
    }

    /// The whole document.
    var html: String {
        var nav = ""
        if let run {
            nav = "<nav class=\"tabs\" aria-label=\"This run\"><a class=\"run\" href=\"/runs/\(e(run))\">\(e(run))</a>"
            for item in Tab.allCases {
                let current = item == tab ? " aria-current=\"page\"" : ""
                nav += "<a href=\"\(e(item.path(run)))\"\(current)>\(item.rawValue)</a>"
            }
            nav += "</nav>"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(title)) · Observatory</title>
            <link rel="stylesheet" href="/style.css">
            <link rel="icon" href="data:,">
            \(head)</head>
            <body>
            <header class="site"><a class="brand" href="/">Observatory</a><span class="tag">SocialCreditLab · synthetic societies, no real person's data</span></header>
            \(nav)
            <main>
            <h1>\(e(title))</h1>
            \(body)
            </main>
            <footer>Every name and number here is synthetic, generated from census tables and a seed. <a href="/openapi.json">API (OpenAPI 3.1)</a></footer>
            </body>
            </html>

            """
    }
}

/// Text escaped for HTML.
func e(_ text: String) -> String { Markup.escape(text) }

/// A number with thousands separators.
func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return (value < 0 ? "-" : "") + out
}

/// A query string from parameters, skipping empty ones, percent-encoded.
func queryString(_ items: [(String, String?)]) -> String {
    let parts = items.compactMap { key, value -> String? in
        guard let value, !value.isEmpty else { return nil }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
    }
    return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
}

/// The one stylesheet: system fonts, a readable measure, tables that scroll sideways on a phone,
/// charts that shrink with the screen, high-contrast colours, and print rules.
let stylesheet = """
    :root { color-scheme: light; --accent: #0072B2; --warn: #B3261E; --ok: #1B6E3A; --muted: #555; }
    * { box-sizing: border-box; }
    body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
           color: #1a1a1a; background: #fff; margin: 0; line-height: 1.45; }
    header.site { display: flex; flex-wrap: wrap; gap: .3rem 1rem; align-items: baseline; padding: .7rem 1rem;
                  background: #10263b; color: #fff; }
    header.site .brand { color: #fff; font-weight: 700; font-size: 1.15rem; text-decoration: none; }
    header.site .tag { color: #c9d6e2; font-size: .85rem; }
    nav.tabs { display: flex; flex-wrap: wrap; gap: .2rem; padding: .4rem 1rem; background: #eef3f7;
               border-bottom: 1px solid #d5dee6; }
    nav.tabs a { padding: .35rem .7rem; border-radius: .3rem; text-decoration: none; color: #10263b; }
    nav.tabs a.run { font-weight: 600; max-width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    nav.tabs a[aria-current] { background: var(--accent); color: #fff; }
    main { max-width: 62rem; margin: 0 auto; padding: 1rem; }
    footer { max-width: 62rem; margin: 2rem auto 1rem; padding: 0 1rem; color: var(--muted); font-size: .85rem; }
    h1 { font-size: 1.6rem; margin: .4rem 0 .6rem; overflow-wrap: anywhere; }
    h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid var(--accent); padding-bottom: .2rem; }
    h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
    a { color: #005a8c; }
    p.lead { font-size: 1.05rem; color: #333; overflow-wrap: anywhere; }
    .muted { color: var(--muted); }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: .8rem; padding: 0; list-style: none; }
    .card { border: 1px solid #d5dee6; border-radius: .5rem; padding: .8rem 1rem; }
    .card h2 { font-size: 1.05rem; margin: 0 0 .4rem; border: 0; overflow-wrap: anywhere; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .8rem; margin: .4rem 0; }
    dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; font-variant-numeric: tabular-nums; }
    .figures { display: flex; flex-wrap: wrap; gap: .6rem; margin: .8rem 0; }
    .figure { background: #f3f6f9; border-radius: .4rem; padding: .5rem .8rem; min-width: 8rem; }
    .figure b { display: block; font-size: 1.3rem; }
    .banner { border-left: 5px solid var(--warn); background: #fdecea; padding: .6rem .9rem; margin: 1rem 0; }
    .banner.ok { border-color: var(--ok); background: #e8f4ec; }
    .verdict { font-size: 1.4rem; font-weight: 700; }
    .verdict.blocked { color: var(--warn); } .verdict.allowed { color: var(--ok); }
    .badge { display: inline-block; font-size: .75rem; padding: .05rem .4rem; border-radius: .25rem; background: #e4e9ee; }
    .badge.black { background: #222; color: #fff; } .badge.red { background: #B3261E; color: #fff; }
    .badge.false { background: #E69F00; color: #000; }
    nav.toc ol { columns: 2 14rem; padding-left: 1.2rem; }
    form.search { display: flex; flex-wrap: wrap; gap: .5rem .8rem; align-items: end; background: #f3f6f9;
                  padding: .8rem; border-radius: .5rem; }
    form.search label { display: flex; flex-direction: column; font-size: .85rem; gap: .15rem; max-width: 100%; }
    form.search select { width: 20rem; max-width: 100%; }
    td.name { white-space: nowrap; }
    input, select, button { font: inherit; padding: .35rem .5rem; border: 1px solid #9aa8b5; border-radius: .3rem;
                            max-width: 100%; }
    button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
    .pager { display: flex; gap: 1rem; align-items: center; margin: .8rem 0; }
    figure { margin: 1.2rem 0; } figcaption { font-weight: 600; margin-bottom: .3rem; }
    svg.chart { width: 100%; height: auto; display: block; }
    #key-findings ul { background: #f3f6f9; border-left: 5px solid var(--accent); margin: 1rem 0; padding: .7rem 1rem .7rem 2rem; }
    #key-findings li { margin: .3rem 0; }
    .table { overflow-x: auto; margin: 1rem 0; }
    table { border-collapse: collapse; font-size: .88rem; width: 100%; }
    caption { text-align: left; font-weight: 600; padding: .3rem 0; }
    th, td { border-bottom: 1px solid #ddd; padding: .3rem .5rem; text-align: left; vertical-align: top; }
    thead th { border-bottom: 2px solid #999; } tbody th { font-weight: normal; }
    .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    pre { background: #f4f4f4; padding: .6rem; overflow-x: auto; font-size: .82rem; white-space: pre-wrap; word-break: break-word; }
    ol.chain { padding-left: 1.3rem; } ol.chain li { margin: .3rem 0; }
    form.lab fieldset, details.paste { border: 1px solid #d5dee6; border-radius: .5rem; margin: 1rem 0; padding: .6rem 1rem; }
    form.lab legend, details.paste summary { font-weight: 600; cursor: pointer; }
    form.lab fieldset.society label { display: flex; flex-direction: column; gap: .15rem; margin: .5rem 0; font-size: .9rem; max-width: 100%; }
    form.lab input[type=number], form.lab input[type=date] { width: 12rem; max-width: 100%; }
    form.lab textarea { width: 100%; font-family: ui-monospace, monospace; font-size: .82rem; }
    .problem { color: var(--warn); font-weight: 600; }
    ul.problems { border-left: 5px solid var(--warn); background: #fdecea; padding: .6rem .9rem .6rem 2rem; }
    progress { width: 100%; max-width: 30rem; height: 1.2rem; vertical-align: middle; }
    button.cancel { background: var(--warn); border-color: var(--warn); }
    a.button { display: inline-block; background: var(--accent); color: #fff; padding: .4rem .8rem; border-radius: .3rem; text-decoration: none; }
    @media (max-width: 40rem) {
      main { padding: .7rem; } h1 { font-size: 1.35rem; } table { font-size: .8rem; }
      table.cards-narrow thead { display: none; }
      table.cards-narrow tr { display: block; border-bottom: 1px solid #bbb; padding: .4rem 0; }
      table.cards-narrow td { display: block; border: 0; padding: .1rem 0; text-align: left; white-space: normal; }
      table.cards-narrow td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
    }
    @media print { header.site, nav.tabs, form.search, .pager { display: none; } main { max-width: none; } }

    """

import Foundation
import Impact
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

/// The public list (M13) as a page: a search form (name or identity number, list, dates) and one
/// page of entries with links to the pages before and after.
enum PublicListPages {
    static func page(_ run: RunView, _ query: PublicListQuery, _ result: PublicListPage) -> Page {
        let base = "/runs/\(run.id)/public-list"
        var body =
            "<p class=\"lead\">Everyone on a published list on \(e(result.day)), as the official website "
            + "publishes them: name, identity number with the date of birth hidden, list, reason, date and authority.</p>"
        body +=
            "<form class=\"search\" method=\"get\" action=\"\(e(base))\" role=\"search\">"
            + "<label>Name or ID number<input type=\"search\" name=\"q\" value=\"\(e(query.text))\" maxlength=\"\(PublicListQuery.maxText)\"></label>"
            + "<label>List<select name=\"list\"><option value=\"\">all lists</option>"
        for list in run.publishedLists {
            body +=
                "<option value=\"\(e(list.id))\"\(query.list == list.id ? " selected" : "")>\(e(list.label.isEmpty ? list.id : list.label))</option>"
        }
        body +=
            "</select></label>"
            + "<label>Listed from<input type=\"date\" name=\"from\" value=\"\(e(query.from?.description ?? ""))\"></label>"
            + "<label>to<input type=\"date\" name=\"to\" value=\"\(e(query.to?.description ?? ""))\"></label>"
            + "<button type=\"submit\">Search</button></form>"
        body +=
            "<p>\(grouped(result.total)) \(result.total == 1 ? "entry" : "entries")"
            + (result.total > 0 ? ", page \(result.page) of \(result.pages)" : "") + ".</p>"
        if !result.entries.isEmpty {
            body +=
                "<div class=\"table\"><table class=\"cards-narrow\"><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">ID number</th>"
                + "<th scope=\"col\">List</th><th scope=\"col\">Reason</th><th scope=\"col\">Date</th><th scope=\"col\">Authority</th>"
                + "</tr></thead><tbody>"
            for entry in result.entries {
                let name =
                    entry.subjectKind == "people"
                    ? "<a href=\"/runs/\(e(run.id))/people/\(entry.subject)\" lang=\"zh\">\(e(entry.name))</a><br><span class=\"muted\">\(e(entry.pinyin))</span>"
                    : "\(e(entry.name))<br><span class=\"muted\">\(e(entry.pinyin))</span>"
                let flag =
                    entry.falseRecord
                    ? " <span class=\"badge false\" title=\"the record behind it was attached to the wrong person\">false record</span>"
                    : ""
                body +=
                    "<tr><td class=\"name\">\(name)</td><td data-label=\"ID number\"><code>\(e(entry.identity))</code></td>"
                    + "<td data-label=\"List\"><span class=\"badge \(e(entry.listKind))\">\(e(entry.listKind))</span> \(e(entry.listLabel))</td>"
                    + "<td data-label=\"Reason\">\(e(entry.reason))\(flag)</td><td class=\"n\" data-label=\"Date\">\(e(entry.date ?? "–"))"
                    + (entry.until.map { "<br><span class=\"muted\">until \(e($0))</span>" } ?? "") + "</td>"
                    + "<td data-label=\"Authority\">\(e(entry.authority))</td></tr>"
            }
            body += "</tbody></table></div>"
        }
        func link(_ page: Int) -> String {
            base
                + queryString([
                    ("q", query.text), ("list", query.list), ("from", query.from?.description),
                    ("to", query.to?.description), ("page", page == 1 ? nil : String(page)),
                ])
        }
        if result.pages > 1 {
            body += "<nav class=\"pager\" aria-label=\"Pages\">"
            body +=
                result.page > 1
                ? "<a href=\"\(e(link(result.page - 1)))\" rel=\"prev\">← Previous</a>" : "<span></span>"
            body += "<span>Page \(result.page) of \(result.pages)</span>"
            body += result.page < result.pages ? "<a href=\"\(e(link(result.page + 1)))\" rel=\"next\">Next →</a>" : ""
            body += "</nav>"
        }
        body +=
            "<p class=\"muted\">The \"false record\" mark is what the simulation knows and the website would not: the "
            + "record behind the listing was attached to the wrong person.</p>"
        return Page(title: "The public list", run: run.id, tab: .publicList, body: body)
    }
}

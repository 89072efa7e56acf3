import Foundation
import Impact
import RunRecords

extension PersonPages {
    /// The credit report as a page, from the same `CreditReport` as `sclab explain` and the JSON
    /// API: identity, the ringtone warning where one is in force, the engine's score and tier,
    /// list stays, measures with their chain of reasons, decisions, every record with what each
    /// rule and appeal made of it, family, friends and employer, and the engine's text.
    static func report(_ run: RunView, _ r: CreditReport) -> Page {
        let a = r.attributes
        var body =
            "<dl class=\"facts\">"
            + RunPages.fact("name", a.name) + RunPages.fact("ID number", a.identityNumber)
            + RunPages.fact("sex, age", "\(a.sex), \(a.ageAtStart) at the start")
            + RunPages.fact("lives in", "\(a.province), \(a.urban ? "urban" : "rural")")
            + RunPages.fact("as of", r.run.end) + "</dl>"
        if let warning = r.engine?.ringtoneWarning {
            body += "<div class=\"banner\" role=\"note\"><b>☎ Ringtone warning.</b> \(e(warning))</div>"
        }
        if let notices = r.engine?.notices, !notices.isEmpty {
            body +=
                "<p>Notices in force: " + notices.map { "<span class=\"badge\">\(e($0))</span>" }.joined(separator: " ")
                + "</p>"
        }
        if let note = r.notTraced { body += "<p class=\"banner ok\">\(e(note))</p>" }
        if let note = r.engine?.note { body += "<p class=\"banner ok\">\(e(note))</p>" }
        if let engine = r.engine {
            let onLists = r.lists.filter(\.atEnd).count
            body +=
                "<div class=\"figures\"><div class=\"figure\"><b>\(engine.score.map(grouped) ?? "–")</b>score</div>"
                + "<div class=\"figure\"><b>\(e(engine.tier ?? "–"))</b>tier</div>"
                + "<div class=\"figure\"><b>\(onLists)</b>\(onLists == 1 ? "list" : "lists")</div>"
                + "<div class=\"figure\"><b>\(Set(r.records.map(\.record)).count)</b>records</div></div>"
            body += "<h2>Lists</h2>"
            body +=
                r.lists.isEmpty
                ? "<p>Never listed.</p>"
                : "<ul>"
                    + r.lists.map { l in
                        "<li><code>\(e(l.list))</code> "
                            + (l.since.map { "from \(e($0))" } ?? "while its condition holds")
                            + (l.until.map { " to \(e($0))" } ?? "") + " (\(e(l.ending))"
                            + (l.extendedDays > 0 ? ", extended \(l.extendedDays) days" : "") + ")"
                            + (l.record.map { "; record #\($0)" } ?? "")
                            + (l.rule.map { " by rule <code>\(e($0))</code>" } ?? "")
                            + (l.falseRecord == true ? " <span class=\"badge false\">false record</span>" : "")
                            + (l.atEnd ? " · on it at the end" : "") + "</li>"
                    }.joined() + "</ul>"
            body += "<h2>Measures in force</h2>"
            body +=
                engine.measures.isEmpty
                ? "<p>None.</p>"
                : "<ol class=\"chain\">" + engine.measures.map { "<li>\(e($0))</li>" }.joined() + "</ol>"
            if !engine.decisions.isEmpty {
                body +=
                    "<h2>Decisions at the end</h2><ul>"
                    + engine.decisions.map { "<li><pre>\(e($0))</pre></li>" }.joined() + "</ul>"
            }
        } else if let final = r.final {
            body +=
                "<h2>At the end of the run</h2><dl class=\"facts\">"
                + RunPages.fact("score", final.score.map(grouped) ?? "not scored")
                + RunPages.fact("tier", final.tier ?? "–")
                + RunPages.fact("lists", final.lists.isEmpty ? "none" : final.lists.joined(separator: ", "))
                + RunPages.fact("records", "\(final.records) (\(final.falseRecords) false)")
                + RunPages.fact("actions blocked", String(final.blocked)) + "</dl>"
        }
        if !r.records.isEmpty { body += recordsTable(r.records) }
        if !r.circle.isEmpty {
            body +=
                "<h2>Family, friends and employer</h2><div class=\"table\"><table><thead><tr><th scope=\"col\">Role</th>"
                + "<th scope=\"col\">Id</th><th scope=\"col\">Traced</th><th scope=\"col\">Stored state at the end</th>"
                + "<th scope=\"col\">Reaches them</th></tr></thead><tbody>"
                + r.circle.map { c in
                    "<tr><td>\(e(c.role))</td><td class=\"n\">\(c.id)</td><td>\(c.traced ? "yes" : "no")</td>"
                        + "<td>\(e(c.state ?? "not stored"))</td><td>\(e(c.reaches.joined(separator: ", ")))</td></tr>"
                }.joined() + "</tbody></table></div>"
        }
        if let explanation = r.engine?.explanation {
            body += "<h2>The engine's explanation</h2><pre>\(e(explanation))</pre>"
        }
        if r.traced {
            body +=
                "<p><a href=\"/runs/\(e(run.id))/try\(queryString([("person", String(r.person))]))\">Try an action as this person →</a></p>"
        }
        return Page(title: "Credit report: \(a.name)", run: run.id, tab: nil, body: body)
    }

    /// Every rule's judgement of every record: points, status at the end, and its appeal.
    static func recordsTable(_ records: [CreditReport.RecordLine]) -> String {
        "<h2>Records</h2><div class=\"table\"><table><thead><tr><th scope=\"col\">Record</th><th scope=\"col\">Occurred</th>"
            + "<th scope=\"col\">Behaviour</th><th scope=\"col\">Source</th><th scope=\"col\">Rule</th>"
            + "<th scope=\"col\" class=\"n\">Points</th><th scope=\"col\">At the end</th><th scope=\"col\">Appeal</th>"
            + "</tr></thead><tbody>"
            + records.map { t in
                let appeal =
                    t.appealOutcome.map { "\($0) (\(t.appealDecided ?? ""))" }
                    ?? (t.appealFiled == nil ? "–" : "pending")
                return "<tr><td>#\(t.record)</td><td class=\"n\">\(e(t.occurred))</td><td>\(e(t.behavior))"
                    + (t.misattributed ? " <span class=\"badge false\">false record</span>" : "") + "</td>"
                    + "<td>\(e(t.source))</td><td>\(e(t.rule ?? "–"))</td><td class=\"n\">\(t.delta > 0 ? "+" : "")\(t.delta)</td>"
                    + "<td>\(e(t.status))</td><td>\(e(appeal))</td></tr>"
            }.joined() + "</tbody></table></div>"
    }
}

import Foundation
import Impact
import RunStore
import Simulation
import SocialCredit
import Society

/// A person's credit report and "Try an action" as pages.
enum PersonPages {
    /// The credit report: identity, the ringtone warning where one is in force, the score and
    /// tier, lists, measures with their chain of reasons, every record, and the engine's text.
    static func report(_ run: RunView, _ r: CreditReport) -> Page {
        var body = "<dl class=\"facts\">"
            + RunPages.fact("name", "\(r.name) (\(r.pinyin))") + RunPages.fact("ID number", r.identity)
            + RunPages.fact("sex, age", "\(r.sex), \(r.age)") + RunPages.fact("lives in", "\(r.province), \(r.residence)")
            + RunPages.fact("as of", r.day) + "</dl>"
        if let warning = r.ringtoneWarning {
            body += "<div class=\"banner\" role=\"note\"><b>☎ Ringtone warning.</b> \(e(warning))</div>"
        }
        if !r.notices.isEmpty {
            body += "<p>Notices in force: " + r.notices.map { "<span class=\"badge\">\(e($0))</span>" }.joined(separator: " ") + "</p>"
        }
        for caveat in r.caveats { body += "<p class=\"banner ok\">\(e(caveat))</p>" }
        if let standing = r.standing {
            body += "<div class=\"figures\"><div class=\"figure\"><b>\(standing.score.map(grouped) ?? "–")</b>score"
                + (standing.initial.map { " (from \(grouped($0)))" } ?? "") + "</div>"
                + "<div class=\"figure\"><b>\(e(standing.tier ?? "–"))</b>tier</div>"
                + "<div class=\"figure\"><b>\(standing.lists.count)</b>\(standing.lists.count == 1 ? "list" : "lists")</div>"
                + "<div class=\"figure\"><b>\(r.records.count)</b>records</div></div>"
            body += "<h2>Lists</h2>"
            body += standing.lists.isEmpty ? "<p>On no list.</p>" : "<ul>" + standing.lists.map { entry in
                "<li><span class=\"badge \(e(entry.kind))\">\(e(entry.kind))</span> \(e(entry.label.isEmpty ? entry.list : entry.label))"
                    + (entry.since.map { " since \(e($0))" } ?? " while its condition holds")
                    + (entry.until.map { " until \(e($0))" } ?? "")
                    + (entry.records.isEmpty ? "" : "; records " + entry.records.map { "#\($0)" }.joined(separator: ", "))
                    + (entry.published ? " · published" : "") + "</li>"
            }.joined() + "</ul>"
            body += "<h2>Measures in force</h2>"
            body += standing.measures.isEmpty ? "<p>None.</p>" : "<ol class=\"chain\">" + standing.measures.map { m in
                "<li><b>\(e(m.label.isEmpty ? m.measure : m.label))</b> <span class=\"badge\">\(e(m.kind))</span>"
                    + (m.action.map { " on <code>\(e($0))</code>" } ?? "") + "<br>because " + becauseText(m.because) + "</li>"
            }.joined() + "</ol>"
            if !standing.spillovers.isEmpty || !standing.ceilings.isEmpty {
                body += "<h2>Spillovers and tier ceilings</h2><ul>"
                    + (standing.spillovers + standing.ceilings).map { "<li>\(e($0))</li>" }.joined() + "</ul>"
            }
            body += "<h2>Score: what each record did</h2>"
            if standing.contributions.isEmpty {
                body += "<p>No rule applied to any record: the score is the initial one.</p>"
            } else {
                body += "<div class=\"table\"><table><thead><tr><th scope=\"col\">Record</th><th scope=\"col\">Behaviour</th>"
                    + "<th scope=\"col\">Source</th><th scope=\"col\">Arrived</th><th scope=\"col\">Rule</th>"
                    + "<th scope=\"col\" class=\"n\">Points</th><th scope=\"col\">Status</th></tr></thead><tbody>"
                for c in standing.contributions {
                    body += "<tr><td>#\(c.record)</td><td>\(e(c.behavior))</td><td>\(e(c.source))</td><td class=\"n\">\(e(c.recorded))</td>"
                        + "<td>\(e(c.rule))</td><td class=\"n\">\(c.delta > 0 ? "+" : "")\(c.delta)"
                        + (c.delta != c.nominal ? " <span class=\"muted\">(capped from \(c.nominal))</span>" : "") + "</td>"
                        + "<td>\(e(c.status))" + (c.expires.map { "<br><span class=\"muted\">counts until \(e($0))</span>" } ?? "")
                        + "</td></tr>"
                }
                body += "</tbody></table></div>"
            }
        } else if let final = r.final {
            body += "<h2>At the end of the run</h2><dl class=\"facts\">"
                + RunPages.fact("score", final.score.map(grouped) ?? "not scored") + RunPages.fact("tier", final.tier ?? "–")
                + RunPages.fact("lists", final.lists.isEmpty ? "none" : final.lists.joined(separator: ", "))
                + RunPages.fact("records", "\(final.records) (\(final.falseRecords) false)")
                + RunPages.fact("actions blocked", String(final.blocked)) + "</dl>"
        }
        if !r.listings.isEmpty {
            body += "<h2>Listings</h2><ul>" + r.listings.map { l in
                "<li>\(e(l.day)): put on <code>\(e(l.list))</code> by rule <code>\(e(l.rule))</code> for <code>\(e(l.behavior))</code> "
                    + "recorded by <code>\(e(l.source))</code>" + (l.until.map { ", until \(e($0))" } ?? "")
                    + (l.misattributed ? " <span class=\"badge false\">false record</span>" : "") + "</li>"
            }.joined() + "</ul>"
        }
        if !r.records.isEmpty {
            body += "<h2>Records</h2><div class=\"table\"><table><thead><tr><th scope=\"col\">Record</th><th scope=\"col\">Occurred</th>"
                + "<th scope=\"col\">Behaviour</th><th scope=\"col\">Source</th><th scope=\"col\">Judged</th><th scope=\"col\">Appeal</th>"
                + "</tr></thead><tbody>"
            for t in r.records {
                let judged = t.rule == nil ? "no rule" : t.judgedOtherwise ? "judged otherwise" : "rule \(t.rule ?? ""), \(t.delta) points"
                let appeal = t.appealOutcome.map { "\($0) (\(t.appealDecided ?? ""))" } ?? (t.appealFiled == nil ? "–" : "pending")
                body += "<tr><td>#\(t.traceID.record)</td><td class=\"n\">\(e(t.occurred))</td><td>\(e(t.behavior))"
                    + (t.misattributed ? " <span class=\"badge false\">false record</span>" : "") + "</td>"
                    + "<td>\(e(t.source))</td><td>\(e(judged))</td><td>\(e(appeal))</td></tr>"
            }
            body += "</tbody></table></div>"
        }
        if let explanation = r.explanation {
            body += "<h2>The engine's explanation</h2><pre>\(e(explanation))</pre>"
        }
        if r.traced {
            body += "<p><a href=\"/runs/\(e(run.id))/try\(queryString([("person", String(r.person))]))\">Try an action as this person →</a></p>"
        }
        return Page(title: "Credit report: \(r.name)", run: run.id, tab: nil, body: body)
    }

    /// A reason's standing in words.
    static func becauseText(_ b: BecauseView) -> String {
        var parts: [String] = []
        if !b.lists.isEmpty { parts.append("on list " + b.lists.map { "<code>\(e($0))</code>" }.joined(separator: ", ")) }
        if let tier = b.tier { parts.append("tier \(e(tier))") }
        if let score = b.score { parts.append("score \(score)") }
        if !b.records.isEmpty { parts.append("records " + b.records.map { "#\($0)" }.joined(separator: ", ")) }
        if !b.rules.isEmpty { parts.append("rules " + b.rules.map { "<code>\(e($0))</code>" }.joined(separator: ", ")) }
        return parts.isEmpty ? "its condition holds" : parts.joined(separator: "; ")
    }

    /// "Try an action": a form to pick a traced person and an action, and the decision with its
    /// chain of reasons when both are given.
    static func tryAction(_ run: RunView, person: Int?, action: String?, decision: ActionDecision?) -> Page {
        var body = "<p class=\"lead\">Pick a person and something they want to do. The decision comes from the same "
            + "decision engine the simulation uses, on \(e(run.day.description)), with the chain of reasons behind it.</p>"
        body += "<form class=\"search\" method=\"get\" action=\"/runs/\(e(run.id))/try\"><label>Person<select name=\"person\">"
        // Listed people first (the interesting decisions), then the others, and the chosen one always.
        let listed = run.traced.filter { !(run.people[$0]?.lists.isEmpty ?? true) }
        let others = run.traced.filter { run.people[$0]?.lists.isEmpty ?? true }
        var shown = Array((listed + others).prefix(RunView.maxPeopleListed))
        if let person, !shown.contains(person), run.isTraced(person) { shown.insert(person, at: 0) }
        let names = (try? run.societyView()).map { society in Dictionary(uniqueKeysWithValues: shown.map { ($0, society.name($0)) }) } ?? [:]
        for index in shown {
            let name = names[index].map { "\($0.han) (\($0.pinyin))" } ?? "person"
            let tier = run.people[index]?.tier.map { ", tier \($0)" } ?? ""
            let lists = run.people[index].map { $0.lists.isEmpty ? "" : ", listed" } ?? ""
            body += "<option value=\"\(index)\"\(index == person ? " selected" : "")>#\(index) \(e(name))\(e(tier + lists))</option>"
        }
        body += "</select></label><label>Action<select name=\"action\">"
        for choice in run.personActions {
            body += "<option value=\"\(e(choice.id))\"\(choice.id == action ? " selected" : "")>\(e(choice.label))</option>"
        }
        body += "</select></label><button type=\"submit\">Decide</button></form>"
        if run.traced.count > shown.count {
            body += "<p class=\"muted\">\(shown.count) of \(grouped(run.traced.count)) traced people are in the menu, those on a list first; "
                + "any other traced person can be given in the address (<code>?person=N</code>).</p>"
        }
        if let d = decision {
            body += "<h2>\(e(d.actionLabel)) — \(e(d.name)), \(e(d.day))</h2>"
            body += "<p class=\"verdict \(d.allowed ? "allowed" : "blocked")\">\(d.allowed ? "Allowed" : "Blocked")</p>"
            body += "<p>Score \(d.score.map(grouped) ?? "–"), tier \(e(d.tier ?? "–")). "
                + "<a href=\"/runs/\(e(run.id))/people/\(d.person)\">Full credit report →</a></p>"
            if !d.blocks.isEmpty || !d.rewards.isEmpty {
                body += "<h3>The chain of reasons</h3><ol class=\"chain\">"
                for (verb, reasons) in [("Blocked by", d.blocks), ("Rewarded by", d.rewards)] {
                    for r in reasons {
                        let what = r.origin == "measure" ? "measure" : "spillover via \(r.via ?? "")"
                        let benefit = r.benefit.map { " (\($0.formatted()) \(r.unit ?? ""))" } ?? ""
                        body += "<li>\(verb) \(what) <b>\(e(r.label.isEmpty ? r.id : r.label))</b>\(e(benefit)),<br>because "
                            + becauseText(r.because) + "</li>"
                    }
                }
                body += "</ol>"
            } else {
                body += "<p>No measure or spillover acts on this action for this person today.</p>"
            }
            for caveat in d.caveats { body += "<p class=\"muted\">\(e(caveat))</p>" }
            body += "<h3>The engine's explanation</h3><pre>\(e(d.explanation))</pre>"
        }
        return Page(title: "Try an action", run: run.id, tab: .tryAction, body: body)
    }
}

extension RunView {
    /// Most people listed in a page's menu.
    static let maxPeopleListed = 500
}

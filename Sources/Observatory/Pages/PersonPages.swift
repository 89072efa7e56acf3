import Foundation
import Impact
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

/// A person's credit report (`PersonPages+Report.swift`) and "Try an action" as pages.
enum PersonPages {
    /// A reason's standing in words.
    static func becauseText(_ b: BecauseView) -> String {
        var parts: [String] = []
        if !b.lists.isEmpty {
            parts.append("on list " + b.lists.map { "<code>\(e($0))</code>" }.joined(separator: ", "))
        }
        if let tier = b.tier { parts.append("tier \(e(tier))") }
        if let score = b.score { parts.append("score \(score)") }
        if !b.records.isEmpty { parts.append("records " + b.records.map { "#\($0)" }.joined(separator: ", ")) }
        if !b.rules.isEmpty { parts.append("rules " + b.rules.map { "<code>\(e($0))</code>" }.joined(separator: ", ")) }
        return parts.isEmpty ? "its condition holds" : parts.joined(separator: "; ")
    }

    /// "Try an action": a form to pick a traced person and an action, and the decision with its
    /// chain of reasons when both are given.
    static func tryAction(_ run: RunView, person: Int?, action: String?, decision: ActionDecision?) -> Page {
        var body =
            "<p class=\"lead\">Pick a person and something they want to do. The decision comes from the same "
            + "decision engine the simulation uses, on \(e(run.day.description)), with the chain of reasons behind it.</p>"
        body +=
            "<form class=\"search\" method=\"get\" action=\"/runs/\(e(run.id))/try\"><label>Person<select name=\"person\">"
        // Listed people first (the interesting decisions), then the others, and the chosen one always.
        let listed = run.traced.filter { !(run.people[$0]?.lists.isEmpty ?? true) }
        let others = run.traced.filter { run.people[$0]?.lists.isEmpty ?? true }
        var shown = Array((listed + others).prefix(RunView.maxPeopleListed))
        if let person, !shown.contains(person), run.isTraced(person) { shown.insert(person, at: 0) }
        let names =
            (try? run.societyView()).map { society in
                Dictionary(uniqueKeysWithValues: shown.map { ($0, society.name($0)) })
            } ?? [:]
        for index in shown {
            let name = names[index].map { "\($0.han) (\($0.pinyin))" } ?? "person"
            let tier = run.people[index]?.tier.map { ", tier \($0)" } ?? ""
            let lists = run.people[index].map { $0.lists.isEmpty ? "" : ", listed" } ?? ""
            body +=
                "<option value=\"\(index)\"\(index == person ? " selected" : "")>#\(index) \(e(name))\(e(tier + lists))</option>"
        }
        body += "</select></label><label>Action<select name=\"action\">"
        for choice in run.personActions {
            body +=
                "<option value=\"\(e(choice.id))\"\(choice.id == action ? " selected" : "")>\(e(choice.label))</option>"
        }
        body += "</select></label><button type=\"submit\">Decide</button></form>"
        if run.traced.count > shown.count {
            body +=
                "<p class=\"muted\">\(shown.count) of \(grouped(run.traced.count)) traced people are in the menu, those on a list first; "
                + "any other traced person can be given in the address (<code>?person=N</code>).</p>"
        }
        if let d = decision {
            body += "<h2>\(e(d.actionLabel)) — \(e(d.name)), \(e(d.day))</h2>"
            body += "<p class=\"verdict \(d.allowed ? "allowed" : "blocked")\">\(d.allowed ? "Allowed" : "Blocked")</p>"
            body +=
                "<p>Score \(d.score.map(grouped) ?? "–"), tier \(e(d.tier ?? "–")). "
                + "<a href=\"/runs/\(e(run.id))/people/\(d.person)\">Full credit report →</a></p>"
            if !d.blocks.isEmpty || !d.rewards.isEmpty {
                body += "<h3>The chain of reasons</h3><ol class=\"chain\">"
                for (verb, reasons) in [("Blocked by", d.blocks), ("Rewarded by", d.rewards)] {
                    for r in reasons {
                        let what = r.origin == "measure" ? "measure" : "spillover via \(r.via ?? "")"
                        let benefit = r.benefit.map { " (\($0.formatted()) \(r.unit ?? ""))" } ?? ""
                        body +=
                            "<li>\(verb) \(what) <b>\(e(r.label.isEmpty ? r.id : r.label))</b>\(e(benefit)),<br>because "
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

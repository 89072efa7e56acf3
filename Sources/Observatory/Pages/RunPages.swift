import Foundation
import Impact
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

/// The runs list, a run's report and its scenario, as pages.
enum RunPages {
    /// Every run in the folder, each as a card with its headline figures.
    static func runs(_ overviews: [RunOverview], root: String, lab: Bool = false) -> Page {
        var body =
            "<p class=\"lead\">Runs of the social credit system on synthetic societies, from the folder <code>\(e(root))</code>. "
            + "Open a run for its impact report, its rules, its public list, people's credit reports, and to try an action.</p>"
        if lab {
            body += "<p><a class=\"button\" href=\"/lab\">Policy lab: change the system and run it</a></p>"
        }
        if overviews.isEmpty {
            body +=
                "<p class=\"banner\">No runs here yet. Make one with <code>sclab simulate --out \(e(root))/NAME</code>.</p>"
        }
        let readable = overviews.filter { $0.error == nil }.map(\.id)
        if readable.count >= 2 {
            body += "<h2>Compare two runs</h2>" + ComparePages.form(readable)
        }
        body += "<ul class=\"cards\">"
        for run in overviews {
            body += "<li class=\"card\"><h2><a href=\"/runs/\(e(run.id))\">\(e(run.id))</a></h2>"
            if let error = run.error {
                body += "<p class=\"banner\">\(e(error))</p></li>"
                continue
            }
            body +=
                "<dl class=\"facts\">"
                + fact("scenario", run.scenarioName) + fact("people", grouped(run.population))
                + fact("period", "\(run.start) to \(run.end)")
                + fact("status", run.finished ? "finished" : "unfinished (\(grouped(run.daysDone)) days)")
                + fact("records", "\(grouped(run.records)) (\(grouped(run.falseRecords)) false)")
                + fact("listings", grouped(run.listEntries))
                + fact("actions blocked", "\(grouped(run.blocked)) (\(grouped(run.wronglyBlocked)) wrongly)")
                + fact("rewards", grouped(run.rewards)) + "</dl></li>"
        }
        return Page(title: "Runs", run: nil, tab: nil, body: body + "</ul>")
    }

    /// A definition-list row.
    static func fact(_ term: String, _ value: String) -> String { "<dt>\(e(term))</dt><dd>\(e(value))</dd>" }

    /// A run's impact report: headline figures, a contents list, then every section with its
    /// tables and charts (the report's own SVG).
    static func report(_ run: RunView) -> Page {
        let o = run.overview
        var body = "<p class=\"lead\">\(e(run.report.subtitle))</p><div class=\"figures\">"
        for (label, value) in [
            ("records", o.records), ("false records", o.falseRecords), ("listings", o.listEntries),
            ("actions blocked", o.blocked), ("blocked wrongly", o.wronglyBlocked), ("rewards", o.rewards),
        ] {
            body += "<div class=\"figure\"><b>\(grouped(value))</b>\(e(label))</div>"
        }
        body += "</div><p>Explore: <a href=\"/runs/\(e(run.id))/public-list\">the public list</a> · "
        if let first = run.traced.first {
            body += "<a href=\"/runs/\(e(run.id))/people/\(first)\">a traced person's credit report</a> · "
        }
        body += "<a href=\"/runs/\(e(run.id))/try\">try an action</a></p>"
        body += "<nav class=\"toc\" id=\"top\" aria-label=\"Sections\"><ol>"
        for section in run.report.sections { body += "<li><a href=\"#\(e(section.id))\">\(e(section.title))</a></li>" }
        body += "</ol></nav>"
        for section in run.report.sections {
            body += "<section id=\"\(e(section.id))\"><h2>\(e(section.title))</h2>"
            // The rules have their own page; the report goes straight to what the system did.
            if section.id == run.scenarioSection.id {
                body +=
                    "<p>The system's rules, part by part, are on <a href=\"/runs/\(e(run.id))/scenario\">the scenario page</a>.</p></section>"
                continue
            }
            for block in section.blocks { body += Report.html(block) + "\n" }
            body += "<p class=\"muted\"><a href=\"#top\">Back to the contents</a></p></section>"
        }
        return Page(title: run.report.title, run: run.id, tab: .report, body: body)
    }

    /// The scenario's rules as readable tables (the report's "How it works").
    static func scenario(_ run: RunView) -> Page {
        let s = run.scenario
        var body =
            "<p class=\"lead\">The rules of <b>\(e(s.name))</b> (scenario <code>\(e(s.id))</code>), as the run used "
            + "them: tiers, behaviours, sources, rules, lists, measures, spillovers, appeals and the timeline.</p>"
        for block in run.scenarioSection.blocks { body += Report.html(block) + "\n" }
        return Page(title: "The scenario: \(s.name)", run: run.id, tab: .scenario, body: body)
    }
}

extension RunView {
    /// The report's "How it works" section: the scenario as tables.
    var scenarioSection: Section {
        report.sections.first { $0.id == "how-it-works" }
            ?? Section(id: "how-it-works", title: "How it works", blocks: [])
    }
}

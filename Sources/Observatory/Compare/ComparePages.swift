import Foundation
import Impact
import RunRecords
import SocialCredit

/// The comparison of a baseline and a variant run as a page, and the form that asks for one
/// (on the runs list and atop the page). Every figure is `RunPairComparison`'s, so the page
/// says what the API answers and what `sclab compare` prints.
enum ComparePages {
    /// The form: two menus of the folder's runs and a button (a GET to `/compare`).
    static func form(_ runs: [String], baseline: String? = nil, variant: String? = nil) -> String {
        func menu(_ name: String, _ label: String, _ chosen: String?) -> String {
            "<label>\(label)<select name=\"\(name)\">"
                + runs.map { id in
                    "<option value=\"\(e(id))\"\(id == chosen ? " selected" : "")>\(e(id))</option>"
                }.joined() + "</select></label>"
        }
        return "<form class=\"search\" method=\"get\" action=\"/compare\">"
            + menu("baseline", "Baseline", baseline ?? runs.first)
            + menu("variant", "Variant", variant ?? runs.dropFirst().first ?? runs.first)
            + "<button type=\"submit\">Compare</button></form>"
    }

    /// The comparison page: the runs, what changed in the scenario, the key metrics, the series
    /// over time, who was hit differently and whose fate changed.
    static func page(_ c: RunPairComparison, runs: [String]) -> Page {
        let a = c.baseline.directory
        let b = c.variant.directory
        var body =
            "<p class=\"lead\">The variant <a href=\"/runs/\(e(b))\"><b>\(e(b))</b></a> against the baseline "
            + "<a href=\"/runs/\(e(a))\"><b>\(e(a))</b></a>: first what changed in the scenario, then what the change did. "
            + "The key metrics are those <code>sclab compare</code> prints for the two run folders.</p>"
        body += form(runs, baseline: a, variant: b)
        body += "<dl class=\"facts\">" + runFact("baseline", c.baseline) + runFact("variant", c.variant) + "</dl>"
        for note in c.notes { body += "<p class=\"muted\">\(e(note))</p>" }
        body += "<nav class=\"toc\" aria-label=\"Sections\"><ol>"
        for (id, title) in sections { body += "<li><a href=\"#\(id)\">\(title)</a></li>" }
        body += "</ol></nav>"
        body += scenarioSection(c) + metricsSection(c) + seriesSection(c) + groupsSection(c) + peopleSection(c)
        return Page(title: "Comparison: \(b) against \(a)", run: nil, tab: nil, body: body)
    }

    static let sections = [
        ("scenario", "What changed in the scenario"), ("metrics", "Key metrics"), ("over-time", "Over time"),
        ("groups", "Who was hit differently"), ("people", "Whose fate changed"),
    ]

    static func runFact(_ role: String, _ run: RunLine) -> String {
        RunPages.fact(
            role,
            "\(run.directory): \(run.scenario), \(grouped(run.population)) people, seed \(run.seed), \(run.start) to \(run.end)"
                + (run.finished ? "" : " (unfinished)")
        )
    }

    /// A table cell, labelled for the narrow layout (`table.cards-narrow`).
    static func cell(_ label: String, _ html: String, numeric: Bool = false) -> String {
        "<td data-label=\"\(e(label))\"\(numeric ? " class=\"n\"" : "")>\(html)</td>"
    }

    static func head(_ caption: String, _ columns: [String]) -> String {
        "<div class=\"table\"><table class=\"cards-narrow\"><caption>\(e(caption))</caption><thead><tr>"
            + columns.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead><tbody>"
    }

    static func scenarioSection(_ c: RunPairComparison) -> String {
        var out = "<section id=\"scenario\"><h2>What changed in the scenario</h2>"
        guard !c.scenarioChanges.isEmpty else {
            return out
                + "<p>No differences: both runs ran the same scenario (as <code>sclab diff</code> reads it).</p></section>"
        }
        out +=
            "<p>\(c.scenarioChanges.count) difference\(c.scenarioChanges.count == 1 ? "" : "s") by parameter path, as "
            + "<code>sclab diff</code> gives them (the paths <code>sclab sweep --vary</code> takes).</p>"
        out += head("Scenario differences", ["parameter", "change", "baseline", "variant"])
        for change in c.scenarioChanges {
            out +=
                "<tr>" + cell("parameter", "<code>\(e(change.path))</code>") + cell("change", e(change.kind))
                + cell("baseline", e(change.old ?? "–")) + cell("variant", e(change.new ?? "–")) + "</tr>"
        }
        return out + "</tbody></table></div></section>"
    }

    static func metricsSection(_ c: RunPairComparison) -> String {
        var out =
            "<section id=\"metrics\"><h2>Key metrics</h2><p>Each run's value, the variant's difference and relative "
            + "change, and over the seeds both runs are measured over the mean difference with its 95% interval "
            + "(docs/metrics.md, \"Uncertainty over seeds\").</p>"
        out += head(
            "Key metrics",
            ["metric", "baseline", "variant", "difference", "change", "mean over seeds", "95% interval", "verdict"]
        )
        for m in c.metrics {
            out +=
                "<tr>" + cell("metric", e(m.label)) + cell("baseline", e(m.baselineText), numeric: true)
                + cell("variant", e(m.variantText), numeric: true)
                + cell("difference", e(m.differenceText), numeric: true)
                + cell("change", e(m.changeText), numeric: true) + cell("mean over seeds", e(m.meanText), numeric: true)
                + cell("95% interval", e(m.intervalText), numeric: true) + cell("verdict", e(m.verdict)) + "</tr>"
        }
        return out + "</tbody></table></div></section>"
    }

    static func seriesSection(_ c: RunPairComparison) -> String {
        var out =
            "<section id=\"over-time\"><h2>Over time</h2><p>Both runs month by month on the same axes: "
            + "\(e(c.baseline.directory)) (baseline) and \(e(c.variant.directory)) (variant).</p>"
        for series in c.series {
            out += Report.html(
                .chart(
                    series.chart(
                        baselineName: "baseline: \(c.baseline.directory)",
                        variantName: "variant: \(c.variant.directory)"
                    )
                )
            )
        }
        return out + "</section>"
    }

    static func groupsSection(_ c: RunPairComparison) -> String {
        var out =
            "<section id=\"groups\"><h2>Who was hit differently</h2><p>Over everyone in each group (the runs' group "
            + "tallies): the share ever on a black list (listed) and the share with an action blocked (punished), in "
            + "each run, and the variant's share minus the baseline's in percentage points.</p>"
        guard !c.groups.isEmpty else { return out + "<p>Neither run holds group tallies.</p></section>" }
        func share(_ value: Double?) -> String { e(Chart.Format.share.full(value)) }
        func difference(_ value: Double?) -> String { e(MetricDifference.text(difference: value, format: .share)) }
        for group in c.groups {
            out += head(
                group.heading,
                [
                    "group", "people", "listed, baseline", "listed, variant", "listed, difference",
                    "punished, baseline",
                    "punished, variant", "punished, difference",
                ]
            )
            for row in group.rows {
                let people = [row.baseline?.people, row.variant?.people].map { $0.map(grouped) ?? "–" }
                out +=
                    "<tr>" + cell("group", e(row.label))
                    + cell(
                        "people",
                        e(people[0] == people[1] ? people[0] : people.joined(separator: " / ")),
                        numeric: true
                    )
                    + cell("listed, baseline", share(row.baseline?.listedShare), numeric: true)
                    + cell("listed, variant", share(row.variant?.listedShare), numeric: true)
                    + cell("listed, difference", difference(row.listedDifference), numeric: true)
                    + cell("punished, baseline", share(row.baseline?.punishedShare), numeric: true)
                    + cell("punished, variant", share(row.variant?.punishedShare), numeric: true)
                    + cell("punished, difference", difference(row.punishedDifference), numeric: true) + "</tr>"
            }
            out += "</tbody></table></div>"
        }
        return out + "</section>"
    }

    static func peopleSection(_ c: RunPairComparison) -> String {
        let a = c.baseline.directory
        let b = c.variant.directory
        var out = "<section id=\"people\"><h2>Whose fate changed</h2><p>\(e(c.people.population))</p>"
        guard c.people.correspond else { return out + "</section>" }
        guard c.people.count > 0 else {
            return out + "<p>Nobody was listed in one run and not in the other.</p></section>"
        }
        out +=
            "<p>\(grouped(c.people.count)) people were on a list in one run and never in the other"
            + (c.people.count > c.people.people.count ? "; the \(c.people.people.count) most changed are shown" : "")
            + ", ranked by the days from their first listing to the end of the run that listed them, then by how far "
            + "their final scores differ.</p>"
        out += head(
            "Listed in one run only",
            ["person", "listed in", "days listed", "baseline", "variant", "score difference", "credit reports"]
        )
        func fate(_ f: FateChanges.Fate) -> String {
            guard f.stored else { return "never listed; not stored" }
            var parts = [f.listed ? "listed" : "never listed"]
            if !f.lists.isEmpty { parts.append("lists " + f.lists.joined(separator: ", ")) }
            if let first = f.firstListed { parts.append("from \(first)") }
            if let score = f.score { parts.append("score \(score)" + (f.tier.map { ", tier \($0)" } ?? "")) }
            if let blocked = f.blocked { parts.append("\(blocked) blocked") }
            return parts.joined(separator: "; ")
        }
        for p in c.people.people {
            let links =
                "<a href=\"/runs/\(e(a))/people/\(p.person)\">baseline</a> · "
                + "<a href=\"/runs/\(e(b))/people/\(p.person)\">variant</a>"
            out +=
                "<tr>" + cell("person", "#\(p.person)", numeric: true) + cell("listed in", e(p.listedIn))
                + cell("days listed", p.daysListed.map(grouped) ?? "–", numeric: true)
                + cell("baseline", e(fate(p.baseline))) + cell("variant", e(fate(p.variant)))
                + cell(
                    "score difference",
                    p.scoreDifference.map { ($0 > 0 ? "+" : "") + grouped($0) } ?? "–",
                    numeric: true
                )
                + cell("credit reports", links) + "</tr>"
        }
        return out + "</tbody></table></div></section>"
    }
}

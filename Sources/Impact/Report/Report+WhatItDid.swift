import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit

/// "What it did": records, scores, tiers, lists, blocks and rewards over the run.
enum WhatItDid {
    static func section(_ run: RunData) -> Section {
        let s = run.scenario
        var blocks: [Block] = []
        let all = run.groups("all").first
        var rows: [[String]] = [
            [
                "behaviours that happened",
                Format.count(run.sum("behaviors.total") > 0 ? run.sum("behaviors.total") : behaviours(run)),
            ],
            ["records made", Format.count(run.sum("records.total"))],
            ["of them false (attached to the wrong person)", Format.count(run.sum("records.false"))],
            ["judged otherwise (discretion: no effect)", Format.count(run.sum("records.judged_otherwise"))],
            [
                "points deducted / added",
                "\(Format.count(run.sum("points.deducted"))) / \(Format.count(run.sum("points.added")))",
            ],
            ["actions blocked", Format.count(run.sum("blocked.total"))],
            ["rewards granted", Format.count(run.sum("rewards.total"))],
        ]
        if let all {
            rows.append([
                "people ever on a black list",
                "\(Format.count(all.everBlacklisted)) (\(Format.percent(Effect.share(Double(all.everBlacklisted), of: Double(all.people)))))",
            ])
            rows.append([
                "people ever sanctioned (an action blocked)",
                "\(Format.count(all.sanctioned)) (\(Format.percent(Effect.share(Double(all.sanctioned), of: Double(all.people)))))",
            ])
            rows.append([
                "people ever rewarded",
                "\(Format.count(all.rewarded)) (\(Format.percent(Effect.share(Double(all.rewarded), of: Double(all.people)))))",
            ])
            rows.append([
                "mean final score of scored people",
                all.scored > 0 ? String(format: "%.1f", Double(all.scoreSum) / Double(all.scored)) : "–",
            ])
        }
        blocks.append(.table(Table(caption: "Over the whole run", columns: ["", "count"], rows: rows)))

        blocks.append(
            .chart(
                monthly(
                    run,
                    id: "score-mean",
                    title: "Mean score of scored people",
                    summary: "The mean personal score at each month's end.",
                    valueLabel: "mean score",
                    format: .score,
                    series: [("mean score", "score.mean", false)]
                )
            )
        )
        if let histogram = scoreHistogram(run) {
            blocks.append(.chart(histogram.chart))
            blocks.append(.paragraph(histogram.note))
        }
        blocks.append(.chart(tierChart(run)))
        let lists = s.lists.filter { $0.subject == .people }
        if !lists.isEmpty {
            blocks.append(
                .chart(
                    monthly(
                        run,
                        id: "list-sizes",
                        title: "People on each list",
                        summary: "People on each list at each month's end.",
                        valueLabel: "people",
                        format: .count,
                        series: lists.map { ($0.id, "list.size.\($0.id)", false) }
                    )
                )
            )
        }
        if let lists = Tallies.lists(run) { blocks.append(lists) }
        if let notices = Tallies.notices(run) { blocks.append(notices) }
        let companyLists = s.lists.filter { $0.subject == .companies }
        if !companyLists.isEmpty {
            blocks.append(
                .table(
                    Table(
                        caption: "Companies on lists at the end",
                        columns: ["list", "companies"],
                        rows: companyLists.map { [$0.id, Format.count(run.last("company.list.size.\($0.id)"))] }
                    )
                )
            )
        }
        blocks.append(
            .chart(
                monthly(
                    run,
                    id: "records-by-source",
                    title: "Records made each month, by source",
                    summary: "Records reaching the authority each month from each monitoring source.",
                    valueLabel: "records per month",
                    format: .count,
                    series: s.sources.filter { run.sum("records.source.\($0.id)") > 0 }
                        .map { ($0.id, "records.source.\($0.id)", false) }
                )
            )
        )
        let blocked = s.actions.filter { run.sum("blocked.\($0.id)") > 0 }
        if !blocked.isEmpty {
            blocks.append(
                .chart(
                    monthly(
                        run,
                        id: "blocked-by-kind",
                        title: "Actions blocked each month, by kind",
                        summary: "Attempts refused by a measure or a spillover each month.",
                        valueLabel: "blocked per month",
                        format: .count,
                        series: blocked.map { ($0.id, "blocked.\($0.id)", false) }
                    )
                )
            )
        }
        blocks.append(
            .table(
                Table(
                    caption: "Actions blocked and rewarded over the run, by kind",
                    columns: ["action", "label", "attempts under a measure", "blocked", "of them wrongly", "rewarded"],
                    rows: s.actions.map {
                        [
                            $0.id, $0.label, Format.count(run.sum("attempts.\($0.id)")),
                            Format.count(run.sum("blocked.\($0.id)")),
                            Format.count(run.sum("blocked_wrongly.\($0.id)")),
                            Format.count(run.sum("rewards.\($0.id)")),
                        ]
                    },
                    numeric: [false, false, true, true, true, true]
                )
            )
        )
        if let benefits = Tallies.benefits(run) { blocks.append(benefits) }
        let rewarded = s.actions.filter { run.sum("rewards.\($0.id)") > 0 }
        if !rewarded.isEmpty {
            blocks.append(
                .chart(
                    monthly(
                        run,
                        id: "rewards-by-kind",
                        title: "Rewards granted each month, by kind",
                        summary: "Attempts that a reward measure or spillover favoured each month.",
                        valueLabel: "rewards per month",
                        format: .count,
                        series: rewarded.map { ($0.id, "rewards.\($0.id)", false) }
                    )
                )
            )
        }
        return Section(id: "what-it-did", title: "What it did", blocks: blocks)
    }

    /// Tier shares over time. When most people stay in one tier (the starting tier, as a rule),
    /// its line would flatten every other: it is left out and its share given in the title.
    static func tierChart(_ run: RunData) -> Chart {
        let tiers = run.scenario.score.tiers
        let dominant = tiers.first { (run.last("tier.share.\($0.id)") ?? 0) > 0.5 }
        let shown = tiers.filter { $0.id != dominant?.id }
        let title =
            dominant.map {
                "Share of scored people in tiers other than \($0.id) (\(Format.percent(run.last("tier.share.\($0.id)"))) in \($0.id) at the end)"
            }
            ?? "Share of scored people in each tier"
        return monthly(
            run,
            id: "tier-shares",
            title: title,
            summary: "The share of scored people in each tier at each month's end"
                + (dominant.map { ", except \($0.id), where most people are" } ?? "") + ".",
            valueLabel: "share of scored people",
            format: .share,
            series: shown.map { ("tier \($0.id)", "tier.share.\($0.id)", false) }
        )
    }

    static func behaviours(_ run: RunData) -> Double {
        run.scenario.behaviors.reduce(0) { $0 + run.sum("behavior.\($1.id)") }
    }

    /// The final month's score distribution as bars, and the Gini coefficient of the scores.
    static func scoreHistogram(_ run: RunData) -> (chart: Chart, note: String)? {
        let bins = run.scoreBins
        guard bins.count > 1, let lastIndex = run.periods.indices.last else { return nil }
        let width = Double(bins[1].0 - bins[0].0)
        let all = bins.map { run.values($0.1)[lastIndex] ?? 0 }
        // Bands from the lowest to the highest occupied one, so the chart shows where people are.
        let first = all.firstIndex { $0 > 0 } ?? 0
        let last = all.lastIndex { $0 > 0 } ?? (bins.count - 1)
        let counts = Array(all[first...last])
        let labels = bins[first...last].map { "\($0.0)–\($0.0 + Int(width) - 1)" }
        let gini = run.finalScoreGini
        let chart = Chart(
            id: "score-distribution",
            kind: .bar,
            title: "Scores at the end (\(run.periods[lastIndex]))",
            summary: "How many scored people have a score in each band at the end of the run.",
            categories: labels,
            series: [Chart.Series(name: "people", values: counts)],
            categoryLabel: "score band",
            valueLabel: "people",
            format: .count
        )
        return (
            chart,
            "Gini coefficient of the final scores (each person at the middle of their band): "
                + (gini.map { String(format: "%.4f", $0) } ?? "–") + "."
        )
    }
}

import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit

/// "Who it hit": sanction, listing and reward rates by group over everyone, with
/// disparate-impact ratios against the most favoured group.
enum WhoItHit {
    /// The dimensions in reading order, with headings.
    static let dimensions = [
        ("income_quintile", "Household income quintile"), ("residence", "Urban or rural residence"),
        ("sex", "Sex"), ("age_group", "Age group (at the end of the run)"), ("province", "Province"),
    ]

    /// A group's name for readers.
    static func label(_ tally: GroupTally) -> String {
        guard tally.dimension == "income_quintile" else { return tally.group }
        switch tally.group {
        case "1": return "Q1 (poorest)"
        case "5": return "Q5 (richest)"
        default: return "Q\(tally.group)"
        }
    }

    /// The outcomes compared between groups: name, tally count, burden or benefit.
    static var outcomes: [(name: String, count: KeyPath<GroupTally, Int>, outcome: Outcome)] {
        [
            ("sanctioned", \.sanctioned, .burden),
            ("black-listed", \.everBlacklisted, .burden),
            ("lowest tier", \.lowestTier, .burden),
            ("rewarded", \.rewarded, .benefit),
        ]
    }

    static func section(_ run: RunData) -> Section {
        var blocks: [Block] = [
            .paragraph(
                """
                Rates are over everyone in each group (not a sample): the share of the group's people who \
                had the outcome during the run: sanctioned (at least one action blocked), black-listed \
                (ever on a black list), lowest tier (in the scale's lowest tier at the end), rewarded \
                (at least one reward). Each cell gives the rate and, in brackets, the disparate-impact ratio (DI), which divides a \
                group's rate by the rate of the most favoured group: for a burden the group with the lowest \
                rate above 0, for a reward the group with the highest (groups never hit have a DI of 0). A DI of 1.25 means 25% more often sanctioned \
                than the most favoured group; US employment practice flags a reward DI below 0.8 (the \
                four-fifths rule). See docs/metrics.md for the formulas.
                """
            )
        ]
        guard !run.groups.isEmpty else {
            blocks.append(
                .paragraph(
                    "This run holds no group tallies (it was made before they were stored, or it is unfinished)."
                )
            )
            return Section(id: "who-it-hit", title: "Who it hit", blocks: blocks)
        }
        for (dimension, heading) in dimensions {
            let tallies = run.groups(dimension)
            guard !tallies.isEmpty else { continue }
            var columns = ["group", "people"]
            var cells = tallies.map { [label($0), Format.count($0.people)] }
            for outcome in outcomes {
                let rates = tallies.map {
                    GroupRate(group: $0.group, count: $0[keyPath: outcome.count], people: $0.people)
                }
                let ratios = DisparateImpact.ratios(rates, outcome: outcome.outcome)
                columns.append(outcome.name + " (DI)")
                for i in cells.indices {
                    cells[i].append("\(Format.percent(rates[i].rate)) (\(Format.ratio(ratios[i])))")
                }
            }
            blocks.append(.table(Table(caption: heading, columns: columns, rows: cells)))
            guard dimension != "province" else {
                blocks.append(.paragraph("The provinces' rates are mapped under Key findings."))
                continue
            }
            let rates = outcomes.prefix(2).map { outcome in
                Chart.Series(
                    name: outcome.name,
                    values: tallies.map {
                        GroupRate(group: $0.group, count: $0[keyPath: outcome.count], people: $0.people).rate
                    }
                )
            }
            blocks.append(
                .chart(
                    Chart(
                        id: "hit-\(dimension)",
                        kind: .bar,
                        title: "Sanctioned and black-listed, by \(heading.lowercased())",
                        summary:
                            "Share of each group's people with an action blocked (sanctioned), and ever on a black list, over the run.",
                        categories: tallies.map(label),
                        series: rates,
                        categoryLabel: heading,
                        valueLabel: "share of the group's people",
                        format: .share
                    )
                )
            )
        }
        return Section(id: "who-it-hit", title: "Who it hit", blocks: blocks)
    }
}

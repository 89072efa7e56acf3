import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit

/// "Does it build trust?" (M12): behaviour with the system against the same society with the
/// system switched off (the counterfactual), with the costs beside.
enum Trust {
    static func section(_ run: RunData) -> Section {
        let s = run.scenario
        let prefix = Counterfactual.prefix
        guard run.series.keys.contains(where: { $0.hasPrefix(prefix) }) else {
            return Section(
                id: "trust",
                title: "Does it build trust?",
                blocks: [
                    .paragraph(
                        "This run holds no counterfactual (made with --no-counterfactual, before counterfactuals were stored, or unfinished), so effects cannot be told from levels."
                    )
                ]
            )
        }
        let seeds = run.seedOutcomes.count
        var blocks: [Block] = [
            .paragraph(
                """
                The counterfactual is the same synthetic society, seed and days with the system switched \
                off: no monitoring, rules, lists, measures, spillovers or responses. Behaviour uses the same \
                random draws, so within one seed the difference between the two runs is the system's effect \
                on that society (through the responses the scenario declares). Another seed draws another \
                society and other behaviour, and the difference can change, even in sign. Rates are per \
                1,000 people per year.
                """
            ),
            .paragraph(
                seeds > 1
                    ? """
                    This run was measured over \(seeds) seeds (\(run.seedOutcomes.map { String($0.seed) }.joined(separator: ", "))), \
                    each with its own counterfactual: each difference is also given as its mean over the seeds \
                    with a 95% interval (a paired t-interval over the seeds' differences, docs/metrics.md). \
                    Where the interval includes 0 the difference is not distinguishable from chance.
                    """
                    : """
                    This run was measured over one seed, so no interval can be given: the differences below \
                    are one society's and may not hold on another. Run with --seeds K (K of 2 or more) to \
                    measure how sure each difference is.
                    """
            ),
        ]
        let people = run.info.population
        let days = run.days
        func rate(_ value: Double) -> String {
            Effect.perThousandPerYear(value, people: people, days: days).map { String(format: "%.2f", $0) } ?? "–"
        }
        var rows: [[String]] = []
        for conduct in Behavior.Conduct.allCases {
            for behavior in s.behaviors where behavior.conduct == conduct && !behavior.who.contains(.companies) {
                let real = run.sum("behavior.\(behavior.id)")
                let off = run.sum(prefix + "behavior.\(behavior.id)")
                var row = [
                    behavior.id, conduct.rawValue, rate(real), rate(off), Format.signed(real - off),
                    Format.signedPercent(Effect.relativeChange(real: real, counterfactual: off)),
                ]
                if seeds > 1 { row += Self.overSeeds(run.behaviourDifferenceInterval(behavior.id), Format.signed) }
                rows.append(row)
            }
        }
        let spread = seeds > 1 ? ["mean difference over seeds", "95% interval", "verdict"] : []
        blocks.append(
            .table(
                Table(
                    caption: "Behaviour with the system and without it, over the run",
                    columns: [
                        "behaviour", "conduct", "with the system", "switched off", "difference (count)", "change",
                    ] + spread,
                    rows: rows,
                    numeric: [false, false, true, true, true, true] + spread.map { $0 != "verdict" }
                )
            )
        )
        if seeds > 1 {
            let conducts = Behavior.Conduct.allCases.filter { c in
                s.behaviors.contains { $0.conduct == c && !$0.who.contains(.companies) }
            }
            blocks.append(
                .table(
                    Table(
                        caption:
                            "Change of people's behaviour against the counterfactual, by conduct, over \(seeds) seeds",
                        columns: [
                            "conduct", "change (this seed)", "mean change over seeds", "95% interval", "verdict",
                        ],
                        rows: conducts.map {
                            [$0.rawValue, Format.signedPercent(run.behaviourChange($0))]
                                + Self.overSeeds(run.conductChangeInterval($0), Format.signedPercent)
                        },
                        numeric: [false, true, true, true, false]
                    )
                )
            )
        }
        for conduct in Behavior.Conduct.allCases {
            let ids = s.behaviors.filter { $0.conduct == conduct && !$0.who.contains(.companies) }.map(\.id)
            guard !ids.isEmpty else { continue }
            func total(_ prefix: String) -> [Double?] {
                run.periods.indices.map { i in ids.reduce(0.0) { $0 + (run.values(prefix + "behavior.\($1)")[i] ?? 0) }
                }
            }
            blocks.append(
                .chart(
                    Chart(
                        id: "trust-\(conduct.rawValue)",
                        kind: .line,
                        title: "\(conduct.rawValue.capitalized) behaviour each month: with the system and switched off",
                        summary:
                            "People's \(conduct.rawValue) behaviours each month in the run (solid) and in the counterfactual with the system switched off (dashed).",
                        categories: run.periods,
                        series: [
                            Chart.Series(name: "with the system", values: total("")),
                            Chart.Series(name: "switched off (counterfactual)", values: total(prefix), dashed: true),
                        ],
                        categoryLabel: "month",
                        valueLabel: "behaviours per month",
                        format: .count
                    )
                )
            )
        }
        // Costs beside the effect.
        let monitored = Set(
            s.responses.filter { $0.trigger == .monitored && $0.factor < 1 }.flatMap { $0.behaviors.map(\.id) }
        )
        var costs: [[String]] = [
            ["actions blocked only because of false records", Format.count(run.sum("blocked_wrongly.total"))],
            ["listings caused by false records", Format.count(run.sum("list.entries_false"))],
            ["person-months wrongly listed", Format.count(run.sum("list.wrongly_listed"))],
        ]
        for id in monitored.sorted() {
            let real = run.sum("behavior.\(id)")
            let off = run.sum(prefix + "behavior.\(id)")
            costs.append([
                "\(id) suppressed under monitoring (switched off minus with the system)", Format.count(off - real),
            ])
        }
        blocks.append(.table(Table(caption: "Costs beside the effect", columns: ["", "count"], rows: costs)))
        blocks.append(
            .paragraph(
                """
                Whether suppressing a behaviour is a benefit or a cost depends on the behaviour: fewer \
                littering offences are a gain; less critical speech online is the chilling effect the \
                article warns of. The numbers are the scenario's assumptions worked through, not measurements.
                """
            )
        )
        return Section(id: "trust", title: "Does it build trust?", blocks: blocks)
    }

    /// The cells of a difference over seeds: its mean, its 95% interval and the verdict.
    static func overSeeds(_ interval: SeedInterval?, _ write: (Double) -> String) -> [String] {
        guard let interval else { return ["–", "–", "–"] }
        return [write(interval.mean), interval.range(write), interval.verdict]
    }
}

import RunStore
import Simulation
import Foundation
import SocialCredit

/// "Does it build trust?" (M12): behaviour with the system against the same society with the
/// system switched off (the counterfactual), with the costs beside.
enum Trust {
    static func section(_ run: RunData) -> Section {
        let s = run.scenario
        let prefix = Counterfactual.prefix
        guard run.series.keys.contains(where: { $0.hasPrefix(prefix) }) else {
            return Section(id: "trust", title: "Does it build trust?", blocks: [.paragraph(
                "This run holds no counterfactual (made with --no-counterfactual, before counterfactuals were stored, or unfinished), so effects cannot be told from levels.")])
        }
        var blocks: [Block] = [.paragraph("""
            The counterfactual is the same synthetic society, seed and days with the system switched \
            off: no monitoring, rules, lists, measures, spillovers or responses. Behaviour uses the same \
            random draws, so the differences below are the system's effect (through the responses the \
            scenario declares), not chance. Rates are per 1,000 people per year.
            """)]
        let people = run.info.population, days = run.days
        func rate(_ value: Double) -> String {
            Effect.perThousandPerYear(value, people: people, days: days).map { String(format: "%.2f", $0) } ?? "–"
        }
        var rows: [[String]] = []
        for conduct in Behavior.Conduct.allCases {
            for behavior in s.behaviors where behavior.conduct == conduct && !behavior.who.contains(.companies) {
                let real = run.sum("behavior.\(behavior.id)"), off = run.sum(prefix + "behavior.\(behavior.id)")
                rows.append([behavior.id, conduct.rawValue, rate(real), rate(off), Format.signed(real - off),
                             Format.signedPercent(Effect.relativeChange(real: real, counterfactual: off))])
            }
        }
        blocks.append(.table(Table(caption: "Behaviour with the system and without it, over the run",
                                   columns: ["behaviour", "conduct", "with the system", "switched off", "difference (count)", "change"],
                                   rows: rows, numeric: [false, false, true, true, true, true])))
        for conduct in Behavior.Conduct.allCases {
            let ids = s.behaviors.filter { $0.conduct == conduct && !$0.who.contains(.companies) }.map(\.id)
            guard !ids.isEmpty else { continue }
            func total(_ prefix: String) -> [Double?] {
                run.periods.indices.map { i in ids.reduce(0.0) { $0 + (run.values(prefix + "behavior.\($1)")[i] ?? 0) } }
            }
            blocks.append(.chart(Chart(
                id: "trust-\(conduct.rawValue)", kind: .line,
                title: "\(conduct.rawValue.capitalized) behaviour each month: with the system and switched off",
                summary: "People's \(conduct.rawValue) behaviours each month in the run (solid) and in the counterfactual with the system switched off (dashed).",
                categories: run.periods,
                series: [Chart.Series(name: "with the system", values: total("")),
                         Chart.Series(name: "switched off (counterfactual)", values: total(prefix), dashed: true)],
                categoryLabel: "month", valueLabel: "behaviours per month", format: .count)))
        }
        // Costs beside the effect.
        let monitored = Set(s.responses.filter { $0.trigger == .monitored && $0.factor < 1 }.flatMap { $0.behaviors.map(\.id) })
        var costs: [[String]] = [
            ["actions blocked only because of false records", Format.count(run.sum("blocked_wrongly.total"))],
            ["listings caused by false records", Format.count(run.sum("list.entries_false"))],
            ["person-months wrongly listed", Format.count(run.sum("list.wrongly_listed"))],
        ]
        for id in monitored.sorted() {
            let real = run.sum("behavior.\(id)"), off = run.sum(prefix + "behavior.\(id)")
            costs.append(["\(id) suppressed under monitoring (switched off minus with the system)", Format.count(off - real)])
        }
        blocks.append(.table(Table(caption: "Costs beside the effect", columns: ["", "count"], rows: costs)))
        blocks.append(.paragraph("""
            Whether suppressing a behaviour is a benefit or a cost depends on the behaviour: fewer \
            littering offences are a gain; less critical speech online is the chilling effect the \
            article warns of. The numbers are the scenario's assumptions worked through, not measurements.
            """))
        return Section(id: "trust", title: "Does it build trust?", blocks: blocks)
    }
}

import Foundation
import RunRecords
import Simulation
import SocialCredit

/// "Key findings": the report's opening, a few sentences with the run's own numbers (who was
/// punished, how many wrongly, what changed against the counterfactual and how sure that is),
/// then where: the province maps. Every number is read from the run (its key metrics, group
/// tallies and counterfactual effects), none written in.
enum Findings {
    static func section(_ run: RunData) -> Section {
        let key = Dictionary(run.keyMetrics.map { ($0.id, $0.value ?? 0) }, uniquingKeysWith: { first, _ in first })
        var items: [String] = []
        if let all = run.groups("all").first {
            items.append(punished(all, blocks: key["blocked"] ?? 0))
            if let hardest = hardest(run) { items.append(hardest) }
            items.append(wrongly(all, key))
        } else {
            items.append(
                "This run holds no group tallies (it was made before they were stored, or it is unfinished), so who was punished cannot be counted."
            )
        }
        if let companies = companies(run) { items.append(companies) }
        items += changed(run)
        var blocks: [Block] = [.list(items)]
        if let map = provinceMap(run) {
            blocks.append(.chart(map))
            blocks.append(
                .paragraph(
                    """
                    Each map colours a province by the share of its people who had the outcome during the run, \
                    on the map's own scale (the legend under it); hover a square for its value. "Sanctioned with \
                    a false record" counts sanctioned people with a false record on file: at most that share was \
                    sanctioned wrongly. The figures are in the "Province" table under Who it hit.
                    """
                )
            )
        }
        return Section(id: "key-findings", title: "Key findings", blocks: blocks)
    }

    /// Who was punished: people sanctioned and black-listed, with their shares.
    static func punished(_ all: GroupTally, blocks: Double) -> String {
        "Punished: \(Format.count(all.sanctioned)) of \(Format.count(all.people)) people (\(share(all.sanctioned, all.people))) "
            + "were sanctioned, an action of theirs blocked at least once (\(Format.count(blocks)) actions blocked in all), and "
            + "\(Format.count(all.everBlacklisted)) (\(share(all.everBlacklisted, all.people))) were ever on a black list."
    }

    /// Short names of the group dimensions, for "the least-hit …".
    static let dimensionNames = [
        "income_quintile": "income quintiles", "residence": "urban and rural", "sex": "the sexes",
        "age_group": "age groups", "province": "provinces",
    ]

    /// In each dimension, the group with the highest sanction rate, its rate and its
    /// disparate-impact ratio against the least-hit group (`DisparateImpact`); nil when no
    /// dimension has a group hit harder than another.
    static func hardest(_ run: RunData) -> String? {
        var parts: [String] = []
        for (dimension, _) in WhoItHit.dimensions {
            let tallies = run.groups(dimension)
            let rates = tallies.map { GroupRate(group: $0.group, count: $0.sanctioned, people: $0.people) }
            let ratios = DisparateImpact.ratios(rates, outcome: .burden)
            guard let top = rates.indices.max(by: { (rates[$0].rate ?? -1) < (rates[$1].rate ?? -1) }),
                let ratio = ratios[top], ratio > 1,
                let least = rates.indices.first(where: { ratios[$0] == 1 })
            else { continue }
            parts.append(
                "\(WhoItHit.label(tallies[top])) among \(dimensionNames[dimension] ?? dimension), "
                    + "\(Format.percent(rates[top].rate)) (\(Format.ratio(ratio)) times \(WhoItHit.label(tallies[least])))"
            )
        }
        guard !parts.isEmpty else { return nil }
        return "Hit hardest, by the share sanctioned and its multiple of the least-hit group's: "
            + parts.joined(separator: "; ") + "."
    }

    /// How many wrongly: blocks only false records caused, listings they caused, and sanctioned
    /// people with a false record on file (an upper bound on those sanctioned wrongly).
    static func wrongly(_ all: GroupTally, _ key: [String: Double]) -> String {
        let wrongful = key["wrongful_blocks"] ?? 0
        let blocked = key["blocked"] ?? 0
        return "Wrongly: \(Format.count(wrongful)) of the \(Format.count(blocked)) actions blocked "
            + "(\(Format.percent(Effect.share(wrongful, of: blocked)))) were blocked only because of false records; "
            + "\(Format.count(key["wrongful_listings"] ?? 0)) listings were caused by a false record; "
            + "\(Format.count(all.sanctionedWithFalseRecords)) of the \(Format.count(all.sanctioned)) sanctioned people "
            + "(\(share(all.sanctionedWithFalseRecords, all.sanctioned))) had a false record on file, at most that many sanctioned wrongly."
    }

    /// Companies put on lists, when the scenario has company lists.
    static func companies(_ run: RunData) -> String? {
        let lists = run.scenario.lists.filter { $0.subject == .companies }
        guard !lists.isEmpty else { return nil }
        let entries = lists.reduce(0) { $0 + run.sum("list.entries.\($1.id)") }
        let atEnd = lists.reduce(0) { $0 + (run.last("company.list.size.\($1.id)") ?? 0) }
        return
            "Companies: \(Format.count(entries)) entries on company lists over the run; \(Format.count(atEnd)) companies on one at the end."
    }

    /// What changed against the counterfactual, for each conduct, with how sure it is.
    static func changed(_ run: RunData) -> [String] {
        let effects = Behavior.Conduct.allCases.compactMap { run.counterfactualEffectOverSeeds($0) }
        guard !effects.isEmpty else {
            return [
                "This run holds no counterfactual, so what the system changed cannot be told from what would have happened without it."
            ]
        }
        return effects.map { effect in
            let counts =
                "\(Format.count(effect.real)) with the system, \(Format.count(effect.switchedOff)) switched off; \(effect.certainty)"
            let change: String
            switch effect.relative {
            case nil: change = "have no counterpart switched off"
            case let relative? where relative == 0: change = "did not change"
            case let relative?: change = "went \(relative < 0 ? "down" : "up") by \(Format.percent(abs(relative)))"
            }
            return
                "Against the same society with the system switched off, people's \(effect.conduct.rawValue) behaviours \(change) (\(counts))."
        }
    }

    /// The outcomes mapped by province: name and tally count.
    static var mapped: [(name: String, count: KeyPath<GroupTally, Int>)] {
        [
            ("ever black-listed", \.everBlacklisted), ("sanctioned", \.sanctioned),
            ("sanctioned with a false record", \.sanctionedWithFalseRecords),
        ]
    }

    /// The listing, sanction and wrongful-sanction rates of each province as tile-grid maps;
    /// nil without province tallies.
    static func provinceMap(_ run: RunData) -> Chart? {
        let tallies = run.groups("province")
        guard !tallies.isEmpty else { return nil }
        return Chart(
            id: "province-map",
            kind: .tileMap,
            title: "Where: rates by province",
            summary:
                "Three tile-grid maps of China's 31 provinces, one square each in its rough place: the share of each province's people ever black-listed, sanctioned, and sanctioned with a false record on file, over the run.",
            categories: tallies.map(\.group),
            series: mapped.map { outcome in
                Chart.Series(
                    name: outcome.name,
                    values: tallies.map {
                        GroupRate(group: $0.group, count: $0[keyPath: outcome.count], people: $0.people).rate
                    }
                )
            },
            categoryLabel: "province",
            valueLabel: "share of the province's people",
            format: .share
        )
    }

    static func share(_ part: Int, _ whole: Int) -> String {
        Format.percent(Effect.share(Double(part), of: Double(whole)))
    }
}

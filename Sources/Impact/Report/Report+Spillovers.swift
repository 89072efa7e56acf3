import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit

/// "Spillovers" (M8, M9): who was hit through a parent, a spouse, friends or an employer.
enum Spillovers {
    static func section(_ run: RunData) -> Section {
        let s = run.scenario
        var blocks: [Block] = []
        guard !s.spillovers.isEmpty else {
            return Section(
                id: "spillovers",
                title: "Spillovers",
                blocks: [.paragraph("The scenario declares no spillovers.")]
            )
        }
        let directlyBlocked = Set(s.measures.filter { $0.kind == .block }.compactMap { $0.action?.id })
        let rows: [[String]] = s.spillovers.map { spillover in
            var consequence = "–"
            switch spillover.effect {
            case let .block(action):
                let blocked = run.sum("blocked.\(action.id)")
                consequence =
                    directlyBlocked.contains(action.id)
                    ? "\(Format.count(blocked)) attempts to \(action.id) blocked by it or by a measure"
                    : "\(Format.count(blocked)) attempts to \(action.id) blocked, all through spillovers (no measure blocks it)"
            case let .reward(action):
                consequence =
                    "\(Format.count(run.sum("rewards.\(action.id)"))) rewards for \(action.id) (with measures)"
            case .delta, .tierCeiling:
                consequence = "points or tier: see people reached below"
            }
            return [
                spillover.id, spillover.label, spillover.link.rawValue, spillover.when.text,
                HowItWorks.effect(spillover.effect), consequence,
            ]
        }
        blocks.append(
            .table(
                Table(
                    caption: "Spillovers and what followed over the run",
                    columns: ["spillover", "label", "link", "when", "effect", "over the run"],
                    rows: rows,
                    numeric: [false, false, false, false, false, false]
                )
            )
        )
        let quintiles = run.groups("income_quintile")
        if let all = run.groups("all").first {
            let reach: [(String, KeyPath<GroupTally, Int>)] = [
                ("an action blocked through a relative or employer", \.spilloverBlocked),
                ("points taken through friends, relatives or employer", \.spilloverPoints),
                ("tier capped through a link", \.spilloverCeiling),
                ("an action rewarded through a relative", \.spilloverRewarded),
            ]
            blocks.append(
                .table(
                    Table(
                        caption: "People reached by a spillover at the end of the run",
                        columns: ["reached by", "people"] + quintiles.map(WhoItHit.label),
                        rows: reach.map { name, path in
                            [
                                name,
                                "\(Format.count(all[keyPath: path])) (\(Format.percent(Effect.share(Double(all[keyPath: path]), of: Double(all.people)))))",
                            ]
                                + quintiles.map {
                                    Format.percent(Effect.share(Double($0[keyPath: path]), of: Double($0.people)))
                                }
                        }
                    )
                )
            )
            blocks.append(
                .chart(
                    Chart(
                        id: "spillover-reach",
                        kind: .bar,
                        title: "Reached by a spillover at the end, by income quintile",
                        summary:
                            "Share of each income quintile's people whom a spillover reached at the end of the run, by its effect.",
                        categories: quintiles.map(WhoItHit.label),
                        series: reach.prefix(2).map { name, path in
                            Chart.Series(
                                name: name,
                                values: quintiles.map { Effect.share(Double($0[keyPath: path]), of: Double($0.people)) }
                            )
                        },
                        categoryLabel: "income quintile",
                        valueLabel: "share of the quintile's people",
                        format: .share
                    )
                )
            )
        }
        return Section(id: "spillovers", title: "Spillovers", blocks: blocks)
    }
}

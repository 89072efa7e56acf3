import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit

/// "How it works": the scenario as readable tables, part by part.
enum HowItWorks {
    static func section(_ s: Scenario) -> Section {
        var blocks: [Block] = []
        if !s.summary.isEmpty { blocks.append(.paragraph(s.summary)) }
        if !s.basis.isEmpty { blocks.append(.paragraph("Basis: \(s.basis)")) }
        blocks.append(
            .paragraph(
                "Enrolment: \(s.enrolment.mode.rawValue)"
                    + (s.enrolment.mode == .consent ? ", \(Format.percent(s.enrolment.share)) opt in" : "")
                    + ". The score starts at \(s.score.initial) on a scale of \(s.score.minimum) to \(s.score.maximum)."
            )
        )
        blocks.append(
            .table(
                Table(
                    caption: "Tiers of the personal score",
                    columns: ["tier", "label", "from score"],
                    rows: s.score.tiers.map { [$0.id, $0.label, String($0.minimum)] },
                    numeric: [false, false, true]
                )
            )
        )
        blocks.append(
            .table(
                Table(
                    caption: "Behaviours the system cares about (base rates per person per year, before trait factors)",
                    columns: ["behaviour", "label", "conduct", "who", "per year"],
                    rows: s.behaviors.map {
                        [
                            $0.id, $0.label, $0.conduct.rawValue, $0.who.map(\.rawValue).joined(separator: ", "),
                            number($0.rate.perYear),
                        ]
                    },
                    numeric: [false, false, false, false, true]
                )
            )
        )
        blocks.append(
            .table(
                Table(
                    caption: "Monitoring sources (M2, M3): coverage is the chance a behaviour they observe is recorded",
                    columns: [
                        "source", "label", "operator", "observes", "coverage", "false attribution", "delay (days)",
                        "in force",
                    ],
                    rows: s.sources.map {
                        [
                            $0.id, $0.label, $0.operator_.rawValue, $0.observes.map(\.id).joined(separator: ", "),
                            Format.percent($0.coverage), Format.percent($0.falseAttribution), String($0.delayDays),
                            $0.rollout.text,
                        ]
                    },
                    numeric: [false, false, false, false, true, true, true, false]
                )
            )
        )
        blocks.append(
            .table(
                Table(
                    caption:
                        "Assessment rules (M4, M5): points per record, yearly caps, lifetimes, discretion, list triggers",
                    columns: [
                        "rule", "behaviour", "points", "cap per year", "lifetime (days)", "discretion", "lists",
                        "tier ceiling",
                    ],
                    rows: s.rules.map {
                        [
                            $0.id, $0.behavior.id, String($0.delta), $0.capPerYear.map(String.init) ?? "–",
                            $0.lifetimeDays.map(String.init) ?? "–", Format.percent($0.discretion),
                            $0.list?.id ?? "–", $0.tierCeiling?.id ?? "–",
                        ]
                    },
                    numeric: [false, false, true, true, true, true, false, false]
                )
            )
        )
        blocks.append(
            .table(
                Table(
                    caption: "Black and red lists (R2, M13)",
                    columns: ["list", "label", "kind", "for", "term (days)", "published", "entry", "in force"],
                    rows: s.lists.map {
                        [
                            $0.id, $0.label, $0.kind.rawValue, $0.subject.rawValue,
                            $0.termDays.map(String.init) ?? "indefinite", $0.published ? "yes" : "no",
                            $0.entry?.text ?? "by rules", $0.rollout.text,
                        ]
                    },
                    numeric: [false, false, false, false, true, false, false, false]
                )
            )
        )
        blocks.append(
            .table(
                Table(
                    caption: "Measures (M6, M7): punishments, rewards and notices",
                    columns: ["measure", "label", "kind", "for", "action", "when", "in force"],
                    rows: s.measures.map {
                        [
                            $0.id, $0.label, $0.kind.rawValue, $0.subject.rawValue, $0.action?.id ?? $0.channel ?? "–",
                            $0.when.text, $0.rollout.text,
                        ]
                    },
                    numeric: [false, false, false, false, false, false, false]
                )
            )
        )
        blocks.append(
            .table(
                Table(
                    caption: "Spillovers (M8, M9, M11): effects through family, friends and employers",
                    columns: ["spillover", "label", "link", "when the linked subject is", "effect", "in force"],
                    rows: s.spillovers.map {
                        [
                            $0.id, $0.label,
                            $0.link.rawValue + ($0.link == .friends ? " (\(Format.percent($0.share)) of them)" : ""),
                            $0.when.text, effect($0.effect), $0.rollout.text,
                        ]
                    },
                    numeric: [false, false, false, false, false, false]
                )
            )
        )
        blocks.append(
            .table(
                Table(
                    caption: "Responses (M12): how behaviour changes when people are sanctioned or watched",
                    columns: ["response", "label", "trigger", "behaviours", "rate factor", "lasts (days)"],
                    rows: s.responses.map {
                        [
                            $0.id, $0.label, $0.trigger.rawValue,
                            $0.behaviors.isEmpty
                                ? "all \($0.conduct?.rawValue ?? "") behaviours"
                                : $0.behaviors.map(\.id).joined(separator: ", "),
                            number($0.factor), $0.durationDays.map(String.init) ?? "while it holds",
                        ]
                    },
                    numeric: [false, false, false, false, true, false]
                )
            )
        )
        blocks.append(
            .table(
                Table(
                    caption: "Appeals",
                    columns: ["", "true records", "false records"],
                    rows: [
                        [
                            "share contested", Format.percent(s.appeals.contestTrue),
                            Format.percent(s.appeals.contestFalse),
                        ],
                        [
                            "share overturned when contested", Format.percent(s.appeals.successTrue),
                            Format.percent(s.appeals.successFalse),
                        ],
                        ["days to decide", String(s.appeals.daysToDecide), String(s.appeals.daysToDecide)],
                    ]
                )
            )
        )
        blocks.append(
            .table(
                Table(
                    caption: "Timeline (M10)",
                    columns: ["phase", "label", "start", "regions", "subjects"],
                    rows: s.timeline.map {
                        [
                            $0.id, $0.label, $0.start.description, $0.regions.text,
                            $0.subjects.map(\.rawValue).joined(separator: ", "),
                        ]
                    },
                    numeric: [false, false, false, false, false]
                )
            )
        )
        return Section(id: "how-it-works", title: "How it works", blocks: blocks)
    }

    static func effect(_ effect: Spillover.Effect) -> String {
        switch effect {
        case let .block(action): "blocks \(action.id)"
        case let .reward(action): "rewards \(action.id)"
        case let .delta(points): "\(points > 0 ? "+" : "")\(points) points"
        case let .tierCeiling(tier): "tier at most \(tier.id)"
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(format: "%.3g", value)
    }
}

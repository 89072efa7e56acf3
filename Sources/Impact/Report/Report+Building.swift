import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit

extension Report {
    /// The full report on a run: its key findings first, then how the system works, what it did,
    /// who it hit, its errors, its spillovers, whether it builds trust, and how to reproduce it.
    public init(_ run: RunData) {
        let s = run.scenario
        let people = Format.count(run.info.population)
        self.init(
            title: "\(s.name): impact report",
            subtitle: "\(people) synthetic people, \(run.info.start) to \(run.info.end), seed \(run.info.seed)"
                + (run.progress.finished ? "" : " (unfinished run: \(run.days) days stored)"),
            sections: [
                Findings.section(run),
                HowItWorks.section(s),
                WhatItDid.section(run),
                WhoItHit.section(run),
                Errors.section(run),
                Spillovers.section(run),
                Trust.section(run),
                Reproduce.section(run),
            ]
        )
    }
}

/// A line chart of monthly series of a run.
func monthly(
    _ run: RunData,
    id: String,
    title: String,
    summary: String,
    valueLabel: String,
    format: Chart.Format,
    series: [(name: String, metric: String, dashed: Bool)]
) -> Chart {
    Chart(
        id: id,
        kind: .line,
        title: title,
        summary: summary,
        categories: run.periods,
        series: series.map { Chart.Series(name: $0.name, values: run.values($0.metric), dashed: $0.dashed) },
        categoryLabel: "month",
        valueLabel: valueLabel,
        format: format
    )
}

extension Condition {
    /// The condition in words, as the scenario language writes it (the web app shows it too).
    public var text: String {
        switch self {
        case let .listed(list): "on list \(list.id)"
        case let .tierAtMost(tier): "tier \(tier.id) or worse"
        case let .tierAtLeast(tier): "tier \(tier.id) or better"
        case let .scoreBelow(score): "score below \(score)"
        case let .scoreAtLeast(score): "score \(score) or more"
        case let .cleanFor(days): "no negative record for \(days) days"
        case let .all(parts): parts.map(\.text).joined(separator: " and ")
        case let .any(parts): "(" + parts.map(\.text).joined(separator: " or ") + ")"
        }
    }
}

extension Rollout {
    /// When and where something is in force, in words.
    var text: String {
        var parts: [String] = []
        if let phase { parts.append("phase \(phase.id)") }
        if let start { parts.append("from \(start)") }
        if let end { parts.append("until \(end)") }
        parts.append(regions.text)
        return isUnconditional ? "always, everywhere" : parts.joined(separator: ", ")
    }
}

extension RegionSet {
    /// "everywhere" or the province names.
    var text: String {
        switch self {
        case .all: "everywhere"
        case let .provinces(codes):
            codes.sorted().map { Province.withCode($0)?.name ?? String($0) }.joined(separator: ", ")
        }
    }
}

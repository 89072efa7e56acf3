import RunRecords
import Simulation
import SocialCredit

/// One headline figure of a run, as `sclab compare` lines runs up and `sclab sweep` charts them
/// (docs/metrics.md, "Key metrics").
public struct KeyMetric: Sendable, Codable, Equatable {
    /// Stable id, used as a CSV column and a JSON key (`records`, `wrongful_blocks`, ...).
    public var id: String
    /// What it is, in words.
    public var label: String
    /// How it reads (count, share, score).
    public var format: Chart.Format
    /// The value; nil when undefined for the run (no counterfactual, no scored people).
    public var value: Double?

    /// A figure from its parts.
    public init(id: String, label: String, format: Chart.Format, value: Double?) {
        self.id = id
        self.label = label
        self.format = format
        self.value = value
    }
}

extension RunData {
    /// The headline figures of the run, in a fixed order: what it recorded and how often wrongly,
    /// whom it listed, blocked and rewarded, appeals, scores, and the behaviour change it caused
    /// against its counterfactual.
    public var keyMetrics: [KeyMetric] {
        let all = groups("all").first
        func people(_ count: Int?) -> Double? { count.map(Double.init) }
        let meanScore: Double? =
            all.flatMap { $0.scored > 0 ? Double($0.scoreSum) / Double($0.scored) : nil } ?? last("score.mean")
        return [
            KeyMetric(id: "records", label: "records made", format: .count, value: sum("records.total")),
            KeyMetric(
                id: "false_records",
                label: "false records (attached to the wrong person)",
                format: .count,
                value: sum("records.false")
            ),
            KeyMetric(
                id: "list_entries",
                label: "list entries made",
                format: .count,
                value: scenario.lists.reduce(0) { $0 + sum("list.entries.\($1.id)") }
            ),
            KeyMetric(
                id: "ever_blacklisted",
                label: "people ever on a black list",
                format: .count,
                value: people(all?.everBlacklisted)
            ),
            KeyMetric(
                id: "wrongful_listings",
                label: "listings caused by a false record",
                format: .count,
                value: sum("list.entries_false")
            ),
            KeyMetric(id: "blocked", label: "actions blocked", format: .count, value: sum("blocked.total")),
            KeyMetric(
                id: "wrongful_blocks",
                label: "actions blocked only because of false records",
                format: .count,
                value: sum("blocked_wrongly.total")
            ),
            KeyMetric(
                id: "sanctioned",
                label: "people sanctioned (an action blocked)",
                format: .count,
                value: people(all?.sanctioned)
            ),
            KeyMetric(id: "rewards", label: "rewards granted", format: .count, value: sum("rewards.total")),
            KeyMetric(id: "appeals", label: "appeals filed", format: .count, value: sum("appeals.filed")),
            KeyMetric(
                id: "overturned",
                label: "records overturned on appeal",
                format: .count,
                value: sum("appeals.overturned")
            ),
            KeyMetric(id: "mean_score", label: "mean final score of scored people", format: .score, value: meanScore),
            KeyMetric(id: "score_gini", label: "Gini of the final scores", format: .ratio, value: finalScoreGini),
            KeyMetric(
                id: "contradictory_change",
                label: "change in contradictory behaviour against the system switched off",
                format: .share,
                value: behaviourChange(.contradictory)
            ),
        ]
    }

    /// The Gini coefficient of the final scores from the last month's score bands, each person
    /// at the middle of their band (docs/metrics.md, "Gini"); nil without score bands.
    public var finalScoreGini: Double? {
        let bins = scoreBins
        guard bins.count > 1, let lastIndex = periods.indices.last else { return nil }
        let width = Double(bins[1].lower - bins[0].lower)
        return Inequality.gini(
            values: bins.map { Double($0.lower) + width / 2 },
            counts: bins.map { values($0.name)[lastIndex] ?? 0 }
        )
    }

    /// The score band metrics (`score.bin.<lower bound>`), by lower bound.
    var scoreBins: [(lower: Int, name: String)] {
        series.keys.filter { $0.hasPrefix("score.bin.") }
            .compactMap { name in Int(name.dropFirst("score.bin.".count)).map { ($0, name) } }.sorted { $0.0 < $1.0 }
    }

    /// (real − counterfactual) / counterfactual of people's behaviours of one conduct over the
    /// run (`counterfactualEffect`); nil without a counterfactual.
    public func behaviourChange(_ conduct: Behavior.Conduct) -> Double? {
        counterfactualEffect(conduct)?.relative
    }
}

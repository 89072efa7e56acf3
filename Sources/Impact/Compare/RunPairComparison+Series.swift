import RunRecords
import Simulation
import SocialCredit

/// One monthly series of both runs of a pair, on the months either run holds, so that they are
/// drawn on the same axes: the run report's key series (mean score, the share of people on each
/// list, records, false records, blocked actions, wrongful blocks, rewards).
public struct PairSeries: Sendable, Codable, Equatable {
    /// One month's value in each run (absent where the run holds none).
    public struct Point: Sendable, Codable, Equatable {
        /// The month, `YYYY-MM`.
        public var period: String
        /// The baseline's and the variant's value that month.
        public var baseline: Double?
        public var variant: Double?
    }

    /// Stable id (`score-mean`, `list-share-<list>`, `records`, ...).
    public var id: String
    /// What the chart shows, above it and in its description.
    public var title: String
    public var summary: String
    /// The value axis's title and how its values read.
    public var valueLabel: String
    public var format: Chart.Format
    /// Every month of either run, in order.
    public var points: [Point]

    /// Both runs on one line chart: the same months, the same value axis, a legend naming each.
    public func chart(baselineName: String, variantName: String) -> Chart {
        Chart(
            id: "compare-\(id)",
            kind: .line,
            title: title,
            summary: summary,
            categories: points.map(\.period),
            series: [
                Chart.Series(name: baselineName, values: points.map(\.baseline)),
                Chart.Series(name: variantName, values: points.map(\.variant)),
            ],
            categoryLabel: "month",
            valueLabel: valueLabel,
            format: format
        )
    }

    /// The key series of two runs, those that hold a value in either run.
    static func keySeries(_ baseline: RunData, _ variant: RunData) -> [PairSeries] {
        let months = Array(Set(baseline.periods + variant.periods)).sorted()
        func series(
            _ id: String,
            _ title: String,
            _ summary: String,
            _ valueLabel: String,
            _ format: Chart.Format,
            _ value: (RunData) -> [Double?]
        ) -> PairSeries? {
            func byMonth(_ run: RunData) -> [String: Double] {
                var out: [String: Double] = [:]
                for (period, value) in zip(run.periods, value(run)) { out[period] = value }
                return out
            }
            let a = byMonth(baseline)
            let b = byMonth(variant)
            guard !a.isEmpty || !b.isEmpty else { return nil }
            return PairSeries(
                id: id,
                title: title,
                summary: summary,
                valueLabel: valueLabel,
                format: format,
                points: months.map { Point(period: $0, baseline: a[$0], variant: b[$0]) }
            )
        }
        func metric(_ name: String) -> (RunData) -> [Double?] { { $0.values(name) } }
        var out: [PairSeries?] = [
            series(
                "score-mean",
                "Mean score of scored people",
                "The mean personal score at each month's end, in each run.",
                "mean score",
                .score,
                metric("score.mean")
            )
        ]
        let lists = (baseline.scenario.lists + variant.scenario.lists).filter { $0.subject == .people }.map(\.id)
        for list in lists.reduce(into: [String](), { if !$0.contains($1) { $0.append($1) } }) {
            out.append(
                series(
                    "list-share-\(list)",
                    "Share of people on \(list)",
                    "The share of the society's people on the list \(list) at each month's end, in each run.",
                    "share of people",
                    .share,
                    { run in
                        let people = Double(run.info.population)
                        return run.values("list.size.\(list)").map { value in
                            people > 0 ? value.map { $0 / people } : nil
                        }
                    }
                )
            )
        }
        for (id, name, title, what) in [
            ("records", "records.total", "Records made each month", "Records reaching the authority each month"),
            (
                "false-records", "records.false", "False records each month",
                "Records attached to the wrong person each month"
            ),
            (
                "blocked", "blocked.total", "Actions blocked each month",
                "Attempts refused by a measure or a spillover each month"
            ),
            (
                "blocked-wrongly", "blocked_wrongly.total", "Actions blocked wrongly each month",
                "Attempts refused only because of false records each month"
            ),
            ("rewards", "rewards.total", "Rewards granted each month", "Attempts a reward favoured each month"),
        ] {
            out.append(series(id, title, what + ", in each run.", "per month", .count, metric(name)))
        }
        return out.compactMap { $0 }
    }
}
